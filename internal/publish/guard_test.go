package publish

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/content"
)

func TestGuardFindsEveryForm(t *testing.T) {
	secrets := []content.Secret{
		{Value: "Ivan Petrov, +7 495 000 00 00"},
		{Value: "Olga"},
		{Value: "O'Brien & Sons <Ltd>"},
		{Value: "Компания Секрет"},
		{Value: "秘密の顧客"},
	}
	g := NewGuard(secrets)
	for _, c := range []struct {
		text string
		want []int
	}{
		{"call ivan petrov, +7 495 000 00 00 today", []int{0}},
		{"<p>OLGA</p>", []int{1}},
		{"O&#39;Brien &amp; Sons &lt;Ltd&gt;", []int{2}},
		{`"O'Brien \u0026 Sons \u003cLtd\u003e"`, []int{2}},
		{"O%27Brien+%26+Sons+%3CLtd%3E", []int{2}},
		{"КОМПАНИЯ СЕКРЕТ", []int{3}},
		{"これは秘密の顧客です", []int{4}},
		{"Ivan Petro and Olg and O'Brien & Sons", nil},
		{"", nil},
	} {
		got := g.Scan([]byte(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("Scan(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestGuardManySharedPrefixes: patterns sharing long prefixes must all be
// found, whatever anchor each got.
func TestGuardManySharedPrefixes(t *testing.T) {
	var secrets []content.Secret
	for i := range 500 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("How long did the migration take at site %d?", i)})
	}
	g := NewGuard(secrets)
	text := strings.Repeat("filler ", 100) + "how long did the migration take at site 437?"
	if got := g.Scan([]byte(text)); !slices.Equal(got, []int{437}) {
		t.Errorf("got %v", got)
	}
}

func BenchmarkGuardScan(b *testing.B) {
	var secrets []content.Secret
	for i := range 40000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Dr. Contact Person %d, +49 221 555 %04d", i, i)})
	}
	g := NewGuard(secrets)
	page := []byte(strings.Repeat("The archive holds forty million contracts; Dr. Smith said so. ", 250))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		g.Scan(page)
	}
}

func BenchmarkNewGuard(b *testing.B) {
	var secrets []content.Secret
	for i := range 30000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Dr. Contact Person %d, Head of Archives, +49 221 555 %04d", i%700, i)})
	}
	for b.Loop() {
		NewGuard(secrets)
	}
}

func BenchmarkGuardScanMultilingual(b *testing.B) {
	var secrets []content.Secret
	for i := range 40000 {
		secrets = append(secrets, content.Secret{Value: fmt.Sprintf("Иван Петров %d, +7 495 %04d", i, i)})
	}
	g := NewGuard(secrets)
	page := []byte(strings.Repeat("Архив договоров банка. 契約書アーカイブの導入事例です。 The archive. ", 150))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		g.Scan(page)
	}
}
