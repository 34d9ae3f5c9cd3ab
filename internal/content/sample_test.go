package content

import (
	"bytes"
	"os"
	"testing"
)

// TestSampleLibrary keeps the repository's own sample library valid and as
// rich as the README promises.
func TestSampleLibrary(t *testing.T) {
	lib, problems := Load(os.DirFS("../.."))
	for _, p := range problems {
		t.Error(p.String())
	}
	if lib == nil {
		t.Fatal("site.toml unusable")
	}
	langs := map[string]int{}
	anonymous, bundlesWithImage, withCode := 0, 0, 0
	for _, c := range lib.Cases {
		langs[c.Language]++
		if c.Anonymous {
			anonymous++
		}
		if c.Bundle && len(c.BundleFiles) > 0 {
			bundlesWithImage++
		}
		if bytes.Contains(c.Body, []byte("```")) {
			withCode++
		}
	}
	if len(lib.Cases) < 12 || langs["ja"] < 3 || langs["ru"] < 2 || anonymous < 2 || bundlesWithImage < 1 || withCode < 1 {
		t.Errorf("sample library too thin: %d cases, languages %v, %d anonymous, %d bundles with files, %d with code",
			len(lib.Cases), langs, anonymous, bundlesWithImage, withCode)
	}
	if len(lib.Prospects) < 3 || len(lib.Questions) == 0 || len(lib.Visits) == 0 {
		t.Errorf("want 3 prospects, questions and visits; got %d, %d, %d", len(lib.Prospects), len(lib.Questions), len(lib.Visits))
	}
	// The programme report needs a year of outcomes and values in more than
	// one currency to be worth opening.
	outcomes, currencies := map[string]int{}, map[string]int{}
	for _, v := range lib.Visits {
		outcomes[v.Outcome]++
		if v.Value > 0 {
			currencies[v.Currency]++
		}
	}
	if outcomes["won"] < 3 || outcomes["lost"] < 2 || outcomes["pending"] < 2 || len(currencies) < 2 {
		t.Errorf("sample ledger too thin for refpack report: outcomes %v, values per currency %v", outcomes, currencies)
	}
}
