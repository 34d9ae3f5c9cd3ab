package publish

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/leaktest"
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

// pdfWith is leaktest.PDF for a test.
func pdfWith(t *testing.T, text string, utf8Font bool, keywords string) []byte {
	t.Helper()
	b, err := leaktest.PDF(text, utf8Font, keywords)
	if err != nil {
		t.Fatal(err)
	}
	return b
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
		{"svg comment first, tspans on lines", []byte("<!-- Created with Inkscape -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <text x=\"0\">\n    <tspan>Quill</tspan>\n    <tspan dx=\"-2\">feather</tspan> Holdings\n  </text>\n</svg>")},
		{"svg doctype, link in a word", []byte("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n<svg><text><a href=\"#\">Quill</a>\r\n<tspan>feather Holdings</tspan></text></svg>")},
		{"xhtml spans on lines", []byte("<html><body><p><span>Quill</span>\n<span>feather</span> Holdings</p></body></html>")},
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
		{"draw.io svg", drawioSVG(t, `<mxGraphModel><root><mxCell id="2" value="Quill&lt;b&gt;feather&lt;/b&gt; Holdings" vertex="1"/></root></mxGraphModel>`)},
		{"draw.io svg uncompressed", []byte(`<svg content="&lt;mxfile&gt;&lt;diagram name=&quot;P&quot;&gt;&lt;mxGraphModel&gt;&lt;root&gt;&lt;mxCell value=&quot;Quill&amp;lt;i&amp;gt;feather&amp;lt;/i&amp;gt; Holdings&quot;/&gt;&lt;/root&gt;&lt;/mxGraphModel&gt;&lt;/diagram&gt;&lt;/mxfile&gt;"><text>x</text></svg>`)},
		{"vcard folded", []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Quillfeather Hold\r\n ings\r\nEND:VCARD\r\n")},
		{"vcard quoted-printable", []byte("BEGIN:VCARD\r\nVERSION:2.1\r\nORG;ENCODING=QUOTED-PRINTABLE:Quill=\r\nfeather=20Holdings\r\nEND:VCARD\r\n")},
		{"ical folded", []byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Visit at Quill\n\tfeather Holdings\nEND:VEVENT\nEND:VCALENDAR\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantOneLeak(t, c.data)
		})
	}
}

// drawioSVG is an SVG exported by draw.io, its diagram compressed in its
// content attribute: base64 of raw deflate of the URL-escaped XML.
func drawioSVG(t *testing.T, xml string) []byte {
	t.Helper()
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write([]byte(url.PathEscape(xml)))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" content="&lt;mxfile host=&quot;app.diagrams.net&quot;&gt;&lt;diagram id=&quot;a1&quot; name=&quot;Page-1&quot;&gt;` +
		b64(z.Bytes()) + `&lt;/diagram&gt;&lt;/mxfile&gt;"><g><text>A diagram</text></g></svg>`)
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
		{"ttf", goregular.TTF},
		{"jpeg exif", jpegWithExif("II", 0x9c9c, utf16LE("Taken in Osaka"))},
		{"svg two text elements", []byte("<!-- x -->\n<svg><text>Our client Quill</text>\n<text>feather Holdings</text></svg>")},
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

// BenchmarkDecodeBundle measures decoding a 50-page compressed PDF, a
// docx of 2 MB of text and a 4 MB JPEG, the work a bundle file adds to a
// build.
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
	// A 4 MB photo: EXIF with a UTF-16 comment and a 64 KB thumbnail-like
	// segment, then its scan (random bytes, 0xff stuffed as a JPEG has it).
	noise := make([]byte, 4<<20)
	rand.NewChaCha8([32]byte{1}).Read(noise)
	noise = bytes.ReplaceAll(noise, []byte{0xff}, []byte{0xff, 0})
	photo := jpegWithExif("II", 0x9c9c, append(utf16LE("Taken in Osaka"), noise[:60<<10]...))
	photo = append(photo[:len(photo)-2], "\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"...)
	photo = append(append(photo, noise...), 0xff, 0xd9)
	for _, c := range []struct {
		name string
		data []byte
	}{{"pdf", pdf.Bytes()}, {"docx", docx}, {"jpeg", photo}} {
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
	f.Add(jpegWithExif("II", 0x9c9c, utf16LE("a comment")))
	f.Add(sfntWithName("Go Regular"))
	f.Add([]byte("\x00\x00\x00\x10ftypisom\x00\x00\x00\x00\x00\x00\x00\x01mdat\x00\x00\x00\x00\x00\x00\x00\x20"))
	f.Add([]byte("ID3\x03\x00\x00\x00\x00\x00\x04abcd"))
	f.Add(drawioSVG(t, `<mxGraphModel/>`))
	f.Add([]byte("BEGIN:VCARD\r\nN;ENCODING=QUOTED-PRINTABLE:a=\r\n b=3\r\nEND:VCARD"))
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

func utf16BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.BigEndian.AppendUint16(b, uint16(r))
	}
	return b
}

// jpegWithExif is a tiny JPEG whose APP1 segment holds a TIFF structure
// (byte order II or MM) with one IFD entry of the given tag and bytes.
func jpegWithExif(order string, tag uint16, value []byte) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	if order == "MM" {
		bo = binary.BigEndian
	}
	tiff := []byte(order)
	tiff = bo.AppendUint16(tiff, 42)
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)   // one entry
	tiff = bo.AppendUint16(tiff, tag) // tag
	tiff = bo.AppendUint16(tiff, 7)   // UNDEFINED (XP tags are BYTE, 1)
	tiff = bo.AppendUint32(tiff, uint32(len(value)))
	tiff = bo.AppendUint32(tiff, 8+2+12+4) // value after the IFD
	tiff = bo.AppendUint32(tiff, 0)        // no next IFD
	tiff = append(tiff, value...)
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	var b bytes.Buffer
	b.WriteString("\xff\xd8\xff\xe1")
	binary.Write(&b, binary.BigEndian, uint16(len(app1)+2))
	b.Write(app1)
	// A scan whose data, read as UTF-16, would be letters: it is skipped.
	b.WriteString("\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00")
	b.Write(bytes.Repeat([]byte("\x4e\x8a\x59\x30"), 64))
	b.WriteString("\xff\xd9")
	return b.Bytes()
}

// sfntWithName is a TrueType font of one table, name, holding a UTF-16BE
// string.
func sfntWithName(s string) []byte {
	str := utf16BE(s)
	name := []byte{0, 0, 0, 1, 0, 18} // format, count, string offset
	name = binary.BigEndian.AppendUint16(name, 3)
	name = binary.BigEndian.AppendUint16(name, 1)
	name = binary.BigEndian.AppendUint16(name, 0x409)
	name = binary.BigEndian.AppendUint16(name, 4) // full name
	name = binary.BigEndian.AppendUint16(name, uint16(len(str)))
	name = binary.BigEndian.AppendUint16(name, 0)
	name = append(name, str...)
	font := []byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00")
	font = append(font, "name\x00\x00\x00\x00"...)
	font = binary.BigEndian.AppendUint32(font, 28)
	font = binary.BigEndian.AppendUint32(font, uint32(len(name)))
	return append(font, name...)
}

// iccWithDesc is an ICC profile whose description is an mluc record.
func iccWithDesc(s string) []byte {
	str := utf16BE(s)
	icc := make([]byte, 128)
	icc = binary.BigEndian.AppendUint32(icc, 1)
	icc = append(icc, "desc"...)
	icc = binary.BigEndian.AppendUint32(icc, 144)
	icc = binary.BigEndian.AppendUint32(icc, uint32(28+len(str)))
	icc = append(icc, "mluc\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x0cenUS"...)
	icc = binary.BigEndian.AppendUint32(icc, uint32(len(str)))
	icc = binary.BigEndian.AppendUint32(icc, 28)
	return append(icc, str...)
}

// heicWith is a HEIC photo whose mdat holds pixels (read as UTF-16,
// letters) and then an EXIF item.
func heicWith(exif []byte) []byte {
	b := []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic\x00\x00\x00\x08meta")
	mdat := append(bytes.Repeat([]byte("\x4e\x8a"), 1<<16), exif...)
	b = binary.BigEndian.AppendUint32(b, uint32(8+len(mdat)))
	return append(append(b, "mdat"...), mdat...)
}

// wavWith is a WAV with a LIST INFO chunk holding comment between two
// chunks of n bytes of samples (which read as UTF-16 letters).
func wavWith(n int, comment []byte) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00\x88\x58\x01\x00\x02\x00\x10\x00data")
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	b = append(b, bytes.Repeat([]byte("\x4e\x8a"), n/2)...)
	b = append(b, "LIST"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(4+8+len(comment)))
	b = append(b, "INFOICMT"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(comment)))
	b = append(b, comment...)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	b = append(b, bytes.Repeat([]byte("\x4e\x8a"), n/2)...)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	return b
}

// TestBundleUTF16InMedia: UTF-16 text without a byte-order mark inside
// images, fonts and sound (EXIF, ICC, a font's names, ID3 frames) is read.
func TestBundleUTF16InMedia(t *testing.T) {
	exiftool, err := os.ReadFile("testdata/xpcomment.jpg") // exiftool -XPComment=
	if err != nil {
		t.Fatal(err)
	}
	id3 := []byte("ID3\x03\x00\x00\x00\x00\x00\x00COMM")
	id3 = binary.BigEndian.AppendUint32(id3, uint32(4+2+len(utf16LE(bundleSecret))))
	id3 = append(id3, "\x00\x00\x01eng\xff\xfe\x00\x00\xff\xfe"...)
	id3 = append(id3, utf16LE(bundleSecret)...)
	id3[9] = byte(len(id3) - 10)
	id3 = append(id3, "\xff\xfb\x90\x00"...)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"jpeg XPComment by exiftool", exiftool},
		{"jpeg XPTitle LE", jpegWithExif("II", 0x9c9b, append(utf16LE(bundleSecret), 0, 0))},
		{"jpeg XPAuthor at odd offset", jpegWithExif("II", 0x9c9d, append([]byte{'x'}, utf16LE("Quillfeather Holdings")...))},
		{"jpeg UserComment UNICODE BE", jpegWithExif("MM", 0x9286, append([]byte("UNICODE\x00"), utf16BE(bundleSecret)...))},
		{"jpeg russian", jpegWithExif("II", 0x9c9c, utf16LE("Клиент Quillfeather Holdings"))},
		{"png eXIf", pngWith([2]string{"eXIf", "II*\x00" + string(utf16LE(bundleSecret))})},
		{"png iCCP mluc", pngWith([2]string{"iCCP", "icc\x00\x00" + string(zlibBytes(iccWithDesc(bundleSecret)))})},
		{"ttf name table", sfntWithName(bundleSecret)},
		{"mp3 ID3 UTF-16 comment", id3},
		{"heic EXIF item in mdat", heicWith(append([]byte("\x00\x00\x00\x06Exif\x00\x00II*\x00\x08\x00\x00\x00"), utf16LE(bundleSecret)...))},
		{"wav INFO between 3 MiB of samples", wavWith(3<<20, utf16LE(bundleSecret))},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantOneLeak(t, c.data)
		})
	}
}

// TestUTF16RunsJapanese: runs of any BMP letters are read, of three code
// units or more, and a shorter one is not.
func TestUTF16Runs(t *testing.T) {
	data := append([]byte("\x00\x01"), utf16LE("羽根株式会社")...)
	data = append(data, 0, 0, 0, 0)
	data = append(data, utf16LE("ab")...)
	got := string(utf16Runs(nil, data))
	if !strings.Contains(got, "羽根株式会社\n") {
		t.Errorf("runs = %q, want 羽根株式会社", got)
	}
	if strings.Contains(got, "ab") {
		t.Errorf("runs = %q hold a run of two code units", got)
	}
}

// TestBundleUnreadableFormats: PDFs whose fonts map codes to glyphs that
// the guard cannot read (LibreOffice's and Ghostscript's subset TrueType
// fonts with /ToUnicode, text placed one letter at a time), RTF and MIME
// messages are refused unless listed.
func TestBundleUnreadableFormats(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var glyphs strings.Builder
	glyphs.WriteString("BT /F1 12 Tf ")
	for i, c := range bundleSecret {
		fmt.Fprintf(&glyphs, "1 0 0 1 %d 700 Tm (%c) Tj ", 72+7*i, c)
	}
	glyphs.WriteString("ET")
	embedded := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial /FontDescriptor 2 0 R >>\nendobj\n2 0 obj\n<< /Type /FontDescriptor /FontFile2 3 0 R >>\nendobj\ntrailer\n<< >>\n")
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"libreoffice pdf", "/ToUnicode", read("libreoffice.pdf")},
		{"ghostscript pdf", "/ToUnicode", read("ghostscript.pdf")},
		{"embedded subset pdf", "embedded subsets", embedded},
		{"subset beside a standard font", "embedded subsets", append(pdfRaw("BT /F1 12 Tf (Hello) Tj ET"), "4 0 obj\n<< /Type /Font /Subtype /TrueType /BaseFont /QWERTY+Arial >>\nendobj\n"...)},
		{"pdf one glyph at a time", "one letter at a time", pdfRaw(glyphs.String())},
		{"rtf split", "an RTF document", []byte(`{\rtf1\ansi Quill}{\b feather Holdings}`)},
		{"rtf hex escape", "an RTF document", []byte(`{\rtf1\ansi \'51uillfeather Holdings}`)},
		{"rtf unicode escape after a BOM", "an RTF document", []byte("\uFEFF\r\n{\\rtf1\\ansi \\u81?uillfeather Holdings}")},
		{"eml", "a MIME message", []byte("From: a@b.c\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nQuill=\r\nfeather Holdings\r\n")},
		{"mht", "a MIME message", []byte("Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Transfer-Encoding: base64\r\n\r\nUXVpbGxmZWF0aGVyIEhvbGRpbmdz\r\n--x--\r\n")},
		{"multipart 8bit", "a MIME message", []byte("Subject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\n\nQuill<b>feather</b> Holdings\n--b--\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := copyLeaks(t, c.data, false)
			var refused *RefusedError
			if !errors.As(err, &refused) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want a refusal with %q", err, c.want)
			}
			if _, err = copyLeaks(t, c.data, true); err != nil {
				t.Errorf("listed in unchecked_files: err = %v", err)
			}
		})
	}
	// What can be read of a listed file is still scanned.
	leaks, err := copyLeaks(t, pdfRaw("BT /F1 12 Tf (Our client "+bundleSecret+") Tj "+glyphs.String()[3:]), true)
	if err != nil || len(leaks) != 1 {
		t.Errorf("listed: err = %v, leaks = %q", err, leaks)
	}
}

// TestBundleCaseCopyDecoded: a case file saved as UTF-16, inside a docx
// or printed to a PDF is a copy of a case file, refused even if listed.
func TestBundleCaseCopyDecoded(t *testing.T) {
	doc := func(paras ...string) []byte {
		x := `<?xml version="1.0"?><w:document><w:body>`
		for _, p := range paras {
			x += "<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>"
		}
		return zipBytes(t, map[string][]byte{"word/document.xml": []byte(x + "</w:body></w:document>")})
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 10)
	for _, line := range []string{"+++", `title = "x"`, "[reference]", `contact = "y"`, "+++"} {
		f.Cell(0, 5, line)
		f.Ln(5)
	}
	var pdf bytes.Buffer
	if err := f.Output(&pdf); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"utf16", utf16LE("\ufeff+++\ntitle = \"x\"\n+++\n")},
		{"utf16 table", utf16LE("\ufefftitle = \"x\"\n[consent]\npublic = true\n")},
		{"docx front matter", doc("+++", `title = "x"`, "+++")},
		{"docx table", doc("Notes", "[reference]", "visit = true")},
		{"docx dotted key", doc("Notes", `reference.contact = "y"`)},
		{"pdf", pdf.Bytes()},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, listed := range []bool{false, true} {
				_, err := copyLeaks(t, c.data, listed)
				if err == nil || !strings.Contains(err.Error(), "a copy of a case file") {
					t.Errorf("listed %v: err = %v, want a copy of a case file", listed, err)
				}
			}
		})
	}
}

// TestBundleTooLarge: a file larger than MaxBundleFile is refused before
// it is read, listed or not.
func TestBundleTooLarge(t *testing.T) {
	src := filepath.Join(t.TempDir(), "video.mp4")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxBundleFile + 1); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	for _, listed := range []bool{false, true} {
		w := DryRun()
		err := w.Copy("cases/a/video.mp4", src, listed)
		var refused *RefusedError
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), "larger than 256 MiB") {
			t.Errorf("listed %v: err = %v, want a refusal", listed, err)
		}
	}
}

// wantOneLeak checks that a bundle file of data publishes the private
// client, once, and is not refused.
func wantOneLeak(t *testing.T, data []byte) {
	t.Helper()
	leaks, err := copyLeaks(t, data, false)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if len(leaks) != 1 || !strings.HasPrefix(leaks[0], "cases/a/file: would publish the private client") {
		t.Errorf("leaks = %q, want one at cases/a/file", leaks)
	}
}
