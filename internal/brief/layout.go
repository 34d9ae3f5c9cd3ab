package brief

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// The layout engine: the PDF library draws strings at positions; line
// breaking, font choice per character, page breaks and tables are done here.
// fpdf's own MultiCell drops CJK characters at line breaks and its Write is
// quadratic, so neither is used.

const (
	pageW, pageH  = 210.0, 297.0 // A4, mm
	marginL       = 20.0
	marginR       = 20.0
	marginT       = 24.0
	marginB       = 22.0
	contentW      = pageW - marginL - marginR
	ptPerMM       = 72 / 25.4
	cellPadX      = 2.0
	cellPadY      = 1.6
	boldStrokePt  = 0.35 // stroke width that thickens a face without a bold file
	lineSpacing   = 1.38 // line height / font size
	paragraphSkip = 2.2
	bottom        = pageH - marginB
	usableH       = bottom - marginT
	// maxKeep is the tallest block that moves whole to the next page when
	// it does not fit; a taller one is split. It bounds what a page break
	// leaves empty: every page but the last is filled to at least
	// 1 - maxKeep/usableH of its height (0.65).
	maxKeep = 0.35 * usableH
)

type rgb struct{ r, g, b int }

var (
	colText    = rgb{33, 37, 41}
	colMuted   = rgb{104, 112, 122}
	colHeading = rgb{17, 52, 96}
	colAccent  = rgb{30, 94, 170}
	colRule    = rgb{206, 212, 218}
	colShade   = rgb{238, 242, 247}
	colWarnBg  = rgb{255, 244, 222}
	colWarn    = rgb{138, 84, 0}
	colDanger  = rgb{176, 32, 32}
	colPrivBg  = rgb{246, 240, 250}
	colPriv    = rgb{96, 44, 130}
	colGreen   = rgb{26, 122, 60}
	colWhite   = rgb{255, 255, 255}
)

// style is how a piece of text is set.
type style struct {
	size  float64 // points
	bold  bool
	color rgb
}

func (s style) lineH() float64 { return s.size * lineSpacing / ptPerMM }

var (
	stBody    = style{size: 9.5, color: colText}
	stBold    = style{size: 9.5, bold: true, color: colText}
	stSmall   = style{size: 8, color: colMuted}
	stLabel   = style{size: 8.5, bold: true, color: colMuted}
	stH1      = style{size: 17, bold: true, color: colHeading}
	stH2      = style{size: 12.5, bold: true, color: colHeading}
	stH3      = style{size: 10.5, bold: true, color: colHeading}
	stTableH  = style{size: 8.5, bold: true, color: colHeading}
	stLink    = style{size: 9.5, color: colAccent}
	stRunning = style{size: 7.5, color: colMuted}
)

// doc is a pack being laid out.
type doc struct {
	pdf   *fpdf.Fpdf
	fonts *Fonts
	added []bool // faces added to pdf
	// wt are the width tables of the faces, copied from the shared fonts
	// on first use.
	wt  [][2][]uint16
	err error
	y   float64
	// cjkFirst sets Latin text and punctuation in the CJK face too
	// (Japanese packs): it matches the Japanese text and saves embedding
	// the Go fonts.
	cjkFirst bool
	cjk      []int // faces with kana
	// onNewPage draws the running header of a page after the cover.
	onNewPage func()
	// measuring lays out without drawing and without page breaks, to
	// learn a block's height (see measure).
	measuring bool
	// dry lays out with page breaks but without setting text: the first
	// layout, which only learns the pages of the contents.
	dry bool
	// pageOf is the page of every internal link's target, as set by anchor.
	pageOf map[int]int
	// wraps holds the lines of every text wrapped so far: a pack is laid
	// out twice, and a kept block is measured before it is drawn.
	wraps map[wrapKey][]string
}

type wrapKey struct {
	s  string
	st style
	w  float64
}

func newDoc(fonts *Fonts) *doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(false, marginB)
	pdf.SetCompression(true)
	d := &doc{pdf: pdf, fonts: fonts, added: make([]bool, len(fonts.faces)), wt: make([][2][]uint16, len(fonts.faces)), pageOf: map[int]int{}, wraps: map[wrapKey][]string{}}
	for i, f := range fonts.faces {
		if i > 0 && f.has('あ') {
			d.cjk = append(d.cjk, i)
		}
	}
	return d
}

// faceFor returns the face that sets r, or -1 when none has it.
func (d *doc) faceFor(r rune) int {
	if d.cjkFirst && (r < 0x370 || r >= 0x530) {
		for _, i := range d.cjk {
			if d.fonts.faces[i].has(r) {
				return i
			}
		}
	}
	return d.fonts.faceFor(r)
}

// fail records the first error; layout goes on but the pack is discarded.
func (d *doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// useFace adds a face to the document the first time a character needs it,
// so that a pack without Japanese does not carry the CJK font.
func (d *doc) useFace(i int) {
	if d.added[i] {
		return
	}
	f := d.fonts.faces[i]
	if err := f.measure(); err != nil {
		d.fail(err)
		return
	}
	d.pdf.AddUTF8FontFromBytes(f.family, "", f.regular)
	if f.bold != nil && !d.cjkFirst {
		d.pdf.AddUTF8FontFromBytes(f.family, "B", f.bold)
	}
	if d.pdf.Err() {
		d.fail(d.pdf.Error())
	}
	d.added[i] = true
}

// widths returns the width tables of face i.
func (d *doc) widths(i int) [2][]uint16 {
	if d.wt[i][0] == nil {
		f := d.fonts.faces[i]
		if err := f.measure(); err != nil {
			d.fail(err)
			d.wt[i] = [2][]uint16{make([]uint16, 1<<16), make([]uint16, 1<<16)}
		} else {
			d.wt[i] = f.widths
		}
	}
	return d.wt[i]
}

// clean prepares text for layout: line ends and tabs normalised, invisible
// format characters dropped, and every character checked against the fonts
// before the PDF library sees it (it panics on some characters outside the
// Basic Multilingual Plane and draws boxes for missing glyphs).
func (d *doc) clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	ok := true
	for _, r := range s {
		if r == '\t' || r == '\r' || r < 0x20 && r != '\n' || unicode.Is(unicode.Cf, r) || r == utf8.RuneError || d.fonts.faceFor(r) < 0 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20 || unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
		case d.fonts.faceFor(r) < 0:
			d.fail(&MissingGlyphError{Char: r, Context: shorten(s)})
			b.WriteRune('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		return string(r[:57]) + "..."
	}
	return s
}

// width is the width of s in mm, set in st. s must be clean.
func (d *doc) width(s string, st style) float64 {
	units := 0
	b := 0
	if st.bold && !d.cjkFirst {
		b = 1
	}
	for _, r := range s {
		i := d.faceFor(r)
		if i < 0 {
			continue
		}
		if w := d.widths(i)[b]; w != nil {
			units += int(w[r])
		}
	}
	return float64(units) * st.size / 1000 / ptPerMM
}

// draw sets one line of clean text with its baseline at y, each run in
// the first face that has its characters.
func (d *doc) draw(x, y float64, s string, st style) {
	if d.measuring || d.dry {
		return
	}
	d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
	start, cur := 0, -2
	flush := func(end int) {
		if end <= start || cur < 0 {
			return
		}
		run := s[start:end]
		f := d.fonts.faces[cur]
		d.useFace(cur)
		styleStr := ""
		fake := false
		if st.bold {
			// Japanese packs thicken the Latin and Cyrillic regular face
			// too: it matches the CJK face and saves embedding Go Bold.
			if f.bold != nil && !d.cjkFirst {
				styleStr = "B"
			} else {
				fake = true
			}
		}
		d.pdf.SetFont(f.family, styleStr, st.size)
		if fake {
			d.pdf.SetDrawColor(st.color.r, st.color.g, st.color.b)
			d.pdf.SetLineWidth(boldStrokePt * st.size / 10 / ptPerMM)
			d.pdf.SetTextRenderingMode(2)
		}
		d.pdf.Text(x, y, run)
		if fake {
			d.pdf.SetTextRenderingMode(0)
		}
		x += d.width(run, st)
	}
	for i, r := range s {
		fi := d.faceFor(r)
		if r == ' ' && cur >= 0 {
			fi = cur // spaces stay in the run around them
		}
		if fi != cur {
			flush(i)
			start, cur = i, fi
		}
	}
	flush(len(s))
}

// Japanese line-breaking rules (kinsoku): characters that may not start a
// line and characters that may not end one.
const (
	noStart = "、。，．,.:;!?！？)]}）〕］｝〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～・：；/%‰℃"
	noEnd   = "([{（〔［｛〈《「『【〘〖〝‘“｟«"
)

// breakable reports whether a line may break between any two such
// characters (Han, kana, CJK punctuation, full-width forms).
func breakable(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == 'ー'
}

type atom struct {
	text  string
	space bool // a space precedes it
}

// atoms splits a paragraph into the pieces a line may break between:
// words of Latin or Cyrillic text, single CJK characters, with kinsoku
// characters glued to their neighbour.
func atoms(p string) []atom {
	var out []atom
	var cur strings.Builder
	space := false
	prev := rune(0)
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, atom{text: cur.String(), space: space})
			cur.Reset()
			space = false
		}
	}
	for _, r := range p {
		if r == ' ' {
			emit()
			space = len(out) > 0
			prev = r
			continue
		}
		canBreak := cur.Len() > 0 && (breakable(r) || breakable(prev)) &&
			!strings.ContainsRune(noStart, r) && !strings.ContainsRune(noEnd, prev)
		if canBreak {
			emit()
		}
		cur.WriteRune(r)
		prev = r
	}
	emit()
	return out
}

// wrap breaks clean text into lines no wider than maxW.
func (d *doc) wrap(s string, st style, maxW float64) []string {
	k := wrapKey{s, st, maxW}
	if lines, ok := d.wraps[k]; ok {
		return lines[:len(lines):len(lines)] // appending copies
	}
	lines := d.breakLines(s, st, maxW)
	d.wraps[k] = lines
	return lines[:len(lines):len(lines)]
}

// breakLines is wrap without the memo.
func (d *doc) breakLines(s string, st style, maxW float64) []string {
	var lines []string
	spaceW := d.width(" ", st)
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
		for _, a := range atoms(para) {
			w := d.width(a.text, st)
			sp := 0.0
			if a.space && line.Len() > 0 {
				sp = spaceW
			}
			if lineW+sp+w <= maxW+0.01 {
				if sp > 0 {
					line.WriteByte(' ')
				}
				line.WriteString(a.text)
				lineW += sp + w
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			if w <= maxW {
				line.WriteString(a.text)
				lineW = w
				continue
			}
			// A word wider than the line (a long URL): break it anywhere.
			for _, r := range a.text {
				rw := d.width(string(r), st)
				if lineW+rw > maxW && line.Len() > 0 {
					flush()
				}
				line.WriteRune(r)
				lineW += rw
			}
		}
		flush()
	}
	return lines
}

// newPage starts a page with the running header.
func (d *doc) newPage() {
	if d.measuring {
		return
	}
	d.pdf.AddPage()
	d.y = marginT
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// room is the height left on the page; unlimited while measuring.
func (d *doc) room() float64 {
	if d.measuring {
		return math.Inf(1)
	}
	return bottom - d.y
}

// ensure starts a new page unless h mm still fit on this one.
func (d *doc) ensure(h float64) {
	if h > d.room() {
		d.newPage()
	}
}

// measure returns the height fn lays out, drawing nothing.
func (d *doc) measure(fn func()) float64 {
	y, m := d.y, d.measuring
	d.y, d.measuring = 0, true
	fn()
	h := d.y
	d.y, d.measuring = y, m
	return h
}

// keep lays out fn on one page: it moves to the next page whole when it
// does not fit here and is at most maxKeep tall, else it flows.
func (d *doc) keep(fn func()) {
	if !d.measuring {
		if h := d.measure(fn); h <= maxKeep && h > d.room() {
			d.newPage()
		}
	}
	fn()
}

// anchor makes the current position the target of an internal link and
// remembers its page for the contents.
func (d *doc) anchor(link int) {
	if d.measuring {
		return
	}
	d.pdf.SetLink(link, d.y, -1)
	d.pageOf[link] = d.pdf.PageNo()
}

// bookmark adds an outline entry at the current position.
func (d *doc) bookmark(title string, level int) {
	if !d.measuring {
		d.pdf.Bookmark(title, level, d.y)
	}
}

// rect fills (or, with style "D", strokes) a rectangle.
func (d *doc) rect(x, y, w, h float64, style string) {
	if !d.measuring {
		d.pdf.Rect(x, y, w, h, style)
	}
}

// linkArea makes an area jump to an internal link.
func (d *doc) linkArea(x, y, w, h float64, link int) {
	if !d.measuring {
		d.pdf.Link(x, y, w, h, link)
	}
}

// linkURL makes an area open a URL.
func (d *doc) linkURL(x, y, w, h float64, url string) {
	if !d.measuring {
		d.pdf.LinkString(x, y, w, h, url)
	}
}

// para sets a paragraph at x with width w, breaking pages between lines,
// and returns the lines' extent.
func (d *doc) para(s string, st style, x, w float64) {
	s = d.clean(s)
	lh := st.lineH()
	for _, l := range d.wrap(s, st, w) {
		d.ensure(lh)
		d.draw(x, d.y+lh*0.78, l, st)
		d.y += lh
	}
}

// text is a full-width paragraph followed by a small gap.
func (d *doc) text(s string, st style) {
	d.para(s, st, marginL, contentW)
	d.y += paragraphSkip
}

// link sets a one-line external link (wrapped when long).
func (d *doc) link(label, url string) {
	label = d.clean(label)
	url = d.clean(url)
	lw := d.width(label+" ", stBold)
	lh := stLink.lineH()
	lines := d.wrap(url, stLink, contentW-lw)
	d.ensure(lh * float64(len(lines)))
	d.draw(marginL, d.y+lh*0.78, label, stBold)
	for _, l := range lines {
		d.ensure(lh)
		d.draw(marginL+lw, d.y+lh*0.78, l, stLink)
		d.linkURL(marginL+lw, d.y, d.width(l, stLink), lh, url)
		d.y += lh
	}
	d.y += paragraphSkip
}

// heading sets a section heading, kept with at least keep mm of what follows.
func (d *doc) heading(s string, st style, keep float64) {
	s = d.clean(s)
	lines := d.wrap(s, st, contentW)
	lh := st.lineH()
	d.ensure(lh*float64(len(lines)) + keep)
	for _, l := range lines {
		d.draw(marginL, d.y+lh*0.8, l, st)
		d.y += lh
	}
}

// bullets sets a list with a marker before every item.
func (d *doc) bullets(items []string, st style, marker string) {
	for i, it := range items {
		m := marker
		if marker == "" {
			m = itoa(i+1) + "."
		}
		d.item(m, it, st, 0, 6)
	}
	d.y += paragraphSkip
}

// item sets one list entry: the marker at markerX, the text at textX
// (both from the left margin).
func (d *doc) item(marker, s string, st style, markerX, textX float64) {
	indent := textX
	s = d.clean(s)
	lines := d.wrap(s, st, contentW-indent)
	lh := st.lineH()
	for i, l := range lines {
		d.ensure(lh)
		if i == 0 {
			d.draw(marginL+markerX, d.y+lh*0.78, marker, style{size: st.size, bold: true, color: colAccent})
		}
		d.draw(marginL+indent, d.y+lh*0.78, l, st)
		d.y += lh
	}
	d.y += 0.8
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// box draws a shaded panel with a coloured left edge behind lines of text:
// warnings and the private part of a reference. A box that does not fit
// moves to the next page whole when it is small, else it is split, each
// part on its own panel.
func (d *doc) box(title string, lines []string, bg, edge rgb, st style) {
	const pad = 3.0
	type boxLine struct {
		text   string
		st     style
		bullet bool
		after  float64 // space below the line
	}
	rows := []boxLine{{text: d.clean(title), st: style{size: stH3.size, bold: true, color: edge}, after: 1}}
	w := contentW - 2*pad - 1.5
	for _, l := range lines {
		ls := d.wrap(d.clean(l), st, w-4)
		for i, s := range ls {
			r := boxLine{text: s, st: st, bullet: i == 0}
			if i == len(ls)-1 {
				r.after = 1.2
			}
			rows = append(rows, r)
		}
	}
	height := func(r boxLine) float64 { return r.st.lineH() + r.after }
	total := 2 * pad
	for _, r := range rows {
		total += height(r)
	}
	if total <= maxKeep && total > d.room() {
		d.newPage()
	}
	x := marginL + 1.5 + pad
	for len(rows) > 0 {
		if 2*pad+height(rows[0]) > d.room() {
			d.newPage()
		}
		n, h := 0, 2*pad
		for n < len(rows) && (n == 0 || h+height(rows[n]) <= d.room()) {
			h += height(rows[n])
			n++
		}
		top := d.y
		d.fill(bg)
		d.rect(marginL, top, contentW, h, "F")
		d.fill(edge)
		d.rect(marginL, top, 1.5, h, "F")
		d.y += pad
		for _, r := range rows[:n] {
			lh := r.st.lineH()
			if r.bullet {
				d.draw(x, d.y+lh*0.78, "•", style{size: r.st.size, bold: true, color: edge})
				d.draw(x+4, d.y+lh*0.78, r.text, r.st)
			} else {
				d.draw(x, d.y+lh*0.8, r.text, r.st)
			}
			d.y += height(r)
		}
		d.y = top + h
		rows = rows[n:]
	}
	d.y += 4
}

func (d *doc) fill(c rgb) { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) drawC(c rgb) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
}

// rule draws a horizontal line across the text column.
func (d *doc) rule(y float64, c rgb, w float64) {
	if d.measuring {
		return
	}
	d.drawC(c)
	d.pdf.SetLineWidth(w)
	d.pdf.Line(marginL, y, pageW-marginR, y)
}

// cell is one table cell.
type cell struct {
	text  string
	style style
	// sub is more text below text, in subStyle (a title under a name).
	sub      string
	subStyle style
	link     int    // internal link of the whole row, 0: none
	url      string // external link
}

// table lays out rows with wrapped cells; widths are fractions of the
// text column. The header row is repeated on every page the table spans.
type table struct {
	widths []float64
	header []string
	rows   [][]cell
}

func (d *doc) table(t table) {
	ws := make([]float64, len(t.widths))
	for i, f := range t.widths {
		ws[i] = f * contentW
	}
	wrapRow := func(cells []cell) ([][]string, float64) {
		out := make([][]string, len(cells))
		h := 0.0
		for i, c := range cells {
			out[i] = d.wrap(d.clean(c.text), c.style, ws[i]-2*cellPadX)
			ch := float64(len(out[i])) * c.style.lineH()
			if c.sub != "" {
				sub := d.wrap(d.clean(c.sub), c.subStyle, ws[i]-2*cellPadX)
				for _, l := range sub {
					out[i] = append(out[i], "\x00"+l)
				}
				ch += float64(len(sub)) * c.subStyle.lineH()
			}
			h = max(h, ch)
		}
		return out, h + 2*cellPadY
	}
	head := make([]cell, len(t.header))
	for i, h := range t.header {
		head[i] = cell{text: h, style: stTableH}
	}
	headLines, headH := wrapRow(head)
	drawHeader := func() {
		d.fill(colShade)
		d.rect(marginL, d.y, contentW, headH, "F")
		d.drawRow(head, headLines, ws, d.y)
		d.y += headH
		d.rule(d.y, colHeading, 0.35)
	}
	first := 12.0
	if len(t.rows) > 0 {
		_, first = wrapRow(t.rows[0])
	}
	d.ensure(headH + min(first, 40))
	drawHeader()
	for _, row := range t.rows {
		lines, h := wrapRow(row)
		if h > maxKeep {
			// Too tall to move whole: cut the row's lines where the page
			// ends.
			d.tallRow(row, lines, ws, drawHeader)
			continue
		}
		if h > d.room() {
			d.newPage()
			drawHeader()
		}
		d.drawRow(row, lines, ws, d.y)
		if row[0].link != 0 {
			d.linkArea(marginL, d.y, contentW, h, row[0].link)
		}
		d.y += h
		d.rule(d.y, colRule, 0.2)
	}
	d.y += 4
}

func (d *doc) drawRow(row []cell, lines [][]string, ws []float64, top float64) {
	x := marginL
	for i, c := range row {
		y := top + cellPadY
		for _, l := range lines[i] {
			st := c.style
			if strings.HasPrefix(l, "\x00") {
				// A line of the sub text.
				l, st = l[1:], c.subStyle
			}
			lh := st.lineH()
			d.draw(x+cellPadX, y+lh*0.78, l, st)
			if c.url != "" {
				d.linkURL(x+cellPadX, y, d.width(l, st), lh, c.url)
			}
			y += lh
		}
		x += ws[i]
	}
}

func (d *doc) tallRow(row []cell, lines [][]string, ws []float64, header func()) {
	n := 0
	for _, ls := range lines {
		n = max(n, len(ls))
	}
	for j := 0; j < n; j++ {
		lh := 0.0
		for i := range row {
			lh = max(lh, row[i].style.lineH())
		}
		if lh+cellPadY > d.room() {
			d.newPage()
			header()
		}
		x := marginL
		for i, c := range row {
			if j < len(lines[i]) {
				l, st := lines[i][j], c.style
				if strings.HasPrefix(l, "\x00") {
					l, st = l[1:], c.subStyle
				}
				d.draw(x+cellPadX, d.y+cellPadY+lh*0.78, l, st)
			}
			x += ws[i]
		}
		d.y += lh
	}
	d.y += 2 * cellPadY
	d.rule(d.y, colRule, 0.2)
}

// pairs lays out label–value rows: a definition list as a borderless
// two-column table.
func (d *doc) pairs(rows [][2]string) {
	var t table
	t.widths = []float64{0.27, 0.73}
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		t.rows = append(t.rows, []cell{{text: r[0], style: stLabel}, {text: r[1], style: stBody}})
	}
	lw := t.widths[0] * contentW
	vw := t.widths[1] * contentW
	for _, r := range t.rows {
		l := d.wrap(d.clean(r[0].text), stLabel, lw-2*cellPadX)
		v := d.wrap(d.clean(r[1].text), stBody, vw-2*cellPadX)
		h := max(float64(len(l))*stLabel.lineH(), float64(len(v))*stBody.lineH()) + 2*1.1
		if h > d.room() && h <= maxKeep {
			d.newPage()
		}
		if h > d.room() {
			d.tallRow(r, [][]string{l, v}, []float64{lw, vw}, func() {})
			continue
		}
		for j, s := range l {
			d.draw(marginL+cellPadX, d.y+1.1+float64(j)*stLabel.lineH()+stBody.lineH()*0.78, s, stLabel)
		}
		for j, s := range v {
			d.draw(marginL+lw+cellPadX, d.y+1.1+float64(j)*stBody.lineH()+stBody.lineH()*0.78, s, stBody)
		}
		d.y += h
		d.rule(d.y, colRule, 0.15)
	}
	d.y += 4
}

// fit shortens clean text to one line of width w, ending it with "…" when
// cut.
func (d *doc) fit(s string, st style, w float64) string {
	if d.width(s, st) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.width(string(r)+"…", st) > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,;:、") + "…"
}
