package publish

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/refpack/refpack/internal/content"
	"golang.org/x/image/font/gofont/goregular"
)

const bundleSecret = "Quillfeather Holdings"

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zipBytes(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, data := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zlibBytes(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// pngWith is a one-pixel PNG with the given extra chunks before its data.
func pngWith(chunks ...[2]string) []byte {
	b := bytes.NewBuffer(append([]byte(nil), pngMagic...))
	chunk := func(kind string, body []byte) {
		binary.Write(b, binary.BigEndian, uint32(len(body)))
		b.WriteString(kind)
		b.Write(body)
		binary.Write(b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), body...)))
	}
	chunk("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0})
	for _, c := range chunks {
		chunk(c[0], []byte(c[1]))
	}
	chunk("IDAT", zlibBytes([]byte{0, 0}))
	chunk("IEND", nil)
	return b.Bytes()
}

// pdfWith writes a compressed PDF showing text, in a core font or through
// a UTF-8 TrueType font (Identity-H, glyph numbers).
func pdfWith(t *testing.T, text string, utf8Font bool, keywords string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	if keywords != "" {
		f.SetKeywords(keywords, true)
	}
	if utf8Font {
		f.AddUTF8FontFromBytes("go", "", goregular.TTF)
		f.AddPage()
		f.SetFont("go", "", 12)
	} else {
		f.AddPage()
		f.SetFont("Helvetica", "", 12)
	}
	f.Cell(0, 10, text)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// copyLeaks publishes data as a bundle file through a dry run and returns
// the leaks found and Copy's error.
func copyLeaks(t *testing.T, data []byte, unchecked bool) ([]string, error) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w := DryRun()
	w.UseGuard(func() *Guard {
		return NewGuard([]content.Secret{{Value: bundleSecret, Field: "client", Path: "content/cases/a/index.md"}})
	})
	err := w.Copy("cases/a/file", src, unchecked)
	var leaks []string
	for _, l := range w.Leaks() {
		leaks = append(leaks, l.String())
	}
	return leaks, err
}

// TestBundleDecodedLeaks: a private value inside what the raw bytes hide
// (compressed or encoded) is found, and reported at the bundle file's
// output path.
func TestBundleDecodedLeaks(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><text>` + bundleSecret + `</text></svg>`)
	docx := zipBytes(t, map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types/>`),
		"word/document.xml":   []byte(`<w:document><w:body><w:p><w:r><w:t>` + bundleSecret + `</w:t></w:r></w:p></w:body></w:document>`),
	})
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"gzip", gzipBytes(t, []byte("notes: "+bundleSecret))},
		{"svgz", gzipBytes(t, svg)},
		{"docx", docx},
		{"docx in gzip", gzipBytes(t, docx)},
		{"docx split runs", zipBytes(t, map[string][]byte{"word/document.xml": []byte(`<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Quill</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>feather Holdings</w:t></w:r></w:p></w:body></w:document>`)})},
		{"odt spans", zipBytes(t, map[string][]byte{"content.xml": []byte(`<?xml version="1.0"?><office:text><text:p>Quill<text:span text:style-name="T1">feather</text:span> Holdings</text:p></office:text>`)})},
		{"svg tspan", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><text>Quill<tspan>feather</tspan> Holdings</text></svg>`)},
		{"zip member name", zipBytes(t, map[string][]byte{bundleSecret + ".txt": []byte("x")})},
		{"png zTXt", pngWith([2]string{"zTXt", "Comment\x00\x00" + string(zlibBytes([]byte(bundleSecret)))})},
		{"png iTXt compressed", pngWith([2]string{"iTXt", "Comment\x00\x01\x00en\x00\x00" + string(zlibBytes([]byte(bundleSecret)))})},
		{"png tEXt", pngWith([2]string{"tEXt", "Comment\x00" + bundleSecret})},
		{"pdf flate", pdfWith(t, "Our client "+bundleSecret+" is happy", false, "")},
		{"pdf title utf16", pdfWith(t, "nothing", false, bundleSecret)},
		{"pdf TJ array", pdfRaw("BT /F1 12 Tf [(Quill) -20 (feather) -300 (Hold) 10 (ings)] TJ ET")},
		{"pdf Tj pieces", pdfRaw("BT /F1 12 Tf 72 700 Td (Quill) Tj /F2 12 Tf (feather Hold) Tj 0 Tc (ings) Tj ET")},
		{"pdf hex strings", pdfRaw("BT /F1 12 Tf <5175696c6c> Tj [<66656174686572> -400 (Holdings)] TJ ET")},
		{"svg data uri", []byte(`<svg><image href="data:image/png;base64,` + b64(pngWith([2]string{"zTXt", "k\x00\x00" + string(zlibBytes([]byte(bundleSecret)))})) + `"/></svg>`)},
		{"utf16 text", utf16LE("\ufeffnotes " + bundleSecret)},
	} {
		t.Run(c.name, func(t *testing.T) {
			leaks, err := copyLeaks(t, c.data, false)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if len(leaks) != 1 || !strings.HasPrefix(leaks[0], "cases/a/file: would publish the private client") {
				t.Errorf("leaks = %q, want one at cases/a/file", leaks)
			}
		})
	}
}

func b64(b []byte) string {
	var s strings.Builder
	enc := base64.NewEncoder(base64.StdEncoding, &s)
	enc.Write(b)
	enc.Close()
	return s.String()
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	return b
}

// pdfRaw is a minimal PDF with one Flate-compressed content stream.
func pdfRaw(contentStream string) []byte {
	return pdfRawDict("/Length %d /Filter /FlateDecode", contentStream)
}

// pdfRawDict is a minimal PDF with one content stream of the given
// dictionary (%d: its length), compressed when the dictionary says so.
func pdfRawDict(dict, contentStream string) []byte {
	data := []byte(contentStream)
	if strings.Contains(dict, "FlateDecode") {
		data = zlibBytes(data)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n")
	b.WriteString("2 0 obj\n<< " + fmt.Sprintf(dict, len(data)) + " >>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream\nendobj\ntrailer\n<< /Root 3 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// TestBundleCleanFilesPass: files without the value publish without a
// leak or a refusal.
func TestBundleCleanFilesPass(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"png", pngWith([2]string{"zTXt", "Comment\x00\x00" + string(zlibBytes([]byte("a diagram")))})},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><text>Hello</text></svg>`)},
		{"svgz", gzipBytes(t, []byte(`<svg><text>Hello</text></svg>`))},
		{"docx", zipBytes(t, map[string][]byte{"word/document.xml": []byte("<w:t>Hello</w:t>")})},
		{"pdf flate", pdfWith(t, "A happy client", false, "")},
		{"csv", []byte("a,b\n1,2\n")},
		{"bmp", append([]byte("BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00"), make([]byte, 40)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			leaks, err := copyLeaks(t, c.data, false)
			if err != nil || len(leaks) > 0 {
				t.Errorf("err = %v, leaks = %q", err, leaks)
			}
		})
	}
}

// TestBundleUnreadableRefused: a file the guard cannot be sure to read is
// refused unless listed as checked by hand; a pack always is.
func TestBundleUnreadableRefused(t *testing.T) {
	bomb := func() []byte {
		var b bytes.Buffer
		w := zip.NewWriter(&b)
		f, _ := w.Create("zeros.txt")
		f.Write(make([]byte, maxDecoded+1))
		w.Close()
		return b.Bytes()
	}()
	many := map[string][]byte{}
	for i := range maxMembers + 1 {
		many["f"+strconv.Itoa(i)] = nil
	}
	for _, c := range []struct {
		name, want   string
		data         []byte
		evenIfListed bool
	}{
		{"pdf identity-h", "PDF whose text is shown through fonts with /", pdfWith(t, "Hello", true, ""), false},
		{"7z", "a 7z archive", []byte("7z\xbc\xaf\x27\x1c\x00\x04rest"), false},
		{"unknown binary", "a binary file of a kind", []byte("\x00\x01\x02\x03garbage\x00"), false},
		{"zip bomb", "a possible zip bomb", bomb, false},
		{"zip members", "10000 members", zipBytes(t, many), false},
		{"encrypted pdf", "an encrypted PDF", []byte("%PDF-1.4\ntrailer << /Encrypt 5 0 R >>\n"), false},
		{"lzw pdf", "/LZWDecode", []byte("%PDF-1.4\n1 0 obj << /Length 3 /Filter /LZWDecode >>\nstream\nabc\nendstream\nendobj\n"), false},
		{"case file in gzip", "a copy of a case file would be published", gzipBytes(t, []byte("+++\ntitle = \"x\"\n+++\n")), true},
		{"case table in docx", "a copy of a case file would be published", zipBytes(t, map[string][]byte{"notes.txt": []byte("x\n [reference]\nvisit = true\n")}), true},
		{"pack", "a pack made by refpack brief", pdfWith(t, "Hello", false, "briefing, acme, "+PackMarker), true},
		{"old pack", "a pack made by refpack brief", func() []byte {
			f := fpdf.New("P", "mm", "A4", "")
			f.SetProducer(packProducer, true)
			f.AddPage()
			var b bytes.Buffer
			f.Output(&b)
			return b.Bytes()
		}(), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := copyLeaks(t, c.data, false)
			var refused *RefusedError
			if !errors.As(err, &refused) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want a refusal with %q", err, c.want)
			}
			_, err = copyLeaks(t, c.data, true)
			if c.evenIfListed != (err != nil) {
				t.Errorf("listed in unchecked_files: err = %v", err)
			}
		})
	}
}

// TestBundleListedStillScanned: a file listed in unchecked_files is still
// scanned for what the guard can read.
func TestBundleListedStillScanned(t *testing.T) {
	leaks, err := copyLeaks(t, pdfWith(t, "x", true, bundleSecret), true)
	if err != nil || len(leaks) != 1 {
		t.Errorf("err = %v, leaks = %q", err, leaks)
	}
}

// TestPDFStreamLength: a stream's data ends at its /Length, even when it
// holds the word endstream; without a usable length, at the first one.
func TestPDFStreamLength(t *testing.T) {
	rest := []byte("ab endstream cd\nendstream\nendobj")
	for _, c := range []struct {
		dict string
		want int
	}{
		{"<< /Length 15 >>", 15},
		{"<< /Length 14 >>", 3},    // not followed by endstream
		{"<< /Length 7 0 R >>", 3}, // indirect
		{"<< >>", 3},
		{"<< /Length 999 >>", 3},
	} {
		if got := pdfStreamLength([]byte(c.dict), rest); got != c.want {
			t.Errorf("%s: %d, want %d", c.dict, got, c.want)
		}
	}
}

// BenchmarkDecodeBundle measures decoding a 50-page compressed PDF and a
// docx of 2 MB of text, the work a bundle file adds to a build.
func BenchmarkDecodeBundle(b *testing.B) {
	t := &testing.T{}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.SetFont("Helvetica", "", 10)
	for range 50 {
		f.AddPage()
		for range 50 {
			f.Cell(0, 5, "The archive holds every contract and every letter since 1998.")
			f.Ln(5)
		}
	}
	var pdf bytes.Buffer
	if err := f.Output(&pdf); err != nil {
		b.Fatal(err)
	}
	para := `<w:p><w:r><w:t>The archive holds every contract </w:t></w:r><w:r><w:t>and every letter.</w:t></w:r></w:p>`
	docx := zipBytes(t, map[string][]byte{"word/document.xml": []byte(`<?xml version="1.0"?><w:document><w:body>` + strings.Repeat(para, 2<<20/len(para)) + `</w:body></w:document>`)})
	for _, c := range []struct {
		name string
		data []byte
	}{{"pdf", pdf.Bytes()}, {"docx", docx}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := decodeBundle(c.data, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzDecodeBundle: no bundle file, however damaged, crashes the build.
func FuzzDecodeBundle(f *testing.F) {
	t := &testing.T{}
	f.Add(pngWith([2]string{"iTXt", "k\x00\x01\x00en\x00\x00" + string(zlibBytes([]byte("x")))}))
	f.Add(pdfRaw("BT (a) Tj [(b) -300 <63>] TJ ET"))
	f.Add(gzipBytes(t, []byte("<svg/>")))
	f.Add(zipBytes(t, map[string][]byte{"a.xml": []byte(`<?xml?><w:p><w:r>a</w:r></w:p>`)}))
	f.Add([]byte("wOFF\x00\x01\x00\x00"))
	f.Add([]byte("\xfe\xff\x00a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			decodeBundle(data, false)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("decoding %q takes more than 5 s", data)
		}
	})
}
