package markdown

import (
	"bytes"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// TestNoLinksRendersTheSame checks the shortcut of Render: a body in which
// mayAutolink finds nothing renders the same without Linkify. Inputs are
// the test bodies, their blocks, and random Markdown made of the pieces
// Linkify reacts to (its trigger characters, scheme and domain fragments
// one letter short of a link) and ordinary Markdown.
func TestNoLinksRendersTheSame(t *testing.T) {
	r := New()
	var inputs [][]byte
	for _, path := range bodies(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, src)
		inputs = append(inputs, bytes.Split(src, []byte("\n\n"))...)
	}
	pieces := []string{"word", " ", "  ", "\n", "\n\n", "*", "**", "_", "~~", "(", ")", "[x](/a)", "<b>",
		"htt", "ttp:", "http", "www", "ww.", "ftp", "tp:", "mailto", "example.com", ".org/x", "a.b",
		"# ", "## Head", "- ", "1. ", "> ", "| a | b |\n|---|---|\n| c | d |\n", "```\ncode\n```\n",
		"[^1]", "\n[^1]: note\n", "- [ ] task\n", "&amp;", "\\*", "`x`", "語", "ё", "\u00a0", "\u3000"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs = append(inputs, []byte(b.String()))
	}
	checked := 0
	for _, src := range inputs {
		src = sanitize(src)
		if mayAutolink(src) {
			continue
		}
		checked++
		want := renderWith(t, r.md, src)
		if got := renderWith(t, r.noLinks, src); !reflect.DeepEqual(got, want) {
			t.Fatalf("without Linkify %q renders\n%+v\nwant\n%+v", src, got, want)
		}
	}
	if checked < 2500 {
		t.Fatalf("only %d inputs without autolink candidates were checked", checked)
	}
	// And the other way round: a body with a link is rendered with Linkify.
	res, err := r.Render([]byte("see www.example.com or mail ops@example.com"))
	if err != nil || !strings.Contains(res.HTML, `href="http://www.example.com"`) || !strings.Contains(res.HTML, `mailto:ops@example.com`) {
		t.Fatalf("autolinks lost: %s, %v", res.HTML, err)
	}
}

func renderWith(t *testing.T, md goldmark.Markdown, src []byte) Result {
	t.Helper()
	res, err := render(md, src, new(htmlBuffer))
	if err != nil {
		t.Fatal(err)
	}
	return res
}
