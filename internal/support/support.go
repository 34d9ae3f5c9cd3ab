// Package support reads a helpdesk's ticket export (README, "Support health
// from the helpdesk") and derives each reference customer's support health
// at a date: red for a severe ticket left open too long, amber for any open
// severe ticket, an old open ticket or falling satisfaction. The export is
// PRIVATE; nothing of it is published.
package support

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
)

// maxProblems bounds what a badly broken export reports: a file in the
// wrong format would otherwise give one error per row.
const maxProblems = 100

// rating is a ticket's satisfaction rating.
type rating int8

const (
	unrated rating = iota
	good
	bad
)

// ticket is one row of the export, reduced to what health needs. Days are
// counted from 1970-01-01 (UTC), so that "open for 21 days" means calendar
// days whatever the time of day in the export.
type ticket struct {
	opened int32
	closed int32 // 0 while the ticket is open
	severe bool
	rating rating
}

// Customer is a customer named in the export, with the first line naming it.
type Customer struct {
	Name string
	Line int
}

// Export is a loaded helpdesk export.
type Export struct {
	Path string // slash-separated, relative to the site root
	cfg  config.Support
	// tickets holds each customer's tickets under its Key and under every
	// spelling the export uses, so that a case naming the customer as the
	// export does finds them in one lookup.
	tickets   map[string]*[]ticket
	customers []Customer // in order of first appearance
	texts     []Text     // each free-text value once, in order of first appearance
	complete  bool       // every row was read

	mu        sync.Mutex
	snapshots map[int32]Snapshot // by day
}

// Key is how customer names are compared: case and surrounding or doubled
// spaces do not matter, as helpdesk organisations are typed by hand.
func Key(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Load reads the export at path (relative to the site root fsys).
// Problems go to problems; the result is nil only when the file cannot be
// read at all.
func Load(fsys fs.FS, path string, cfg config.Support, problems *diag.List) *Export {
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(config.Path, cfg.Line, 0, "[support] file %q: %s does not exist", cfg.File, path)
		} else {
			problems.Errorf(path, 0, 0, "cannot read: %v", err)
		}
		return nil
	}
	return Parse(path, src, cfg, problems)
}

// columns are the indexes of the configured columns in a row; -1 when the
// export has no such column.
type columns struct {
	customer, opened, closed, priority, satisfaction int
}

// Parse reads an export's bytes. Every bad row is reported at its line and
// column; rows with problems are left out.
func Parse(path string, src []byte, cfg config.Support, problems *diag.List) *Export {
	e := &Export{Path: path, cfg: cfg, tickets: map[string]*[]ticket{}}
	before := len(problems.Problems)
	defer func() { e.complete = len(problems.Problems) == before }()
	if enc := otherEncoding(src); enc != "" {
		line, col := diag.InvalidUTF8At(src)
		problems.Errorf(path, line, col, "not UTF-8 (%s): export it again as UTF-8, or convert it (e.g. iconv -t UTF-8)", enc)
		return e
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(src))
	r.Comma = cfg.Delimiter
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		problems.Errorf(path, 1, 0, "empty export: the first line must name the columns")
		return e
	}
	if err != nil {
		reportCSV(path, src, err, problems)
		return e
	}
	header = slices.Clone(header)
	cols, ok := findColumns(path, header, cfg, problems)
	if !ok {
		return e
	}
	textCols := textColumns(header, cols)
	seenText := map[string]bool{}
	pos := positions{src: src}
	reported := 0
	report := func(line, byteCol int, format string, args ...any) {
		reported++
		if reported <= maxProblems {
			problems.Errorf(path, line, pos.runeCol(line, byteCol), format, args...)
		}
	}
	// Priorities and customers repeat on every row: each distinct spelling
	// is looked up once.
	severeKeys := make(map[string]bool, len(cfg.Severe))
	for _, s := range cfg.Severe {
		severeKeys[Key(s)] = true
	}
	severe := map[string]bool{}
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				report(pe.StartLine, 0, "row has %d fields, the header has %d (is the delimiter %q right?)", len(row), len(header), string(cfg.Delimiter))
				continue
			}
			if errors.As(err, &pe) {
				report(pe.Line, pe.Column, "%v", pe.Err)
				continue
			}
			problems.Errorf(path, 0, 0, "%v", err)
			break
		}
		for _, tc := range textCols {
			if v := strings.TrimSpace(row[tc.index]); v != "" && !seenText[v] {
				v = strings.Clone(v)
				seenText[v] = true
				line, _ := r.FieldPos(tc.index)
				e.texts = append(e.texts, Text{Value: v, Column: header[tc.index], Line: line, Name: tc.name})
			}
		}
		name := strings.TrimSpace(row[cols.customer])
		if name == "" {
			// Tickets from requesters without an organisation belong to
			// no reference customer.
			continue
		}
		prio := row[cols.priority]
		if _, ok := severe[prio]; !ok {
			severe[strings.Clone(prio)] = severeKeys[Key(prio)]
		}
		t, ok := e.ticket(row, cols, severe, r, report)
		if !ok {
			continue
		}
		ts, ok := e.tickets[name]
		if !ok {
			key := Key(name)
			if ts, ok = e.tickets[key]; !ok {
				ts = new([]ticket)
				e.tickets[key] = ts
				line, _ := r.FieldPos(cols.customer)
				e.customers = append(e.customers, Customer{Name: strings.Clone(name), Line: line})
			}
			e.tickets[strings.Clone(name)] = ts
		}
		*ts = append(*ts, t)
	}
	if reported > maxProblems {
		problems.Errorf(path, 0, 0, "%d more problems not shown: is this the export that [support] describes?", reported-maxProblems)
	}
	return e
}

// ticket decodes one row; ok is false when it has problems (reported).
func (e *Export) ticket(row []string, cols columns, severe map[string]bool, r *csv.Reader, report func(line, col int, format string, args ...any)) (ticket, bool) {
	ok := true
	at := r.FieldPos
	opened, err := parseTime(row[cols.opened])
	if err != nil {
		line, col := at(cols.opened)
		report(line, col, "%q (%s): %v", row[cols.opened], e.cfg.Opened, err)
		ok = false
	}
	t := ticket{opened: day(opened), severe: severe[row[cols.priority]]}
	if v := strings.TrimSpace(row[cols.closed]); v != "" {
		closed, err := parseTime(v)
		line, col := at(cols.closed)
		switch {
		case err != nil:
			report(line, col, "%q (%s): %v", v, e.cfg.Closed, err)
			ok = false
		case ok && closed < opened:
			report(line, col, "%s %s is before %s %s", e.cfg.Closed, v, e.cfg.Opened, strings.TrimSpace(row[cols.opened]))
			ok = false
		}
		t.closed = day(closed)
	}
	if cols.satisfaction >= 0 {
		rt, err := parseRating(row[cols.satisfaction])
		if err != nil {
			line, col := at(cols.satisfaction)
			report(line, col, "%q (%s): %v", row[cols.satisfaction], e.cfg.Satisfaction, err)
			ok = false
		}
		t.rating = rt
	}
	return t, ok
}

// findColumns locates the configured columns in the header. A missing
// column is reported at line 1, with the header's columns to choose from.
func findColumns(path string, header []string, cfg config.Support, problems *diag.List) (columns, bool) {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.TrimSpace(h)
	}
	ok := true
	find := func(setting, name string, required bool) int {
		if name == "" && !required {
			return -1
		}
		for i, h := range names {
			if strings.EqualFold(h, strings.TrimSpace(name)) {
				return i
			}
		}
		ok = false
		problems.Errorf(path, 1, 0, "no column %q, which [support] %s names in content/site.toml%s; the columns are: %s",
			name, setting, config.DidYouMean(name, names), strings.Join(quoteAll(names), ", "))
		return -1
	}
	c := columns{
		customer:     find("customer", cfg.Customer, true),
		opened:       find("opened", cfg.Opened, true),
		closed:       find("closed", cfg.Closed, true),
		priority:     find("priority", cfg.Priority, true),
		satisfaction: find("satisfaction", cfg.Satisfaction, false),
	}
	return c, ok
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// parseTime reads an ISO 8601 date or date-time as helpdesks write them
// (Zendesk "2026-11-16 09:14:03 +0000", Jira "2026-11-16T09:14:03.000+0100",
// plain dates) and returns it in seconds since 1970, UTC; one without a
// zone is taken as UTC. It is written out rather than trying layouts with
// time.Parse, which took most of the load time of a large export.
func parseTime(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("missing date")
	}
	bad := errors.New("not an ISO 8601 date or date-time such as 2026-11-16 or 2026-11-16 09:14:03 +0000")
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, bad
	}
	y, m, d := digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 0 || m < 1 || m > 12 || d < 1 || t.Day() != d {
		return 0, bad
	}
	sec := t.Unix()
	rest := s[10:]
	if rest == "" {
		return sec, nil
	}
	if rest[0] != 'T' && rest[0] != ' ' || len(rest) < 6 || rest[3] != ':' {
		return 0, bad
	}
	hh, mm, ss := digits(rest[1:3]), digits(rest[4:6]), 0
	rest = rest[6:]
	if len(rest) >= 3 && rest[0] == ':' {
		ss = digits(rest[1:3])
		rest = rest[3:]
		if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
			rest = strings.TrimLeft(rest[1:], "0123456789")
		}
	}
	if hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 {
		return 0, bad
	}
	sec += int64(hh*3600 + mm*60 + ss)
	rest = strings.TrimPrefix(rest, " ")
	switch {
	case rest == "" || rest == "Z":
		return sec, nil
	case rest[0] == '+' || rest[0] == '-':
		z := strings.Replace(rest[1:], ":", "", 1)
		if len(z) == 2 {
			z += "00"
		}
		zh, zm := -1, -1
		if len(z) == 4 {
			zh, zm = digits(z[0:2]), digits(z[2:4])
		}
		if zh < 0 || zh > 14 || zm < 0 || zm > 59 {
			return 0, bad
		}
		off := int64(zh*3600 + zm*60)
		if rest[0] == '-' {
			off = -off
		}
		return sec - off, nil
	}
	return 0, bad
}

// digits reads a short run of ASCII digits; -1 when there are others.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// parseRating reads a satisfaction rating: "good"/"bad" (Zendesk also
// writes "Offered" or "Unoffered" for a ticket without a rating, and "Good
// with comment"), a score of 1–5 where 4 and 5 are good and 1 to 3 are not,
// or Freshdesk's "Happy"/"Neutral"/"Unhappy" (neutral is not good either).
func parseRating(s string) (rating, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch {
	case v == "" || v == "offered" || v == "unoffered" || v == "not offered" || v == "n/a":
		return unrated, nil
	case v == "4" || v == "5" || strings.HasPrefix(v, "good") || v == "happy" || v == "extremely happy":
		return good, nil
	case v == "1" || v == "2" || v == "3" || strings.HasPrefix(v, "bad") || v == "neutral" || v == "unhappy" || v == "extremely unhappy":
		return bad, nil
	}
	return unrated, errors.New(`satisfaction must be "good", "bad", a score from 1 to 5, or "happy", "neutral", "unhappy"`)
}

// day is the UTC calendar day of a time in seconds since 1970.
func day(sec int64) int32 {
	d := sec / 86400
	if sec < 0 && sec%86400 != 0 {
		d--
	}
	return int32(d)
}

// otherEncoding names the encoding of src when it is not UTF-8.
func otherEncoding(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return "it is UTF-16 little-endian"
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return "it is UTF-16 big-endian"
	case !utf8.Valid(src):
		return "perhaps Windows-1252, Latin-1 or Shift_JIS"
	}
	return ""
}

// reportCSV reports an error of the header line.
func reportCSV(path string, src []byte, err error, problems *diag.List) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		problems.Errorf(path, pe.Line, (&positions{src: src}).runeCol(pe.Line, pe.Column), "%v", pe.Err)
		return
	}
	problems.Errorf(path, 1, 0, "%v", err)
}

// positions turns csv's byte columns into the rune columns every other
// message uses. Lines are indexed only when a problem needs one.
type positions struct {
	src    []byte
	starts []int
}

func (p *positions) runeCol(line, byteCol int) int {
	if byteCol <= 0 {
		return 0
	}
	if p.starts == nil {
		p.starts = []int{0}
		for i, b := range p.src {
			if b == '\n' {
				p.starts = append(p.starts, i+1)
			}
		}
	}
	if line < 1 || line > len(p.starts) {
		return byteCol
	}
	start := p.starts[line-1]
	end := min(start+byteCol-1, len(p.src))
	return utf8.RuneCount(p.src[start:end]) + 1
}

// Customers lists the customers named in the export, in order of first
// appearance.
func (e *Export) Customers() []Customer { return e.customers }

// Text is a free-text value of the export: who asked (a requester) or
// what about (a subject), PRIVATE like the whole export.
type Text struct {
	Value  string
	Column string // as the header names it
	Line   int    // the first line that holds it
	Name   bool   // a person's name or e-mail address, not text
}

// Texts lists the distinct values of the export's free-text columns, in
// order of first appearance: for the leak guard. A 100,000-row export
// repeats its requesters; each value is listed once.
func (e *Export) Texts() []Text { return e.texts }

// textColumn is a free-text column of the export.
type textColumn struct {
	index int
	name  bool
}

// textColumns finds the free-text columns by the names that Zendesk, Jira
// Service Management and Freshdesk give them: the requester (a person) and
// the subject, description and comments. Other columns are dates, numbers,
// enumerations (status, group) or the vendor's own agents (assignee); the
// customer column is listed by Customers.
func textColumns(header []string, cols columns) []textColumn {
	var out []textColumn
	for i, h := range header {
		if i == cols.customer || i == cols.opened || i == cols.closed || i == cols.priority || i == cols.satisfaction {
			continue
		}
		h := strings.ToLower(h)
		switch {
		case strings.Contains(h, "requester"), strings.Contains(h, "reporter"), strings.Contains(h, "contact"),
			strings.Contains(h, "e-mail"), strings.Contains(h, "email"):
			out = append(out, textColumn{i, true})
		case strings.Contains(h, "subject"), strings.Contains(h, "summary"), strings.Contains(h, "title"),
			strings.Contains(h, "description"), strings.Contains(h, "comment"):
			out = append(out, textColumn{i, false})
		}
	}
	return out
}

// Complete reports whether every row of the export was read: only then
// does a customer missing from it say something.
func (e *Export) Complete() bool { return e.complete }
