package content

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"testing"
)

// decoderKeys reads the decoder's source and returns, for each function
// of it, the keys its switch statements handle: what the decoder knows,
// whatever FrontMatter says.
func decoderKeys(t *testing.T) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "page.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok {
				return true
			}
			if sel, ok := sw.Tag.(*ast.SelectorExpr); !ok || sel.Sel.Name != "key" {
				if id, ok := sw.Tag.(*ast.Ident); !ok || id.Name != "key" {
					return true
				}
			}
			for _, stmt := range sw.Body.List {
				for _, e := range stmt.(*ast.CaseClause).List {
					if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						keys[fn.Name.Name] = append(keys[fn.Name.Name], s)
					}
				}
			}
			return true
		})
	}
	return keys
}

// TestSchemaKnowsEveryKey fails when the decoder learns a key that
// FrontMatter (and so the schema and the did-you-mean hints) lacks, or
// FrontMatter lists one the decoder ignores.
func TestSchemaKnowsEveryKey(t *testing.T) {
	keys := decoderKeys(t)
	fieldsOf := func(key string) []Field {
		f, ok := FieldNamed(FrontMatter, key)
		if !ok {
			t.Fatalf("FrontMatter has no %s", key)
		}
		return f.Fields
	}
	for fn, fields := range map[string][]Field{
		"decodeFrontMatter": FrontMatter,
		"experience":        fieldsOf("experience"),
		"journey":           fieldsOf("journey"),
		"chain":             fieldsOf("chain"),
		"ratings":           fieldsOf("ratings"),
	} {
		var described []string
		for _, f := range fields {
			described = append(described, f.Key)
		}
		decoded := keys[fn]
		if len(decoded) == 0 {
			t.Errorf("found no keys in %s; has the decoder moved?", fn)
		}
		slices.Sort(described)
		slices.Sort(decoded)
		if !slices.Equal(described, decoded) {
			t.Errorf("%s decodes %v, but FrontMatter describes %v", fn, decoded, described)
		}
	}
}

// TestJSONSchema: the schema is JSON, of draft 2020-12, with every key.
func TestJSONSchema(t *testing.T) {
	var s struct {
		Schema     string                     `json:"$schema"`
		Type       string                     `json:"type"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(JSONSchema(), &s); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" || s.Type != "object" {
		t.Errorf("header: %+v", s)
	}
	for _, f := range FrontMatter {
		if _, ok := s.Properties[f.Key]; !ok {
			t.Errorf("the schema lacks %s", f.Key)
		}
	}
	var chain struct {
		Items struct {
			Required   []string `json:"required"`
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
			Additional bool `json:"additionalProperties"`
		} `json:"items"`
	}
	if err := json.Unmarshal(s.Properties["chain"], &chain); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(chain.Items.Properties["care"].Enum, []string{"high", "medium", "low", "broken"}) ||
		!slices.Equal(chain.Items.Required, []string{"actor", "care"}) || chain.Items.Additional {
		t.Errorf("chain items: %+v", chain.Items)
	}
}
