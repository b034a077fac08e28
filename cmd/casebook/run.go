package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/casebook-cx/casebook/generator/diag"
	"github.com/casebook-cx/casebook/generator/scaffold"
	"github.com/casebook-cx/casebook/generator/site"
)

// Exit codes, as the SPEC fixes them.
const (
	exitOK      = 0
	exitContent = 1 // the library has errors, or a file could not be written
	exitUsage   = 2 // the command line is wrong
)

const usage = `casebook turns a folder of Markdown case studies into a static site.

Usage:
  casebook init DIR                               start a new library
  casebook build [--drafts] [--confidential] [--edition NAME | --editions] [--out public] [--baseURL URL] [--timings] [DIR]
                                                  build the site in DIR (default .)
  casebook check [--format text|json] [--drafts] [--confidential] [--edition NAME] [DIR]
                                                  validate everything, write nothing
  casebook new case|framework "Title" [DIR]       start a page from a template
  casebook serve [--port 1313] [--open] [DIR]     live preview at http://127.0.0.1:1313/
  casebook search [--lang fi] "QUERY" [DIR]       query the built site's index: URL path and title, best first
  casebook mv [--alias] OLD NEW [DIR]             move or rename a page, rewriting every link to it
  casebook pdf [--slides] [--out FILE] [DIR] CASE...
                                                  print cases' one-page briefs (or a slide deck) to a PDF
  casebook schema                                 print the JSON Schema of front matter
  casebook lsp [DIR]                              a language server over stdio, for editors
  casebook version                                print the version, commit and build date

Run "casebook COMMAND -h" for a command's flags.
`

type command struct {
	name string
	fn   func(args []string, stdout, stderr io.Writer) int
}

// run is the program: it parses args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	commands := []command{
		{"init", runInit}, {"build", runBuild}, {"check", runCheck},
		{"new", runNew}, {"search", runSearch}, {"serve", runServe}, {"version", runVersion},
		{"mv", runMv}, {"schema", runSchema}, {"lsp", runLsp}, {"pdf", runPdf},
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.fn(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "casebook: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// flagSet makes a FlagSet whose -h prints the command's usage line.
func flagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: casebook %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags wherever they stand among the arguments, so that
// "casebook build site --drafts" works like "casebook build --drafts site".
// It returns the positional arguments, or a done exit code for -h or a
// flag error.
func parse(fs *flag.FlagSet, args []string, maxArgs int) (pos []string, code int, done bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, true
			}
			return nil, exitUsage, true
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) > maxArgs {
		fmt.Fprintf(fs.Output(), "casebook %s: too many arguments: %s\n", fs.Name(), strings.Join(pos[maxArgs:], " "))
		fs.Usage()
		return nil, exitUsage, true
	}
	return pos, exitOK, false
}

// siteDir is the DIR argument, defaulting to the current folder; it must
// exist and be a folder.
func siteDir(pos []string, i int, stderr io.Writer) (string, bool) {
	dir := "."
	if len(pos) > i {
		dir = pos[i]
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "casebook: %s is not a folder\n", dir)
		return "", false
	}
	return dir, true
}

// report prints diagnostics one a line to stderr and returns the exit
// code they call for.
func report(errs diag.List, stderr io.Writer) int {
	for _, d := range errs {
		fmt.Fprintln(stderr, d)
	}
	if errs.HasErrors() {
		n := len(errs.Errors())
		fmt.Fprintf(stderr, "%d %s\n", n, plural(n, "error", "errors"))
		return exitContent
	}
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("build", "build [--drafts] [--confidential] [--edition NAME | --editions] [--out public] [--baseURL URL] [--timings] [DIR]", stderr)
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	confidential := fs.Bool("confidential", false, "include pages marked confidential: true, for an internal site")
	edition := fs.String("edition", "", "build the edition of casebook.yaml's editions: with this name (into public-editions/NAME unless --out)")
	editions := fs.Bool("editions", false, "build every edition, each into public-editions/NAME (or --out/NAME)")
	baseFlag := fs.String("baseURL", "", "the address the site is published at, replacing casebook.yaml's (deploy previews)")
	outFlag := fs.String("out", "public", "output folder, relative to DIR unless absolute")
	timings := fs.Bool("timings", false, "print how long each step of the build took")
	pos, code, done := parse(fs, args, 1)
	if done {
		return code
	}
	var baseURL string
	if *baseFlag != "" {
		var err error
		if baseURL, err = content.ParseBaseURL(*baseFlag); err != nil {
			fmt.Fprintf(stderr, "casebook build: --baseURL: %v\n", err)
			return exitUsage
		}
	}
	if *edition != "" && *editions {
		fmt.Fprintln(stderr, "casebook build: give --edition NAME or --editions, not both")
		return exitUsage
	}
	if strings.TrimSpace(*outFlag) == "" {
		fmt.Fprintln(stderr, "casebook build: --out is empty; name the folder to build into, such as --out public")
		return exitUsage
	}
	root, ok := siteDir(pos, 0, stderr)
	if !ok {
		return exitUsage
	}
	if !editionKnown("build", root, *edition, stderr) {
		return exitUsage
	}
	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "out" })
	out := *outFlag
	if *edition != "" || *editions {
		if !outGiven {
			out = "public-editions"
		}
		if *edition != "" && !outGiven {
			out = filepath.Join(out, *edition)
		}
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	opts := site.Options{Drafts: *drafts, Confidential: *confidential, BaseURL: baseURL, Edition: *edition}
	if !*editions {
		return buildInto(root, out, opts, *timings, false, stdout, stderr)
	}
	cfg, errs := content.LoadConfig(root)
	if errs.HasErrors() {
		return report(errs, stderr)
	}
	if len(cfg.Editions) == 0 {
		fmt.Fprintf(stderr, "casebook build: --editions: %s defines no editions:\n", content.ConfigFile)
		return exitUsage
	}
	worst := exitOK
	for _, name := range slices.Sorted(maps.Keys(cfg.Editions)) {
		opts.Edition = name
		worst = max(worst, buildInto(root, filepath.Join(out, name), opts, *timings, true, stdout, stderr))
	}
	return worst
}

// buildInto builds the site (or one edition of it) into out, replacing
// out only when the build, its leak check included, succeeded. One of
// several editions names itself in every problem it reports: the same
// line can be wrong in one edition and right in the next.
func buildInto(root, out string, opts site.Options, timings, oneOfSeveral bool, stdout, stderr io.Writer) int {
	start := time.Now()
	disk, err := site.NewDiskOutput(out)
	if err != nil {
		fmt.Fprintf(stderr, "casebook: %v\n", err)
		return exitContent
	}
	progress, finish := progressMeter(stderr, start)
	prepared, restore := boundMemory()
	defer restore()
	opts.Progress, opts.Prepared = progress, prepared
	stats, errs := site.Build(root, opts, disk)
	finish()
	if oneOfSeveral {
		for i := range errs {
			errs[i].Message = "edition " + opts.Edition + ": " + errs[i].Message
		}
	}
	if errs.HasErrors() {
		disk.Abort()
		return report(errs, stderr)
	}
	if err := disk.Commit(); err != nil {
		fmt.Fprintf(stderr, "casebook: replacing %s: %v\n", out, err)
		return exitContent
	}
	report(errs, stderr) // warnings
	if stats.BaseURL == "" {
		fmt.Fprintln(stderr, noBaseURL)
	}
	if timings {
		for _, p := range stats.Phases {
			fmt.Fprintf(stdout, "%-17s %8.3fs\n", p.Name, p.Duration.Seconds())
		}
	}
	fmt.Fprintln(stdout, stats.Summary(out, time.Since(start).Seconds()))
	return exitOK
}

// noBaseURL is the one warning a build without a baseURL prints.
const noBaseURL = "warning: no baseURL, so no sitemap.xml, canonical links or share-card images were written and feeds use relative links; " +
	"set baseURL: https://example.com/casebook/ in casebook.yaml, or build --baseURL URL, to the address the site is published at"

// progressMeter shows "rendering N/M" on a terminal once a build has run
// for a second; elsewhere (logs, CI, tests) it prints nothing.
func progressMeter(stderr io.Writer, start time.Time) (progress func(done, total int), finish func()) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil, func() {}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil, func() {}
	}
	var mu sync.Mutex
	var last time.Time
	shown := false
	progress = func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if now.Sub(start) < time.Second || now.Sub(last) < 100*time.Millisecond {
			return
		}
		last, shown = now, true
		fmt.Fprintf(f, "\rrendering %d/%d", done, total)
	}
	finish = func() {
		if shown {
			fmt.Fprint(f, "\r\033[K")
		}
	}
	return progress, finish
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("check", "check [--format text|json] [--drafts] [--confidential] [--edition NAME] [DIR]", stderr)
	format := fs.String("format", "text", "text (one problem a line on stderr) or json (a list on stdout)")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true as part of the site")
	confidential := fs.Bool("confidential", false, "check the internal site, with pages marked confidential: true")
	edition := fs.String("edition", "", "check the edition of casebook.yaml's editions: with this name, leak check included")
	pos, code, done := parse(fs, args, 1)
	if done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "casebook check: --format is text or json, not %q\n", *format)
		return exitUsage
	}
	root, ok := siteDir(pos, 0, stderr)
	if !ok {
		return exitUsage
	}
	if !editionKnown("check", root, *edition, stderr) {
		return exitUsage
	}
	errs := site.Check(root, site.Options{Drafts: *drafts, Confidential: *confidential, Edition: *edition})
	if *format == "json" {
		list := errs
		if list == nil {
			list = diag.List{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(list)
		if errs.HasErrors() {
			return exitContent
		}
		return exitOK
	}
	if code := report(errs, stderr); code != exitOK {
		return code
	}
	if n := len(errs.Warnings()); n > 0 {
		fmt.Fprintf(stdout, "no errors, %d %s\n", n, plural(n, "warning", "warnings"))
	} else {
		fmt.Fprintln(stdout, "no problems found")
	}
	return exitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("init", "init DIR", stderr)
	pos, code, done := parse(fs, args, 1)
	if done {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	written, err := scaffold.Init(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "casebook init: %v\n", err)
		return exitContent
	}
	for _, f := range written {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(pos[0], f))
	}
	fmt.Fprintf(stdout, "\nnext: casebook build %s, then open %s\n", pos[0], filepath.Join(pos[0], "public", "index.html"))
	return exitOK
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("new", `new case|framework "Title" [DIR]`, stderr)
	pos, code, done := parse(fs, args, 3)
	if done {
		return code
	}
	if len(pos) < 2 || (pos[0] != "case" && pos[0] != "framework") {
		fs.Usage()
		return exitUsage
	}
	if strings.TrimSpace(pos[1]) == "" {
		fmt.Fprintf(stderr, "casebook new: the title is empty; give the page's title: casebook new %s \"Title\"\n", pos[0])
		return exitUsage
	}
	if content.Slugify(pos[1]) == "" {
		fmt.Fprintf(stderr, "casebook new: the title %q needs at least one letter or digit to make a file name from\n", pos[1])
		return exitUsage
	}
	if len(pos) == 2 && isLibrary(pos[1]) {
		// "casebook new case lib": the writer gave the folder and forgot
		// the title; without this, the page would be lib.md in the wrong place.
		fmt.Fprintf(stderr, "casebook new: %q is a library folder, not a title; the title is missing: casebook new %s \"Title\" %s\n", pos[1], pos[0], pos[1])
		return exitUsage
	}
	root, ok := siteDir(pos, 2, stderr)
	if !ok {
		return exitUsage
	}
	if !isLibrary(root) {
		fmt.Fprintf(stderr, "casebook new: %s is not a casebook library (it has neither %s nor a %s folder); give the library's folder as the last argument, or start one with casebook init\n",
			root, content.ConfigFile, content.Dir)
		return exitUsage
	}
	rel, err := scaffold.NewPage(root, content.Kind(pos[0]), pos[1], time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "casebook new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s (a draft: build --drafts shows it; remove draft: true to publish)\n", filepath.Join(root, rel))
	return exitOK
}

// editionKnown checks an --edition value against casebook.yaml: a name it
// does not define is a wrong command line, told before any work. A config
// that does not load is left for the command to report with the rest.
func editionKnown(command, root, name string, stderr io.Writer) bool {
	if name == "" {
		return true
	}
	cfg, errs := content.LoadConfig(root)
	if errs.HasErrors() || cfg.Editions[name] != nil {
		return true
	}
	names := slices.Sorted(maps.Keys(cfg.Editions))
	fmt.Fprintf(stderr, "casebook %s: --edition %s: %s defines no edition of that name (it has %s)\n",
		command, name, content.ConfigFile, cmp.Or(strings.Join(names, ", "), "none"))
	return false
}

// isLibrary reports whether dir holds a casebook library: a config file
// or a content folder.
func isLibrary(dir string) bool {
	for _, name := range []string{content.ConfigFile, content.Dir} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}
