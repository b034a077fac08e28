package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook-cx/casebook/generator/diag"
	"golang.org/x/tools/txtar"
)

// TestCheckFixtures runs Check on each library in testdata/check/*.txtar:
// a writer's mistake per archive. want/check holds the exact report, one
// diagnostic a line, errors and warnings of every file as one run gives
// them. Run with -update to rewrite want/check.
func TestCheckFixtures(t *testing.T) {
	archives, _ := filepath.Glob("testdata/check/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, archive := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(archive), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(archive)
			if err != nil {
				t.Fatal(err)
			}
			errs := Check(writeSite(t, ar), Options{})
			reports := map[string]string{"want/check": errs.Error() + "\n", "want/fixes": fixes(errs)}
			for _, d := range errs {
				if _, ok := Rules[d.Rule]; !ok {
					t.Errorf("rule id %q is not in Rules: %s", d.Rule, d)
				}
				if d.EndLine < d.Line || d.EndLine == d.Line && d.EndCol < d.Col {
					t.Errorf("ends before it starts (%d:%d): %s", d.EndLine, d.EndCol, d)
				}
			}
			saw := false
			for i, f := range ar.Files {
				got, ok := reports[f.Name]
				if !ok {
					continue
				}
				saw = saw || f.Name == "want/check"
				if string(f.Data) == got {
					continue
				}
				if *update {
					ar.Files[i].Data = []byte(got)
					if err := os.WriteFile(archive, txtar.Format(ar), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				t.Errorf("%s differs (go test -update rewrites it)\n%s", f.Name, firstDifference(f.Data, []byte(got)))
			}
			if !saw {
				t.Fatalf("no want/check in the archive; got:\n%s", reports["want/check"])
			}
		})
	}
}

// fixes lists the suggested fixes of a report, one a line: where the
// diagnostic stands, the range the fix replaces, and the new text.
func fixes(errs diag.List) string {
	var b strings.Builder
	for _, d := range errs {
		if f := d.Fix; f != nil {
			fmt.Fprintf(&b, "%s: %d:%d-%d:%d %q (%s)\n", d.Pos, f.Line, f.Col, f.EndLine, f.EndCol, f.NewText, f.Title)
		}
	}
	return b.String()
}

// TestRulesDocumented: every rule id is explained in docs/diagnostics.md.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "diagnostics.md"))
	if err != nil {
		t.Fatal(err)
	}
	for rule := range Rules {
		if !strings.Contains(string(doc), "`"+rule+"`") {
			t.Errorf("docs/diagnostics.md does not explain rule %s", rule)
		}
	}
	for _, r := range messageRules {
		if _, ok := Rules[r.rule]; !ok {
			t.Errorf("messageRules gives %s, which Rules lacks", r.rule)
		}
	}
}
