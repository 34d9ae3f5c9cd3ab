package brief

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// TestFontFiles: a [brief] font must be a regular TrueType file of a
// font's size; anything else is refused before it is read.
func TestFontFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := write("huge.ttf", goregular.TTF)
	// Sparse: a TrueType header, then a hole up to one byte over the limit.
	if err := os.Truncate(huge, MaxFontSize+1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, want string
	}{
		{write("go.ttf", goregular.TTF), ""},
		{write("short.ttf", []byte("tr")), "not a font file"},
		{write("otto.otf", []byte("OTTO....")), "an OpenType font with CFF outlines: use a TrueType (.ttf) font"},
		{huge, "67108865 bytes, larger than a font can be (at most 64 MiB)"},
		{dir, "a directory, not a font file"},
		{"/dev/zero", "a device, not a font file"},
		{filepath.Join(dir, "missing.ttf"), "no such file"},
	} {
		if tc.path == "/dev/zero" {
			if _, err := os.Stat(tc.path); err != nil {
				continue
			}
		}
		err := CheckFont(tc.path)
		if got := errString(err); got != tc.want {
			t.Errorf("CheckFont(%s) = %q, want %q", tc.path, got, tc.want)
		}
		_, err = LoadFonts(FontOptions{Extra: []string{tc.path}, NoSystem: true})
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasSuffix(err.Error(), tc.want)) {
			t.Errorf("LoadFonts(%s) = %v, want %q", tc.path, err, tc.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
