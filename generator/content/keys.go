package content

// Field describes one front matter key: the decoder's knowledge of it in
// one place, from which the "did you mean" hints for mistyped keys and
// the JSON Schema (casebook schema) are both made. A test reads the
// decoder's source and fails when it handles a key this list lacks.
type Field struct {
	Key  string
	Doc  string
	Type FieldType
	// Kinds the key means something on; empty for every page.
	Kinds []Kind
	// Fields of a mapping, or of each item of a list of mappings.
	Fields []Field
	// Required fields of a mapping or of each item.
	Required []string
	// Enum lists the values a text field accepts, if it is closed.
	Enum []string
}

// FieldType is the shape of a front matter value.
type FieldType string

const (
	TypeText     FieldType = "text"     // any scalar, read as text
	TypeTextList FieldType = "textList" // a list of text, or one text as a list of one
	TypeDate     FieldType = "date"     // 2024-05-31, or a date and time
	TypeBool     FieldType = "bool"
	TypeScore    FieldType = "score"    // a whole number from 0 to 10
	TypeMapping  FieldType = "mapping"  // the Fields, and no others
	TypeMappings FieldType = "mappings" // a list of mappings of the Fields
	TypeAnyMap   FieldType = "anyMap"   // a mapping of any keys and values
)

func careNames() []string {
	out := make([]string, len(CareLevels))
	for i, c := range CareLevels {
		out[i] = string(c)
	}
	return out
}

// FrontMatter is every top-level key the decoder knows. Keys not in it are
// kept for templates as Page.Params.
var FrontMatter = []Field{
	{Key: "title", Type: TypeText, Doc: "The page's title; also a name wikilinks may use."},
	{Key: "summary", Type: TypeText, Doc: "One or two sentences, shown in lists, link previews and search results."},
	{Key: "date", Type: TypeDate, Doc: "When the page was written, such as 2024-05-31."},
	{Key: "updated", Type: TypeDate, Doc: "When the page last changed in substance."},
	{Key: "tags", Type: TypeTextList, Doc: "Topics; each gets a page listing what carries it."},
	{Key: "aliases", Type: TypeTextList, Doc: "Other names a wikilink may use for this page."},
	{Key: "tag", Type: TypeTextList, Doc: "Obsidian's spelling of tags; the two add up."},
	{Key: "alias", Type: TypeTextList, Doc: "Obsidian's spelling of aliases; the two add up."},
	{Key: "cssclasses", Type: TypeTextList, Doc: "CSS classes put on the page's article, as Obsidian's cssclasses."},
	{Key: "cssclass", Type: TypeTextList, Doc: "The older spelling of cssclasses; the two add up."},
	{Key: "publish", Type: TypeBool, Doc: "false leaves the page out of the site, as Obsidian Publish does."},
	{Key: "permalink", Type: TypeText, Doc: "The page's path in the site (guides/onboarding), in place of its folder and slug."},
	{Key: "draft", Type: TypeBool, Doc: "true keeps the page out of builds unless --drafts is given."},
	{Key: "confidential", Type: TypeBool, Doc: "true leaves the page out of every published build (build --confidential keeps it); the preview shows it marked."},
	{Key: "private", Type: TypeAnyMap, Doc: "Notes for the writer only (client, fee, contacts): never in a published build; the preview shows them in a box marked \"Not published\"."},
	{Key: "slug", Type: TypeText, Doc: "The last part of the page's URL, instead of one made from the file name."},
	{Key: "industry", Type: TypeText, Kinds: []Kind{KindCase}, Doc: "The customer's industry (retail, banking, ...); one spelling per industry, since pages group by it."},
	{Key: "frameworks", Type: TypeTextList, Kinds: []Kind{KindCase}, Doc: "Frameworks this case applies, by slug, title or alias."},
	{Key: "source", Type: TypeText, Kinds: []Kind{KindCase}, Doc: "Who told the story: author, publication, year."},
	{Key: "lessons", Type: TypeTextList, Kinds: []Kind{KindCase}, Doc: "What to take from the case, one line each; a brief shows them. Without it, the brief takes the first list under a heading named Lessons, Lessons learned, What to learn, Takeaways, Opit or Opetukset."},
	{Key: "experience", Type: TypeMapping, Kinds: []Kind{KindCase}, Doc: "What was expected, targeted and delivered, in words.", Fields: []Field{
		{Key: "expected", Type: TypeText, Doc: "What the customer believed they bought."},
		{Key: "target", Type: TypeText, Doc: "What the company designed to deliver."},
		{Key: "delivered", Type: TypeText, Doc: "What actually happened."},
	}},
	{Key: "journey", Type: TypeMappings, Kinds: []Kind{KindCase}, Doc: "The customer's journey, stage by stage, each scored 0-10 three ways.",
		Required: []string{"stage", "expected", "target", "delivered"}, Fields: []Field{
			{Key: "stage", Type: TypeText, Doc: "The stage's name: Purchase, Delivery, ..."},
			{Key: "expected", Type: TypeScore, Doc: "What the customer expected here, 0-10."},
			{Key: "target", Type: TypeScore, Doc: "What the company aimed to deliver here, 0-10."},
			{Key: "delivered", Type: TypeScore, Doc: "What the customer got here, 0-10."},
		}},
	{Key: "chain", Type: TypeMappings, Kinds: []Kind{KindCase}, Doc: "Every party between maker and customer, and the care each showed.",
		Required: []string{"actor", "care"}, Fields: []Field{
			{Key: "actor", Type: TypeText, Doc: "Who: a company, a team or a person's job."},
			{Key: "role", Type: TypeText, Doc: "Their part in the chain (seller, subcontractor, support, ...); the insights group by role, so keep one spelling per role."},
			{Key: "care", Type: TypeText, Enum: careNames(), Doc: "The care they showed: high, medium, low or broken."},
			{Key: "note", Type: TypeText, Doc: "What they did, in a few words."},
		}},
	{Key: "ratings", Type: TypeMapping, Kinds: []Kind{KindCase}, Doc: "The case on the service vs experience field, 0-10 each.", Fields: []Field{
		{Key: "service", Type: TypeScore, Doc: "How good the customer service was, 0-10."},
		{Key: "experience", Type: TypeScore, Doc: "How good the whole experience was, 0-10."},
	}},
}

// FieldNamed returns the field of fields with this key.
func FieldNamed(fields []Field, key string) (Field, bool) {
	for _, f := range fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// FrontMatterKeys are the top-level keys, in FrontMatter's order.
func FrontMatterKeys() []string {
	out := make([]string, len(FrontMatter))
	for i, f := range FrontMatter {
		out[i] = f.Key
	}
	return out
}
