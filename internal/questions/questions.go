// Package questions prepares the question list of a reference visit
// (README, "`refpack match`", --questions): the participants' own
// questions, fitting entries of the question bank, and one question per
// recommended reference drawn from its metrics; de-duplicated, grouped by
// topic and capped. It is pure.
package questions

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/locale"
)

// Topics of the groups that do not come from the bank.
const (
	TopicParticipants = "participants"
	TopicReferences   = "references"
	TopicGeneral      = "general" // bank entries without a topic
)

// Sources of a question.
const (
	SourceParticipant = "participant"
	SourceBank        = "bank"
	SourceReference   = "reference"
)

// Question is one prepared question.
type Question struct {
	Text   string   `json:"text"`
	Topic  string   `json:"topic"`
	Source string   `json:"source"`           // participant | bank | reference
	Askers []string `json:"askers,omitempty"` // the participants who ask it
	Case   string   `json:"case,omitempty"`   // the reference it is about
}

// Group is the questions of one topic.
type Group struct {
	Topic     string     `json:"topic"`
	Label     string     `json:"label"` // the topic in the pack's language
	Questions []Question `json:"questions"`
}

// Input is what a question list is prepared from.
type Input struct {
	Prospect   *content.Prospect
	References []*content.Case // the recommended references, best first
	Bank       []content.Question
	Language   string // the pack's language: the prospect's, else the site's
	SiteLang   string // used when the bank has no question in Language
	Max        int    // at most this many questions, participants' own excepted; 0: no limit
}

// Build prepares the grouped question list. Groups come in this order: the
// participants' questions, the bank's topics in the order of their first
// fitting entry, then the references. When there are more than Max
// questions, bank questions are dropped from the end, then reference
// questions; a participant's own question never is.
func Build(in Input) []Group {
	lang := in.Language
	var all []Question
	for _, p := range in.Prospect.Participants {
		for _, q := range p.Interests {
			all = append(all, Question{Text: q, Topic: TopicParticipants, Source: SourceParticipant, Askers: []string{p.Name}})
		}
	}
	bankLang := lang
	if !slices.ContainsFunc(in.Bank, func(q content.Question) bool { return q.Language == lang }) {
		bankLang = in.SiteLang
	}
	for _, q := range in.Bank {
		if fits(q, in.Prospect, bankLang) {
			all = append(all, Question{Text: q.Text, Topic: cmp.Or(q.Topic, TopicGeneral), Source: SourceBank})
		}
	}
	for _, c := range in.References {
		if len(c.Metrics) == 0 {
			continue
		}
		m := c.Metrics[0]
		text := format(lang, "metric", "name", c.Client, "metric", m.Label+": "+m.Value)
		all = append(all, Question{Text: text, Topic: TopicReferences, Source: SourceReference, Case: c.Slug})
	}

	seen := map[string]int{} // key -> index in kept
	kept := all[:0:0]
	for _, q := range all {
		k := Key(q.Text)
		if k == "" {
			continue
		}
		if i, ok := seen[k]; ok {
			// The same question from another participant: keep one,
			// asked by both.
			for _, a := range q.Askers {
				if !slices.Contains(kept[i].Askers, a) {
					kept[i].Askers = append(kept[i].Askers, a)
				}
			}
			continue
		}
		seen[k] = len(kept)
		kept = append(kept, q)
	}
	if in.Max > 0 {
		kept = capped(kept, in.Max)
	}

	var groups []Group
	for _, q := range kept {
		i := slices.IndexFunc(groups, func(g Group) bool { return g.Topic == q.Topic })
		if i < 0 {
			groups = append(groups, Group{Topic: q.Topic, Label: TopicLabel(q.Topic, lang)})
			i = len(groups) - 1
		}
		groups[i].Questions = append(groups[i].Questions, q)
	}
	// References go last whatever the bank's order.
	slices.SortStableFunc(groups, func(a, b Group) int { return rank(a.Topic) - rank(b.Topic) })
	return groups
}

// capped keeps at most limit questions, dropping bank questions from the end
// first, then reference questions; a participant's own question is never
// dropped, even when they alone are more than limit.
func capped(qs []Question, limit int) []Question {
	room := limit
	keep := make([]bool, len(qs))
	for _, source := range []string{SourceParticipant, SourceReference, SourceBank} {
		for i, q := range qs {
			if q.Source == source && (room > 0 || source == SourceParticipant) {
				keep[i] = true
				room--
			}
		}
	}
	out := qs[:0:0]
	for i, q := range qs {
		if keep[i] {
			out = append(out, q)
		}
	}
	return out
}

func rank(topic string) int {
	switch topic {
	case TopicParticipants:
		return 0
	case TopicReferences:
		return 2
	}
	return 1
}

// fits reports whether a bank entry suits the prospect: each of its lists
// is empty or shares an item with the prospect (sides: with any
// participant), and its language is lang or empty.
func fits(q content.Question, p *content.Prospect, lang string) bool {
	if q.Language != "" && q.Language != lang {
		return false
	}
	if len(q.Industries) > 0 && !slices.Contains(q.Industries, p.Industry) {
		return false
	}
	if len(q.ProjectTypes) > 0 && !slices.ContainsFunc(q.ProjectTypes, func(t string) bool { return slices.Contains(p.ProjectTypes, t) }) {
		return false
	}
	if len(q.Sides) > 0 && !slices.ContainsFunc(p.Participants, func(pt content.Participant) bool { return slices.Contains(q.Sides, pt.Side) }) {
		return false
	}
	return true
}

var folder = cases.Fold()

// Key is what two questions must share to be duplicates: the text after
// Unicode compatibility normalisation and case folding, with everything
// but letters, marks and digits removed.
func Key(s string) string {
	s = folder.String(norm.NFKC.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return r
		}
		return -1
	}, s)
}

// format returns the string key of the [questions] section of lang's
// catalogue with its {name} placeholders filled from pairs.
func format(lang, key string, pairs ...string) string {
	return locale.For(lang).T("questions."+key, pairs...)
}

// TopicLabel is the heading of a topic in lang: fixed for the participants,
// the references and the usual bank topics, else the bank's topic with a
// capital letter.
func TopicLabel(topic, lang string) string {
	if topic == TopicParticipants || topic == TopicReferences || topic == TopicGeneral {
		return format(lang, topic)
	}
	if key := "questions.topic_" + topic; locale.For(lang).Has(key) {
		return locale.For(lang).T(key)
	}
	if topic == "" {
		return ""
	}
	r := []rune(topic)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
