package content

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
)

// Secrets lists every PRIVATE free-text value of the library (README, "What
// is private"), with the file and field it comes from, for the leak guard of
// a build at the date at. Enumerations, keys, numbers and dates are not
// secrets. Drafts make nothing public, even in a build that shows them.
//
// Two rules keep false alarms rare (README, "What is private"): a value that
// the site publishes on purpose (the client of a published case that is not
// anonymous, the site's title, a vocabulary label) is not private; and a
// value made only of words that the titles, summaries and metrics of three
// published cases use in lower case (a prospect called "Archive Systems")
// is a secret only where it is written with its capitals, as a name — one
// without capitals is ordinary text and no secret.
func (lib *Library) Secrets(at time.Time) []Secret {
	published := lib.PublicCases(at, false)
	public := map[string]bool{}
	addPublic := func(s string) { public[strings.Join(words(s), " ")] = true }
	// uses counts the published cases that write a word in lower case;
	// lastCase is the last case counted for it (1-based).
	type count struct{ uses, lastCase int }
	ordinaryWords := map[string]count{}
	addOrdinary := func(k int, s string) {
		for _, w := range strings.FieldsFunc(s, notWordRune) {
			if c := ordinaryWords[w]; c.lastCase != k && !strings.ContainsFunc(w, unicode.IsUpper) {
				ordinaryWords[w] = count{c.uses + 1, k}
			}
		}
	}
	addPublic(lib.Site.Title)
	for _, v := range []config.Vocabulary{lib.Site.Industries, lib.Site.ProjectTypes, lib.Site.Regions} {
		for _, t := range v.Terms {
			addPublic(t.Label)
			for _, l := range t.Labels {
				addPublic(l)
			}
		}
	}
	anonymous := lib.anonymousGroups()
	for i, c := range published {
		if !c.Anonymous && !anonymous[lib.groupOf(c)] {
			addPublic(c.Client)
		}
		addOrdinary(i+1, c.Title)
		addOrdinary(i+1, c.Summary)
		for _, m := range c.Metrics {
			addOrdinary(i+1, m.Label)
			addOrdinary(i+1, m.Value)
		}
	}
	// A word is ordinary when three published cases write it in lower case
	// (all of them on a smaller site): a value written into one case is not
	// made ordinary by itself.
	ordinary := func(w string) bool { return ordinaryWords[w].uses >= max(1, min(3, len(published))) }
	// Most secrets are the reference fields of the cases, a question's text
	// or a visit's bonus.
	out := make([]Secret, 0, 3*len(lib.Cases)+len(lib.Questions)+len(lib.Visits))
	// Names of fewer than four letters (an anonymous "AXA") and of one word
	// are secrets; other text that short is a placeholder such as "n/a",
	// and one word of it ("three", "search") says nothing private.
	add := func(value, path, field string) {
		v := strings.TrimSpace(value)
		ws := words(v)
		if len(ws) == 0 || public[strings.Join(ws, " ")] || !nameField(field) && (letters(ws) < MinSecretLen || len(ws) < 2 && !unspaced(v)) {
			return
		}
		// Only a script with capitals can write a name apart from words.
		cased := strings.ContainsFunc(v, func(r rune) bool { return unicode.ToUpper(r) != unicode.ToLower(r) })
		capitals := cased && !slices.ContainsFunc(ws, func(w string) bool { return !ordinary(w) })
		if capitals && !strings.ContainsFunc(v, unicode.IsUpper) {
			return
		}
		out = append(out, Secret{Value: v, Path: path, Field: field, Capitals: capitals})
	}
	for _, c := range lib.Cases {
		// support_id is the client's name in the helpdesk, often a short
		// form of it ("Calm Co" for "Calm Company"): private exactly when
		// the client is.
		if c.Anonymous || anonymous[lib.groupOf(c)] {
			add(c.Client, c.Path, "client (anonymous case)")
			add(c.Reference.SupportID, c.Path, "reference.support_id")
		} else if c.Publication(at, lib.Site).ForWantOfConsent() {
			add(c.Client, c.Path, "client (not published for want of consent)")
			add(c.Reference.SupportID, c.Path, "reference.support_id")
		}
		add(c.Reference.Contact, c.Path, "reference.contact")
		add(c.Reference.Support, c.Path, "reference.support")
		add(c.Reference.Notes, c.Path, "reference.notes")
		if c.Consent != nil {
			add(c.Consent.ApprovedBy, c.Path, "consent.approved_by")
		}
	}
	for _, p := range lib.Prospects {
		add(p.Name, p.Path, "name")
		add(p.Notes, p.Path, "notes")
		for i, m := range p.MustSee {
			add(m, p.Path, fmt.Sprintf("must_see[%d]", i))
		}
		for i, pt := range p.Participants {
			add(pt.Name, p.Path, fmt.Sprintf("participants[%d].name", i))
			for j, in := range pt.Interests {
				add(in, p.Path, fmt.Sprintf("participants[%d].interests[%d]", i, j))
			}
		}
	}
	for _, q := range lib.Questions {
		add(q.Text, QuestionsPath, fmt.Sprintf("question at line %d", q.Line))
	}
	for _, v := range lib.Visits {
		add(v.Bonus, VisitsPath, fmt.Sprintf("bonus of the visit at line %d", v.Line))
	}
	slices.SortFunc(out, func(a, b Secret) int {
		return cmpJoin(a.Value, b.Value, a.Path, b.Path, a.Field, b.Field)
	})
	return out
}

func cmpJoin(pairs ...string) int {
	for i := 0; i < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

// MinSecretLen is the fewest letters and digits of a private value other
// than a name.
const MinSecretLen = 4

func nameField(field string) bool {
	switch field {
	case "name", "reference.support_id", "consent.approved_by":
		return true
	}
	return strings.HasPrefix(field, "client") || strings.HasSuffix(field, "].name")
}

// unspaced reports text in a script written without spaces between words
// (Japanese), where one "word" may be a whole sentence.
func unspaced(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
	})
}

func letters(words []string) int {
	n := 0
	for _, w := range words {
		n += utf8.RuneCountInString(w)
	}
	return n
}

// words are the lower-cased words of s: what is left of a name when its
// punctuation and spacing are ignored.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), notWordRune)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// groupOf is the slug that a case's translation group is known by: the
// case it translates, or its own.
func (lib *Library) groupOf(c *Case) string {
	if c.TranslationOf != "" {
		return c.TranslationOf
	}
	return c.Slug
}

// anonymousGroups are the translation groups with an anonymous case: the
// client of each of their cases is private (README, "What is private").
func (lib *Library) anonymousGroups() map[string]bool {
	out := map[string]bool{}
	for _, c := range lib.Cases {
		if c.Anonymous {
			out[lib.groupOf(c)] = true
		}
	}
	return out
}

// PrivateLines lists the lines (1-based) of a case file's front matter that
// hold its private fields: the [reference] and [consent] tables, and the
// client of an anonymous case. The rest of the file is public text, where a
// private value must not appear.
func PrivateLines(src []byte, anonymous bool) []int {
	var out []int
	table := ""
	fence := 0
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "+++" {
			if fence++; fence == 2 {
				break
			}
			continue
		}
		if fence == 0 {
			continue
		}
		if strings.HasPrefix(trimmed, "[") {
			table = strings.Trim(trimmed, "[] \t")
			if k := strings.IndexAny(table, "]#"); k >= 0 {
				table = strings.TrimSpace(table[:k])
			}
		}
		key := strings.TrimSpace(strings.SplitN(trimmed, "=", 2)[0])
		top := table == "" && !strings.HasPrefix(trimmed, "[")
		switch {
		case privateTable(table),
			top && (privateTable(strings.SplitN(key, ".", 2)[0])),
			top && anonymous && key == "client":
			out = append(out, i+1)
		}
	}
	return out
}

func privateTable(name string) bool {
	name = strings.SplitN(name, ".", 2)[0]
	return name == "reference" || name == "consent"
}
