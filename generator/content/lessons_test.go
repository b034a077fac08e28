package content

import (
	"slices"
	"testing"
)

func TestLessonList(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		front      []string
		want       []string
	}{
		{"front matter wins", "## Lessons\n\n- from the body\n", []string{"from front matter"}, []string{"from front matter"}},
		{"numbered, wrapped, marked", "Intro.\n\n## Lessons\n\n1. **Name the outcome** and own\n   all of it.\n2. See [[washing-machine|the machine]] and [docs](x.md).\n\nCompare [[other]].\n",
			nil, []string{"Name the outcome and own all of it.", "See the machine and docs."}},
		{"Finnish heading, later heading ends", "## Opit:\n\n- yksi\n* kaksi\n## Next\n- not this\n", nil, []string{"yksi", "kaksi"}},
		{"first list only", "## What to learn\n\n- a\n- b\n\nText.\n\n- c\n", nil, []string{"a", "b"}},
		{"other heading's list is not lessons", "## Story\n\n- a\n", nil, nil},
		{"a fenced list is code", "## Lessons\n\n```\n- code\n```\n- real\n", nil, []string{"real"}},
		{"emphasis inside words stays", "## Takeaways\n- keep snake_case and *this* plain\n", nil, []string{"keep snake_case and this plain"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Page{Body: []byte(tc.body), Lessons: tc.front}
			if got := p.LessonList(); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
