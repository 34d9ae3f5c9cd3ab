package cli

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/leaktest"
)

// bundleSecret is the private client of an anonymous case of the sample.
const bundleSecret = "Gravenstein Mutual Assurance SE"

const bundleDir = "content/cases/kansai-life"

// sampleWith copies the sample site and adds files to the kansai-life
// bundle; listed are put in its unchecked_files.
func sampleWith(t *testing.T, files map[string][]byte, listed ...string) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "content"), filepath.Join(dir, "content"))
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, bundleDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(listed) > 0 {
		index := filepath.Join(dir, bundleDir, "index.md")
		src, err := os.ReadFile(index)
		if err != nil {
			t.Fatal(err)
		}
		line := "unchecked_files = [\"" + strings.Join(listed, `", "`) + "\"]\n"
		src = bytes.Replace(src, []byte("draft = false\n"), []byte("draft = false\n"+line), 1)
		if err := os.WriteFile(index, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// testPDF is leaktest.PDF for a test.
func testPDF(t *testing.T, text string, utf8Font bool) []byte {
	t.Helper()
	b, err := leaktest.PDF(text, utf8Font, "")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testZlib(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// testPNG is a one-pixel PNG with a zTXt chunk holding text.
func testPNG(text string) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, body []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(body)))
		b.WriteString(kind)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), body...)))
	}
	chunk("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0})
	chunk("zTXt", append([]byte("Comment\x00\x00"), testZlib([]byte(text))...))
	chunk("IDAT", testZlib([]byte{0, 0}))
	chunk("IEND", nil)
	return b.Bytes()
}

// testJPEG is a tiny JPEG whose EXIF segment holds text in UTF-16LE
// without a byte-order mark, as XPComment does.
func testJPEG(text string) []byte {
	app1 := []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00")
	for _, r := range text {
		app1 = binary.LittleEndian.AppendUint16(app1, uint16(r))
	}
	b := []byte("\xff\xd8\xff\xe1")
	b = binary.BigEndian.AppendUint16(b, uint16(len(app1)+2))
	return append(append(b, app1...), 0xff, 0xd9)
}

// TestBundleFilesCannotLeak: a private value hidden in a bundle file (in
// compressed or encoded text, a file the guard cannot read, a pack, a
// copy of a case file) fails build and check, and build writes nothing.
func TestBundleFilesCannotLeak(t *testing.T) {
	var svgz bytes.Buffer
	gz := gzip.NewWriter(&svgz)
	gz.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><text>` + bundleSecret + `</text></svg>`))
	gz.Close()
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	member, _ := zw.Create("word/document.xml")
	member.Write([]byte(`<w:document><w:body><w:p><w:r><w:t>Our client ` + bundleSecret + `</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	pack := func() []byte {
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		if code := Main([]string{"brief", "thamesgate-leasing", "-s", "../..", "-o", dir, "--date", "2026-11-20"}, &stdout, &stderr); code != ExitOK {
			t.Fatalf("brief: exit %d\n%s", code, stderr.String())
		}
		b, err := os.ReadFile(filepath.Join(dir, "thamesgate-leasing.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}()
	leak := "would publish the private client (anonymous case) of content/cases/european-insurer-inbound-mail.md"
	libreOffice, err := os.ReadFile("testdata/libreoffice.pdf") // soffice --convert-to pdf
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		data   []byte
		want   string
		listed bool
	}{
		{"diagram.svgz", svgz.Bytes(), "cases/kansai-life/diagram.svgz: " + leak, false},
		{"report.docx", docx.Bytes(), "cases/kansai-life/report.docx: " + leak, false},
		{"photo.png", testPNG("Taken at " + bundleSecret), "cases/kansai-life/photo.png: " + leak, false},
		{"flyer.pdf", testPDF(t, "Our client "+bundleSecret, false), "cases/kansai-life/flyer.pdf: " + leak, false},
		{"brochure.pdf", testPDF(t, bundleSecret, true), bundleDir + "/brochure.pdf: cannot be checked for private values: it is a PDF whose text is shown through fonts with /", false},
		{"pack.pdf", pack, bundleDir + "/pack.pdf: a pack made by refpack brief would be published", false},
		{"pack.pdf", pack, bundleDir + "/pack.pdf: a pack made by refpack brief would be published", true},
		{"photo.jpg", testJPEG("Taken at " + bundleSecret), "cases/kansai-life/photo.jpg: " + leak, false},
		{"export.pdf", libreOffice, bundleDir + "/export.pdf: cannot be checked for private values: it is a PDF whose fonts map their codes to letters through /ToUnicode", false},
		{"letter.rtf", []byte(`{\rtf1\ansi Gravenstein}{\b  Mutual Assurance}`), bundleDir + "/letter.rtf: cannot be checked for private values: it is an RTF document", false},
		{"mail.eml", []byte("MIME-Version: 1.0\r\nContent-Transfer-Encoding: base64\r\n\r\nR3JhdmVuc3RlaW4gTXV0dWFs\r\n"), bundleDir + "/mail.eml: cannot be checked for private values: it is a MIME message", false},
		{"notes.txt", []byte("copy:\n[reference]\ncontact = \"x\"\n"), bundleDir + "/notes.txt:2:1: a copy of a case file would be published: it holds the private [reference] table", false},
		{"index.md.orig", []byte("+++\ntitle = \"x\"\n+++\n"), bundleDir + "/index.md.orig:1:1: a copy of a case file would be published: it starts with +++ front matter", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var listed []string
			if c.listed {
				listed = []string{c.name}
			}
			dir := sampleWith(t, map[string][]byte{c.name: c.data}, listed...)
			var stdout, stderr bytes.Buffer
			if code := Main([]string{"build", "-s", dir, "--date", "2026-11-20"}, &stdout, &stderr); code != ExitProblem {
				t.Fatalf("build: exit %d\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.want) {
				t.Errorf("build does not say %q:\n%s", c.want, stderr.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("build wrote public/ (%v)", err)
			}
			stderr.Reset()
			if code := Main([]string{"check", "-s", dir, "--date", "2026-11-20"}, &stdout, &stderr); code != ExitProblem {
				t.Fatalf("check: exit %d\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.want) {
				t.Errorf("check does not say %q:\n%s", c.want, stderr.String())
			}
		})
	}
}

// TestBundleCleanFilesBuild: clean images (one with UTF-16 EXIF text),
// an SVG, and the PDFs (fpdf's Identity-H, LibreOffice's subset fonts)
// and RTF the guard cannot read but that the author listed in
// unchecked_files publish.
func TestBundleCleanFilesBuild(t *testing.T) {
	files := map[string][]byte{
		"photo.png":    testPNG("Taken in Osaka"),
		"photo.jpg":    []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"),
		"exif.jpg":     testJPEG("Taken in Osaka"),
		"letter.rtf":   []byte(`{\rtf1\ansi Hello}`),
		"chart.svg":    []byte(`<svg xmlns="http://www.w3.org/2000/svg"><text>2 days to 3 minutes</text></svg>`),
		"brochure.pdf": testPDF(t, "Archive brochure", true),
	}
	libreOffice, err := os.ReadFile("testdata/libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	files["export.pdf"] = libreOffice
	dir := sampleWith(t, files, "brochure.pdf", "export.pdf", "letter.rtf")
	out := filepath.Join(t.TempDir(), "out")
	buildSite(t, "-s", dir, "-o", out, "--date", "2026-11-20")
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(out, "cases", "kansai-life", name))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s not published as it is (%v)", name, err)
		}
	}
}
