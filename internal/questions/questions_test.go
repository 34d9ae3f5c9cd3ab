package questions

import (
	"reflect"
	"testing"

	"github.com/refpack/refpack/internal/content"
)

func prospect() *content.Prospect {
	return &content.Prospect{
		Slug: "acme", Industry: "leasing", ProjectTypes: []string{"contract-archive"}, Language: "en",
		Participants: []content.Participant{
			{Name: "Olga", Side: "business", Interests: []string{"How long did the migration take?", "Who scans the paper?"}},
			{Name: "Ivan", Side: "it", Interests: []string{"how long did the MIGRATION take", "Is it fast?"}},
		},
	}
}

func texts(groups []Group) []string {
	var out []string
	for _, g := range groups {
		for _, q := range g.Questions {
			out = append(out, g.Topic+": "+q.Text)
		}
	}
	return out
}

func TestSourcesAndFit(t *testing.T) {
	bank := []content.Question{
		{Text: "Any question", Topic: "general-topic", Language: "en"},
		{Text: "For IT", Topic: "integration", Language: "en", Sides: []string{"it"}},
		{Text: "For lawyers", Topic: "legal", Language: "en", Sides: []string{"legal"}},
		{Text: "For banks", Topic: "costs", Language: "en", Industries: []string{"banking"}},
		{Text: "For leasing", Topic: "costs", Language: "en", Industries: []string{"banking", "leasing"}},
		{Text: "For HR projects", Topic: "costs", Language: "en", ProjectTypes: []string{"hr-records"}},
		{Text: "For contract archives", Topic: "integration", Language: "en", ProjectTypes: []string{"hr-records", "contract-archive"}},
		{Text: "Auf Deutsch", Topic: "general-topic", Language: "ru"},
		{Text: "In any language", Topic: ""},
	}
	ref := &content.Case{Slug: "nw", Client: "Northwind", Metrics: []content.Metric{{Label: "Time to find a contract", Value: "from 2 days to 5 minutes"}}}
	bare := &content.Case{Slug: "bare", Client: "Bare"}
	got := Build(Input{Prospect: prospect(), References: []*content.Case{ref, bare}, Bank: bank, Language: "en", SiteLang: "en"})
	want := []string{
		"participants: How long did the migration take?",
		"participants: Who scans the paper?",
		"participants: Is it fast?",
		"general-topic: Any question",
		"integration: For IT",
		"integration: For contract archives",
		"costs: For leasing",
		"general: In any language",
		"references: Northwind: how did you measure “Time to find a contract: from 2 days to 5 minutes”, and how long did it take to get there?",
	}
	if g := texts(got); !reflect.DeepEqual(g, want) {
		t.Errorf("got\n%q\nwant\n%q", g, want)
	}
	first := got[0].Questions[0]
	if !reflect.DeepEqual(first.Askers, []string{"Olga", "Ivan"}) || first.Source != SourceParticipant {
		t.Errorf("the shared question is %+v, want it asked by Olga and Ivan", first)
	}
	if got[0].Label != "Participants' questions" {
		t.Errorf("label %q", got[0].Label)
	}
}

func TestKey(t *testing.T) {
	for _, pair := range [][2]string{
		{"How long did the migration take?", "how long  did the MIGRATION take"},
		{"Ｗｈｏ scans?", "who scans"},               // full-width letters (NFKC)
		{"Straße — wie?", "STRASSE wie"},          // full case folding
		{"移行にどのくらいかかりましたか?", "移行に どのくらい かかりましたか"}, // full-width punctuation
		{"Сколько ЛЕТ?", "сколько лет"},
	} {
		if a, b := Key(pair[0]), Key(pair[1]); a != b {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", pair[0], a, pair[1], b)
		}
	}
	if Key("How long?") == Key("How wrong?") {
		t.Error("different questions share a key")
	}
}

func TestFallbackToSiteLanguage(t *testing.T) {
	p := prospect()
	p.Language = "ja"
	bank := []content.Question{
		{Text: "English one", Topic: "a", Language: "en"},
		{Text: "Русский", Topic: "a", Language: "ru"},
	}
	got := texts(Build(Input{Prospect: p, Bank: bank, Language: "ja", SiteLang: "en"}))
	if got[len(got)-1] != "a: English one" || len(got) != 4 {
		t.Errorf("no Japanese in the bank: want the site language's question, got %q", got)
	}
	bank = append(bank, content.Question{Text: "日本語の質問", Topic: "a", Language: "ja"})
	got = texts(Build(Input{Prospect: p, Bank: bank, Language: "ja", SiteLang: "en"}))
	if got[len(got)-1] != "a: 日本語の質問" || len(got) != 4 {
		t.Errorf("with Japanese in the bank: want only it, got %q", got)
	}
	p.Language = "de"
	got = texts(Build(Input{Prospect: p, Bank: bank, Language: "de", SiteLang: "en"}))
	if got[len(got)-1] != "a: English one" || len(got) != 4 {
		t.Errorf("no German in the bank: want the site language's question, got %q", got)
	}
	bank = append(bank, content.Question{Text: "Wie lange hat die Migration gedauert?", Topic: "a", Language: "de"})
	got = texts(Build(Input{Prospect: p, Bank: bank, Language: "de", SiteLang: "en"}))
	if got[len(got)-1] != "a: Wie lange hat die Migration gedauert?" || len(got) != 4 {
		t.Errorf("with German in the bank: want only it, got %q", got)
	}
}

func TestTopicLabel(t *testing.T) {
	for _, tc := range []struct{ topic, lang, want string }{
		{"migration", "ru", "Миграция"},
		{"retention", "de", "Aufbewahrungsfristen"},
		{TopicParticipants, "ja", "参加者からの質問"},
		{"licensing", "en", "Licensing"},
		{"", "en", ""},
	} {
		if got := TopicLabel(tc.topic, tc.lang); got != tc.want {
			t.Errorf("TopicLabel(%q, %s) = %q, want %q", tc.topic, tc.lang, got, tc.want)
		}
	}
}

func TestCapKeepsParticipants(t *testing.T) {
	bank := []content.Question{{Text: "Bank one", Topic: "a"}, {Text: "Bank two", Topic: "b"}}
	refs := []*content.Case{
		{Slug: "x", Client: "X", Metrics: []content.Metric{{Label: "L", Value: "V"}}},
	}
	for _, tc := range []struct {
		max  int
		want []string
	}{
		{0, []string{"participants: How long did the migration take?", "participants: Who scans the paper?", "participants: Is it fast?", "a: Bank one", "b: Bank two", "references: X: how did you measure “L: V”, and how long did it take to get there?"}},
		{5, []string{"participants: How long did the migration take?", "participants: Who scans the paper?", "participants: Is it fast?", "a: Bank one", "references: X: how did you measure “L: V”, and how long did it take to get there?"}},
		{4, []string{"participants: How long did the migration take?", "participants: Who scans the paper?", "participants: Is it fast?", "references: X: how did you measure “L: V”, and how long did it take to get there?"}},
		{2, []string{"participants: How long did the migration take?", "participants: Who scans the paper?", "participants: Is it fast?"}},
	} {
		got := texts(Build(Input{Prospect: prospect(), References: refs, Bank: bank, Language: "en", SiteLang: "en", Max: tc.max}))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("max %d:\n got %q\nwant %q", tc.max, got, tc.want)
		}
	}
}

func TestReferenceQuestionInPackLanguage(t *testing.T) {
	ref := &content.Case{Slug: "nw", Client: "Northwind", Metrics: []content.Metric{{Label: "Время поиска", Value: "5 минут"}}}
	p := prospect()
	p.Participants = nil
	for lang, want := range map[string]string{
		"ru": "Northwind: как вы измеряли «Время поиска: 5 минут» и сколько времени ушло на этот результат?",
		"ja": "Northwind様: 「Время поиска: 5 минут」はどのように測定し、達成までにどのくらいかかりましたか?",
		"de": "Northwind: Wie haben Sie „Время поиска: 5 минут“ gemessen, und wie lange hat es gedauert, bis Sie so weit waren?",
	} {
		got := Build(Input{Prospect: p, References: []*content.Case{ref}, Language: lang, SiteLang: "en"})
		if len(got) != 1 || got[0].Questions[0].Text != want || got[0].Questions[0].Case != "nw" {
			t.Errorf("%s: got %+v", lang, got)
		}
	}
}
