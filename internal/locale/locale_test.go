package locale

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	day := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{Number(12000, "en"), "12,000"},
		{Number(1234567, "ja"), "1,234,567"},
		{Number(12000, "ru"), "12\u00a0000"},
		{Number(-950, "en"), "-950"},
		{Number(-1000, "en"), "-1,000"},
		{For("en").Date(day), "10 May 2024"},
		{For("ja").Date(day), "2024年5月10日"},
		{For("ru").Date(day), "10 мая 2024\u00a0г."},
		{Number(12000, "de"), "12.000"},
		{Number(1234567, "de"), "1.234.567"},
		{Number(-1000, "de"), "-1.000"},
		{Number(999, "de"), "999"},
		{For("de").Date(day), "10. Mai 2024"},
		{For("de").Date(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)), "1. März 2025"},
		{Decimal(0.75, 2, "en"), "0.75"},
		{Decimal(0.5, 2, "de"), "0,50"},
		{Decimal(1, 2, "ru"), "1,00"},
		{For("ja").List([]string{"a", "b"}), "a、b"},
		{For("ru").List([]string{"a", "b"}), "a, b"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestFill(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"no placeholders", "no placeholders"},
		{"{a} and {b}", "1 and {c}"},
		{"{missing} stays", "{missing} stays"},
		{"unclosed {a", "unclosed {a"},
		{"}{a}{", "}1{"},
	} {
		// A value is never expanded again, even when it looks like a
		// placeholder (a prospect's name may hold braces).
		if got := Fill(c.s, "a", "1", "b", "{c}", "c", "3"); got != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestPluralCategory(t *testing.T) {
	for _, c := range []struct {
		n    int
		lang string
		want string
	}{
		{0, "en", "other"}, {1, "en", "one"}, {2, "en", "other"},
		{1, "de", "one"}, {2, "de", "other"}, {0, "de", "other"}, {21, "de", "other"},
		{1, "ja", "other"}, {5, "ja", "other"},
		{1, "ru", "one"}, {21, "ru", "one"}, {2, "ru", "few"}, {24, "ru", "few"},
		{5, "ru", "many"}, {11, "ru", "many"}, {12, "ru", "many"}, {111, "ru", "many"}, {0, "ru", "many"},
	} {
		if got := PluralCategory(c.n, c.lang); got != c.want {
			t.Errorf("PluralCategory(%d, %s) = %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}
