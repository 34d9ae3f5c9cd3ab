package tomldoc

import (
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/diag"
)

const sample = `# comment
title = "x" # trailing
industry = "bankng"
project_types = ["a",
  "b"]
draft = "false"
body = """
fake = 1
"""
labels = { ja = "銀行", ru = 3 }

[scale]
employees = 12
bogus = 1

[[metrics]]
label = "l"
[[metrics]]
label = "m"
valeu = "v"
`

func TestPositions(t *testing.T) {
	p := scanPositions(sample)
	for key, want := range map[string]Pos{
		"title": {2, 1}, "industry": {3, 1}, "scale": {12, 2}, "scale.employees": {13, 1},
		"metrics.0": {16, 3}, "metrics.1.valeu": {20, 1}, "labels.ru": {10, 23}, "fake": {},
	} {
		if got := p.keys[key]; got != want {
			t.Errorf("key %s at %v, want %v", key, got, want)
		}
	}
	for key, want := range map[string]Pos{
		"industry": {3, 12}, "project_types.1": {5, 3}, "draft": {6, 9}, "metrics.1.label": {19, 9},
	} {
		if got := p.values[key]; got != want {
			t.Errorf("value %s at %v, want %v", key, got, want)
		}
	}
}

func TestStrictDecode(t *testing.T) {
	var problems diag.List
	_, root := Parse("f.md", []byte(sample), 1, &problems)
	root.String("title", true)
	root.String("industry", true)
	root.Strings("project_types", true)
	root.Bool("draft", false)
	root.String("body", false)
	root.String("summary", true)
	if l := root.Table("labels"); l != nil {
		l.String("ja", false)
		l.String("ru", false)
		l.Finish()
	}
	if s := root.Table("scale"); s != nil {
		s.Int("employees", 0)
		s.Finish()
	}
	for _, m := range root.Tables("metrics") {
		m.String("label", true)
		m.String("value", false)
		m.Finish()
	}
	root.Finish()
	problems.Sort()
	var got []string
	for _, p := range problems.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`f.md:1: missing required key "summary"`,
		`f.md:7:9: draft must be a boolean (true or false), not a string ("false")`,
		`f.md:11:28: labels.ru must be a string, not an integer (3)`,
		`f.md:15:1: unknown key "scale.bogus"`,
		`f.md:21:1: unknown key "metrics[1].valeu" (did you mean "value"?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSyntaxErrorLineInFile(t *testing.T) {
	var problems diag.List
	Parse("f.md", []byte("a = 1\nb = = 2\n"), 1, &problems)
	if len(problems.Problems) != 1 || problems.Problems[0].Line != 3 {
		t.Fatalf("got %v", problems.Problems)
	}
}

func TestSuggest(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"bankng", "banking"}, {"titel", "title"}, {"zzz", ""}, {"insurence", "insurance"},
	} {
		if got := Suggest(c.word, []string{"banking", "title", "insurance", "leasing"}); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}
