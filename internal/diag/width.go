package diag

import "golang.org/x/text/width"

// Width counts the columns s takes on a terminal: East Asian wide and
// fullwidth characters take two. It places carets under Japanese text,
// measures summaries and aligns terminal tables.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
