package content

import (
	"encoding/json"
	"strings"
)

// SchemaID names the schema casebook schema prints.
const SchemaID = "https://casebook.invalid/schema/front-matter.json"

// JSONSchema is a JSON Schema (draft 2020-12) of page front matter, made
// from FrontMatter, for editors and CI tools that validate YAML. Keys the
// decoder does not know are allowed at the top (they reach templates) but
// not inside experience, journey stages, chain links or ratings, where
// the decoder reports them.
func JSONSchema() []byte {
	top := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "casebook page front matter",
		"description":          "The YAML between the --- lines at the top of a casebook page. Keys marked (cases) mean something on case studies only.",
		"type":                 "object",
		"properties":           properties(FrontMatter),
		"additionalProperties": true,
	}
	data, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		panic(err) // maps of strings, bools and slices always marshal
	}
	return append(data, '\n')
}

func properties(fields []Field) map[string]any {
	out := make(map[string]any, len(fields))
	for _, f := range fields {
		out[f.Key] = fieldSchema(f)
	}
	return out
}

// text is what the decoder takes as text: any scalar (a title of 1984 is
// a title; an empty value is no text).
var text = map[string]any{"type": []string{"string", "number", "boolean", "null"}}

func fieldSchema(f Field) map[string]any {
	doc := f.Doc
	if len(f.Kinds) > 0 {
		var kinds []string
		for _, k := range f.Kinds {
			kinds = append(kinds, string(k)+"s")
		}
		doc += " (" + strings.Join(kinds, ", ") + ")"
	}
	s := map[string]any{"description": doc}
	switch f.Type {
	case TypeText:
		if len(f.Enum) > 0 {
			s["enum"] = f.Enum
		} else {
			s["type"] = text["type"]
		}
	case TypeTextList:
		s["anyOf"] = []any{text, map[string]any{"type": "array", "items": text}}
	case TypeDate:
		s["type"] = "string"
		s["pattern"] = `^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$`
	case TypeBool:
		s["type"] = "boolean"
	case TypeScore:
		s["type"] = "integer"
		s["minimum"], s["maximum"] = 0, 10
	case TypeMapping:
		object(s, f)
	case TypeAnyMap:
		s["type"] = "object"
	case TypeMappings:
		item := map[string]any{}
		object(item, f)
		s["type"] = "array"
		s["items"] = item
	}
	return s
}

func object(s map[string]any, f Field) {
	s["type"] = "object"
	s["properties"] = properties(f.Fields)
	s["additionalProperties"] = false
	if len(f.Required) > 0 {
		s["required"] = f.Required
	}
}
