// Package layouts holds casebook's default templates, CSS and JavaScript.
// A site overrides any of them by putting a file of the same name in its
// own layouts/ folder.
package layouts

import "embed"

// FS is the default layouts: *.html page templates, partials/*.html shared
// pieces, and assets/* copied to the site's assets/ folder.
//
//go:embed *.html partials/*.html assets/*
var FS embed.FS

// Mermaid is the vendored mermaid bundle (vendor/mermaid/README.md says
// which version and how to update it). It is kept out of assets/ so that
// a site is given it only when one of its pages draws a diagram.
//
//go:embed vendor/mermaid/mermaid.min.js
var Mermaid []byte
