// Package diag holds source positions and the list-of-problems error that
// every stage returns, so that a user sees all problems of a run at once as
// `path:line:col: message`.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells whether a problem fails the run.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one finding about one place in a source file.
type Problem struct {
	Path     string // slash-separated, relative to the site root where possible
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Message  string
	Severity Severity
}

// String formats the problem as path:line:col: message, leaving out the
// parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// List collects problems. The zero value is ready to use.
type List struct {
	Problems []Problem
}

// Errorf records an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path:line:col; warnings never fail a run.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Add appends problems from another list.
func (l *List) Add(ps ...Problem) { l.Problems = append(l.Problems, ps...) }

// HasErrors reports whether any problem is an error.
func (l *List) HasErrors() bool {
	for _, p := range l.Problems {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders problems by path, line, column and message, and drops exact
// duplicates, so output is stable whatever order the checks ran in.
func (l *List) Sort() {
	slices.SortStableFunc(l.Problems, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	l.Problems = slices.Compact(l.Problems)
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	l.Sort()
	return &Errors{Problems: l.Problems}
}

// Errors is the error a stage returns when the input has problems.
type Errors struct {
	Problems []Problem
}

func (e *Errors) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
