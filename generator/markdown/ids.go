package markdown

import (
	"strconv"

	"github.com/casebook-cx/casebook/generator/content"
	"github.com/yuin/goldmark/ast"
)

// headingIDs gives headings ids made the way slugs are (so Finnish headings
// keep their letters), unique within one document: a repeat gets -1, -2.
type headingIDs struct {
	used map[string]bool
}

// AnchorID is the id a heading with this text gets, before de-duplication.
// Links name headings by text or by id; both go through it.
func AnchorID(text string) string {
	if id := content.Slugify(text); id != "" {
		return id
	}
	return "section"
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := AnchorID(string(value))
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
