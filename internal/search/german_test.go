package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

func TestGermanStem(t *testing.T) {
	for w, want := range map[string]string{
		"verträge":             "vertrag",
		"verträgen":            "vertrag",
		"vertrag":              "vertrag",
		"zeichnungen":          "zeichnung",
		"versicherungen":       "versicher",
		"straße":               "strass",
		"kenntnisse":           "kenntnis",
		"häuser":               "haus",
		"aufeinanderfolgenden": "aufeinanderfolg",
	} {
		if got := germanStem(w); got != want {
			t.Errorf("germanStem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestCompoundParts(t *testing.T) {
	for w, want := range map[string][]string{
		"vertragsarchiv":        {"vertrag", "archiv"},
		"rechnungseingangsbuch": {"rechnung", "eingangsbuch", "rechnungseingang", "buch"},
		"archivsystem":          {"archiv", "ystem"},
		"archiv":                nil,
		"posteingang":           nil, // the s leaves two letters before it
		"versand":               nil,
	} {
		if got := compoundParts(w); !slices.Equal(got, want) {
			t.Errorf("compoundParts(%q) = %q, want %q", w, got, want)
		}
	}
}

// germanLibrary has German and English cases whose words tell the
// stemmers apart.
func germanLibrary(t *testing.T) Input {
	t.Helper()
	u, _ := url.Parse("https://refs.example.com/")
	site := &config.Site{BaseURL: u, Language: "en",
		Industries:   config.NewVocabulary([]config.Term{{Key: "energy", Label: "Energy", Labels: map[string]string{"de": "Energieversorgung"}}}),
		ProjectTypes: config.NewVocabulary([]config.Term{{Key: "records", Label: "Records", Labels: map[string]string{"de": "Akten"}}}),
	}
	mk := func(slug, lang, title string, day int) *content.Case {
		return &content.Case{Slug: slug, Title: title, Summary: "-", Client: slug, Language: lang,
			Industry: "energy", ProjectTypes: []string{"records"}, Date: time.Date(2024, 5, day, 0, 0, 0, 0, time.UTC)}
	}
	cases := []*content.Case{
		mk("stadtwerke", "de", "Ein digitales Vertragsarchiv", 1),
		mk("maschinenbau", "de", "Zeichnungen für den Service", 2),
		mk("english", "en", "A contract archive", 3),
		mk("english-german-words", "en", "Verträgen and Zeichnungen", 4),
	}
	bodies := map[string]markdown.Result{
		"stadtwerke":           {Text: "Die Verträge der Kunden liegen im Vertragsarchiv."},
		"maschinenbau":         {Text: "Techniker finden die Zeichnungen der Anlagen."},
		"english":              {Text: "The archived contracts of a utility."},
		"english-german-words": {Text: "Words in German, in an English case."},
	}
	return Input{Lib: &content.Library{Site: site, Cases: cases}, Bodies: bodies}
}

// find answers a query the way search.js does for exact terms: every token
// must match, by its term or its German stem.
func find(t *testing.T, out map[string][]byte, q string) []string {
	t.Helper()
	m, shards := load(t, out)
	var hits map[int]bool
	for _, tok := range Tokenize(q) {
		docs := map[int]bool{}
		for _, term := range []string{tok.Term, tok.De} {
			p := shards[lookup(m, term)].T[term]
			for i, d := 0, 0; i < len(p); i += 2 {
				d += p[i]
				if term != "" {
					docs[d] = true
				}
			}
		}
		if hits == nil {
			hits = docs
		}
		for d := range hits {
			if !docs[d] {
				delete(hits, d)
			}
		}
	}
	var slugs []string
	for d := range hits {
		var rows [][]string
		if err := json.Unmarshal(out[fmt.Sprintf("search/docs/%d.json", d/m.Chunk)], &rows); err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, rows[d%m.Chunk][0])
	}
	slices.Sort(slugs)
	return slugs
}

// TestGermanSearch: a German case is indexed by German stems and by the
// parts of its compounds; a query finds it by either, whatever form of the
// word it uses.
func TestGermanSearch(t *testing.T) {
	out, err := Index(germanLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		// "verträgen" has the German stem "vertrag" and no English suffix:
		// the German case with "Verträge" is found, the English case
		// holding the word as written too, by its English stem.
		"Verträgen": {"english-german-words", "stadtwerke"},
		"Vertrag":   {"stadtwerke"},
		// A part of a compound: "Archiv" in "Vertragsarchiv", and in the
		// English case by the English stem of "archive".
		"Archiv":            {"english", "stadtwerke"},
		"Zeichnung":         {"maschinenbau"},
		"ZEICHNUNGEN":       {"english-german-words", "maschinenbau"},
		"contracts":         {"english"},
		"Vertragsarchiven":  {"stadtwerke"},
		"Energieversorgung": {"english", "english-german-words", "maschinenbau", "stadtwerke"},
	} {
		if got := find(t, out, q); !slices.Equal(got, want) {
			t.Errorf("%q finds %q, want %q", q, got, want)
		}
	}
}

// TestGermanStemJS holds search.js's port of the German stemmer to the Go
// one on random words made of German endings, umlauts, ß and the vowels
// around u and y that the stemmer marks.
func TestGermanStemJS(t *testing.T) {
	pieces := []string{"a", "e", "i", "o", "u", "y", "ä", "ö", "ü", "ß", "b", "d", "g", "h", "k", "l", "n", "r",
		"s", "t", "st", "ig", "ung", "end", "lich", "heit", "keit", "isch", "ik", "em", "ern", "er", "en", "es",
		"nis", "niss", "eu", "au", "ay", "ei"}
	rng := rand.New(rand.NewPCG(3, 4))
	var inputs []string
	for range 4000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs = append(inputs, "x"+b.String())
	}
	got := runJS(t, inputs)
	bad := 0
	for i, in := range inputs {
		if want := Tokenize(in); !slices.Equal(got[i], want) && bad < 20 {
			bad++
			t.Errorf("%q:\n go: %v\n js: %v", in, want, got[i])
		}
	}
}
