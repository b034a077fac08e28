package content

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/casebook-cx/casebook/generator/diag"
)

// ConfigFile is the site configuration's name in the site root.
const ConfigFile = "casebook.yaml"

// Config is casebook.yaml. Every key is optional.
type Config struct {
	Title       string
	Description string
	BaseURL     string   // absolute http(s) URL the site is published at, ending in "/"; "" when unknown
	Languages   []string // the first is the default language, served from the site root
	Unsafe      bool     // pass raw HTML in Markdown through instead of escaping it
	Params      map[string]any

	// NoContentDir is set when the site has no content/ folder: it is a
	// folder of notes (an Obsidian vault, say), read as it is.
	NoContentDir bool
	// HasFile is whether the site has a casebook.yaml.
	HasFile bool
	// MissingLinks is what a link to a page or file that does not exist
	// is: an error ("error"), or a warning ("warn") that shows the link as
	// plain text, as Obsidian shows a note not written yet. A folder
	// without casebook.yaml warns; a library errs unless it sets
	// links: {missing: warn}.
	MissingLinks string
	// JSONParams are the front matter keys casebook does not know that
	// casebook.json may carry (json: {params: [...]}); the others stay in
	// templates, since a key like client: or fee: is no reader's business.
	JSONParams []string
	// Editions are the sites casebook.yaml's editions: defines, by name;
	// Edition is the one being built, nil for the whole library.
	Editions map[string]*Edition
	Edition  *Edition
}

// Notes reports whether the site is a folder of notes without content/,
// read as it is: folders are sections, and index.md, a note named as its
// folder, and Home.md or README.md at the top give a section its text.
func (c *Config) Notes() bool { return c.NoContentDir }

// ContentDir is the folder pages are read from, relative to the site
// root: content, or "" for a folder of notes.
func (c *Config) ContentDir() string {
	if c.NoContentDir {
		return ""
	}
	return Dir
}

// Source is the path, relative to the site root, of the file at rel
// under the content folder.
func (c *Config) Source(rel string) string {
	if c.NoContentDir {
		return rel
	}
	return Dir + "/" + rel
}

// ContentPath is the path under the content folder of a file given
// relative to the site root; ok is false for a file outside it.
func (c *Config) ContentPath(file string) (rel string, ok bool) {
	if c.NoContentDir {
		return file, file != "" && !strings.HasPrefix(file, "../")
	}
	return strings.CutPrefix(file, Dir+"/")
}

// DefaultLanguage is the language of pages without a language suffix.
func (c *Config) DefaultLanguage() string { return c.Languages[0] }

// HasLanguage reports whether lang is configured.
func (c *Config) HasLanguage(lang string) bool {
	for _, l := range c.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// LoadConfig reads casebook.yaml from the site root. A missing file gives
// the defaults; a broken one gives positioned errors.
func LoadConfig(root string) (*Config, diag.List) {
	cfg := DefaultConfig()
	if info, err := os.Stat(filepath.Join(root, Dir)); err != nil || !info.IsDir() {
		cfg.NoContentDir = true
	}
	src, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		cfg.MissingLinks = "warn"
		return cfg, nil
	}
	cfg.HasFile = true
	var errs diag.List
	if err != nil {
		errs.Errorf(diag.Pos{Path: ConfigFile}, "%v", err)
		return cfg, errs
	}
	d := &decoder{path: ConfigFile, lineOffset: 0, errs: &errs}
	root_, ok := d.parse(src, 1)
	if !ok {
		return cfg, errs
	}
	for _, kv := range d.mapping(root_, "") {
		switch kv.key {
		case "title":
			cfg.Title, _ = d.text(kv.value, kv.key)
		case "description":
			cfg.Description, _ = d.text(kv.value, kv.key)
		case "baseURL", "baseurl":
			s, _ := d.text(kv.value, kv.key)
			if s == "" {
				break
			}
			base, err := ParseBaseURL(s)
			if err != nil {
				d.errorf(kv.value, "%s: %v", kv.key, err)
			}
			cfg.BaseURL = base
		case "languages":
			langs := d.textList(kv.value, kv.key)
			for i, l := range langs {
				if l == "" || Slugify(l) != l {
					d.errorf(kv.value.Content[i], "languages[%d]: want a language code such as en or fi, got %q", i, l)
				}
			}
			if len(langs) > 0 {
				cfg.Languages = langs
			}
		case "unsafe":
			cfg.Unsafe, _ = d.boolean(kv.value, kv.key)
		case "links":
			for _, lk := range d.mapping(kv.value, kv.key) {
				if lk.key != "missing" {
					d.unknown(lk, "links", "missing")
					continue
				}
				s, _ := d.text(lk.value, "links.missing")
				if s != "warn" && s != "error" {
					d.errorf(lk.value, "links.missing: want warn or error, got %s", describe(resolve(lk.value)))
					continue
				}
				cfg.MissingLinks = s
			}
		case "editions":
			cfg.Editions = d.editions(kv.value)
		case "json":
			for _, jk := range d.mapping(kv.value, kv.key) {
				if jk.key != "params" {
					d.unknown(jk, "json", "params")
					continue
				}
				cfg.JSONParams = d.textList(jk.value, "json.params")
			}
		default:
			d.unknownKey(kv, configKeys, "config-unknown-key")
			cfg.Params[kv.key] = d.any(kv.value)
		}
	}
	return cfg, errs
}

// configKeys are the keys of casebook.yaml that casebook reads; others
// are the site's own parameters.
var configKeys = []string{"title", "description", "baseURL", "languages", "unsafe", "links", "editions", "json"}

// ParseBaseURL checks a baseURL, from casebook.yaml or the command line,
// and returns it ending in "/". It must be an absolute http or https URL:
// one without a scheme ("example.com/cases") or with a misspelt one
// ("htps://...") would make every absolute link of the site, the sitemap
// and the feeds wrong, and html/template turns an unknown scheme into
// "#ZgotmplZ".
func ParseBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(s, " \t\n") {
		return "", fmt.Errorf("want an absolute http or https URL such as https://example.com/casebook/, got %q", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}
