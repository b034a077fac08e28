package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/casebook-cx/casebook/generator/lsp"
)

// stdin is what casebook lsp reads; a variable so tests can feed it.
var stdin io.Reader = os.Stdin

func runLsp(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("lsp", "lsp [DIR]", stderr)
	fs.Bool("stdio", true, "talk over stdin and stdout (the only way; accepted because editors pass it)")
	pos, code, done := parse(fs, args, 1)
	if done {
		return code
	}
	root := ""
	if len(pos) == 1 {
		dir, ok := siteDir(pos, 0, stderr)
		if !ok {
			return exitUsage
		}
		root = dir
	}
	if err := lsp.Serve(context.Background(), stdin, stdout, lsp.Options{Root: root, Log: stderr}); err != nil {
		fmt.Fprintf(stderr, "casebook lsp: %v\n", err)
		return exitContent
	}
	return exitOK
}
