package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/diag"
)

// MaxCaseSize is the largest case-study file refpack accepts; anything bigger
// is almost certainly not a hand-written case study (a pasted binary, a dump).
const MaxCaseSize = 1 << 20

// FrontMatter is a case file split into its TOML front matter and its
// Markdown body.
type FrontMatter struct {
	TOML     []byte // text between the +++ lines
	TOMLLine int    // file line of the first TOML line, minus one (the opening +++)
	Body     []byte
	BodyLine int // file line where the body starts
}

// SplitError is a problem with the file's overall shape, at a file line.
type SplitError struct {
	Line, Col int
	Message   string
}

func (e *SplitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message) }

// Split separates front matter from body. The file must start with a line
// "+++" (after an optional UTF-8 byte-order mark, which is dropped) and the
// front matter ends at the next line that is "+++".
func Split(src []byte) (*FrontMatter, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &SplitError{Line: 1, Message: "empty file: a case study starts with TOML front matter between two lines of +++"}
	}
	if !utf8.Valid(src) {
		line, col := diag.InvalidUTF8At(src)
		return nil, &SplitError{Line: line, Col: col, Message: "invalid UTF-8: save the file as UTF-8"}
	}
	first, rest, _ := cutLine(src)
	switch fence := string(bytes.TrimRight(first, " \t\r")); fence {
	case "+++":
	case "---":
		return nil, &SplitError{Line: 1, Col: 1, Message: "YAML front matter (---) is not supported: refpack expects TOML front matter between two lines of +++"}
	default:
		return nil, &SplitError{Line: 1, Col: 1, Message: "missing front matter: a case study starts with a line +++, then TOML, then another line +++"}
	}
	line := 2
	start := len(src) - len(rest)
	for pos := start; pos < len(src); {
		l, next, _ := cutLine(src[pos:])
		if string(bytes.TrimRight(l, " \t\r")) == "+++" {
			body := src[len(src)-len(next):]
			return &FrontMatter{TOML: src[start:pos], TOMLLine: 1, Body: body, BodyLine: line + 1}, nil
		}
		pos = len(src) - len(next)
		line++
	}
	return nil, &SplitError{Line: 1, Col: 1, Message: "front matter is not closed: add a line +++ after the TOML (the body starts after it)"}
}

func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}
