package publish

// A bundle file is published as the author gave it, so the guard must read
// what a reader of that file would: the text inside gzip, zip-based
// documents (docx, xlsx, odt, epub), PNG text chunks and PDF streams. A
// file whose text the guard cannot be sure to read (another archive, an
// unknown binary, a PDF whose fonts show glyph numbers) is refused unless
// the author checked it by hand and listed it in unchecked_files; a pack
// made by `refpack brief` is refused always.

import (
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base64"
	"encoding/binary"
	hexenc "encoding/hex"
	"fmt"
	"html"
	"io"
	"mime/quotedprintable"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits on what is decompressed of one bundle file: past them the file is
// refused rather than followed, so that a zip bomb costs nothing.
const (
	maxDecoded = 64 << 20 // bytes decompressed in all, per file
	maxMembers = 10000    // archive members, per file
	maxDepth   = 4        // archives inside archives
)

// MaxBundleFile is the size of the largest bundle file published: a
// larger one is refused before it is read, listed or not.
const MaxBundleFile = 256 << 20

const tooLarge = "it decompresses to more than 64 MiB"

// PackMarker is a keyword `refpack brief` puts into every pack's metadata,
// by which a pack copied into a bundle is recognised and refused.
const PackMarker = "refpack-private"

// packProducer is the Producer of packs written before PackMarker.
const packProducer = "refpack (go-pdf/fpdf)"

// RefusedError is a bundle file that may not be published whatever its
// content: the guard cannot read it, or it is a pack.
type RefusedError struct{ Reason string }

func (e *RefusedError) Error() string { return e.Reason }

// decoded is what the guard reads of a bundle file beyond its raw bytes.
type decoded struct {
	budget int64    // bytes that may still be decompressed
	parts  [][]byte // decoded texts and member names, each scanned apart
	opaque string   // why some of the file cannot be read; "" when all can
	pack   bool     // a pack made by refpack brief
	bomb   string   // how the file goes past a limit; "" when it does not
	copy   bool     // it holds a copy of a case file
	shown  shown    // the strings a PDF's pages show
}

// shown counts the strings a PDF shows with Tj, ' or ", and those of one
// character: text placed a letter at a time, each at a position of its
// own, reads as one letter a line.
type shown struct{ strings, letters int }

// decodeBundle decodes data, a bundle file, as far as the guard can read
// it; unchecked is set when the author listed it in unchecked_files. The
// error is a *RefusedError.
func decodeBundle(data []byte, unchecked bool) ([][]byte, error) {
	d := &decoded{budget: maxDecoded}
	d.file(data, 0)
	// A case file saved as UTF-16, a document or a PDF is a copy too,
	// once decoded.
	for _, p := range d.parts {
		if !d.copy && isCaseCopy(p) {
			d.copy = true
		}
	}
	switch {
	case d.pack:
		return nil, &RefusedError{"a pack made by refpack brief would be published: packs are private; remove it from the bundle"}
	case d.copy:
		return nil, &RefusedError{"a copy of a case file would be published: it holds front matter or a [reference] or [consent] table once decompressed; remove it from the bundle"}
	case d.bomb != "" && !unchecked:
		return nil, &RefusedError{fmt.Sprintf("cannot be checked for private values: %s (a possible zip bomb); remove it from the bundle, or check it by hand and list it in unchecked_files in the case's front matter", d.bomb)}
	case d.opaque != "" && !unchecked:
		return nil, &RefusedError{fmt.Sprintf("cannot be checked for private values: %s; publish it in a form the guard reads (unpacked, or a PDF with standard fonts), or check it by hand and list it in unchecked_files in the case's front matter", d.opaque)}
	}
	return d.parts, nil
}

// unreadable notes the first reason why part of the file cannot be read.
func (d *decoded) unreadable(format string, args ...any) {
	if d.opaque == "" {
		d.opaque = fmt.Sprintf(format, args...)
	}
}

// inflate reads r to its end within the budget; ok is false past it. A
// stream that breaks off gives what came before the break.
func (d *decoded) inflate(r io.Reader) ([]byte, bool) {
	if d.bomb != "" {
		return nil, false
	}
	b, _ := io.ReadAll(io.LimitReader(r, d.budget+1))
	if int64(len(b)) > d.budget {
		d.bomb = tooLarge
		return nil, false
	}
	d.budget -= int64(len(b))
	return b, true
}

// nested adds the decoded bytes of a member or stream and reads them as a
// file of their own.
func (d *decoded) nested(b []byte, depth int) {
	d.parts = append(d.parts, b)
	if isCaseCopy(b) {
		d.copy = true
	}
	d.file(b, depth+1)
}

// caseTable is a line opening a private table of a case file, as a table
// header, an inline table or a dotted key (as content reads bundle files).
var caseTable = regexp.MustCompile(`(?m)^[ \t]*(\[[ \t]*"?(reference|consent)"?[ \t]*\][ \t]*(#[^\r\n]*)?\r?$|"?(reference|consent)"?[ \t]*(=[ \t]*\{|\.[ \t]*[A-Za-z_"][^=\r\n]*=))`)

// isCaseCopy finds what only a case file holds: front matter at its
// start, or a private table's header (content checks the bundle files as
// they are; this, what is inside them).
func isCaseCopy(b []byte) bool {
	// Decoded text (paragraphs, PDF lines) may start with line breaks.
	first, _, _ := bytes.Cut(bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\uFEFF")), " \t\r\n"), []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) == "+++" {
		return true
	}
	return (bytes.Contains(b, []byte("reference")) || bytes.Contains(b, []byte("consent"))) && caseTable.Match(b)
}

var (
	pngMagic = []byte("\x89PNG\r\n\x1a\n")
	zipMagic = []byte("PK\x03\x04")
	zipEnd   = []byte("PK\x05\x06")
)

// file reads data by what it is, whatever its name says.
func (d *decoded) file(data []byte, depth int) {
	if depth > maxDepth {
		d.unreadable("it nests archives more than %d deep", maxDepth)
		return
	}
	switch {
	case bytes.HasPrefix(data, []byte("\x1f\x8b")):
		d.gzip(data, depth)
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, zipEnd):
		d.zip(data, depth)
	case bytes.HasPrefix(data, pngMagic):
		d.png(data, depth)
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		d.pdf(data, depth)
	case bytes.HasPrefix(data, []byte("BZh")):
		if b, ok := d.inflate(bzip2.NewReader(bytes.NewReader(data))); ok {
			d.nested(b, depth)
		}
	case bytes.HasPrefix(data, []byte("wOFF")):
		d.woff(data)
	case bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe")):
		d.parts = append(d.parts, readableText(data))
	default:
		if kind := opaqueKind(data); kind != "" {
			d.unreadable("it is %s, whose content the guard cannot read", kind)
		} else if knownMedia(data) {
			// Pixels and sound; their metadata is stored as it is, but
			// may be UTF-16 (EXIF XPComment, a font's names, ID3 frames).
			var runs []byte
			for _, r := range mediaText(data) {
				runs = utf16Runs(runs, r)
			}
			if len(runs) > 0 {
				d.parts = append(d.parts, runs)
			}
		} else if isText(data) {
			if xmlText := paragraphs(data); xmlText != nil {
				d.parts = append(d.parts, xmlText)
			}
			d.dataURIs(data, depth)
			d.drawio(data, depth)
			d.vcard(data)
		} else {
			d.unreadable("it is a binary file of a kind the guard does not know")
		}
	}
	if depth == 0 && !bytes.HasPrefix(data, zipMagic) && zipAppended(data) {
		// A zip joined to the end of another file, such as an image,
		// opens as a zip too.
		d.zip(data, depth)
	}
}

// opaqueKind names an archive or compression the guard cannot open.
func opaqueKind(data []byte) string {
	for _, k := range []struct{ magic, name string }{
		{"7z\xbc\xaf\x27\x1c", "a 7z archive"},
		{"Rar!\x1a\x07", "a RAR archive"},
		{"\xfd7zXZ\x00", "an xz stream"},
		{"\x28\xb5\x2f\xfd", "a zstd stream"},
		{"\x04\x22\x4d\x18", "an lz4 stream"},
		{"\x5d\x00\x00", "an lzma stream"},
		{"MSCF", "a cabinet archive"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (OLE)"},
		{"wOF2", "a WOFF2 font, whose tables are compressed"},
	} {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			return k.name
		}
	}
	// Formatting and escapes can split or encode any word of an RTF
	// document: Quill}{\b feather, \'51uill, \u81?uill.
	if bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n"), []byte(`{\rtf`)) {
		return "an RTF document, whose formatting and escapes can split or encode any word"
	}
	if mimeHeader.Match(data[:min(len(data), 4096)]) {
		return "a MIME message or web archive (.eml, .mht), whose parts are encoded"
	}
	return ""
}

// mimeHeader is a header that only a MIME message (an e-mail, a web
// archive) has near its start.
var mimeHeader = regexp.MustCompile(`(?im)^(MIME-Version:|Content-Transfer-Encoding:[ \t]*(quoted-printable|base64)|Content-Type:[ \t]*multipart/)`)

// knownMedia reports images, fonts, sound and video, whose text (metadata)
// is not compressed.
func knownMedia(data []byte) bool {
	for _, magic := range []string{
		"\xff\xd8\xff", "GIF87a", "GIF89a", "II*\x00", "MM\x00*", "\x00\x00\x01\x00", // JPEG, GIF, TIFF, ICO; BMP below
		"\x00\x01\x00\x00", "OTTO", "true", "ttcf", // fonts
		"\x1a\x45\xdf\xa3", "OggS", "fLaC", "ID3", "\xff\xfb", "\xff\xf3", "\xff\xf2", // WebM, Ogg, FLAC, MP3
	} {
		if bytes.HasPrefix(data, []byte(magic)) {
			return true
		}
	}
	if len(data) >= 12 {
		switch {
		case string(data[:4]) == "RIFF" && (string(data[8:12]) == "WEBP" || string(data[8:12]) == "WAVE" || string(data[8:12]) == "AVI "):
			return true
		case string(data[4:8]) == "ftyp": // MP4, MOV, HEIC, AVIF
			return true
		}
	}
	if len(data) >= 18 && string(data[:2]) == "BM" {
		switch binary.LittleEndian.Uint32(data[14:]) { // the sizes of a BMP's header
		case 12, 40, 52, 56, 64, 108, 124:
			return true
		}
	}
	return false
}

// isText reports data without the control bytes that only binary files
// hold.
func isText(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			return false
		}
	}
	return true
}

// paragraphElements hold one paragraph of text in the XML of documents:
// Office (w:p, a:p, shared strings si, table rows and cells), OpenDocument
// (text:p, text:h), SVG (text, title, desc) and HTML blocks. Within one,
// the other tags (runs, spans, tspans, links, their formatting) do not
// split a word: an editor cuts "Quill<w:r>feather" anywhere.
var paragraphElements = map[string]bool{
	"p": true, "h": true, "si": true, "is": true, "text": true, "title": true, "desc": true,
	"tr": true, "tc": true, "td": true, "th": true, "li": true, "div": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// spaceElements are the tabs, spaces and breaks within a paragraph.
var spaceElements = map[string]bool{"tab": true, "s": true, "br": true, "cr": true, "line-break": true}

// paragraphs is the text of an XML document (SVG, HTML, whatever comes
// first: a declaration, a comment, a DOCTYPE) with the tags within a
// paragraph dropped and the others made line breaks; nil when data is no
// XML. Within a paragraph, the line breaks and indentation between two
// tags are layout of the file, not spaces: <tspan>s on lines of their
// own may show one word. The raw bytes, scanned too, read them as spaces.
func paragraphs(data []byte) []byte {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	if !bytes.HasPrefix(trimmed, []byte("<")) {
		return nil
	}
	out := make([]byte, 0, len(data)/2)
	inside := 0 // open paragraph elements
	for i := 0; i < len(data); {
		if data[i] != '<' {
			j := bytes.IndexByte(data[i:], '<')
			if j < 0 {
				j = len(data) - i
			}
			text := data[i : i+j]
			i += j
			if inside > 0 && i < len(data) && len(bytes.Trim(text, " \t\r\n")) == 0 && bytes.ContainsAny(text, "\r\n") {
				continue
			}
			out = append(out, text...)
			continue
		}
		end := bytes.IndexByte(data[i:], '>')
		if end < 0 {
			break
		}
		tag := data[i+1 : i+end]
		i += end + 1
		closing := bytes.HasPrefix(tag, []byte("/"))
		name := bytes.TrimPrefix(tag, []byte("/"))
		if k := bytes.IndexAny(name, " \t\r\n/"); k >= 0 {
			name = name[:k]
		}
		if k := bytes.LastIndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		switch {
		case paragraphElements[string(name)]:
			if closing {
				inside = max(inside-1, 0)
			} else if !bytes.HasSuffix(tag, []byte("/")) {
				inside++
			}
			out = append(out, '\n')
		case inside > 0 && spaceElements[string(name)]:
			out = append(out, ' ')
		case inside > 0:
			// a run or span: no break
		default:
			out = append(out, '\n')
		}
	}
	return out
}

var dataURI = regexp.MustCompile(`;base64,\s*([A-Za-z0-9+/=\s]{16,})`)

// dataURIs reads the files embedded in a text file as data: URIs, such as
// an image in an SVG.
func (d *decoded) dataURIs(data []byte, depth int) {
	if !bytes.Contains(data, []byte(";base64,")) {
		return
	}
	for _, m := range dataURI.FindAllSubmatch(data, -1) {
		b, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(dropSpace(m[1]))))
		if err != nil && len(b) == 0 {
			continue
		}
		if int64(len(b)) > d.budget {
			d.bomb = tooLarge
			return
		}
		d.budget -= int64(len(b))
		d.nested(b, depth)
	}
}

// drawioDiagram is a diagram of draw.io, in a .drawio file or in the
// content attribute of its SVG (entity-escaped there): base64 of raw
// deflate of the URL-escaped XML.
var drawioDiagram = regexp.MustCompile(`<diagram[^<>]*>\s*([A-Za-z0-9+/=\s]{16,}?)\s*</diagram>|&lt;diagram[^<>]*?&gt;\s*([A-Za-z0-9+/=\s]{16,}?)\s*&lt;/diagram&gt;`)

// drawio reads the compressed diagrams of a draw.io file or SVG, whose
// labels are nowhere else.
func (d *decoded) drawio(data []byte, depth int) {
	if !bytes.Contains(data, []byte("diagram")) {
		return
	}
	for _, m := range drawioDiagram.FindAllSubmatch(data, -1) {
		enc := m[1]
		if enc == nil {
			enc = m[2]
		}
		raw, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(dropSpace(enc))))
		if err != nil && len(raw) == 0 {
			continue
		}
		b, ok := d.inflate(flate.NewReader(bytes.NewReader(raw)))
		if !ok {
			return
		}
		if xml, err := url.PathUnescape(string(b)); err == nil {
			b = []byte(xml)
		}
		d.nested(b, depth)
		d.drawioLabels(b)
	}
	if bytes.Contains(data, []byte("mxGraphModel")) {
		d.drawioLabels(data) // an uncompressed diagram
	}
}

// drawioLabels reads the labels of a diagram's cells, which are HTML
// (html=1) escaped in an attribute, as the HTML they are: Quill<b>feather</b>
// is one word. In an SVG's content attribute, the diagram is escaped once
// more.
func (d *decoded) drawioLabels(b []byte) {
	for range 2 {
		for _, a := range drawioLabel.FindAllSubmatch(b, -1) {
			d.parts = append(d.parts, []byte(html.UnescapeString(string(a[1]))))
		}
		if !bytes.Contains(b, []byte("&quot;")) {
			return
		}
		b = []byte(html.UnescapeString(string(b)))
	}
}

var drawioLabel = regexp.MustCompile(`\b(?:value|label|tooltip)="([^"]*)"`)

// vcard reads a vCard or iCalendar file with its folded lines unfolded
// (a line break and a space or tab continue a line, anywhere in a word)
// and its quoted-printable values (vCard 2.1) decoded.
func (d *decoded) vcard(data []byte) {
	if !bytes.Contains(data, []byte("BEGIN:VCARD")) && !bytes.Contains(data, []byte("BEGIN:VCALENDAR")) {
		return
	}
	unfolded := vcardFold.ReplaceAll(data, nil)
	d.parts = append(d.parts, unfolded)
	if bytes.Contains(bytes.ToUpper(unfolded), []byte("QUOTED-PRINTABLE")) {
		if b, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(unfolded))); err == nil || len(b) > 0 {
			d.parts = append(d.parts, b)
		}
	}
}

var vcardFold = regexp.MustCompile(`\r?\n[ \t]`)

func dropSpace(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, b)
}

// gzip reads a gzip file (.gz, .svgz), its stored name and comment too.
func (d *decoded) gzip(data []byte, depth int) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		d.unreadable("it is a damaged gzip file")
		return
	}
	d.parts = append(d.parts, []byte(r.Name), []byte(r.Comment))
	if b, ok := d.inflate(r); ok {
		d.nested(b, depth)
	}
}

// zipAppended reports a zip archive's end record near the end of data.
func zipAppended(data []byte) bool {
	return bytes.Contains(data[max(0, len(data)-(64<<10)-22):], zipEnd)
}

// zip reads a zip-based file: every member's name and bytes.
func (d *decoded) zip(data []byte, depth int) {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if depth > 0 || bytes.HasPrefix(data, zipMagic) {
			d.unreadable("it is a zip archive the guard cannot open (%v)", err)
		}
		return
	}
	if len(r.File) > maxMembers {
		d.bomb = fmt.Sprintf("it has more than %d members", maxMembers)
		return
	}
	d.parts = append(d.parts, []byte(r.Comment))
	for _, f := range r.File {
		d.parts = append(d.parts, []byte(f.Name), []byte(f.Comment))
		if f.Flags&1 != 0 {
			d.unreadable("its member %s is encrypted", f.Name)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			d.unreadable("its member %s cannot be read (%v)", f.Name, err)
			continue
		}
		b, ok := d.inflate(rc)
		rc.Close()
		if !ok {
			return
		}
		d.nested(b, depth)
	}
}

// png reads a PNG's text chunks: tEXt as it is, and zTXt, iTXt and the
// ICC profile (iCCP, which holds a description) decompressed.
func (d *decoded) png(data []byte, depth int) {
	for i := len(pngMagic); i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		kind := string(data[i+4 : i+8])
		if n < 0 || n > len(data)-i-12 {
			d.unreadable("it is a damaged PNG")
			return
		}
		body := data[i+8 : i+8+n]
		i += 12 + n
		key, rest, _ := bytes.Cut(body, []byte{0})
		switch kind {
		case "tEXt":
			d.parts = append(d.parts, key, rest)
		case "zTXt", "iCCP":
			d.parts = append(d.parts, key)
			if len(rest) > 0 {
				if b := d.zlib(rest[1:]); kind == "iCCP" {
					// An ICC profile's descriptions (mluc) are UTF-16.
					d.parts = append(d.parts, utf16Runs(nil, b))
				}
			}
		case "eXIf":
			d.parts = append(d.parts, utf16Runs(nil, body))
		case "iTXt":
			d.parts = append(d.parts, key)
			if len(rest) < 2 {
				continue
			}
			compressed := rest[0] == 1
			lang, rest, _ := bytes.Cut(rest[2:], []byte{0})
			translated, text, _ := bytes.Cut(rest, []byte{0})
			d.parts = append(d.parts, lang, translated)
			if compressed {
				d.zlib(text)
			} else {
				d.parts = append(d.parts, text)
			}
		case "IEND":
			return
		}
	}
}

// zlib decompresses a zlib stream as a text, and returns it.
func (d *decoded) zlib(b []byte) []byte {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		d.unreadable("it holds a damaged compressed chunk")
		return nil
	}
	out, ok := d.inflate(r)
	if ok {
		d.parts = append(d.parts, out)
	}
	return out
}

// woff reads a WOFF font's tables, which are compressed one by one.
func (d *decoded) woff(data []byte) {
	if len(data) < 44 {
		return
	}
	tables := int(binary.BigEndian.Uint16(data[12:]))
	for t := range tables {
		e := 44 + 20*t
		if e+20 > len(data) {
			d.unreadable("it is a damaged WOFF font")
			return
		}
		off, clen, olen := binary.BigEndian.Uint32(data[e+4:]), binary.BigEndian.Uint32(data[e+8:]), binary.BigEndian.Uint32(data[e+12:])
		if uint64(off)+uint64(clen) > uint64(len(data)) {
			d.unreadable("it is a damaged WOFF font")
			return
		}
		table := data[off : off+clen]
		if clen < olen {
			table = d.zlib(table)
		}
		if string(data[e:e+4]) == "name" {
			d.parts = append(d.parts, utf16Runs(nil, table)) // UTF-16BE names
		}
	}
}

// PDF

var (
	pdfStream = regexp.MustCompile(`>>\s*stream\r?\n`)
	pdfFilter = regexp.MustCompile(`/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)`)
	pdfName   = regexp.MustCompile(`/([A-Za-z0-9]+)`)
	// pdfHidden are what make a PDF's text unreadable without the fonts:
	// character codes that are glyph numbers (Identity-H/V, CID fonts) or
	// are mapped to other glyphs (Type3 fonts, Differences).
	pdfHidden = regexp.MustCompile(`/(Identity-H|Identity-V|Type0|CIDFontType0|CIDFontType2|Type3|Differences)\b`)
	// A font that maps its codes through /ToUnicode, or an embedded
	// subset (its glyphs renumbered) without a standard encoding, shows
	// codes that are no letters: LibreOffice's [<0102>2<03>]TJ.
	pdfToUnicode = regexp.MustCompile(`/ToUnicode\b`)
	pdfEmbedded  = regexp.MustCompile(`/FontFile[23]\b|/BaseFont\s*/[A-Z]{6}\+`)
	pdfSubset    = regexp.MustCompile(`/BaseFont\s*/[A-Z]{6}\+`)
	pdfStandard  = regexp.MustCompile(`/(WinAnsiEncoding|MacRomanEncoding|StandardEncoding)\b`)
	pdfImage     = regexp.MustCompile(`/Subtype\s*/Image\b`)
	pdfFile      = regexp.MustCompile(`/Type\s*/EmbeddedFile\b`)
)

// pdf reads a PDF: its objects, every stream decoded, and the strings of
// both, decoded as a reader sees them (UTF-16 text strings, TJ arrays).
// The text shown through fonts the guard cannot decode makes it opaque.
func (d *decoded) pdf(data []byte, depth int) {
	var objects []byte // the file without its streams' data, plus the object streams
	at := 0
	for _, m := range pdfStream.FindAllIndex(data, -1) {
		if m[0] < at {
			continue // "stream" inside the data of the stream before
		}
		start := bytes.LastIndex(data[at:m[0]], []byte("obj"))
		dict := data[at+max(start, 0) : m[0]+2]
		objects = append(objects, data[at:m[0]+2]...)
		end := pdfStreamLength(dict, data[m[1]:])
		if end < 0 {
			d.unreadable("it is a damaged PDF (a stream without end)")
			at = len(data)
			break
		}
		raw := data[m[1] : m[1]+end]
		at = m[1] + end
		if pdfImage.Match(dict) {
			continue // pixels
		}
		b, ok := d.pdfDecode(dict, raw)
		if !ok {
			if d.bomb != "" {
				return
			}
			continue
		}
		switch {
		case pdfFile.Match(dict):
			d.nested(b, depth)
		case bytes.Contains(dict, []byte("/FontFile")) || bytes.Contains(dict, []byte("/Length1")):
			// A font program: glyph outlines, no text.
		default:
			d.parts = append(d.parts, b, pdfText(b, &d.shown))
			if bytes.Contains(dict, []byte("/ObjStm")) || bytes.Contains(b, []byte("/Font")) {
				objects = append(objects, b...)
			}
		}
	}
	objects = append(objects, data[at:]...)
	d.parts = append(d.parts, pdfText(objects, nil))
	if m := pdfHidden.FindSubmatch(objects); m != nil {
		d.unreadable("it is a PDF whose text is shown through fonts with /%s, which the guard cannot read", m[1])
	}
	switch {
	case pdfToUnicode.Match(objects):
		d.unreadable("it is a PDF whose fonts map their codes to letters through /ToUnicode, which the guard cannot read")
	case pdfEmbedded.Match(objects) && !pdfStandard.Match(objects) || subsetWithoutEncoding(objects):
		d.unreadable("it is a PDF whose fonts are embedded subsets without a standard encoding, which the guard cannot read")
	case d.shown.letters > 16 && d.shown.letters*2 > d.shown.strings:
		d.unreadable("it is a PDF that places its text one letter at a time, which the guard cannot read")
	}
	if bytes.Contains(objects, []byte("/Encrypt")) {
		d.unreadable("it is an encrypted PDF")
	}
	for _, p := range d.parts {
		if bytes.Contains(p, []byte(PackMarker)) || bytes.Contains(p, []byte(packProducer)) {
			d.pack = true
		}
	}
}

// subsetWithoutEncoding finds an object that is a subset font without a
// standard encoding of its own, beside fonts that have one.
func subsetWithoutEncoding(objects []byte) bool {
	if !pdfSubset.Match(objects) {
		return false
	}
	for _, obj := range bytes.Split(objects, []byte("endobj")) {
		if pdfSubset.Match(obj) && !pdfStandard.Match(obj) {
			return true
		}
	}
	return false
}

var pdfLength = regexp.MustCompile(`/Length\s+(\d+)(\s+\d+\s+R)?`)

// pdfStreamLength is the length of the stream data that rest starts with:
// its /Length when that is a number followed by endstream (data may hold
// the word), else up to the first endstream; -1 when there is none.
func pdfStreamLength(dict, rest []byte) int {
	if m := pdfLength.FindSubmatch(dict); m != nil && m[2] == nil {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n <= len(rest) &&
			bytes.HasPrefix(bytes.TrimLeft(rest[n:], "\r\n "), []byte("endstream")) {
			return n
		}
	}
	return bytes.Index(rest, []byte("endstream"))
}

// pdfDecode applies a stream's filters; ok is false when one is beyond
// the guard (noted as unreadable).
func (d *decoded) pdfDecode(dict, raw []byte) ([]byte, bool) {
	m := pdfFilter.FindSubmatch(dict)
	if m == nil {
		return raw, true
	}
	b := raw
	for _, f := range pdfName.FindAllSubmatch(m[1], -1) {
		switch name := string(f[1]); name {
		case "FlateDecode", "Fl":
			r, err := zlib.NewReader(bytes.NewReader(b))
			if err != nil {
				d.unreadable("it is a PDF with a damaged compressed stream")
				return nil, false
			}
			var ok bool
			if b, ok = d.inflate(r); !ok {
				return nil, false
			}
		case "ASCIIHexDecode", "AHx":
			b = dropSpace(bytes.TrimSuffix(bytes.TrimSpace(b), []byte(">")))
			if len(b)%2 == 1 {
				b = append(b, '0')
			}
			out := make([]byte, len(b)/2)
			if _, err := hexenc.Decode(out, b); err != nil {
				d.unreadable("it is a PDF with a damaged hex stream")
				return nil, false
			}
			b = out
		case "ASCII85Decode", "A85":
			b = bytes.TrimSuffix(bytes.TrimSpace(b), []byte("~>"))
			out, err := io.ReadAll(ascii85.NewDecoder(bytes.NewReader(b)))
			if err != nil && len(out) == 0 {
				d.unreadable("it is a PDF with a damaged ASCII85 stream")
				return nil, false
			}
			b = out
		case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
			return nil, false // an image
		default:
			d.unreadable("it is a PDF with a stream compressed by /%s, which the guard cannot read", name)
			return nil, false
		}
	}
	return b, true
}

// pdfText is the strings of PDF syntax (objects or a page's content),
// decoded: UTF-16 with its byte order mark, else one byte a character.
// Strings shown one after the other (Tj, TJ, with only font or spacing
// changes between) join as a reader sees them, the pieces of a TJ array
// too, with a space where the array moves the text by more than a space's
// width; a move to another place (Td, Tm, T*, a new text object) and any
// other syntax break the line. When count is not nil, the strings shown
// are counted into it.
func pdfText(src []byte, count *shown) []byte {
	var out []byte
	inArray := false
	joined := false // the last string was shown, and nothing moved since
	last := -1      // the length of the last string, when no operator followed it
	str := func(s []byte) {
		last = len(s)
		if !joined && !inArray {
			out = append(out, '\n')
		}
		out = appendPDFString(out, s)
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '%':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '(':
			var s []byte
			s, i = pdfLiteral(src, i)
			str(s)
		case c == '<' && i+1 < len(src) && src[i+1] == '<':
			i++
			joined = false
		case c == '>':
			joined = false
		case c == '<':
			end := bytes.IndexByte(src[i:], '>')
			if end < 0 {
				return out
			}
			h := dropSpace(src[i+1 : i+end])
			if len(h)%2 == 1 {
				h = append(h, '0')
			}
			s := make([]byte, len(h)/2)
			if _, err := hexenc.Decode(s, h); err == nil {
				str(s)
			}
			i += end
		case c == '[':
			if !joined {
				out = append(out, '\n')
			}
			inArray = true
		case c == ']':
			inArray = false
		case c == '-' && inArray:
			// A move left by more than a space's width in a TJ array is
			// the space between words.
			j := i + 1
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			if n, err := strconv.ParseFloat(string(src[i+1:j]), 64); err == nil && n >= 200 {
				out = append(out, ' ')
			}
			i = j - 1
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '*' || c == '\'' || c == '"':
			j := i + 1
			for j < len(src) && (src[j] >= 'A' && src[j] <= 'Z' || src[j] >= 'a' && src[j] <= 'z' || src[j] == '*') {
				j++
			}
			op := string(src[i:j])
			if count != nil && last >= 0 && (op == "Tj" || op == "'" || op == "\"") {
				count.strings++
				if last == 1 {
					count.letters++
				}
			}
			last = -1
			switch op {
			case "Tj", "TJ":
				joined = true
			case "Td", "TD", "Tm", "T*", "BT", "ET", "'", "\"", "obj", "endobj", "R":
				joined = false
			}
			i = j - 1
		case c == '/':
			// A name: a font or a dictionary key.
			j := i + 1
			for j < len(src) && !bytes.ContainsRune([]byte(" \t\r\n\f/[]()<>{}%"), rune(src[j])) {
				j++
			}
			i = j - 1
		}
	}
	return out
}

// pdfLiteral reads the literal string opening at src[i] ('('), escapes
// resolved, and returns it with the index of its closing parenthesis.
func pdfLiteral(src []byte, i int) ([]byte, int) {
	var s []byte
	depth := 0
	for i++; i < len(src); i++ {
		c := src[i]
		switch c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s, i
			}
			depth--
		case '\\':
			i++
			if i >= len(src) {
				return s, i
			}
			switch e := src[i]; e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				continue // a line continued
			default:
				if e >= '0' && e <= '7' {
					n := 0
					for k := 0; k < 3 && i < len(src) && src[i] >= '0' && src[i] <= '7'; k++ {
						n = n*8 + int(src[i]-'0')
						i++
					}
					i--
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		s = append(s, c)
	}
	return s, i
}

// appendPDFString appends a PDF string as UTF-8: UTF-16BE after its byte
// order mark, UTF-8 when it is valid as such, else Latin-1.
func appendPDFString(out, s []byte) []byte {
	switch {
	case bytes.HasPrefix(s, []byte("\xfe\xff")):
		units := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			units = append(units, binary.BigEndian.Uint16(s[i:]))
		}
		return append(out, string(utf16.Decode(units))...)
	case utf8.Valid(s):
		return append(out, s...)
	}
	for _, c := range s {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// UTF-16 inside binary files

// utf16Text is a set bit for each UTF-16 code unit read as text inside a
// binary file: letters of any script, combining marks, digits, spaces
// and common punctuation.
var utf16Text = func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	for u := range 1 << 16 {
		r := rune(u)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			strings.ContainsRune(" \u00a0\u3000.,-'&()/:;!?\"@_+#%*[]=\u2019\u2013\u2014\u3001\u3002\u300c\u300d\u30fb", r) {
			set[u>>6] |= 1 << (u & 63)
		}
	}
	return &set
}()

// minUTF16Run is the fewest code units of text read as a string.
const minUTF16Run = 3

// utf16Runs reads the UTF-16 strings hidden in binary data, such as EXIF
// XPComment or a font's name table (neither has a byte-order mark):
// every run of at least minUTF16Run text code units, little- and
// big-endian, at even and odd offsets, one a line, appended to out.
func utf16Runs(out, data []byte) []byte {
	for order := range 2 {
		for start := range 2 {
			n, from := 0, 0 // the run's code units and first byte
			flush := func(to int) {
				if n >= minUTF16Run {
					for i := from; i < to; i += 2 {
						u := uint16(data[i])<<8 | uint16(data[i+1])
						if order == 0 {
							u = uint16(data[i]) | uint16(data[i+1])<<8
						}
						out = utf8.AppendRune(out, rune(u))
					}
					out = append(out, '\n')
				}
				n = 0
			}
			for i := start; i+1 < len(data); i += 2 {
				u := uint16(data[i])<<8 | uint16(data[i+1])
				if order == 0 {
					u = uint16(data[i]) | uint16(data[i+1])<<8
				}
				if utf16Text[u>>6]&(1<<(u&63)) == 0 {
					flush(i)
					continue
				}
				if n == 0 {
					from = i
				}
				n++
			}
			flush(start + (len(data)-start)&^1)
		}
	}
	return out
}

// mediaText is where the metadata of an image, font, sound or video may
// hold UTF-16 text: the file without its compressed pixels and samples,
// which would read as noise (a JPEG's entropy-coded scans, an MP4's mdat,
// a WAV's or AVI's samples and frames), a font's name table, an ID3 tag;
// the first and last MiB of other kinds, where their headers and tags
// usually are.
func mediaText(data []byte) [][]byte {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return jpegMeta(data)
	case len(data) >= 8 && string(data[4:8]) == "ftyp":
		return mp4Meta(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF":
		return riffMeta(data[12:])
	case bytes.HasPrefix(data, []byte("\x00\x01\x00\x00")) || bytes.HasPrefix(data, []byte("OTTO")) || bytes.HasPrefix(data, []byte("true")):
		if name := sfntTable(data, "name"); name != nil {
			return [][]byte{name}
		}
	case bytes.HasPrefix(data, []byte("ID3")) && len(data) >= 10:
		size := int(data[6]&0x7f)<<21 | int(data[7]&0x7f)<<14 | int(data[8]&0x7f)<<7 | int(data[9]&0x7f)
		return [][]byte{data[:min(len(data), 10+size)], data[max(0, len(data)-(1<<20)):]}
	}
	if len(data) <= 2<<20 {
		return [][]byte{data}
	}
	return [][]byte{data[:1<<20], data[len(data)-(1<<20):]}
}

// jpegMeta is a JPEG without its entropy-coded data: its markers and
// segments (EXIF, XMP, ICC, comments, those of a second image) and what
// follows its end.
func jpegMeta(data []byte) [][]byte {
	var regions [][]byte
	from := 0 // start of the current region
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			break // not a marker: data after the end, kept
		}
		marker := data[i+1]
		if marker == 0xd8 || marker == 0xd9 || marker == 0x01 || marker == 0xff || marker >= 0xd0 && marker <= 0xd7 {
			i += 2 // no length; 0xff is fill
			if marker == 0xff {
				i--
			}
			continue
		}
		i += 2 + int(binary.BigEndian.Uint16(data[i+2:]))
		if marker != 0xda || i >= len(data) {
			continue
		}
		// A scan: its data runs to the next marker that is no stuffed
		// 0xff00 or restart.
		regions = append(regions, data[from:i])
		j := i
		for {
			k := bytes.IndexByte(data[j:], 0xff)
			if k < 0 || j+k+1 >= len(data) {
				return regions
			}
			j += k + 1
			if c := data[j]; c != 0 && (c < 0xd0 || c > 0xd7) && c != 0xff {
				break
			}
		}
		i, from = j-1, j-1
	}
	return append(regions, data[min(from, len(data)):])
}

// mp4Meta is an MP4, MOV, HEIC or AVIF without its media data, but for
// the EXIF items stored among it.
func mp4Meta(data []byte) [][]byte {
	var regions [][]byte
	for i := 0; i+8 <= len(data); {
		size := int64(binary.BigEndian.Uint32(data[i:]))
		head := int64(8)
		switch size {
		case 0:
			size = int64(len(data) - i)
		case 1:
			if i+16 > len(data) {
				return append(regions, data[i:])
			}
			size, head = int64(binary.BigEndian.Uint64(data[i+8:])), 16
		}
		if size < head || size > int64(len(data)-i) {
			return append(regions, data[i:]) // damaged: read the rest
		}
		if kind := string(data[i+4 : i+8]); kind == "mdat" || kind == "free" || kind == "skip" {
			regions = append(regions, data[i:i+int(head)])
			// A HEIC or AVIF photo keeps its EXIF as an item in mdat.
			box := data[i : i+int(size)]
			for k := 0; ; k++ {
				at := bytes.Index(box[k:], []byte("Exif\x00\x00"))
				if at < 0 {
					break
				}
				k += at
				regions = append(regions, box[k:min(len(box), k+64<<10)])
			}
		} else {
			regions = append(regions, data[i:i+int(size)])
		}
		i += int(size)
	}
	return regions
}

// riffMeta is the chunks of a RIFF file (WAV, AVI, WebP) without its
// samples, frames and pixels; the INFO and XMP chunks stay.
func riffMeta(data []byte) [][]byte {
	var regions [][]byte
	for i := 0; i+8 <= len(data); {
		id := string(data[i : i+4])
		size := int64(binary.LittleEndian.Uint32(data[i+4:]))
		if size > int64(len(data)-i-8) {
			return append(regions, data[i:]) // damaged: read the rest
		}
		body := data[i+8 : i+8+int(size)]
		switch {
		case id == "LIST" && len(body) >= 4 && string(body[:4]) != "movi":
			regions = append(regions, body[:4])
			regions = append(regions, riffMeta(body[4:])...)
		case id == "data" || id == "LIST" || id == "idx1" || strings.HasPrefix(id, "VP8") || id == "ANMF":
			// samples, frames, pixels
		default:
			regions = append(regions, body)
		}
		i += 8 + int(size) + int(size&1)
	}
	return regions
}

// sfntTable is a table of a TrueType or OpenType font; nil when it has
// none or the font is damaged.
func sfntTable(data []byte, tag string) []byte {
	if len(data) < 12 {
		return nil
	}
	for t := range int(binary.BigEndian.Uint16(data[4:])) {
		e := 12 + 16*t
		if e+16 > len(data) {
			return nil
		}
		if string(data[e:e+4]) == tag {
			off, n := binary.BigEndian.Uint32(data[e+8:]), binary.BigEndian.Uint32(data[e+12:])
			if uint64(off)+uint64(n) > uint64(len(data)) {
				return nil
			}
			return data[off : off+n]
		}
	}
	return nil
}
