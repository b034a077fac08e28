package render

import (
	"testing"

	"github.com/casebook-cx/casebook/generator/content"
)

func TestOneVersionCountsATranslatedCaseOnce(t *testing.T) {
	en := &Page{Page: &content.Page{Path: "cases/washer", Lang: "en"}}
	fi := &Page{Page: &content.Page{Path: "cases/washer", Lang: "fi"}}
	other := &Page{Page: &content.Page{Path: "cases/phone", Lang: "en"}}
	got := oneVersion([]*Page{en, other, fi}, "fi")
	if len(got) != 2 || got[0] != fi || got[1] != other {
		t.Errorf("oneVersion kept %v", got)
	}
}
