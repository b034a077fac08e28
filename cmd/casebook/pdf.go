package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/casebook-cx/casebook/generator/pdf"
	"github.com/casebook-cx/casebook/generator/site"
)

const pdfSynopsis = "pdf [--slides] [--edition NAME] [--out FILE] [--paper a4|letter] [--lang fi] [--all] [--tag T] [--framework F] [DIR] CASE..."

// runPdf builds the site into a temporary folder with one more page, the
// chosen cases' briefs (or slides) in one document, and prints that page
// to a PDF with the Chrome or Chromium of the machine.
func runPdf(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("pdf", pdfSynopsis, stderr)
	slides := fs.Bool("slides", false, "a 16:9 slide deck: a title slide, one per case, one per framework used, and the selection's insights")
	edition := fs.String("edition", "", "the edition of casebook.yaml to print (its cases, its replacements)")
	outFlag := fs.String("out", "", "the PDF to write (default casebook.pdf, or slides.pdf with --slides)")
	paperFlag := fs.String("paper", "a4", "the paper of briefs: a4 or letter (slides are 16:9 whatever it is)")
	lang := fs.String("lang", "", "the language of the cases printed (default: the site's first)")
	all := fs.Bool("all", false, "every case")
	tag := fs.String("tag", "", "every case with this tag")
	framework := fs.String("framework", "", "every case applying this framework (slug, title or alias)")
	pos, code, done := parse(fs, args, 1<<20)
	if done {
		return code
	}
	root := "."
	switch {
	case len(pos) > 0 && isLibrary(pos[0]):
		root, pos = pos[0], pos[1:]
	case len(pos) > 1 && isLibrary(pos[len(pos)-1]) && !isLibrary("."):
		// The folder last, as every other command takes it: a case
		// cannot be called the name of a library beside it.
		root, pos = pos[len(pos)-1], pos[:len(pos)-1]
	}
	if !editionKnown("pdf", root, *edition, stderr) {
		return exitUsage
	}
	if len(pos) == 0 && !*all && *tag == "" && *framework == "" {
		fmt.Fprintln(stderr, "casebook pdf: name the cases to print (by slug, title or alias), or give --all, --tag or --framework")
		fs.Usage()
		return exitUsage
	}
	i := slices.IndexFunc(pdf.Papers, func(p pdf.Paper) bool { return p.Name == strings.ToLower(*paperFlag) })
	if i < 0 {
		fmt.Fprintf(stderr, "casebook pdf: --paper is a4 or letter, not %q\n", *paperFlag)
		return exitUsage
	}
	paper := pdf.Papers[i]
	opts := site.Options{NoCards: true, Edition: *edition, Print: &site.Print{
		Cases: pos, All: *all, Tag: *tag, Framework: *framework, Lang: *lang, Slides: *slides}}
	out := *outFlag
	if out == "" {
		out = "casebook.pdf"
		if *slides {
			out = "slides.pdf"
		}
	}
	// Find the browser before building, so that a machine without one
	// hears so at once.
	browserPath, err := pdf.System().Find()
	if err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}

	tmp, err := os.MkdirTemp("", "casebook-pdf-")
	if err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}
	defer os.RemoveAll(tmp)
	public := filepath.Join(tmp, "public")
	disk, err := site.NewDiskOutput(public)
	if err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}
	stats, errs := site.Build(root, opts, disk)
	if errs.HasErrors() {
		disk.Abort()
		return report(errs, stderr)
	}
	if err := disk.Commit(); err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}

	browser, err := pdf.Start(context.Background(), browserPath)
	if err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}
	defer browser.Close()
	data, err := browser.Print(filepath.Join(public, filepath.FromSlash(stats.PrintFile)), paper, 2*time.Minute+time.Duration(len(stats.Printed))*time.Second)
	if err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}
	// Every sheet has a fixed size that fits the page, so the count can
	// only differ if a browser lays it out wider than ours; say so rather
	// than hand over a deck with a half-empty page in it.
	doc, err := pdf.Read(data)
	if err != nil || len(doc.Pages) != stats.PrintPages {
		got := "unreadable"
		if err == nil {
			got = fmt.Sprint(len(doc.Pages))
		}
		fmt.Fprintf(stderr, "casebook pdf: the browser (%s) printed %s pages where %d were laid out; the PDF is written, but check it\n", browserPath, got, stats.PrintPages)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "casebook pdf: %v\n", err)
		return exitContent
	}
	what := plural(stats.PrintPages, "brief", "briefs")
	if *slides {
		what = plural(stats.PrintPages, "slide", "slides")
	}
	fmt.Fprintf(stdout, "wrote %s: %d %s of %d %s (%s)\n", out, stats.PrintPages, what, len(stats.Printed), plural(len(stats.Printed), "case", "cases"), strings.Join(stats.Printed, ", "))
	return exitOK
}
