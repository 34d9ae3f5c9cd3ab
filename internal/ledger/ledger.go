// Package ledger edits content/visits.toml, the reference-usage ledger, in
// place: it appends [[visit]] entries and changes single values of one entry
// while keeping every other byte of the file (comments, order, formatting)
// exactly as it was. The edits are pure functions on []byte; Update applies
// one under a lock with a crash-safe write.
package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Header starts a new ledger file.
const Header = "# Reference-usage ledger (PRIVATE): every reference visit or call, and what we promised the host customer.\n" +
	"# Record new entries with `refpack visit add`; deliver every bonus whatever the outcome.\n"

// Entry is a new ledger entry.
type Entry struct {
	Case     string
	Prospect string
	Date     time.Time
	Kind     string
	Outcome  string
	Bonus    string
	Value    int64  // the deal size; 0: not written
	Currency string // "": not written (the [report] currency applies)
}

// Quote returns s as a TOML basic string with every character that needs
// it escaped.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f || r == utf8.RuneError {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Block renders e as a [[visit]] block ending in a newline.
func Block(e Entry) string {
	var b strings.Builder
	b.WriteString("[[visit]]\n")
	fmt.Fprintf(&b, "case = %s\n", Quote(e.Case))
	fmt.Fprintf(&b, "prospect = %s\n", Quote(e.Prospect))
	fmt.Fprintf(&b, "date = %s\n", e.Date.Format(time.DateOnly))
	fmt.Fprintf(&b, "kind = %s\n", Quote(e.Kind))
	fmt.Fprintf(&b, "outcome = %s\n", Quote(e.Outcome))
	if e.Bonus != "" {
		fmt.Fprintf(&b, "bonus = %s\n", Quote(e.Bonus))
		b.WriteString("bonus_delivered = false\n")
	}
	if e.Value > 0 {
		fmt.Fprintf(&b, "value = %d\n", e.Value)
	}
	if e.Currency != "" {
		fmt.Fprintf(&b, "currency = %s\n", Quote(e.Currency))
	}
	return b.String()
}

// Append returns src with e appended as a new [[visit]] block, separated by
// a blank line; src's own bytes are kept as they are (a missing final
// newline is added after them). An empty src gets the comment Header. The
// result is checked to parse with exactly one more entry.
func Append(src []byte, e Entry) ([]byte, error) {
	before, err := decode(src)
	if err != nil {
		return nil, err
	}
	out := bytes.Clone(src)
	if len(bytes.TrimSpace(out)) == 0 && len(before) == 0 {
		out = append(out[:0:0], Header...)
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n\n")) && !bytes.HasSuffix(out, []byte("\n\r\n")) {
		out = append(out, '\n')
	}
	out = append(out, Block(e)...)
	after, err := decode(out)
	if err != nil {
		return nil, fmt.Errorf("the new entry would not parse: %v", err)
	}
	if len(after) != len(before)+1 || !reflect.DeepEqual(after[:len(before)], before) {
		return nil, fmt.Errorf("the new entry would not be read back as entry %d", len(before)+1)
	}
	return out, nil
}

// Change is a value to set in one entry: Outcome, Value and Currency when
// not zero, and bonus_delivered = true when BonusDelivered.
type Change struct {
	Outcome        string
	BonusDelivered bool
	Value          int64
	Currency       string
}

// Count returns the number of [[visit]] entries in src.
func Count(src []byte) (int, error) {
	v, err := decode(src)
	return len(v), err
}

var (
	headerRE = regexp.MustCompile(`^[ \t]*\[\[[ \t]*visit[ \t]*\]\][ \t]*(#.*)?\r?$`)
	tableRE  = regexp.MustCompile(`^[ \t]*\[`)
)

// Set returns src with the values of the n-th (1-based) [[visit]] entry
// changed: an existing `key = value` line keeps its indentation, spacing
// and trailing comment and gets the new value; a missing key is added as a
// new line after the entry's last key. Every other byte is unchanged.
func Set(src []byte, n int, c Change) ([]byte, error) {
	before, err := decode(src)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > len(before) {
		return nil, fmt.Errorf("there is no entry %d: the ledger has %d", n, len(before))
	}
	lines := splitLines(src)
	var headers []int
	for i, l := range lines {
		if headerRE.MatchString(trimNL(l)) {
			headers = append(headers, i)
		}
	}
	if len(headers) != len(before) {
		return nil, errors.New("cannot edit this file in place: its [[visit]] headers are not one per line; edit it by hand")
	}
	start := headers[n-1]
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if tableRE.MatchString(lines[i]) {
			end = i
			break
		}
	}
	var kv []string
	if c.Outcome != "" {
		kv = append(kv, "outcome", Quote(c.Outcome))
	}
	if c.BonusDelivered {
		kv = append(kv, "bonus_delivered", "true")
	}
	if c.Value > 0 {
		kv = append(kv, "value", fmt.Sprint(c.Value))
	}
	if c.Currency != "" {
		kv = append(kv, "currency", Quote(c.Currency))
	}
	for k := 0; k < len(kv); k += 2 {
		key, val := kv[k], kv[k+1]
		found := false
		lastKey := start
		for i := start + 1; i < end; i++ {
			t := strings.TrimSpace(lines[i])
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			lastKey = i
			if pre, rest, ok := keyLine(lines[i], key); ok {
				vEnd, ok := valueEnd(rest)
				if !ok {
					return nil, fmt.Errorf("cannot edit the %s line of entry %d in place; edit it by hand", key, n)
				}
				lines[i] = pre + val + rest[vEnd:]
				found = true
				break
			}
		}
		if !found {
			nl := "\n"
			if strings.HasSuffix(lines[lastKey], "\r\n") {
				nl = "\r\n"
			}
			if !strings.HasSuffix(lines[lastKey], "\n") {
				lines[lastKey] += nl
			}
			indent := ""
			if lastKey != start {
				l := lines[lastKey]
				indent = l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			}
			ins := indent + key + " = " + val + nl
			lines = append(lines[:lastKey+1], append([]string{ins}, lines[lastKey+1:]...)...)
			end++
			for h := range headers {
				if headers[h] > lastKey {
					headers[h]++
				}
			}
		}
	}
	out := []byte(strings.Join(lines, ""))
	after, err := decode(out)
	if err != nil {
		return nil, fmt.Errorf("the edited entry would not parse: %v", err)
	}
	if len(after) != len(before) {
		return nil, errors.New("the edit would change the number of entries")
	}
	want := before[n-1]
	if c.Outcome != "" {
		want.Outcome = c.Outcome
	}
	if c.BonusDelivered {
		want.BonusDelivered = true
	}
	if c.Value > 0 {
		want.Value = c.Value
	}
	if c.Currency != "" {
		want.Currency = c.Currency
	}
	for i := range after {
		exp := before[i]
		if i == n-1 {
			exp = want
		}
		if !reflect.DeepEqual(normal(after[i]), normal(exp)) {
			return nil, fmt.Errorf("the edit would not be read back as intended (entry %d)", i+1)
		}
	}
	return out, nil
}

// keyLine reports whether line is `key = ...` and returns the part up to
// and including the spaces after '=' and the rest.
func keyLine(line, key string) (string, string, bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(line[i:], key) {
		return "", "", false
	}
	j := i + len(key)
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) || line[j] != '=' {
		return "", "", false
	}
	j++
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	return line[:j], line[j:], true
}

// valueEnd returns the end of the single-line TOML value at the start of s.
func valueEnd(s string) (int, bool) {
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, "'''") {
		return 0, false
	}
	switch {
	case strings.HasPrefix(s, `"`):
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				return i + 1, true
			case '\n':
				return 0, false
			}
		}
		return 0, false
	case strings.HasPrefix(s, "'"):
		i := strings.IndexAny(s[1:], "'\n")
		if i < 0 || s[1+i] != '\'' {
			return 0, false
		}
		return i + 2, true
	}
	i := strings.IndexAny(s, " \t#\r\n")
	if i < 0 {
		i = len(s)
	}
	if i == 0 {
		return 0, false
	}
	return i, true
}

func splitLines(src []byte) []string {
	var out []string
	s := string(src)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func trimNL(s string) string { return strings.TrimRight(s, "\r\n") }

type rawVisit struct {
	Case           string
	Prospect       string
	Date           any
	Kind           string
	Outcome        string
	Bonus          string
	BonusDelivered bool `toml:"bonus_delivered"`
	Value          int64
	Currency       string
}

func normal(v rawVisit) rawVisit {
	v.Date = fmt.Sprint(v.Date)
	return v
}

// decode reads the entries of a ledger file (only the fields the edits
// touch need to match; content.Load does the full validation).
func decode(src []byte) ([]rawVisit, error) {
	var f struct {
		Visit []map[string]any `toml:"visit"`
	}
	if _, err := toml.Decode(string(src), &f); err != nil {
		return nil, fmt.Errorf("visits.toml does not parse: %v", err)
	}
	out := make([]rawVisit, len(f.Visit))
	for i, m := range f.Visit {
		str := func(k string) string { s, _ := m[k].(string); return s }
		b, _ := m["bonus_delivered"].(bool)
		value, _ := m["value"].(int64)
		out[i] = rawVisit{Case: str("case"), Prospect: str("prospect"), Date: fmt.Sprint(m["date"]),
			Kind: str("kind"), Outcome: str("outcome"), Bonus: str("bonus"), BonusDelivered: b,
			Value: value, Currency: str("currency")}
	}
	return out, nil
}
