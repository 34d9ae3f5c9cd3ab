package content

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/support"
)

// Secrets lists every PRIVATE free-text value of the library (README, "What
// is private"), with the file and field it comes from, for the leak guard of
// a build at the date at. Enumerations, keys, numbers and dates are not
// secrets. Drafts make nothing public, even in a build that shows them.
//
// A name is also listed in the other forms a reader knows it by (variants.go):
// without its legal form, with "ue" for "ü" or "and" for "&", in the Russian
// cases; a contact also as its person, phone and e-mail address alone.
//
// Two rules keep false alarms rare (README, "What is private"): a value that
// the site publishes on purpose (the client of a published case that is not
// anonymous, the site's title, a vocabulary label) is not private; and a
// value made only of ordinary words (a prospect called "Archive Systems":
// words that published cases write in lower case) is a secret only where it
// is written with its capitals, as a name — one without capitals is ordinary
// text and no secret.
func (lib *Library) Secrets(at time.Time) []Secret {
	published := lib.PublicCases(at, false)
	anonymous := lib.anonymousGroups()
	// The client of an anonymous case stays private when another case names
	// it openly (README, "What is private"): the anonymous one wins.
	anonymousClients := map[string]bool{}
	for _, c := range lib.Cases {
		if anonymous[lib.groupOf(c)] {
			anonymousClients[key(c.Client)] = true
		}
	}
	public := map[string]bool{}
	addPublic := func(s string) { public[key(s)] = true }
	addPublic(lib.Site.Title)
	for _, v := range []config.Vocabulary{lib.Site.Industries, lib.Site.ProjectTypes, lib.Site.Regions} {
		for _, t := range v.Terms {
			addPublic(t.Label)
			for _, l := range t.Labels {
				addPublic(l)
			}
		}
	}
	for _, c := range published {
		if !c.Anonymous && !anonymous[lib.groupOf(c)] && !anonymousClients[key(c.Client)] {
			addPublic(c.Client)
		}
	}
	// The helpdesk's customers that a case names openly (published or
	// not) are no more private than its client; the others are.
	openCustomers := map[string]bool{} // by support.Key
	var openClients []string           // their letters, sorted
	if lib.Support != nil {
		for _, c := range lib.Cases {
			if !anonymous[lib.groupOf(c)] && !anonymousClients[key(c.Client)] && !c.Publication(at, lib.Site).ForWantOfConsent() {
				openCustomers[support.Key(c.SupportName())] = true
				openClients = append(openClients, strings.Join(words(c.Client), ""))
			}
		}
		slices.Sort(openClients)
	}
	// A helpdesk often shortens a name ("Calm Co" for "Calm Company"): a
	// customer that begins an open client's name is that client.
	shortForm := func(name string) bool {
		l := strings.Join(words(name), "")
		i, _ := slices.BinarySearch(openClients, l)
		return i < len(openClients) && strings.HasPrefix(openClients[i], l)
	}

	// The candidates first: which of their words are ordinary is counted
	// only for them.
	var cands []candidate
	add := func(value, path, field string, k kind) {
		cands = append(cands, variants(strings.TrimSpace(value), path, field, k)...)
	}
	for _, c := range lib.Cases {
		// support_id is the client's name in the helpdesk, often a short
		// form of it ("Calm Co" for "Calm Company"): private exactly when
		// the client is.
		if c.Anonymous || anonymous[lib.groupOf(c)] {
			add(c.Client, c.Path, "client (anonymous case)", org)
			add(c.Reference.SupportID, c.Path, "reference.support_id", org)
		} else if c.Publication(at, lib.Site).ForWantOfConsent() {
			add(c.Client, c.Path, "client (not published for want of consent)", org)
			add(c.Reference.SupportID, c.Path, "reference.support_id", org)
		}
		add(c.Reference.Contact, c.Path, "reference.contact", contact)
		add(c.Reference.Support, c.Path, "reference.support", text)
		add(c.Reference.Notes, c.Path, "reference.notes", text)
		if c.Consent != nil {
			add(c.Consent.ApprovedBy, c.Path, "consent.approved_by", person)
		}
	}
	for _, p := range lib.Prospects {
		add(p.Name, p.Path, "name", org)
		add(p.Notes, p.Path, "notes", text)
		for i, m := range p.MustSee {
			add(m, p.Path, fmt.Sprintf("must_see[%d]", i), text)
		}
		for i, pt := range p.Participants {
			add(pt.Name, p.Path, fmt.Sprintf("participants[%d].name", i), person)
			for j, in := range pt.Interests {
				add(in, p.Path, fmt.Sprintf("participants[%d].interests[%d]", i, j), text)
			}
		}
	}
	for _, q := range lib.Questions {
		add(q.Text, QuestionsPath, fmt.Sprintf("question at line %d", q.Line), text)
	}
	for _, v := range lib.Visits {
		add(v.Bonus, VisitsPath, fmt.Sprintf("bonus of the visit at line %d", v.Line), text)
	}
	if e := lib.Support; e != nil {
		// The whole export is private: its customers (but those that a
		// published case names openly), requesters and subjects.
		for _, cu := range e.Customers() {
			if !openCustomers[support.Key(cu.Name)] && !shortForm(cu.Name) {
				add(cu.Name, e.Path, fmt.Sprintf("customer at line %d", cu.Line), org)
			}
		}
		for _, t := range e.Texts() {
			k := text
			if t.Name {
				k = contact
			}
			add(t.Value, e.Path, fmt.Sprintf("%s at line %d", t.Column, t.Line), k)
		}
	}

	ordinary := lib.ordinaryWords(published, cands)
	ordinaryJapanese := ordinaryJapanese(published, cands)
	out := make([]Secret, 0, len(cands))
	seen := make(map[Secret]bool, len(cands))
	for _, c := range cands {
		v := c.value
		ws := c.words
		if len(ws) == 0 || public[strings.Join(ws, " ")] || !c.name && (letters(ws) < MinSecretLen || len(ws) < 2 && !unspaced(v)) {
			continue
		}
		// Japanese has no capitals to tell a name by: text that published
		// cases write themselves ("電子アーカイブ") is ordinary, and so is
		// what is left of a name such as "株式会社アーカイブ".
		if (!c.name || c.derived) && ordinaryJapanese[v] {
			continue
		}
		// Only a script with capitals can write a name apart from words.
		// A name of initials and short words ("AT&T", "H&M") reads as a
		// name only with its capitals too: "at t" is in any text.
		cased := strings.ContainsFunc(v, func(r rune) bool { return unicode.ToUpper(r) != unicode.ToLower(r) })
		// Another form of a name of ordinary words ("Электронном архиве"
		// of "Электронный архив") is a name only with its capitals too.
		allOrdinary := func(ws []string) bool {
			return !slices.ContainsFunc(ws, func(w string) bool { return !ordinary[w] && !legalForms[w] && !russianForms[w] })
		}
		capitals := cased && (allOrdinary(ws) || c.derived && allOrdinary(c.base) || initials(ws))
		if capitals && !strings.ContainsFunc(v, unicode.IsUpper) {
			continue
		}
		// A short name of one word is read as a whole word: "Ford" is not
		// in "Herausforderung"; so is an ordinary word left of a longer
		// name ("Dokument" of "Dokument GmbH" is not in "Dokumentation").
		whole := c.name && len(ws) == 1 && (letters(ws) <= 5 || c.derived && (ordinary[ws[0]] || commonWords[ws[0]])) && !unspaced(v)
		s := Secret{Value: v, Path: c.path, Field: c.field, Capitals: capitals, WholeWord: whole}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Secret) int {
		return cmpJoin(a.Value, b.Value, a.Path, b.Path, a.Field, b.Field)
	})
	return out
}

// ordinaryWords are the words of the candidates' values that published
// cases write in lower case, in their titles, summaries, metrics or
// bodies (of the first bodiesRead), or commonWords: three cases (all of them on a smaller site), so that a value
// written into one case is not made ordinary by itself.
func (lib *Library) ordinaryWords(published []*Case, cands []candidate) map[string]bool {
	type count struct{ uses, lastCase int }
	counts := map[string]*count{}
	for _, c := range cands {
		for _, w := range c.words {
			if counts[w] == nil {
				counts[w] = &count{}
			}
		}
	}
	need := max(1, min(3, len(published)))
	left := len(counts) // words not yet known to be ordinary
	for i, c := range published {
		if left == 0 {
			break
		}
		see := func(w []byte) {
			if n := counts[string(w)]; n != nil && n.lastCase != i+1 && n.uses < need {
				n.uses, n.lastCase = n.uses+1, i+1
				if n.uses == need {
					left--
				}
			}
		}
		lowerWords([]byte(c.Title), see)
		lowerWords([]byte(c.Summary), see)
		for _, m := range c.Metrics {
			lowerWords([]byte(m.Label), see)
			lowerWords([]byte(m.Value), see)
		}
		// The bodies of a small site show its ordinary words; a large
		// one has titles, summaries and metrics enough, and bodies of
		// some 100 MB that would take a while to read.
		if i < bodiesRead {
			lowerWords(c.Body, see)
		}
	}
	out := make(map[string]bool, len(counts))
	for w, n := range counts {
		if n.uses >= need || commonWords[w] {
			out[w] = true
		}
	}
	return out
}

// ordinaryJapanese are the short Japanese must-see items and interests of
// cands, and what is left of Japanese company names, that three of the first
// bodiesRead published Japanese cases (all of them on a smaller site)
// write in their titles, summaries, metrics or bodies: ordinary words, as
// ordinaryWords finds them in the scripts with capitals.
func ordinaryJapanese(published []*Case, cands []candidate) map[string]bool {
	uses := map[string]int{}
	for _, c := range cands {
		// Long text is no ordinary phrase; only short values are looked for.
		if (prospectItem(c.field) || c.derived && c.kind == org) && unspaced(c.value) && utf8.RuneCountInString(c.value) <= 10 {
			uses[c.value] = 0
		}
	}
	if len(uses) == 0 {
		return nil
	}
	// Japanese text is in the Japanese cases.
	var japanese []*Case
	for _, c := range published {
		if c.Language == "ja" && len(japanese) < bodiesRead {
			japanese = append(japanese, c)
		}
	}
	need := max(1, min(3, len(japanese)))
	for _, c := range japanese {
		texts := []string{c.Title, c.Summary, string(c.Body)}
		for _, m := range c.Metrics {
			texts = append(texts, m.Label, m.Value)
		}
		for v, n := range uses {
			if n < need && slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, v) }) {
				uses[v] = n + 1
			}
		}
	}
	out := map[string]bool{}
	for v, n := range uses {
		if n >= need {
			out[v] = true
		}
	}
	return out
}

// prospectItem reports the fields of a prospect that list short items,
// which may be ordinary words: must-see items and interests.
func prospectItem(field string) bool {
	return strings.HasPrefix(field, "must_see[") || strings.Contains(field, "].interests[")
}

// bodiesRead is how many published cases' bodies count for ordinary words.
const bodiesRead = 300

// lowerWords calls f with each word of s written without capitals. Only
// cased scripts matter (capitals tell a name only there), so characters
// of three bytes or more (Japanese) end a word: that keeps the reading of
// bodies fast, with Latin and Cyrillic decoded by hand.
func lowerWords(s []byte, f func(w []byte)) {
	start, lower := -1, true
	for i := 0; i <= len(s); {
		word, upper, size := false, false, 1
		if i < len(s) {
			switch c := s[i]; {
			case c < utf8.RuneSelf:
				word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
				upper = 'A' <= c && c <= 'Z'
			case c >= 0xC2 && c < 0xE0 && i+1 < len(s):
				r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
				size = 2
				if 0x400 <= r && r < 0x530 { // Cyrillic: letters but for a few signs
					word, upper = r < 0x482 || r >= 0x48A, r < 0x430 || r >= 0x460 && r&1 == 0
				} else {
					word, upper = unicode.IsLetter(r), unicode.IsUpper(r)
				}
			default:
				_, size = utf8.DecodeRune(s[i:])
			}
		}
		switch {
		case word && start < 0:
			start, lower = i, !upper
		case word:
			lower = lower && !upper
		case start >= 0:
			if lower {
				f(s[start:i])
			}
			start = -1
		}
		i += size
	}
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

// initials reports words of which one is a single letter and none longer
// than three letters: "AT&T", "H&M", "AT and T".
func initials(ws []string) bool {
	return len(ws) > 1 && slices.ContainsFunc(ws, func(w string) bool { return utf8.RuneCountInString(w) == 1 }) &&
		!slices.ContainsFunc(ws, func(w string) bool { return utf8.RuneCountInString(w) > 3 })
}

// key is how values are compared: their words.
func key(s string) string { return strings.Join(words(s), " ") }

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
