package brief

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// CJKPackage is the Debian package that provides the Japanese font the packs
// look for first.
const CJKPackage = "fonts-ipaexfont-gothic"

// SystemFonts are the usual places of a TrueType font with Japanese glyphs,
// tried in order when [brief] fonts does not provide one. TrueType
// collections (.ttc) and CFF-based OpenType fonts cannot be embedded by the
// PDF library, so only .ttf files are listed.
var SystemFonts = []string{
	"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
	"/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf",
	"/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/local/share/fonts/ipaexg.ttf",
	"/Library/Fonts/ipaexg.ttf",
	"/Library/Fonts/Arial Unicode.ttf",
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
}

// face is one font of a pack: a regular and (when the font family has one)
// a bold TrueType file, with the BMP characters it can draw and their
// widths as the PDF library measures them.
type face struct {
	family  string // the name inside the PDF
	source  string // where it came from, for messages
	regular []byte
	bold    []byte // nil: bold is drawn by stroking the regular glyphs

	cover [1 << 16 / 64]uint64

	once    sync.Once
	widths  [2][]uint16 // [regular, bold] glyph-unit widths indexed by rune
	metrics error
}

func (f *face) has(r rune) bool {
	return r >= 0 && r < 1<<16 && f.cover[r>>6]&(1<<(r&63)) != 0
}

// Fonts are the faces a pack can be set in, in order of preference: the Go
// fonts embedded in the binary first (Latin, Cyrillic, Greek), then the
// [brief] fonts, then the first system CJK font found. Build them once and
// share them between packs.
type Fonts struct {
	faces []*face
}

// FontOptions say where LoadFonts looks.
type FontOptions struct {
	// Extra are the [brief] fonts, already resolved against the site root.
	Extra []string
	// NoSystem skips SystemFonts, as if no font package were installed.
	NoSystem bool
}

// LoadFonts reads and indexes the fonts. A listed [brief] font that is
// missing or not a TrueType font is an error; missing system fonts are not.
func LoadFonts(opt FontOptions) (*Fonts, error) {
	fs := &Fonts{}
	goFace, err := newFace(familyName(0), "the Go fonts (built in)", goregular.TTF, gobold.TTF)
	if err != nil {
		return nil, err
	}
	fs.faces = append(fs.faces, goFace)
	for _, p := range opt.Extra {
		src, err := readFont(p)
		if err != nil {
			return nil, fmt.Errorf("[brief] fonts: %s: %v", p, err)
		}
		f, err := newFace(familyName(len(fs.faces)), p, src, nil)
		if err != nil {
			return nil, fmt.Errorf("[brief] fonts: %s: %v", p, err)
		}
		fs.faces = append(fs.faces, f)
	}
	if !opt.NoSystem {
		for _, p := range SystemFonts {
			src, err := readFont(p)
			if err != nil {
				continue
			}
			if f, err := newFace(familyName(len(fs.faces)), p, src, nil); err == nil {
				fs.faces = append(fs.faces, f)
				break
			}
		}
	}
	return fs, nil
}

// The PDF library names an embedded font "utf8" + family (+ "B"), without
// the six-letter tag that marks a subset font; tagSubsets turns
// "utf8" + familyPrefix (lower case: the library lowercases families)
// into such a tag, keeping every byte offset.
const familyPrefix = "zzz"

func familyName(i int) string { return fmt.Sprintf("%sf%d", familyPrefix, i) }

var subsetName = regexp.MustCompile(`/utf8` + familyPrefix + `f(\d+)(B?)`)

// tagSubsets gives every embedded font a subset tag ("RPKAAR+f0").
func tagSubsets(pdf []byte) []byte {
	return subsetName.ReplaceAllFunc(pdf, func(m []byte) []byte {
		sub := subsetName.FindSubmatch(m)
		n, _ := strconv.Atoi(string(sub[1]))
		style := byte('R')
		if len(sub[2]) > 0 {
			style = 'B'
		}
		tag := []byte{'R', 'P', 'K', byte('A' + n/26%26), byte('A' + n%26), style, '+'}
		return append(append([]byte{'/'}, tag...), m[len("/utf8"+familyPrefix):]...)
	})
}

// MaxFontSize is the largest font file refpack reads: the largest CJK
// TrueType fonts are some 20 MiB, and a [brief] fonts entry such as
// /dev/zero or a disk image must not fill the memory.
const MaxFontSize = 64 << 20

// CheckFont tells whether the file at p can be a [brief] font, reading no
// more than its first bytes: a regular file (not a directory, a device or
// a pipe) of at most MaxFontSize bytes that starts as a TrueType font.
func CheckFont(p string) error {
	f, err := openFont(p)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return trueType(head[:n])
}

// openFont opens a font file after checking what it is, and checks again
// what was opened: it may have been replaced meanwhile.
func openFont(p string) (*os.File, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, notFound(err)
	}
	if err := fontFile(info); err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, notFound(err)
	}
	if info, err = f.Stat(); err == nil {
		err = fontFile(info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func notFound(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fontFile checks the kind and size of a font file.
func fontFile(info fs.FileInfo) error {
	mode := info.Mode()
	switch {
	case mode.IsDir():
		return errors.New("a directory, not a font file")
	case mode&fs.ModeDevice != 0:
		return errors.New("a device, not a font file")
	case mode&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe, not a font file")
	case !mode.IsRegular():
		return errors.New("not a regular file, not a font file")
	case info.Size() > MaxFontSize:
		return fmt.Errorf("%d bytes, larger than a font can be (at most %d MiB)", info.Size(), MaxFontSize>>20)
	}
	return nil
}

// readFont reads a font file within CheckFont's limits, whatever the file
// turns into while it is read.
func readFont(p string) ([]byte, error) {
	f, err := openFont(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFontSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFontSize {
		return nil, fmt.Errorf("larger than a font can be (at most %d MiB)", MaxFontSize>>20)
	}
	return data, nil
}

// trueType checks the first bytes of a font file.
func trueType(head []byte) error {
	if len(head) < 4 {
		return errors.New("not a font file")
	}
	switch string(head[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return errors.New("an OpenType font with CFF outlines: use a TrueType (.ttf) font")
	case "ttcf":
		return errors.New("a TrueType collection (.ttc): use a single TrueType (.ttf) font")
	}
	return errors.New("not a TrueType font")
}

func newFace(family, source string, regular, bold []byte) (*face, error) {
	if err := trueType(regular); err != nil {
		return nil, err
	}
	sf, err := sfnt.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("not a usable TrueType font: %v", err)
	}
	f := &face{family: family, source: source, regular: regular, bold: bold}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if g, err := sf.GlyphIndex(&buf, r); err == nil && g != 0 {
			f.cover[r>>6] |= 1 << (r & 63)
		}
	}
	return f, nil
}

// measure fills the width tables once, from a PDF document that holds the
// face, so that the widths are exactly those the PDF library uses.
func (f *face) measure() error {
	f.once.Do(func() {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes(f.family, "", f.regular)
		if f.bold != nil {
			pdf.AddUTF8FontFromBytes(f.family, "B", f.bold)
		}
		if err := pdf.Error(); err != nil {
			f.metrics = fmt.Errorf("font %s: %v", f.source, err)
			return
		}
		var b [utf8.UTFMax]byte
		for i, style := range []string{"", "B"} {
			if style == "B" && f.bold == nil {
				f.widths[1] = f.widths[0]
				break
			}
			pdf.SetFont(f.family, style, 1000)
			w := make([]uint16, 1<<16)
			for r := rune(0x20); r < 1<<16; r++ {
				if f.has(r) {
					n := utf8.EncodeRune(b[:], r)
					w[r] = uint16(pdf.GetStringSymbolWidth(string(b[:n])))
				}
			}
			f.widths[i] = w
		}
		if err := pdf.Error(); err != nil {
			f.metrics = fmt.Errorf("font %s: %v", f.source, err)
		}
	})
	return f.metrics
}

// faceFor returns the index of the first face that can draw r, or -1.
func (fs *Fonts) faceFor(r rune) int {
	for i, f := range fs.faces {
		if f.has(r) {
			return i
		}
	}
	return -1
}

// MissingGlyphError is a character that no available font can draw.
type MissingGlyphError struct {
	Char    rune
	Context string // the text it is in, shortened
}

func (e *MissingGlyphError) Error() string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "no available font can draw %q (U+%04X) in %q: ", e.Char, e.Char, e.Context)
	if e.Char >= 0x2E80 && e.Char < 0x10000 {
		fmt.Fprintf(&b, "install the Debian package %s (apt-get install %s) or ", CJKPackage, CJKPackage)
	}
	b.WriteString("list a TrueType (.ttf) font that has it in [brief] fonts in content/site.toml")
	if e.Char >= 0x10000 {
		b.WriteString(" (characters outside the Basic Multilingual Plane, such as emoji, cannot be set in a pack: replace it in the source)")
	}
	return b.String()
}

// fontStream is the dictionary of an embedded font file, up to its data.
var fontStream = regexp.MustCompile(`/Length (\d+)(\s*/Filter /FlateDecode\s*/Length1 \d+\s*>>\s*stream\r?\n)`)

// xrefEntry is an entry of the cross-reference table: an object's offset.
var xrefEntry = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n\s?$`)

var startXref = regexp.MustCompile(`startxref\s+(\d+)`)

// compactFonts compresses the embedded font files again at zlib's default: the
// library writes them fast, and the Japanese font is most of a Japanese
// pack (144 KB of the sample's 203 KB; 133 KB compressed this way; the
// best compression saves 0.05% more at twice the time).
// Objects after a font move, so the cross-reference table is rewritten.
func compactFonts(pdf []byte) []byte {
	type move struct{ at, by int } // offsets from at on move by bytes
	var moves []move
	var out bytes.Buffer
	last, shift := 0, 0
	for _, m := range fontStream.FindAllSubmatchIndex(pdf, -1) {
		n, err := strconv.Atoi(string(pdf[m[2]:m[3]]))
		start := m[1]
		if err != nil || start+n > len(pdf) {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(pdf[start : start+n]))
		if err != nil {
			continue
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			continue
		}
		var best bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&best, zlib.DefaultCompression)
		zw.Write(raw)
		zw.Close()
		if best.Len() >= n {
			continue
		}
		out.Write(pdf[last:m[0]])
		fmt.Fprintf(&out, "/Length %d", best.Len())
		out.Write(pdf[m[4]:m[5]])
		out.Write(best.Bytes())
		last = start + n
		shift = out.Len() - last
		moves = append(moves, move{last, shift})
	}
	if moves == nil {
		return pdf
	}
	out.Write(pdf[last:])
	moved := func(off int) int {
		by := 0
		for _, m := range moves {
			if off >= m.at {
				by = m.by
			}
		}
		return off + by
	}
	b := out.Bytes()
	table := bytes.LastIndex(b, []byte("\nxref"))
	if table < 0 {
		return pdf
	}
	b = append(b[:table:table], xrefEntry.ReplaceAllFunc(b[table:], func(e []byte) []byte {
		sub := xrefEntry.FindSubmatch(e)
		off, _ := strconv.Atoi(string(sub[1]))
		return []byte(fmt.Sprintf("%010d %s n%s", moved(off), sub[2], e[len(sub[1])+len(sub[2])+3:]))
	})...)
	return startXref.ReplaceAllFunc(b, func(e []byte) []byte {
		off, _ := strconv.Atoi(string(startXref.FindSubmatch(e)[1]))
		return []byte(fmt.Sprintf("startxref\n%d", moved(off)))
	})
}
