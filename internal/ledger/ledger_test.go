package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

const sample = `# The ledger. Keep these comments!
# second comment line

# Thamesgate: call, lost.
[[visit]]
case = "harbourline-leasing"   # host
prospect = "thamesgate-leasing"
  date = 2025-03-18
kind = "call"
outcome    =   "lost"   # sadly
bonus = "Two licences # not a comment"
bonus_delivered = false # still owed

[[visit]]
case = 'kansai-life'
prospect = "setouchi-marine"
date = 2025-06-05
kind = "visit"
bonus = "研修"

# trailing comment, belongs to nobody
`

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAppendKeepsEveryByte(t *testing.T) {
	e := Entry{Case: "yauza-bank", Prospect: "acme", Date: day("2026-10-02"), Kind: "visit", Outcome: "pending", Bonus: "6 months \"free\" support"}
	for name, src := range map[string]string{
		"sample":        sample,
		"no final nl":   strings.TrimSuffix(sample, "\n"),
		"crlf":          strings.ReplaceAll(sample, "\n", "\r\n"),
		"comments only": "# just a header\n",
	} {
		t.Run(name, func(t *testing.T) {
			out, err := Append([]byte(src), e)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out, []byte(src)) {
				t.Fatalf("existing bytes changed:\n%s", out)
			}
			if !strings.HasSuffix(string(out), "\n\n"+Block(e)) && !strings.HasSuffix(string(out), "\r\n\n"+Block(e)) {
				t.Fatalf("entry not appended after a blank line:\n%q", out)
			}
			before, _ := Count([]byte(src))
			after, err := Count(out)
			if err != nil || after != before+1 {
				t.Fatalf("count %d -> %d, %v", before, after, err)
			}
		})
	}
}

func TestAppendEmptyGetsHeader(t *testing.T) {
	e := Entry{Case: "a", Prospect: "b", Date: day("2026-01-05"), Kind: "call", Outcome: "won"}
	out, err := Append(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	want := Header + "\n" + Block(e)
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	if strings.Contains(Block(e), "bonus") {
		t.Fatal("no bonus, no bonus lines")
	}
}

func TestAppendRefusesBrokenFile(t *testing.T) {
	_, err := Append([]byte("[[visit]\ncase = 1\n"), Entry{Case: "a", Prospect: "b", Date: day("2026-01-05"), Kind: "visit", Outcome: "pending"})
	if err == nil || !strings.Contains(err.Error(), "does not parse") {
		t.Fatalf("err = %v", err)
	}
}

func TestQuoteRoundTrips(t *testing.T) {
	for _, s := range []string{"", `a "b" \c`, "tab\there", "line\nbreak\r\n", "ctrl\x01\x7f", "日本語 и русский", `\u0041`, "# hash", "'single'", `"""`} {
		var v struct{ S string }
		if _, err := toml.Decode("s = "+Quote(s), &v); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if v.S != s {
			t.Fatalf("round trip %q -> %q", s, v.S)
		}
		if strings.ContainsAny(Quote(s), "\n\r") {
			t.Fatalf("%q: quoted value spans lines", s)
		}
	}
}

// diffLines returns the lines that differ between a and b.
func diffLines(t *testing.T, a, b string) []string {
	t.Helper()
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	var out []string
	i, j := 0, 0
	for i < len(al) && j < len(bl) {
		if al[i] == bl[j] {
			i++
			j++
			continue
		}
		if len(bl) > len(al) {
			out = append(out, "+"+bl[j])
			j++
			continue
		}
		out = append(out, "-"+al[i], "+"+bl[j])
		i++
		j++
	}
	return out
}

func TestSetReplacesOnlyThoseValues(t *testing.T) {
	out, err := Set([]byte(sample), 1, Change{Outcome: "won", BonusDelivered: true})
	if err != nil {
		t.Fatal(err)
	}
	got := diffLines(t, sample, string(out))
	want := []string{
		`-outcome    =   "lost"   # sadly` + "\n", `+outcome    =   "won"   # sadly` + "\n",
		"-bonus_delivered = false # still owed\n", "+bonus_delivered = true # still owed\n",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("diff %q\nwant %q", got, want)
	}
}

func TestSetInsertsMissingKeysAtEndOfEntry(t *testing.T) {
	out, err := Set([]byte(sample), 2, Change{Outcome: "lost", BonusDelivered: true})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(sample, "bonus = \"研修\"\n", "bonus = \"研修\"\noutcome = \"lost\"\nbonus_delivered = true\n", 1)
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	// Idempotent: setting the same again changes nothing more.
	again, err := Set(out, 2, Change{Outcome: "lost", BonusDelivered: true})
	if err != nil || string(again) != want {
		t.Fatalf("second set: %v\n%s", err, again)
	}
}

func TestSetLastEntryWithoutFinalNewline(t *testing.T) {
	src := "[[visit]]\ncase = \"a\"\nprospect = \"b\"\ndate = 2026-01-05\nbonus = \"x\""
	out, err := Set([]byte(src), 1, Change{BonusDelivered: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != src+"\nbonus_delivered = true\n" {
		t.Fatalf("got %q", out)
	}
}

func TestSetCRLF(t *testing.T) {
	src := strings.ReplaceAll(sample, "\n", "\r\n")
	out, err := Set([]byte(src), 2, Change{Outcome: "won"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "bonus = \"研修\"\r\n", "bonus = \"研修\"\r\noutcome = \"won\"\r\n", 1)
	if string(out) != want {
		t.Fatalf("got %q", out)
	}
}

func TestSetRefuses(t *testing.T) {
	for _, n := range []int{0, -1, 3} {
		if _, err := Set([]byte(sample), n, Change{Outcome: "won"}); err == nil || !strings.Contains(err.Error(), "no entry") {
			t.Errorf("n=%d: err = %v", n, err)
		}
	}
	// A header the line scanner cannot see one-per-line: refuse rather than guess.
	odd := "visit = [{case = \"a\", prospect = \"b\", date = 2026-01-05}]\n"
	if _, err := Set([]byte(odd), 1, Change{Outcome: "won"}); err == nil {
		t.Error("inline array of tables: want an error")
	}
	// A multi-line value cannot be replaced in place.
	ml := "[[visit]]\ncase = \"a\"\noutcome = \"\"\"won\"\"\"\n"
	if _, err := Set([]byte(ml), 1, Change{Outcome: "lost"}); err == nil {
		t.Error("multi-line value: want an error")
	}
}

func TestWriteFileCrashBeforeRenameKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visits.toml")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("simulated crash")
	beforeRename = func() error { return crash }
	defer func() { beforeRename = nil }()
	err := Update(p, func(old []byte) ([]byte, error) {
		return Append(old, Entry{Case: "a", Prospect: "b", Date: day("2026-01-05"), Kind: "visit", Outcome: "pending"})
	})
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != sample {
		t.Fatalf("old file changed:\n%s", got)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
	// Without the crash the same update lands, keeping the file mode.
	beforeRename = nil
	if err := Update(p, func(old []byte) ([]byte, error) {
		return Append(old, Entry{Case: "a", Prospect: "b", Date: day("2026-01-05"), Kind: "visit", Outcome: "pending"})
	}); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", info.Mode())
	}
}

func TestUpdateEditErrorWritesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visits.toml")
	os.WriteFile(p, []byte(sample), 0o644)
	if err := Update(p, func([]byte) ([]byte, error) { return []byte("garbage"), errors.New("no") }); err == nil {
		t.Fatal("want error")
	}
	got, _ := os.ReadFile(p)
	if string(got) != sample {
		t.Fatal("file changed")
	}
}

func TestConcurrentAppendsAllLand(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "visits.toml")
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- Update(p, func(old []byte) ([]byte, error) {
				time.Sleep(5 * time.Millisecond) // widen the race window
				return Append(old, Entry{Case: fmt.Sprintf("case-%d", i), Prospect: "p", Date: day("2026-01-05"), Kind: "visit", Outcome: "pending"})
			})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, _ := os.ReadFile(p)
	if !bytes.HasPrefix(got, []byte(sample)) {
		t.Fatal("existing bytes changed")
	}
	if c, err := Count(got); err != nil || c != 2+n {
		t.Fatalf("count = %d (%v), want %d", c, err, 2+n)
	}
	for i := range n {
		if !bytes.Contains(got, []byte(fmt.Sprintf("case = \"case-%d\"\n", i))) {
			t.Fatalf("append %d lost", i)
		}
	}
}

func TestSetValueAndCurrency(t *testing.T) {
	src := "[[visit]]\ncase = \"a\"\nprospect = \"b\"\ndate = 2026-01-05\nvalue = 1_000 # rough\n\n[[visit]]\ncase = \"c\"\nprospect = \"d\"\ndate = 2026-02-05\n"
	out, err := Set([]byte(src), 1, Change{Outcome: "won", Value: 250000, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	want := "[[visit]]\ncase = \"a\"\nprospect = \"b\"\ndate = 2026-01-05\nvalue = 250000 # rough\noutcome = \"won\"\ncurrency = \"EUR\"\n\n[[visit]]\ncase = \"c\"\nprospect = \"d\"\ndate = 2026-02-05\n"
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

func TestAppendValueAndCurrency(t *testing.T) {
	e := Entry{Case: "a", Prospect: "b", Date: day("2026-10-02"), Kind: "visit", Outcome: "won", Value: 12_000_000, Currency: "JPY"}
	out, err := Append(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(out), "outcome = \"won\"\nvalue = 12000000\ncurrency = \"JPY\"\n") {
		t.Fatalf("got\n%s", out)
	}
}
