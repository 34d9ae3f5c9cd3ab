package cli

import (
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/config"
)

// TestPrintMatrixWideCounts: a count wider than its column heading widens
// the column (it used to panic on a 10,000-case library).
func TestPrintMatrixWideCounts(t *testing.T) {
	site := &config.Site{Language: "en", Industries: config.NewVocabulary([]config.Term{{Key: "bank", Label: "Banking"}, {Key: "ins", Label: "保険"}})}
	var b strings.Builder
	printMatrix(&b, site, []string{"bank", "ins"}, []string{"1", "2"}, []string{"a", "b"},
		map[string]map[string]int{"bank": {"a": 12345, "b": 0}, "ins": {"a": 7, "b": 300}})
	want := "" +
		"               1    2\n" +
		"  Banking  12345    ·\n" +
		"  保険         7  300\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
