// Package support reads a helpdesk's ticket export (SPEC §3.6) and derives
// each reference customer's support health at a date: red for a severe
// ticket left open too long, amber for any open severe ticket, an old open
// ticket or falling satisfaction. The export is PRIVATE; nothing of it is
// published.
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
	"time"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
)

// maxProblems bounds what a badly broken export reports: a file in the
// wrong format would otherwise give one error per row.
const maxProblems = 100

// Rating is a ticket's satisfaction rating.
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
	Path      string // slash-separated, relative to the site root
	cfg       config.Support
	tickets   map[string][]ticket // by Key of the customer
	customers []Customer          // in order of first appearance
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
	e := &Export{Path: path, cfg: cfg, tickets: map[string][]ticket{}}
	if enc := otherEncoding(src); enc != "" {
		line, col := firstInvalid(src)
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
	pos := positions{src: src}
	reported := 0
	report := func(line, byteCol int, format string, args ...any) {
		reported++
		if reported <= maxProblems {
			problems.Errorf(path, line, pos.runeCol(line, byteCol), format, args...)
		}
	}
	severe := make(map[string]bool, len(cfg.Severe))
	for _, s := range cfg.Severe {
		severe[Key(s)] = true
	}
	seen := map[string]bool{}
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
		name := strings.TrimSpace(row[cols.customer])
		if name == "" {
			// Tickets from requesters without an organisation belong to
			// no reference customer.
			continue
		}
		t, ok := e.ticket(row, cols, severe, r, report)
		if !ok {
			continue
		}
		key := Key(name)
		if !seen[key] {
			seen[key] = true
			line, _ := r.FieldPos(cols.customer)
			e.customers = append(e.customers, Customer{Name: name, Line: line})
		}
		e.tickets[key] = append(e.tickets[key], t)
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
	var closed time.Time
	if v := strings.TrimSpace(row[cols.closed]); v != "" {
		closed, err = parseTime(v)
		line, col := at(cols.closed)
		switch {
		case err != nil:
			report(line, col, "%q (%s): %v", v, e.cfg.Closed, err)
			ok = false
		case ok && closed.Before(opened):
			report(line, col, "%s %s is before %s %s", e.cfg.Closed, v, e.cfg.Opened, strings.TrimSpace(row[cols.opened]))
			ok = false
		}
	}
	t := ticket{opened: dayNumber(opened), severe: severe[Key(row[cols.priority])]}
	if !closed.IsZero() {
		t.closed = dayNumber(closed)
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

// timeLayouts are the ISO 8601 forms helpdesks write: Zendesk "2026-11-16
// 09:14:03 +0000", Jira "2026-11-16T09:14:03.000+0100", plain dates.
var timeLayouts = []string{
	time.DateOnly,
	time.RFC3339,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// parseTime reads an ISO 8601 date or date-time; one without a zone is
// taken as UTC.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("missing date")
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not an ISO 8601 date or date-time such as 2026-11-16 or 2026-11-16 09:14:03 +0000")
}

// parseRating reads "good"/"bad" (Zendesk also writes "Offered" or
// "Unoffered" for a ticket without a rating) or a score of 1–5, where 4 and
// 5 are good and 1 to 3 are not.
func parseRating(s string) (rating, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "offered", "unoffered", "not offered", "n/a":
		return unrated, nil
	case "good", "4", "5":
		return good, nil
	case "bad", "1", "2", "3":
		return bad, nil
	}
	return unrated, errors.New(`satisfaction must be "good", "bad" or a score from 1 to 5`)
}

func dayNumber(t time.Time) int32 {
	y, m, d := t.UTC().Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
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

// firstInvalid is the line and (rune) column of the first byte that is not
// UTF-8.
func firstInvalid(src []byte) (int, int) {
	line, col := 1, 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[n:]
	}
	return line, col
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

// Has reports whether the export names the customer.
func (e *Export) Has(name string) bool {
	_, ok := e.tickets[Key(name)]
	return ok
}
