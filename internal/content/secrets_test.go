package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/support"
)

// secretLines lists lib's secrets at the sample date as "value | field"
// (with the flags that are set), in the order Secrets returns them.
func secretLines(lib *Library) []string {
	var out []string
	for _, s := range lib.Secrets(date("2026-12-07")) {
		line := s.Value + " | " + s.Field
		if s.Capitals {
			line += " | capitals"
		}
		if s.WholeWord {
			line += " | whole word"
		}
		out = append(out, line)
	}
	return out
}

// hasAll reports the wanted lines missing from got.
func missing(got, want []string) []string {
	var out []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			out = append(out, w)
		}
	}
	return out
}

func anonymousCase(path, client string) *Case {
	return &Case{Path: path, Slug: strings.TrimSuffix(path, ".md"), Client: client, Anonymous: true, Alias: "A company"}
}

// TestSecretsOfTheSupportExport: the helpdesk export is private (SPEC §4),
// its customers but those a published case names openly, its requesters
// and its subjects; each value once, however many rows repeat it.
func TestSecretsOfTheSupportExport(t *testing.T) {
	src := `"Id","Subject","Status","Priority","Requester","Organization","Assignee","Created at","Solved at"
"1","Archive search slow after the index rebuild","open","High","Tom Aldridge","Open Bank","Ewa Nowak","2026-11-01",""
"2","Archive search slow after the index rebuild","open","High","Tom Aldridge","Open Bank","Ewa Nowak","2026-11-02",""
"3","Login fails","open","Normal","Priya Ramaswamy","Quiet Leasing","Ewa Nowak","2026-11-03",""
"5","Login fails","open","Normal","Priya Ramaswamy","Open B","Ewa Nowak","2026-11-03",""
"6","Login fails","open","Normal","Priya Ramaswamy","Draft Leasing","Ewa Nowak","2026-11-03",""
"4","OCR","open","Normal","Sam","","Ewa Nowak","2026-11-03",""
`
	var problems diag.List
	export := support.Parse("content/support.csv", []byte(src), config.DefaultSupport, &problems)
	if len(problems.Problems) > 0 {
		t.Fatal(problems.Problems)
	}
	lib := &Library{Site: &config.Site{}, Support: export, Cases: []*Case{{Path: "open.md", Client: "Open Bank"},
		{Path: "draft.md", Client: "Draft Leasing", Draft: true}}}
	got := secretLines(lib)
	want := []string{
		"Archive search slow after the index rebuild | Subject at line 2",
		"Tom Aldridge | Requester at line 2",
		"Login fails | Subject at line 4",
		"Priya Ramaswamy | Requester at line 4",
		"Quiet Leasing | customer at line 4",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
	for _, s := range got {
		// A client named openly (also by a draft) or a short form of it,
		// a one-word text, a single given name and the vendor's own agent
		// are no secrets.
		for _, no := range []string{"Open Bank |", "Open B |", "Draft Leasing |", "OCR |", "Sam |", "Ewa Nowak |"} {
			if strings.HasPrefix(s, no) {
				t.Errorf("secret %q", s)
			}
		}
	}
	if n := len(got); n != 5 {
		t.Errorf("%d secrets, want each value once:\n%s", n, strings.Join(got, "\n"))
	}
}

// TestAnonymousClientWinsOverAnOpenCase: a second case that names the
// client of an anonymous case openly does not make the client public.
func TestAnonymousClientWinsOverAnOpenCase(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Cases: []*Case{
		anonymousCase("anon.md", "Quillfeather Holdings"),
		{Path: "open.md", Slug: "open", Client: "Quillfeather Holdings", Reference: Reference{SupportID: "Quill"}},
	}}
	got := secretLines(lib)
	if m := missing(got, []string{"Quillfeather Holdings | client (anonymous case)"}); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

// TestAnonymousClientNamedOpenlyWarns: check names the anonymous case on
// the case that names its client openly.
func TestAnonymousClientNamedOpenlyWarns(t *testing.T) {
	anon := strings.Replace(validCase, `client = "Alpha Bank"`, "client = \"Alpha Bank\"\nanonymous = true\nalias = \"A bank\"", 1)
	_, problems := Load(mapFS(map[string]string{
		"content/site.toml": siteTOML, "content/cases/alpha.md": anon, "content/cases/beta.md": validCase,
	}))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := "content/cases/beta.md: warning: client \"Alpha Bank\" is the client of the anonymous case study content/cases/alpha.md: naming it here would un-anonymise that one, so the build refuses to publish it; make this case anonymous too (anonymous = true and an alias)"
	if !slices.Contains(got, want) {
		t.Errorf("want\n%s\nin\n%s", want, strings.Join(got, "\n"))
	}
}

// TestOtherFormsOfNames: a reader knows a name without its legal form,
// with ae/oe/ue for ä/ö/ü, "and" for "&", and in the Russian cases.
func TestOtherFormsOfNames(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Cases: []*Case{
		anonymousCase("a.md", "Quillfeather Holdings plc"),
		anonymousCase("b.md", "Müller Bau GmbH & Co. KG"),
		anonymousCase("c.md", "ООО «Волжский лизинг»"),
		anonymousCase("d.md", "株式会社瀬戸内マリン"),
		anonymousCase("e.md", "Marks & Spencer"),
		anonymousCase("f.md", "Calm Co"),             // "Calm" alone is too short
		anonymousCase("g.md", "Orbis Components AG"), // still two words
		anonymousCase("h.md", "Nordwind S.p.A."),
	}}
	got := secretLines(lib)
	want := []string{
		"Quillfeather Holdings | client (anonymous case), without its legal form",
		"Müller Bau | client (anonymous case), without its legal form",
		"Mueller Bau GmbH & Co. KG | client (anonymous case), with ae, oe, ue for ä, ö, ü",
		"Mueller Bau | client (anonymous case), with ae, oe, ue for ä, ö, ü",
		"Волжский лизинг | client (anonymous case), without its legal form",
		"Волжского лизинга | client (anonymous case), in another grammatical case",
		"Волжскому лизингу | client (anonymous case), in another grammatical case",
		"Волжским лизингом | client (anonymous case), in another grammatical case",
		"Волжском лизинге | client (anonymous case), in another grammatical case",
		"瀬戸内マリン | client (anonymous case), without its legal form",
		"Marks and Spencer | client (anonymous case), with \"and\" for \"&\" or back",
		"Marks und Spencer | client (anonymous case), with \"and\" for \"&\" or back",
		"Orbis Components | client (anonymous case), without its legal form",
		"Nordwind | client (anonymous case), without its legal form",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
	for _, s := range got {
		if strings.HasPrefix(s, "Calm |") {
			t.Errorf("a short word left of a name is a secret: %q", s)
		}
	}
}

// TestFormsOfPersons: a Russian name without its patronymic, in both
// orders; a contact's person, phone and e-mail address each alone; never a
// single given name or a job title.
func TestFormsOfPersons(t *testing.T) {
	lib := &Library{Site: &config.Site{},
		Cases: []*Case{{Path: "a.md", Client: "Open Bank", Reference: Reference{Contact: "Ivan Petrov, +7 495 123-45-67, ivan.petrov@x.ru"}},
			{Path: "b.md", Client: "Other Bank", Reference: Reference{Contact: "Olga (CIO), 55-12, until 2027-03-31; write to olga@bank.example."}}},
		Prospects: []*Prospect{{Path: "p.toml", Name: "Neva Capital", Participants: []Participant{
			{Name: "Петров Иван Сергеевич"}, {Name: "Anna Sergeevna Volkova"}, {Name: "Head of IT"}}}},
	}
	got := secretLines(lib)
	want := []string{
		"Ivan Petrov | reference.contact, the person alone",
		"+7 495 123-45-67 | reference.contact, the phone number alone",
		"8 495 123-45-67 | reference.contact, the phone number alone",
		"ivan.petrov@x.ru | reference.contact, the e-mail address alone",
		"olga@bank.example | reference.contact, the e-mail address alone",
		"Иван Петров | participants[0].name, without the patronymic",
		"Петров Иван | participants[0].name, without the patronymic",
		"Anna Volkova | participants[1].name, without the patronymic",
		"Volkova Anna | participants[1].name, without the patronymic",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
	for _, s := range got {
		if strings.HasPrefix(s, "Olga |") || strings.HasPrefix(s, "CIO |") || strings.Contains(s, "5 5 1 2") || strings.HasPrefix(s, "5512 |") || strings.Contains(s, "20270331") {
			t.Errorf("secret %q", s)
		}
	}
}

// TestShortNamesAreWholeWords: a name of one word of 4 or 5 letters
// ("Ford") is found only as a whole word; longer ones anywhere.
func TestShortNamesAreWholeWords(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Cases: []*Case{
		anonymousCase("a.md", "Ford"), anonymousCase("b.md", "Sage"), anonymousCase("c.md", "Quillfeather"),
		anonymousCase("d.md", "Ally Bank"),
	}}
	got := secretLines(lib)
	want := []string{
		"Ford | client (anonymous case) | whole word",
		"Sage | client (anonymous case) | whole word",
		"Quillfeather | client (anonymous case)",
		"Ally Bank | client (anonymous case)",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

// TestOneLetterWordsNeedCapitals: "AT&T" reads as "at t", which is in
// ordinary text; only its capitals make it the name.
func TestOneLetterWordsNeedCapitals(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Cases: []*Case{anonymousCase("a.md", "AT&T"), anonymousCase("b.md", "AXA")}}
	got := secretLines(lib)
	want := []string{
		"AT&T | client (anonymous case) | capitals",
		"AXA | client (anonymous case) | whole word",
		"AT and T | client (anonymous case), with \"and\" for \"&\" or back | capitals",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

// TestOrdinaryWordsFromBodies: on a small site, the words that published
// bodies write in lower case are ordinary too, so a prospect "Archive
// Systems" is a secret only with its capitals; so is a name of common
// words that no case writes.
func TestOrdinaryWordsFromBodies(t *testing.T) {
	lib := &Library{Site: &config.Site{},
		Cases: []*Case{
			{Path: "a.md", Client: "A Bank", Body: []byte("Our **archive systems** were slow.")},
			{Path: "b.md", Client: "B Bank", Body: []byte("The archive, and other systems.")},
			{Path: "c.md", Client: "C Bank", Body: []byte("Old systems: one archive.")},
			{Path: "d.md", Client: "D Bank", Body: []byte("Nothing to say about Quillfeather.")},
		},
		Prospects: []*Prospect{{Path: "p.toml", Name: "Archive Systems"}, {Path: "q.toml", Name: "Global Solutions"},
			{Path: "r.toml", Name: "Quillfeather Systems"}},
	}
	got := secretLines(lib)
	want := []string{
		"Archive Systems | name | capitals",
		"Global Solutions | name | capitals",
		"Quillfeather Systems | name",
	}
	if m := missing(got, want); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

func TestLowerWords(t *testing.T) {
	var got []string
	lowerWords([]byte("Archive systems, «Волжский» лизинг; ÄRGER über 瀬戸内 x2 Ёлка"), func(w []byte) { got = append(got, string(w)) })
	want := []string{"systems", "лизинг", "über", "x2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestOrdinaryJapanese: Japanese has no capitals to tell a name by, so a
// short value that three published cases write themselves is ordinary:
// a must-see item "電子アーカイブ", and "アーカイブ" left of "株式会社アーカイブ"
// (the whole name stays a secret).
func TestOrdinaryJapanese(t *testing.T) {
	var cases []*Case
	for _, n := range []string{"a", "b", "c"} {
		cases = append(cases, &Case{Path: n + ".md", Slug: n, Client: "Client " + n, Language: "ja", Title: "電子アーカイブの導入 " + n})
	}
	lib := &Library{Site: &config.Site{}, Cases: cases,
		Prospects: []*Prospect{{Path: "p.toml", Name: "株式会社アーカイブ", MustSee: []string{"電子アーカイブ", "営業部の稟議フロー"}}}}
	got := secretLines(lib)
	for _, s := range got {
		if strings.HasPrefix(s, "電子アーカイブ |") || strings.HasPrefix(s, "アーカイブ |") {
			t.Errorf("an ordinary Japanese word is a secret: %q", s)
		}
	}
	if m := missing(got, []string{"株式会社アーカイブ | name", "営業部の稟議フロー | must_see[1]"}); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

// TestFormsOfOrdinaryNamesNeedCapitals: the other forms of a name made of
// ordinary words are names only with their capitals, like the name.
func TestFormsOfOrdinaryNamesNeedCapitals(t *testing.T) {
	var cases []*Case
	for _, n := range []string{"a", "b", "c"} {
		cases = append(cases, &Case{Path: n + ".md", Slug: n, Client: "Клиент " + n, Title: "Электронный архив: архив договоров и электронный документооборот " + n})
	}
	lib := &Library{Site: &config.Site{}, Cases: cases, Prospects: []*Prospect{{Path: "p.toml", Name: "ООО «Электронный архив»"}}}
	got := secretLines(lib)
	if m := missing(got, []string{"Электронном архиве | name, in another grammatical case | capitals"}); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}

// TestRussianNamesInOtherCases: a name that is a phrase inflects its first
// word alone, and a one-word name of six letters or more inflects too.
func TestRussianNamesInOtherCases(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Prospects: []*Prospect{
		{Path: "p.toml", Name: "АО «Банк Нева Капитал»"}, {Path: "q.toml", Name: "ООО «Кедровка»"}}}
	got := secretLines(lib)
	for _, want := range []string{"Банка Нева Капитал", "Кедровки", "Кедровкой"} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, want+" |") }) {
			t.Errorf("missing %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// TestOrdinaryWordLeftOfANameIsAWholeWord: "Dokument" of "Dokument GmbH"
// is a whole word; a coined word left of a name is found anywhere.
func TestOrdinaryWordLeftOfANameIsAWholeWord(t *testing.T) {
	lib := &Library{Site: &config.Site{}, Prospects: []*Prospect{{Path: "p.toml", Name: "Dokument GmbH"}, {Path: "q.toml", Name: "Brambleworth Ltd"}}}
	got := secretLines(lib)
	if m := missing(got, []string{"Dokument | name, without its legal form | capitals | whole word", "Brambleworth | name, without its legal form"}); m != nil {
		t.Errorf("missing %q in\n%s", m, strings.Join(got, "\n"))
	}
}
