package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// MinSecretLen is the shortest private value the leak guard looks for;
// shorter values ("CIO", "n/a") occur by chance in any text.
const MinSecretLen = 4

// Secrets lists every PRIVATE free-text value of the library (SPEC §4), with
// the file and field it comes from, for a build at the date at (with drafts
// when drafts is set). Enumerations, keys, numbers and dates are not
// secrets. A value that is also public (a prospect that is the client of a
// case study the build publishes) is left out.
func (lib *Library) Secrets(at time.Time, drafts bool) []Secret {
	public := make(map[string]bool, len(lib.Cases))
	// Lower-casing keeps the number of runes, so only a value as long as
	// some public name needs lower-casing and looking up; most are longer.
	publicLen := map[int]bool{}
	for _, c := range lib.PublicCases(at, drafts) {
		if !c.Anonymous {
			name := strings.ToLower(strings.TrimSpace(c.Client))
			public[name] = true
			publicLen[utf8.RuneCountInString(name)] = true
		}
	}
	// Most secrets are the reference fields of the cases, a question's text
	// or a visit's bonus.
	out := make([]Secret, 0, 3*len(lib.Cases)+len(lib.Questions)+len(lib.Visits))
	add := func(value, path, field string) {
		v := strings.TrimSpace(value)
		n := utf8.RuneCountInString(v)
		if n < MinSecretLen || publicLen[n] && public[strings.ToLower(v)] {
			return
		}
		out = append(out, Secret{Value: v, Path: path, Field: field})
	}
	for _, c := range lib.Cases {
		// support_id is the client's name in the helpdesk, often a short
		// form of it ("Calm Co" for "Calm Company"): private exactly when
		// the client is.
		if c.Anonymous {
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
		if c := strings.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		return compareJoined(a.Path, a.Field, b.Path, b.Field)
	})
	return out
}

// compareJoined compares a1+a2 with b1+b2 without building either string;
// values repeat across cases, so the sort compares these often.
func compareJoined(a1, a2, b1, b2 string) int {
	for {
		if a1 == "" {
			a1, a2 = a2, ""
		}
		if b1 == "" {
			b1, b2 = b2, ""
		}
		if a1 == "" || b1 == "" {
			return cmp.Compare(len(a1), len(b1))
		}
		n := min(len(a1), len(b1))
		if c := strings.Compare(a1[:n], b1[:n]); c != 0 {
			return c
		}
		a1, b1 = a1[n:], b1[n:]
	}
}
