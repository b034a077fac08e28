package render

import (
	"net/url"
	"strings"
)

// RelURL is the link from the page at folder from ("cases/x/", "" for the
// home page) to target (a folder ending in "/", or a file). Folders get an
// explicit index.html so that links work when the site is opened from disk,
// where no server turns a folder into its index.
func RelURL(from, target string) string {
	target, anchor, hasAnchor := strings.Cut(target, "#")
	if hasAnchor {
		anchor = "#" + url.PathEscape(anchor)
	}
	return relPath(from, target) + anchor
}

// RelFileURL is the link from the page at folder from to a file whose
// name may hold any character, # and ? among them (an attachment in a
// folder of notes).
func RelFileURL(from, file string) string {
	return strings.NewReplacer("#", "%23", "?", "%3F").Replace(relPath(from, file))
}

// relPath is RelURL without an anchor, escaped as a URL path.
func relPath(from, target string) string {
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	fromDir := strings.Split(strings.TrimSuffix(from, "/"), "/")
	if from == "" {
		fromDir = nil
	}
	parts := strings.Split(target, "/")
	common := 0
	for common < len(fromDir) && common < len(parts)-1 && fromDir[common] == parts[common] {
		common++
	}
	rel := strings.Repeat("../", len(fromDir)-common) + strings.Join(parts[common:], "/")
	return (&url.URL{Path: rel}).EscapedPath()
}
