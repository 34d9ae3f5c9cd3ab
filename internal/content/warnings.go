package content

import (
	"bytes"
	"regexp"

	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/tomldoc"
)

// SummaryWidth is how much of a summary a case card shows, in display
// columns (a CJK character takes two).
const SummaryWidth = 320

// imageWithoutAlt matches a Markdown image whose alt text is empty.
var imageWithoutAlt = regexp.MustCompile(`!\[\s*\]\(`)

// warnAuthor reports what authors often forget; warnings never fail a run.
func warnAuthor(c *Case, root *tomldoc.Table, problems *diag.List) {
	if len(c.Metrics) == 0 {
		problems.Warnf(c.Path, root.Line(), 0, "no [[metrics]]: cards and packs are more convincing with figures (label and value)")
	}
	if w := diag.Width(c.Summary); w > SummaryWidth {
		root.Warnf("summary", "summary is %d columns long; cards show about %d, so the end will be cut off", w, SummaryWidth)
	}
	if r := root.Table("reference"); r != nil && c.Reference.Contact == "" {
		problems.Warnf(c.Path, r.Line(), 0, "[reference] has no contact: sales cannot arrange a visit or call")
	}
	// Only a line holding "![" can match; most bodies have none.
	if !bytes.Contains(c.Body, []byte("![")) {
		return
	}
	inFence := false
	rest := c.Body
	for i := 0; rest != nil; i++ {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		trimmed := bytes.TrimSpace(line)
		if bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")) {
			inFence = !inFence
			continue
		}
		if inFence || !bytes.Contains(line, []byte("![")) {
			continue
		}
		if loc := imageWithoutAlt.FindIndex(line); loc != nil {
			problems.Warnf(c.Path, c.BodyLine+i, len([]rune(string(line[:loc[0]])))+1, "image without alt text: describe it between the brackets for screen readers and search")
		}
	}
}
