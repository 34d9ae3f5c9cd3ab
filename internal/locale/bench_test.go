package locale

import (
	"testing"

	"github.com/refpack/refpack/templates"
)

// BenchmarkLoad reads every catalogue, as each refpack process does once.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, _, err := load(templates.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkT is one filled string, as match reasons and the report use
// tens of thousands of them.
func BenchmarkT(b *testing.B) {
	c := For("ru")
	for b.Loop() {
		c.T("report.alert_quota", "case", "Acme", "asks", "3", "m", "2")
	}
}
