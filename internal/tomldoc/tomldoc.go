// Package tomldoc decodes TOML strictly and reports every problem at its
// place in the file: syntax errors, wrong types, missing and unknown keys
// (with a "did you mean" suggestion). Loaders read values through Table
// getters, so one pass finds all problems instead of stopping at the first.
package tomldoc

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/refpack/refpack/internal/diag"
)

// Doc is a parsed TOML document that belongs to a file.
type Doc struct {
	path       string
	src        []byte
	lineOffset int // lines of the file before the TOML text
	firstLine  int // line of the file that messages about the whole document use
	pos        *positions
	problems   *diag.List
}

// positions are found only when a message needs one: valid documents, the
// vast majority, never pay for the scan.
func (d *Doc) positions() *positions {
	if d.pos == nil {
		p := scanPositions(string(d.src))
		d.pos = &p
	}
	return d.pos
}

// Parse parses src, which starts at line lineOffset+1 of the file at path.
// On a syntax error it records the problem and returns nil. src is read,
// never changed, and kept for messages.
func Parse(path string, src []byte, lineOffset int, problems *diag.List) (*Doc, *Table) {
	// Decoding into an empty interface hands over the parser's own table;
	// a map target would copy it key by key through reflect. Strictness does
	// not come from the decoder but from the Table getters and Finish.
	var v any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&v); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			problems.Errorf(path, perr.Position.Line+lineOffset, runeCol(string(src), perr.Position), "TOML syntax error: %s", perr.Message)
		} else {
			problems.Errorf(path, lineOffset+1, 0, "TOML syntax error: %v", err)
		}
		return nil, nil
	}
	data, _ := v.(map[string]any)
	d := &Doc{path: path, src: src, lineOffset: lineOffset, firstLine: max(lineOffset, 1), problems: problems}
	return d, newTable(d, nil, "", -1, data)
}

// ValuePos returns the file position of the value of a top-level key, or
// 0, 0 when the key is absent.
func (d *Doc) ValuePos(key string) (int, int) {
	if p, ok := d.positions().values[key]; ok {
		return d.at(p, true)
	}
	return 0, 0
}

// runeCol turns the parser's byte column into a column in characters, as
// every other position refpack reports.
func runeCol(src string, p toml.Position) int {
	if p.Start <= 0 || p.Start > len(src) {
		return p.Col
	}
	lineStart := strings.LastIndexByte(src[:p.Start], '\n') + 1
	return utf8.RuneCountInString(src[lineStart:p.Start]) + 1
}

// Path is the file the document came from.
func (d *Doc) Path() string { return d.path }

func (d *Doc) at(p Pos, ok bool) (int, int) {
	if !ok {
		return d.firstLine, 0
	}
	return p.Line + d.lineOffset, p.Col
}

// Table is a TOML table being read. Every getter marks its key as known;
// Finish reports the keys nobody asked for.
type Table struct {
	doc *Doc
	// The table is key (element elem >= 0 of it) of parent; the root has no
	// parent. Its path is built only for messages.
	parent *Table
	key    string
	elem   int
	m      map[string]any
	// asked lists every key a getter asked for, repeats included; Finish
	// sorts it once. Tables are small, so a slice is cheaper than a set.
	asked []string
}

func newTable(d *Doc, parent *Table, key string, elem int, m map[string]any) *Table {
	return &Table{doc: d, parent: parent, key: key, elem: elem, m: m}
}

// path is the table's dotted path as parts; array elements are "N".
func (t *Table) path() []string {
	if t.parent == nil {
		return nil
	}
	p := append(t.parent.path(), t.key)
	if t.elem >= 0 {
		p = append(p, strconv.Itoa(t.elem))
	}
	return p
}

func (t *Table) sub(key string) []string { return append(t.path(), key) }

// Line is the file line of the table's header (or of the document).
func (t *Table) Line() int {
	l, _ := t.headerPos()
	return l
}

func (t *Table) headerPos() (int, int) {
	if t.parent == nil {
		return t.doc.firstLine, 0
	}
	p, ok := t.doc.positions().keys[join(t.path())]
	return t.doc.at(p, ok)
}

// KeyPos returns the file position of key in this table (its header when the
// key is absent).
func (t *Table) KeyPos(key string) (int, int) {
	if p, ok := t.doc.positions().keys[join(t.sub(key))]; ok {
		return t.doc.at(p, true)
	}
	return t.headerPos()
}

// ValuePos returns the file position of key's value; elem >= 0 selects an
// array element.
func (t *Table) ValuePos(key string, elem int) (int, int) {
	path := t.sub(key)
	if elem >= 0 {
		if p, ok := t.doc.positions().values[join(append(path, strconv.Itoa(elem)))]; ok {
			return t.doc.at(p, true)
		}
	}
	if p, ok := t.doc.positions().values[join(path)]; ok {
		return t.doc.at(p, true)
	}
	return t.KeyPos(key)
}

// Errorf records an error at key's value (elem >= 0: at that array element).
func (t *Table) Errorf(key string, elem int, format string, args ...any) {
	line, col := t.ValuePos(key, elem)
	t.doc.problems.Errorf(t.doc.path, line, col, format, args...)
}

// Warnf records a warning at key's value.
func (t *Table) Warnf(key string, format string, args ...any) {
	line, col := t.ValuePos(key, -1)
	t.doc.problems.Warnf(t.doc.path, line, col, format, args...)
}

// TableErrorf records an error at the table's header.
func (t *Table) TableErrorf(format string, args ...any) {
	line, col := t.headerPos()
	t.doc.problems.Errorf(t.doc.path, line, col, format, args...)
}

// Has reports whether key is present (without marking it known).
func (t *Table) Has(key string) bool { _, ok := t.m[key]; return ok }

// Name is the dotted name of key in this table, for messages.
func (t *Table) Name(key string) string {
	var parts []string
	for _, p := range t.sub(key) {
		if _, err := strconv.Atoi(p); err == nil && len(parts) > 0 {
			parts[len(parts)-1] += "[" + p + "]"
			continue
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

func (t *Table) get(key string, required bool) (any, bool) {
	if t.asked == nil {
		// Loaders ask for each key about once, plus a few absent ones; Keys
		// and then Table for each key ask twice.
		t.asked = make([]string, 0, 2*len(t.m))
	}
	t.asked = append(t.asked, key)
	v, ok := t.m[key]
	if !ok && required {
		t.TableErrorf("missing required key %q", t.Name(key))
	}
	return v, ok
}

func (t *Table) typeErr(key string, want string, v any) {
	t.Errorf(key, -1, "%s must be %s, not %s", t.Name(key), want, describe(v))
}

// String reads a string.
func (t *Table) String(key string, required bool) string {
	v, ok := t.get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.typeErr(key, "a string", v)
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.Errorf(key, -1, "%s must not be empty", t.Name(key))
	}
	return s
}

// Bool reads a boolean; def when absent.
func (t *Table) Bool(key string, def bool) bool {
	v, ok := t.get(key, false)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		t.typeErr(key, "a boolean (true or false)", v)
		return def
	}
	return b
}

// Int reads a non-negative integer; def when absent.
func (t *Table) Int(key string, def int64) int64 {
	n, ok := t.integer(key)
	switch {
	case !ok:
		return def
	case n < 0:
		t.Errorf(key, -1, "%s must not be negative (got %d)", t.Name(key), n)
		return def
	}
	return n
}

// IntIn reads an integer that must lie in [lo, hi]; def when absent or
// out of range.
func (t *Table) IntIn(key string, def, lo, hi int64) int64 {
	n, ok := t.integer(key)
	switch {
	case !ok:
		return def
	case n < lo || n > hi:
		t.Errorf(key, -1, "%s must be from %d to %d, not %d", t.Name(key), lo, hi, n)
		return def
	}
	return n
}

// integer reads an integer; false when absent or (reported) of another
// type.
func (t *Table) integer(key string) (int64, bool) {
	v, ok := t.get(key, false)
	if !ok {
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		t.typeErr(key, "an integer", v)
	}
	return n, isInt
}

// Float reads a number (integers allowed); def when absent.
func (t *Table) Float(key string, def float64) float64 {
	v, ok := t.get(key, false)
	if !ok {
		return def
	}
	switch n := v.(type) {
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			t.Errorf(key, -1, "%s must be a finite number", t.Name(key))
			return def
		}
		return n
	case int64:
		return float64(n)
	}
	t.typeErr(key, "a number", v)
	return def
}

// Date reads a TOML local date (2024-05-10); zero time when absent.
func (t *Table) Date(key string, required bool) time.Time {
	v, ok := t.get(key, required)
	if !ok {
		return time.Time{}
	}
	d, isDate := asDate(v)
	if !isDate {
		t.typeErr(key, "a date such as 2024-05-10 (without quotes)", v)
	}
	return d
}

func asDate(v any) (time.Time, bool) {
	tm, ok := v.(time.Time)
	if !ok || tm.Location().String() != "date-local" {
		return time.Time{}, false
	}
	return time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC), true
}

// Strings reads an array of strings.
func (t *Table) Strings(key string, required bool) []string {
	v, ok := t.get(key, required)
	if !ok {
		return nil
	}
	arr, isArr := v.([]any)
	if !isArr {
		t.typeErr(key, "an array of strings", v)
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, isStr := e.(string)
		if !isStr {
			t.Errorf(key, i, "%s[%d] must be a string, not %s", t.Name(key), i, describe(e))
			continue
		}
		out = append(out, s)
	}
	if required && len(arr) == 0 {
		t.Errorf(key, -1, "%s must list at least one value", t.Name(key))
	}
	return out
}

// Dates reads an array of dates.
func (t *Table) Dates(key string) []time.Time {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	arr, isArr := v.([]any)
	if !isArr {
		t.typeErr(key, "an array of dates", v)
		return nil
	}
	var out []time.Time
	for i, e := range arr {
		d, isDate := asDate(e)
		if !isDate {
			t.Errorf(key, i, "%s[%d] must be a date such as 2024-05-10 (without quotes), not %s", t.Name(key), i, describe(e))
			continue
		}
		out = append(out, d)
	}
	return out
}

// Table reads a sub-table; nil when absent.
func (t *Table) Table(key string) *Table {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.typeErr(key, "a table", v)
		return nil
	}
	return newTable(t.doc, t, key, -1, m)
}

// Tables reads an array of tables ([[key]]).
func (t *Table) Tables(key string) []*Table {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	var maps []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		maps = a
	case []any:
		for i, e := range a {
			m, isMap := e.(map[string]any)
			if !isMap {
				t.Errorf(key, i, "%s[%d] must be a table, not %s", t.Name(key), i, describe(e))
				continue
			}
			maps = append(maps, m)
		}
	default:
		t.typeErr(key, "an array of tables ([["+key+"]])", v)
		return nil
	}
	out := make([]*Table, len(maps))
	for i, m := range maps {
		out[i] = newTable(t.doc, t, key, i, m)
	}
	return out
}

// Keys returns the table's keys in sorted order and marks them known; for
// tables whose keys are names (vocabularies).
func (t *Table) Keys() []string {
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	t.asked = append(t.asked, keys...)
	return keys
}

// Finish reports every key of the table that no getter asked for, with a
// suggestion among the known keys.
func (t *Table) Finish() {
	slices.Sort(t.asked)
	known := slices.Compact(t.asked)
	t.asked = known
	var unknown []string
	for k := range t.m {
		if _, found := slices.BinarySearch(known, k); !found {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		line, col := t.KeyPos(k)
		msg := fmt.Sprintf("unknown key %q", t.Name(k))
		if s := Suggest(k, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		t.doc.problems.Errorf(t.doc.path, line, col, "%s", msg)
	}
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("a string (%q)", clip(v))
	case bool:
		return fmt.Sprintf("a boolean (%t)", v)
	case int64:
		return fmt.Sprintf("an integer (%d)", v)
	case float64:
		return fmt.Sprintf("a number (%g)", v)
	case time.Time:
		if _, ok := asDate(v); ok {
			return "a date"
		}
		return "a date-time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
