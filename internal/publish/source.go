package publish

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/diag"
)

// Source is a published case study's source file, for pointing at the
// place where an author wrote a private value.
type Source struct {
	Path string // as the author knows it, e.g. content/cases/x.md
	Data []byte
	// Private are the lines (1-based) that hold the case's own private
	// fields: where a private value is meant to be.
	Private []int
}

// SourceLeaks finds the private values of the guard that the sources write
// in their public parts or their file names, each at its line and column.
// It is slow, and meant for a build that leaks: the output says that
// something leaked, this says where the author wrote it.
func SourceLeaks(g *Guard, sources []Source) []diag.Problem {
	var out diag.List
	for _, src := range sources {
		if len(g.secrets) == 0 {
			break
		}
		data := blankLines(src.Data, src.Private)
		for _, s := range g.Scan([]byte(src.Path)) {
			out.Errorf(src.Path, 0, 0, "the file name %s", g.leakText(s, src.Path))
		}
		var v view
		v.pos = []int32{}
		read(&v, data, markdownText)
		for _, s32 := range dedupe(g.scan(&v, nil)) {
			s := int(s32)
			at := g.find(&v, s)
			if at < 0 {
				// Found as output reads it (an entity, an escape): point at the
				// file.
				out.Errorf(src.Path, 0, 0, "this %s", g.leakText(s, src.Path))
				continue
			}
			line, col := lineCol(data, int(v.pos[at]))
			where := "the front matter"
			if bodyStart(data) <= int(v.pos[at]) {
				where = "the body"
			}
			out.Errorf(src.Path, line, col, "%s %s", where, g.leakText(s, src.Path))
		}
	}
	out.Sort()
	return out.Problems
}

// leakText says whose private value a source names.
func (g *Guard) leakText(s int, path string) string {
	sec := g.secrets[s]
	if sec.Path == path {
		return fmt.Sprintf("names this case's private %s, which would be published", sec.Field)
	}
	return fmt.Sprintf("names the private %s of %s, which would be published", sec.Field, sec.Path)
}

// find returns where in v secret s reads, or -1: the obvious search.
func (g *Guard) find(v *view, s int) int {
	var p view
	read(&p, []byte(g.secrets[s].Value), plainText)
	sh := &g.shapes[s]
	for at := 0; at+len(p.text) <= len(v.text); at++ {
		k := bytes.Index(v.text[at:], p.text)
		if k < 0 {
			return -1
		}
		at += k
		if sh.fits(v, at, len(p.text)) {
			return at
		}
	}
	return -1
}

// blankLines returns data with the given lines replaced by spaces, so that
// offsets stay the same.
func blankLines(data []byte, lines []int) []byte {
	if len(lines) == 0 {
		return data
	}
	out := slices.Clone(data)
	line, start := 1, 0
	for i := 0; i <= len(out); i++ {
		if i < len(out) && out[i] != '\n' {
			continue
		}
		if slices.Contains(lines, line) {
			for k := start; k < i; k++ {
				out[k] = ' '
			}
		}
		line, start = line+1, i+1
	}
	return out
}

// bodyStart is the offset of the Markdown body after the front matter.
func bodyStart(data []byte) int {
	s := string(data)
	first := strings.Index(s, "+++")
	if first < 0 {
		return 0
	}
	second := strings.Index(s[first+3:], "\n+++")
	if second < 0 {
		return len(s)
	}
	return first + 3 + second + 4
}

// lineCol turns an offset into a 1-based line and column (in characters).
func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}
