package site

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/refpack/refpack/templates"
)

// TestRenderPages checks that a partial render gives exactly the pages it
// was asked for, byte for byte as a whole render, with every non-page file.
func TestRenderPages(t *testing.T) {
	lib, bodies := testLibrary(t)
	all := render(t, lib, bodies, false)
	want := func(p string) bool { return p == "index.html" || p == "cases/volga-retail/index.html" }
	part, err := renderIn(Input{Lib: lib, Bodies: bodies, Theme: templates.FS, CodeCSS: []byte(codeCSS), Pages: want})
	if err != nil {
		t.Fatal(err)
	}
	var expected []string
	for p := range all.Files {
		if want(p) || !strings.HasSuffix(p, ".html") {
			expected = append(expected, p)
		}
	}
	slices.Sort(expected)
	if got := slices.Sorted(maps.Keys(part.Files)); !slices.Equal(got, expected) {
		t.Fatalf("files = %v, want %v", got, expected)
	}
	for _, p := range expected {
		if string(part.Files[p]) != string(all.Files[p]) {
			t.Errorf("%s differs from a whole render", p)
		}
	}
	if !maps.Equal(part.Copies, all.Copies) {
		t.Errorf("copies = %v, want %v", part.Copies, all.Copies)
	}
}
