// Package host knows what a static host needs to serve a casebook site
// well: the Content-Security-Policy the built pages are written to pass,
// the cache headers that suit their file names, and the files that set up
// GitHub Pages, Netlify and Cloudflare Pages, which casebook init writes.
// The policy lives here only: the _headers file and the browser test that
// proves the site runs under it both take it from ContentSecurityPolicy.
package host

import (
	"fmt"
	"strings"
)

// ContentSecurityPolicy is the policy a built site runs under: scripts,
// styles and everything else only from the site itself, nothing inline
// and no eval (the search index loads as same-origin script files, and
// the only inline <script> is a JSON data block, which is never run).
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Rule is the headers a host sends for the paths a pattern matches, in
// the _headers syntax of Netlify and Cloudflare Pages ("/assets/*").
type Rule struct {
	Path    string
	Headers [][2]string
}

// AssetCache is the cache policy of the stylesheets, scripts and icon in
// assets/: they change only when casebook or a site's layouts do, and
// their names carry no fingerprint, so an hour is as long as a reader
// may see an old one after such a change. Every other file (pages, feeds,
// search shards, whose names stay while their content changes) keeps the
// hosts' default, which Netlify and Cloudflare Pages both make
// "public, max-age=0, must-revalidate": kept, but checked by ETag before
// each use, so a new build shows at once and a page never meets a stale
// search index. Cache-Control is not set for /* as well, because both
// hosts join the values of a header set by two matching rules.
const AssetCache = "public, max-age=3600"

// Rules are the headers of a casebook site. No two rules set the same
// header for one path.
func Rules() []Rule {
	return []Rule{
		{"/*", [][2]string{
			{"Content-Security-Policy", ContentSecurityPolicy},
			{"X-Content-Type-Options", "nosniff"},
			{"Referrer-Policy", "strict-origin-when-cross-origin"},
		}},
		{"/assets/*", [][2]string{{"Cache-Control", AssetCache}}},
	}
}

// HeadersFile is the _headers file of Netlify and Cloudflare Pages, which
// both read it from the root of the published folder.
func HeadersFile() string {
	var b strings.Builder
	b.WriteString("# Headers for Netlify and Cloudflare Pages, written by casebook init.\n")
	b.WriteString("# casebook copies static/ to the site's root, where both hosts read it.\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "%s\n", r.Path)
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
		}
	}
	return b.String()
}
