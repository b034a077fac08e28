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
	return (&url.URL{Path: rel}).EscapedPath() + anchor
}
