package main

import (
	"io"

	"github.com/casebook-cx/casebook/generator/content"
)

// runSchema prints the JSON Schema of front matter, for editors (the YAML
// language server's yaml.schemas setting) and CI.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("schema", "schema", stderr)
	if _, code, done := parse(fs, args, 0); done {
		return code
	}
	_, _ = stdout.Write(content.JSONSchema())
	return exitOK
}
