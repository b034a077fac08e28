package main

import (
	"fmt"
	"io"

	"github.com/casebook-cx/casebook/generator/rename"
)

func runMv(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("mv", `mv [--alias] [--dry-run] OLD NEW [DIR]`, stderr)
	alias := fs.Bool("alias", false, "when the title changes, keep the old title as an alias")
	dryRun := fs.Bool("dry-run", false, "print what would change, and change nothing")
	pos, code, done := parse(fs, args, 3)
	if done {
		return code
	}
	if len(pos) < 2 {
		fmt.Fprintln(stderr, `casebook mv: want the page (its path, slug or title) and its new path, slug or title`)
		fs.Usage()
		return exitUsage
	}
	root, ok := siteDir(pos, 2, stderr)
	if !ok {
		return exitUsage
	}
	change, err := rename.Plan(root, pos[0], pos[1], rename.Options{Alias: *alias})
	if err != nil {
		fmt.Fprintf(stderr, "casebook mv: %v\n", err)
		return exitContent
	}
	if *dryRun {
		for _, m := range change.Moves {
			fmt.Fprintf(stdout, "would move %s to %s\n", m.From, m.To)
		}
		for _, f := range change.Files {
			fmt.Fprintf(stdout, "would rewrite %s (%d %s)\n", f.Path, len(f.Edits), plural(len(f.Edits), "edit", "edits"))
		}
		return exitOK
	}
	reports, err := change.Apply(root)
	for _, r := range reports {
		switch {
		case r.What != "" && r.Edits > 0:
			fmt.Fprintf(stdout, "%s: %s, %d %s\n", r.File, r.What, r.Edits, plural(r.Edits, "edit", "edits"))
		case r.What != "":
			fmt.Fprintf(stdout, "%s: %s\n", r.File, r.What)
		default:
			fmt.Fprintf(stdout, "%s: %d %s\n", r.File, r.Edits, plural(r.Edits, "edit", "edits"))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "casebook mv: %v (the files above were changed)\n", err)
		return exitContent
	}
	return exitOK
}
