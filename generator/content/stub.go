package content

import (
	"regexp"
	"strings"
)

// stub is what a file that could not be read as a page (no front matter,
// not UTF-8, ...) still is by its path: a slug, a path and a kind. Links
// to it resolve against the stub, so the one mistake in the file is not
// reported again at every link to it elsewhere.
func stub(rel string, cfg *Config) *Page {
	p := &Page{File: cfg.Source(rel), Params: map[string]any{}}
	identify(p, rel, cfg)
	p.setURL(cfg)
	return p
}

// salvageLine matches a one-line "title: ..." or "aliases: [...]" in front
// matter the YAML library rejected.
var salvageLine = regexp.MustCompile(`^(title|aliases):[ \t]+(.+?)[ \t]*$`)

// salvageNames reads the title and aliases of front matter that is not
// valid YAML, line by line, so that links naming the page by its title
// still find it while its front matter is being fixed.
func salvageNames(fm []byte, p *Page) {
	for _, line := range strings.Split(string(fm), "\n") {
		m := salvageLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		value := strings.TrimSpace(stripComment(m[2]))
		switch m[1] {
		case "title":
			if p.Title == "" {
				p.Title = strings.Trim(value, `"'`)
			}
		case "aliases":
			if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
				for _, a := range strings.Split(value[1:len(value)-1], ",") {
					if a = strings.Trim(strings.TrimSpace(a), `"'`); a != "" {
						p.Aliases = append(p.Aliases, a)
					}
				}
			}
		}
	}
}
