package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/leaktest"
)

// TestPlantedLeaks runs the table of planted private values (see
// internal/leaktest) through the dev server's build: it must serve no build
// with the value, show the leak, and point at the file it is written in.
// An incremental rebuild of the carrier case must find it too.
func TestPlantedLeaks(t *testing.T) {
	for _, p := range leaktest.Selection(testing.Short()) {
		t.Run(p.Name, func(t *testing.T) {
			dir := writeSite(t, p.Files)
			res := newBuilder(dir, false, "127.0.0.1:1313", time.Time{}).full()
			if res.Build != nil {
				t.Fatalf("a build was served: %v", res.Problems)
			}
			var text []string
			for _, pr := range res.Problems {
				text = append(text, pr.String())
			}
			all := strings.Join(text, "\n")
			if !strings.Contains(all, "would publish the private") {
				t.Errorf("no leak shown:\n%s", all)
			}
		})
	}
}

// TestPlantedLeakIncremental: a leak typed into a case while the server
// runs is found by the incremental rebuild.
func TestPlantedLeakIncremental(t *testing.T) {
	plants := leaktest.Selection(true)
	files := leaktest.Unplanted()["anonymous-client"]
	dir := writeSite(t, files)
	b := newBuilder(dir, false, "127.0.0.1:1313", time.Time{})
	if res := b.full(); res.Build == nil {
		t.Fatalf("clean site: %v", res.Problems)
	}
	tried := 0
	for _, p := range plants {
		if !strings.HasPrefix(p.Name, "anonymous-client/") || !strings.HasSuffix(p.Name, "/body") {
			continue
		}
		tried++
		write(t, dir, "content/cases/carrier.md", p.Files["content/cases/carrier.md"])
		res := b.rebuild([]string{"content/cases/carrier.md"})
		if res.Build != nil {
			t.Errorf("%s: the edit was served", p.Name)
		}
		write(t, dir, "content/cases/carrier.md", files["content/cases/carrier.md"])
		if res := b.rebuild([]string{"content/cases/carrier.md"}); res.Build == nil {
			t.Fatalf("%s: the fix was not served: %v", p.Name, res.Problems)
		}
	}
	if tried < 2 {
		t.Errorf("only %d plants tried", tried)
	}
}
