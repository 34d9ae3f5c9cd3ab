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
		{Date(day, "en"), "10 May 2024"},
		{Date(day, "ja"), "2024年5月10日"},
		{Date(day, "ru"), "10 мая 2024 г."},
		{List([]string{"a", "b"}, "ja"), "a、b"},
		{List([]string{"a", "b"}, "ru"), "a, b"},
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

func TestPlural(t *testing.T) {
	ru := []string{"день", "дня", "дней"}
	for n, want := range map[int64]string{0: "дней", 1: "день", 2: "дня", 4: "дня", 5: "дней", 11: "дней", 12: "дней", 14: "дней", 21: "день", 22: "дня", 25: "дней", 101: "день", 111: "дней"} {
		if got := Plural(n, "ru", ru...); got != want {
			t.Errorf("ru %d: %s, want %s", n, got, want)
		}
	}
	for n, want := range map[int64]string{0: "days", 1: "day", 2: "days", 21: "days"} {
		if got := Plural(n, "en", "day", "days"); got != want {
			t.Errorf("en %d: %s, want %s", n, got, want)
		}
	}
	if got := Plural(5, "ja", "日"); got != "日" {
		t.Errorf("ja: %s", got)
	}
}
