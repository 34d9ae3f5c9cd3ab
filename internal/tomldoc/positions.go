package tomldoc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based line and column in the TOML text (not yet shifted to the
// file).
type Pos struct{ Line, Col int }

// positions records where each key and each value of a TOML document starts.
// BurntSushi/toml keeps key positions private, so this small scanner finds
// them; the document has already parsed, so the scanner may assume valid
// TOML and only has to keep its place.
type positions struct {
	keys   map[string]Pos // dotted path -> position of the key
	values map[string]Pos // dotted path -> position of the value; array elements as "path.N"
}

type scanner struct {
	src        string
	i          int // byte offset; the scanner moves a whole rune at a time
	line, col  int
	p          positions
	arrayCount map[string]int // [[table]] occurrences so far
}

func scanPositions(src string) positions {
	// Most lines of a document hold one key and its value.
	lines := strings.Count(src, "\n") + 1
	s := &scanner{src: src, line: 1, col: 1, arrayCount: map[string]int{},
		p: positions{keys: make(map[string]Pos, lines), values: make(map[string]Pos, lines)}}
	s.document()
	return s.p
}

func (s *scanner) peek() rune {
	if s.i < len(s.src) {
		if b := s.src[s.i]; b < utf8.RuneSelf {
			return rune(b)
		}
		r, _ := utf8.DecodeRuneInString(s.src[s.i:])
		return r
	}
	return 0
}

func (s *scanner) next() rune {
	if s.i >= len(s.src) {
		return 0
	}
	r, size := rune(s.src[s.i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s.src[s.i:])
	}
	s.i += size
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	return r
}

func (s *scanner) hasPrefix(p string) bool { return strings.HasPrefix(s.src[s.i:], p) }

func (s *scanner) pos() Pos { return Pos{s.line, s.col} }

// skipSpace skips blanks and, when newlines is set, newlines and comments.
func (s *scanner) skipSpace(newlines bool) {
	for s.i < len(s.src) {
		switch r := s.peek(); {
		case r == ' ' || r == '\t' || r == '\r':
			s.next()
		case r == '#':
			for s.i < len(s.src) && s.peek() != '\n' {
				s.next()
			}
		case r == '\n' && newlines:
			s.next()
		default:
			return
		}
	}
}

func (s *scanner) document() {
	var table []string
	for {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		if s.peek() == '[' {
			s.next()
			array := false
			if s.peek() == '[' {
				s.next()
				array = true
			}
			s.skipSpace(false)
			at := s.pos()
			keys := s.keyPath()
			s.skipSpace(false)
			for s.peek() == ']' {
				s.next()
			}
			table = s.resolve(keys, array)
			s.p.keys[join(table)] = at
			if array {
				// Also remember where the array itself starts, for messages
				// about the array as a whole.
				if _, ok := s.p.keys[join(keys)]; !ok {
					s.p.keys[join(keys)] = at
				}
			}
			continue
		}
		s.keyValue(table)
	}
}

// resolve turns a header's key path into a path with array indexes, counting
// [[array]] headers; parents that are arrays of tables use their latest index.
func (s *scanner) resolve(keys []string, array bool) []string {
	var out []string
	for k, key := range keys {
		out = append(out, key)
		last := k == len(keys)-1
		if last && array {
			n := s.arrayCount[join(out)]
			s.arrayCount[join(out)] = n + 1
			out = append(out, strconv.Itoa(n))
		} else if n, ok := s.arrayCount[join(out)]; ok {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return out
}

func (s *scanner) keyValue(table []string) {
	at := s.pos()
	keys := s.keyPath()
	if len(keys) == 0 {
		// Not a key: skip the line so the scanner always advances.
		for s.i < len(s.src) && s.peek() != '\n' {
			s.next()
		}
		return
	}
	path := append(append([]string{}, table...), keys...)
	s.p.keys[join(path)] = at
	s.skipSpace(false)
	if s.peek() == '=' {
		s.next()
	}
	s.skipSpace(false)
	s.value(path)
}

// keyPath reads a dotted key such as a."b c".d.
func (s *scanner) keyPath() []string {
	var keys []string
	for {
		s.skipSpace(false)
		switch r := s.peek(); {
		case r == '"' || r == '\'':
			keys = append(keys, s.quoted())
		case isBare(r):
			start := s.i
			for isBare(s.peek()) {
				s.next()
			}
			keys = append(keys, s.src[start:s.i])
		default:
			return keys
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return keys
		}
		s.next()
	}
}

func isBare(r rune) bool {
	return r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// quoted reads a basic or literal single-line string and returns its text
// (escapes are kept as written; keys with escapes are rare enough).
func (s *scanner) quoted() string {
	q := s.next()
	start, end := s.i, s.i
	for s.i < len(s.src) {
		r := s.next()
		if r == q || r == '\n' {
			break
		}
		if r == '\\' && q == '"' {
			s.next()
		}
		end = s.i
	}
	return s.src[start:end]
}

func (s *scanner) value(path []string) {
	s.p.values[join(path)] = s.pos()
	switch {
	case s.hasPrefix(`"""`) || s.hasPrefix(`'''`):
		q := s.src[s.i : s.i+3]
		for range 3 {
			s.next()
		}
		for s.i < len(s.src) && !s.hasPrefix(q) {
			if s.peek() == '\\' && q == `"""` {
				s.next()
			}
			s.next()
		}
		for range 3 {
			s.next()
		}
		// A closing delimiter may be followed by up to two more quotes.
		for s.peek() == rune(q[0]) {
			s.next()
		}
	case s.peek() == '"' || s.peek() == '\'':
		s.quoted()
	case s.peek() == '[':
		s.next()
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.peek() == ']' || s.i >= len(s.src) {
				s.next()
				return
			}
			s.value(append(path, strconv.Itoa(n)))
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			}
		}
	case s.peek() == '{':
		s.next()
		for {
			s.skipSpace(true)
			if s.peek() == '}' || s.i >= len(s.src) {
				s.next()
				return
			}
			at := s.pos()
			keys := s.keyPath()
			if len(keys) == 0 {
				s.next()
				continue
			}
			sub := append(append([]string{}, path...), keys...)
			s.p.keys[join(sub)] = at
			s.skipSpace(false)
			if s.peek() == '=' {
				s.next()
			}
			s.skipSpace(false)
			s.value(sub)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			}
		}
	default:
		for s.i < len(s.src) {
			switch s.peek() {
			case ',', ']', '}', '\n', '#', ' ', '\t', '\r':
				return
			}
			s.next()
		}
	}
}

func join(path []string) string { return strings.Join(path, ".") }
