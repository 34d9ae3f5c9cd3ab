package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		name, src string
		toml      string
		bodyLine  int
		err       string
	}{
		{"plain", "+++\ntitle = \"x\"\n+++\nbody\n", "title = \"x\"\n", 4, ""},
		{"crlf", "+++\r\ntitle = \"x\"\r\n+++\r\nbody", "title = \"x\"\r\n", 4, ""},
		{"bom", "\uFEFF+++\na = 1\n+++\n", "a = 1\n", 4, ""},
		{"trailing spaces on fences", "+++  \na = 1\n+++ \n", "a = 1\n", 4, ""},
		{"empty", "", "", 0, "1:0: empty file: a case study starts with TOML front matter between two lines of +++"},
		{"blank", " \n\n", "", 0, "1:0: empty file: a case study starts with TOML front matter between two lines of +++"},
		{"yaml", "---\ntitle: x\n---\n", "", 0, "1:1: YAML front matter (---) is not supported: refpack expects TOML front matter between two lines of +++"},
		{"none", "# Title\n", "", 0, "1:1: missing front matter: a case study starts with a line +++, then TOML, then another line +++"},
		{"unclosed", "+++\na = 1\n", "", 0, "1:1: front matter is not closed: add a line +++ after the TOML (the body starts after it)"},
		{"invalid utf8", "+++\na = \"\xff\"\n+++\n", "", 0, "2:6: invalid UTF-8: save the file as UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm, err := Split([]byte(c.src))
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("error %v, want %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(fm.TOML) != c.toml || fm.BodyLine != c.bodyLine {
				t.Errorf("got %q line %d, want %q line %d", fm.TOML, fm.BodyLine, c.toml, c.bodyLine)
			}
		})
	}
}

// FuzzSplit checks that splitting and decoding a case file never panic and
// that every problem stays inside the file, formatting each one as a user
// would see it.
func FuzzSplit(f *testing.F) {
	var sitePs diag.List
	site := config.Load(fstest.MapFS{"content/site.toml": {Data: []byte(siteTOML)}}, &sitePs)
	if site == nil {
		f.Fatal(sitePs.Problems)
	}
	seeds, _ := filepath.Glob("testdata/fuzz/*.md")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("+++\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		fm, err := Split(src)
		if err != nil {
			_ = err.Error()
		} else if fm.BodyLine < 3 || len(fm.Body) > len(src) {
			t.Fatalf("bad split: %+v", fm)
		}
		var problems diag.List
		ParseCase(site, "content/cases/x.md", src, nil, &problems)
		for _, p := range problems.Problems {
			if p.Line > lines || p.Line < 0 || p.Col < 0 {
				t.Fatalf("problem outside the file (%d lines): %s", lines, p.String())
			}
			_ = p.String()
		}
	})
}
