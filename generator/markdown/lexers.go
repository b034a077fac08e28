package markdown

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// Chroma gives each regular expression match of a lexer 250 ms, and takes
// a match that runs longer as no match: on a busy machine (a build beside
// a preview, tests under the race detector) the same code block is then
// highlighted differently from one build to the next, which breaks
// casebook's promise of byte-identical output. untimed lifts the limit for
// each lexer once, before its first use. Chroma has no setting for it, so
// this reaches the compiled rules through reflection; if a chroma release
// changes their shape, untimed leaves the lexer as it is.
func untimed(l chroma.Lexer) chroma.Lexer {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return l
	}
	once, _ := lexerOnce.LoadOrStore(rl, new(sync.Once))
	once.(*sync.Once).Do(func() {
		_, _ = rl.Tokenise(nil, "") // compiles the rules, which chroma does lazily
		field := reflect.ValueOf(rl).Elem().FieldByName("rules")
		if !field.IsValid() {
			return
		}
		rules, ok := reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem().Interface().(map[string][]*chroma.CompiledRule)
		if !ok {
			return
		}
		for _, state := range rules {
			for _, rule := range state {
				if rule.Regexp != nil {
					rule.Regexp.MatchTimeout = regexp2.DefaultMatchTimeout
				}
			}
		}
	})
	return l
}

// lexerOnce holds a *sync.Once for each lexer untimed has seen.
var lexerOnce sync.Map
