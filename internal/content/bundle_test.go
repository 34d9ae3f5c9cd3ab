package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestBundleCaseCopiesRefused: a bundle file that is a copy of a case file
// (front matter, a [reference] or [consent] table, any Markdown file) is
// an error at the line that shows it; other files are not.
func TestBundleCaseCopiesRefused(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.toml":                 {Data: []byte(siteTOML)},
		"content/cases/alpha/index.md":      {Data: []byte(validCase + "Body.\n")},
		"content/cases/alpha/index.md.orig": {Data: []byte(validCase)},
		"content/cases/alpha/old.md":        {Data: []byte("just notes\n")},
		"content/cases/alpha/notes.txt":     {Data: []byte("call first\n\n  [ reference ]  # kept\ncontact = \"x\"\n")},
		"content/cases/alpha/consent.toml":  {Data: []byte("title = \"x\"\nconsent = { public = true }\n")},
		"content/cases/alpha/dotted.toml":   {Data: []byte("reference.contact = \"x\"\n")},
		"content/cases/alpha/bom.txt":       {Data: []byte("\uFEFF+++\r\ntitle = \"x\"\n")},
		"content/cases/alpha/long.txt":      {Data: []byte(strings.Repeat("x", 200<<10) + "\n[consent]\n")},
		"content/cases/alpha/diagram.svg":   {Data: []byte("<svg><text>reference = see [reference] below</text></svg>\n")},
		"content/cases/alpha/prose.txt":     {Data: []byte("reference. See the notes.\nconsent was given\n[reference] Smith 2020\n")},
	}
	_, problems := Load(fsys)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"content/cases/alpha/bom.txt:1:1: a copy of a case file would be published: it starts with +++ front matter; remove it from the bundle",
		"content/cases/alpha/consent.toml:2:1: a copy of a case file would be published: it holds the private [consent] table of a case file; remove it from the bundle",
		"content/cases/alpha/dotted.toml:1:1: a copy of a case file would be published: it holds the private [reference] table of a case file; remove it from the bundle",
		"content/cases/alpha/index.md.orig:1:1: a copy of a case file would be published: it starts with +++ front matter; remove it from the bundle",
		"content/cases/alpha/long.txt:2:1: a copy of a case file would be published: it holds the private [consent] table of a case file; remove it from the bundle",
		"content/cases/alpha/notes.txt:3:3: a copy of a case file would be published: it holds the private [reference] table of a case file; remove it from the bundle",
		"content/cases/alpha/old.md: a copy of a case file would be published: a bundle's Markdown files are copied as they are; only index.md is read as the case study (a translation is a case file of its own, in content/cases/): move it out of the bundle",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestUncheckedFiles: unchecked_files names files of the case's own
// bundle.
func TestUncheckedFiles(t *testing.T) {
	withList := func(list string) []byte {
		return []byte(strings.Replace(validCase, "date = ", "unchecked_files = "+list+"\ndate = ", 1))
	}
	fsys := fstest.MapFS{
		"content/site.toml":                {Data: []byte(siteTOML)},
		"content/cases/alpha/index.md":     {Data: withList(`["brochure.pdf", "missing.pdf"]`)},
		"content/cases/alpha/brochure.pdf": {Data: []byte("%PDF-1.4\n")},
		"content/cases/beta.md":            {Data: []byte(strings.Replace(string(withList(`["x.pdf"]`)), "Alpha", "Beta", -1))},
	}
	lib, problems := Load(fsys)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`content/cases/alpha/index.md:7:36: "missing.pdf" is not a file of this bundle; the files beside index.md are: brochure.pdf`,
		"content/cases/beta.md:7:20: unchecked_files lists files of a bundle (content/cases/<slug>/index.md and the files beside it), and this case study is a single file",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c := lib.CaseBySlug("alpha"); c == nil || strings.Join(c.UncheckedFiles, ",") != "brochure.pdf,missing.pdf" {
		t.Errorf("alpha's unchecked files not read: %+v", c)
	}
}
