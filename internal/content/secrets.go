package content

import (
	"fmt"
	"slices"
	"strings"
)

// MinSecretLen is the shortest private value the leak guard looks for;
// shorter values ("CIO", "n/a") occur by chance in any text.
const MinSecretLen = 4

// Secrets lists every PRIVATE free-text value of the library (SPEC §4), with
// the file and field it comes from. Enumerations, keys, numbers and dates are
// not secrets. A value that is also public (a prospect that is the client of
// a public case study) is left out.
func (lib *Library) Secrets() []Secret {
	public := map[string]bool{}
	for _, c := range lib.Cases {
		if !c.Anonymous {
			public[strings.ToLower(strings.TrimSpace(c.Client))] = true
		}
	}
	var out []Secret
	add := func(value, path, field string) {
		v := strings.TrimSpace(value)
		if len([]rune(v)) < MinSecretLen || public[strings.ToLower(v)] {
			return
		}
		out = append(out, Secret{Value: v, Path: path, Field: field})
	}
	for _, c := range lib.Cases {
		if c.Anonymous {
			add(c.Client, c.Path, "client (anonymous case)")
		}
		add(c.Reference.Contact, c.Path, "reference.contact")
		add(c.Reference.Support, c.Path, "reference.support")
		add(c.Reference.Notes, c.Path, "reference.notes")
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
		return strings.Compare(a.Path+a.Field, b.Path+b.Field)
	})
	return out
}
