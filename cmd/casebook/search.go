package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/search"
	"github.com/casebook-cx/casebook/generator/site"
)

func runSearch(args []string, stdout, stderr io.Writer) int {
	flags := flagSet("search", `search [--lang fi] [--type case] [--industry X] [--tag X] [--framework X] [--limit 10] [--stats] [--out public] "QUERY" [DIR]`, stderr)
	lang := flags.String("lang", "", "the language to search (default: the site's first)")
	outFlag := flags.String("out", "public", "the built site, relative to DIR unless absolute")
	limit := flags.Int("limit", 10, "results to print")
	stats := flags.Bool("stats", false, "also print, on stderr, the index files a browser would download for this query")
	filter := map[string]*string{}
	for _, f := range search.Facets {
		filter[f] = flags.String(f, "", "only results whose "+f+" is this value")
	}
	pos, code, done := parse(flags, args, 2)
	if done {
		return code
	}
	if len(pos) == 0 {
		flags.Usage()
		return exitUsage
	}
	if *limit < 1 {
		fmt.Fprintf(stderr, "casebook search: --limit %d: want 1 or more results\n", *limit)
		return exitUsage
	}
	root, ok := siteDir(pos, 1, stderr)
	if !ok {
		return exitUsage
	}
	built := *outFlag
	if !filepath.IsAbs(built) {
		built = filepath.Join(root, built)
	}
	if _, err := os.Stat(filepath.Join(root, site.SearchDir, "meta.js")); err == nil {
		built = root // DIR is itself a built site
	}
	fsys := os.DirFS(built)
	ix, err := openIndex(fsys, built, *lang)
	if err != nil {
		fmt.Fprintf(stderr, "casebook search: %v\n", err)
		return exitContent
	}
	req := search.Request{Text: pos[0], Limit: *limit, Filter: map[string]string{}}
	for f, v := range filter {
		if *v == "" {
			continue
		}
		values := ix.FacetValues(f)
		value, ok := facetValue(values, *v)
		if !ok {
			fmt.Fprintf(stderr, "casebook search: --%s %q matches no page; the values are: %s\n", f, *v, strings.Join(values, ", "))
			return exitUsage
		}
		req.Filter[f] = value
	}
	res, err := search.Query(ix, req)
	if err != nil {
		fmt.Fprintf(stderr, "casebook search: %v\n", err)
		return exitContent
	}
	for _, h := range res.Hits {
		fmt.Fprintf(stdout, "/%s\t%s\n", h.URL, h.Title)
	}
	if *stats {
		client, _ := fs.ReadFile(fsys, "assets/search.js")
		fmt.Fprintf(stderr, "%d results; a first visitor downloads %d bytes: the client (%d) and %d index files (%d)\n",
			res.Total, len(client)+res.Bytes, len(client), len(res.Files), res.Bytes)
	}
	if len(res.Hits) == 0 {
		// Like grep: nothing found is a line on stderr and exit 1, so a
		// script can tell it from a result.
		fmt.Fprintf(stderr, "casebook search: nothing matched %q\n", pos[0])
		return exitContent
	}
	return exitOK
}

// openIndex opens the index of lang in a built site: the default
// language's at search/, another's at LANG/search/.
func openIndex(fsys fs.FS, dir, lang string) (*search.Index, error) {
	ix, err := search.Open(fsys, strings.TrimSuffix(site.SearchDir, "/"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no search index in %s (no %s): run casebook build first", dir, path.Join(site.SearchDir, "meta.js"))
	}
	if err != nil || lang == "" || ix.Lang() == lang {
		return ix, err
	}
	ix, err = search.Open(fsys, path.Join(lang, site.SearchDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no search index for language %q", lang)
	}
	return ix, err
}

// facetValue finds the value a filter names: as the index has it, or by
// its slug, so that --framework care-across-the-chain and --tag billing
// name what pdf and editions would (Care Across the Chain, Billing).
func facetValue(values []string, given string) (string, bool) {
	if slices.Contains(values, given) {
		return given, true
	}
	slug := content.Slugify(given)
	for _, v := range values {
		if slug != "" && content.Slugify(v) == slug {
			return v, true
		}
	}
	return "", false
}
