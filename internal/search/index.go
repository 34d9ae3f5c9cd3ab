// Package search builds the public site's search index: plain JSON files
// under search/, sharded so that a browser answering a one-word query
// fetches a small manifest, the one or two shards holding its terms, the
// facet table and the cards of the hits it shows. It is a pure stage: the
// published cases and their rendered bodies in, output paths and bytes out.
//
// Only public fields are indexed: title, summary, the public name (the
// alias of an anonymous case, never its client), tags, products, metrics,
// quotes, vocabulary labels and the body text.
package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// Input is what the index is built from.
type Input struct {
	Lib    *content.Library           // the cases to publish, drafts already removed unless shown
	Bodies map[string]markdown.Result // rendered body by case slug
}

// Fields of a case, in boost order: a term in the title counts more than in
// the summary, which counts more than in the body.
const (
	fieldTitle = iota
	fieldSummary
	fieldBody
	numFields
)

var (
	boost = [numFields]float64{5, 2, 1}
	bLen  = [numFields]float64{0.5, 0.5, 0.75} // BM25 length normalisation per field
)

const (
	k1 = 1.2
	// scoreScale turns a BM25 score into the integer stored in a posting.
	scoreScale = 8
	// shardTarget is the size in bytes a term shard is cut at; a term whose
	// postings alone are larger gets a shard of its own.
	shardTarget = 24 << 10
	// chunkSize is how many cases one card file holds.
	chunkSize = 10
	// minSurface is the shortest word form kept for typo and prefix
	// matching when it differs from its stem.
	minSurface = 4
)

// Facets are the facet names of SPEC §8, in form order.
var Facets = []string{"industry", "project_type", "region", "language", "scale"}

// Index builds the search index. Paths are relative to public/.
func Index(in Input) (map[string][]byte, error) {
	if in.Lib == nil || in.Lib.Site == nil {
		return nil, errors.New("search: no library to index")
	}
	cases := Order(in.Lib.Cases)
	out := map[string][]byte{}
	runs, surfaces := analyse(cases, in.Lib.Site, in.Bodies)
	keys, err := writeShards(out, runs, surfaces, len(cases))
	if err != nil {
		return nil, err
	}
	facets, err := facetJSON(cases, in.Lib.Site)
	if err != nil {
		return nil, err
	}
	out["search/facets.json"] = facets
	for i := 0; i < len(cases); i += chunkSize {
		var rows [][]string
		for _, c := range cases[i:min(i+chunkSize, len(cases))] {
			rows = append(rows, []string{c.Slug, c.Title, c.PublicName(), c.Summary, c.Language})
		}
		b, err := marshal(rows)
		if err != nil {
			return nil, err
		}
		out["search/docs/"+strconv.Itoa(i/chunkSize)+".json"] = b
	}
	// The version changes with every byte of the index so browsers never mix
	// shards of two builds.
	sum := sha256.New()
	for _, p := range sortedKeys(out) {
		sum.Write([]byte(p))
		sum.Write(out[p])
	}
	manifest, err := marshal(struct {
		Version string   `json:"v"`
		N       int      `json:"n"`
		Chunk   int      `json:"chunk"`
		Shards  []string `json:"shards"`
	}{hex.EncodeToString(sum.Sum(nil)[:6]), len(cases), chunkSize, keys})
	if err != nil {
		return nil, err
	}
	out["search/manifest.json"] = manifest
	return out, nil
}

// Order is the order of document ids in the index: the site's, newest
// first, then by slug; ties in score keep it.
func Order(cases []*content.Case) []*content.Case {
	cs := slices.Clone(cases)
	slices.SortStableFunc(cs, func(a, b *content.Case) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return cs
}

// posting is one case holding a term, with the term's count per field.
type posting struct {
	doc int32
	tf  [numFields]uint16
}

// analysis is the inverted index of a run of cases.
type analysis struct {
	postings map[string]*[]posting
	length   [][numFields]int32 // per case of the run
}

// analyse tokenizes the cases in parallel, in runs of consecutive ids so
// that concatenating the runs' postings in order keeps them sorted by id.
// It also returns every word form seen with its stem.
func analyse(cases []*content.Case, site *config.Site, bodies map[string]markdown.Result) ([]*analysis, map[string]string) {
	const run = 256
	runs := make([]*analysis, (len(cases)+run-1)/run)
	workers := runtime.GOMAXPROCS(0)
	tzs := make([]*tokenizer, workers)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := range workers {
		tz := newTokenizer()
		tzs[w] = tz
		wg.Go(func() {
			for r := range next {
				a := &analysis{postings: map[string]*[]posting{}}
				for i := r * run; i < min((r+1)*run, len(cases)); i++ {
					c := cases[i]
					a.length = append(a.length, analyseCase(tz, a, r+1, int32(i), c, site, bodies[c.Slug].Text))
				}
				runs[r] = a
			}
		})
	}
	for r := range runs {
		next <- r
	}
	close(next)
	wg.Wait()
	surfaces := map[string]string{}
	for _, tz := range tzs {
		for w, s := range tz.slots {
			if !s.cjk && w != s.term && utf8.RuneCountInString(w) >= minSurface {
				surfaces[w] = s.term
			}
		}
	}
	return runs, surfaces
}

// analyseCase adds the postings of one case and returns its field lengths.
func analyseCase(tz *tokenizer, a *analysis, gen int, id int32, c *content.Case, site *config.Site, body string) [numFields]int32 {
	var length [numFields]int32
	f := 0
	emit := func(s *slot) {
		if s.gen != gen {
			s.gen = gen
			s.list = a.postings[s.term]
			if s.list == nil {
				s.list = new([]posting)
				a.postings[s.term] = s.list
			}
		}
		ps := *s.list
		if n := len(ps); n > 0 && ps[n-1].doc == id {
			if ps[n-1].tf[f] < math.MaxUint16 {
				ps[n-1].tf[f]++
			}
		} else {
			p := posting{doc: id}
			p.tf[f] = 1
			*s.list = append(ps, p)
		}
		length[f]++
	}
	add := func(field int, text string) {
		f = field
		tz.each(text, emit)
	}
	add(fieldTitle, c.Title)
	add(fieldSummary, c.Summary)
	add(fieldSummary, c.PublicName())
	for _, s := range slices.Concat(c.Tags, c.Products) {
		add(fieldSummary, s)
	}
	add(fieldBody, body)
	for _, m := range c.Metrics {
		add(fieldBody, m.Label+" "+m.Value)
	}
	for _, q := range c.Quotes {
		add(fieldBody, q.Text+" "+q.Author)
	}
	// Vocabulary labels in every language, so "banking", "銀行" and "банки"
	// all find the banking cases.
	labels := func(v *config.Vocabulary, key string) {
		if t, ok := v.Get(key); ok {
			add(fieldBody, t.Label)
			for _, l := range config.Languages {
				if s := t.Labels[l]; s != "" {
					add(fieldBody, s)
				}
			}
		}
	}
	labels(&site.Industries, c.Industry)
	for _, k := range c.ProjectTypes {
		labels(&site.ProjectTypes, k)
	}
	labels(&site.Regions, c.Region)
	return length
}

// entry is one key of the term space: a term with postings, a word form
// pointing at its stem, or both.
type entry struct {
	key      string
	postings []int // doc id delta, score, doc id delta, score, ...
	stem     string
}

func writeShards(out map[string][]byte, runs []*analysis, surfaces map[string]string, n int) ([]string, error) {
	var avg [numFields]float64
	var length [][numFields]int32
	df := map[string]int{}
	for _, a := range runs {
		length = append(length, a.length...)
		for t, ps := range a.postings {
			df[t] += len(*ps)
		}
	}
	for _, l := range length {
		for f := range numFields {
			avg[f] += float64(l[f])
		}
	}
	for f := range numFields {
		avg[f] = max(avg[f]/float64(max(n, 1)), 1)
	}
	entries := make(map[string]*entry, len(df)+len(surfaces))
	idf := make(map[string]float64, len(df))
	for t, df := range df {
		idf[t] = math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
		entries[t] = &entry{key: t, postings: make([]int, 0, 2*df)}
	}
	// Runs hold consecutive ids in order, so appending run by run keeps
	// every posting list sorted; each run only visits its own terms.
	last := make(map[string]int, len(df))
	for _, a := range runs {
		for t, ps := range a.postings {
			e, prev, termIDF := entries[t], last[t], idf[t]
			for _, p := range *ps {
				// BM25 per field, each saturating on its own, weighted by the
				// field's boost: one word of the title outweighs many of the body.
				var w float64
				for f := range numFields {
					if tf := float64(p.tf[f]); tf > 0 {
						norm := 1 - bLen[f] + bLen[f]*float64(length[p.doc][f])/avg[f]
						w += boost[f] * tf * (k1 + 1) / (tf + k1*norm)
					}
				}
				sc := max(1, int(math.Round(scoreScale*termIDF*w)))
				e.postings = append(e.postings, int(p.doc)-prev, sc)
				prev = int(p.doc)
			}
			last[t] = prev
		}
	}
	for s, t := range surfaces {
		e := entries[s]
		if e == nil {
			e = &entry{key: s}
			entries[s] = e
		}
		e.stem = t
	}
	keys := sortedKeys(entries)
	var shards []string
	var cur []*entry
	size := 0
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		b, err := shardJSON(cur)
		if err != nil {
			return err
		}
		out["search/t/"+strconv.Itoa(len(shards))+".json"] = b
		shards = append(shards, cur[0].key)
		cur, size = cur[:0], 0
		return nil
	}
	for _, k := range keys {
		e := entries[k]
		es := len(k) + len(e.stem) + 8
		for _, v := range e.postings {
			es += digits(v) + 1
		}
		if size > 0 && size+es > shardTarget {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		cur = append(cur, e)
		size += es
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return shards, nil
}

func digits(v int) int {
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// shardJSON writes {"t":{term:[postings]},"w":{form:stem}} with keys in
// order.
func shardJSON(es []*entry) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"t":{`)
	first := true
	for _, e := range es {
		if e.postings == nil {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		k, err := marshal(e.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteString(":[")
		for i, v := range e.postings {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(v))
		}
		b.WriteByte(']')
	}
	b.WriteString(`},"w":{`)
	first = true
	for _, e := range es {
		if e.stem == "" {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		k, err := marshal(e.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(e.stem)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

// alphabet encodes facet values, six bits a character.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// facetTable is one facet: its value keys, and per case, in id order, a
// fixed number of characters: the value's index + 1 in base 64 ("0" for
// none) for a single-valued facet, a bitmask of the values for a
// multi-valued one (project_type).
type facetTable struct {
	Keys  []string `json:"keys"`
	Multi bool     `json:"multi,omitempty"`
	Width int      `json:"width"`
	Data  string   `json:"data"`
}

func facetJSON(cases []*content.Case, site *config.Site) ([]byte, error) {
	type facet struct {
		name  string
		vocab []string
		of    func(*content.Case) []string
	}
	one := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	fs := []facet{
		{"industry", site.Industries.Keys(), func(c *content.Case) []string { return one(c.Industry) }},
		{"project_type", site.ProjectTypes.Keys(), func(c *content.Case) []string { return c.ProjectTypes }},
		{"region", site.Regions.Keys(), func(c *content.Case) []string { return one(c.Region) }},
		{"language", config.Languages, func(c *content.Case) []string { return one(c.Language) }},
		{"scale", content.EmployeeBands, func(c *content.Case) []string { return one(c.Scale.EmployeeBand()) }},
	}
	tables := map[string]*facetTable{}
	for _, f := range fs {
		used := map[string]bool{}
		for _, c := range cases {
			for _, k := range f.of(c) {
				used[k] = true
			}
		}
		t := &facetTable{Keys: []string{}, Multi: f.name == "project_type"}
		idx := map[string]int{}
		for _, k := range f.vocab {
			if used[k] {
				idx[k] = len(t.Keys)
				t.Keys = append(t.Keys, k)
			}
		}
		if t.Multi {
			t.Width = max(1, (len(t.Keys)+5)/6)
		} else {
			for t.Width = 1; 1<<(6*t.Width) <= len(t.Keys); t.Width++ {
			}
		}
		data := make([]byte, 0, len(cases)*t.Width)
		for _, c := range cases {
			var v uint64
			for _, k := range f.of(c) {
				i, ok := idx[k]
				switch {
				case !ok:
				case t.Multi:
					v |= 1 << i
				default:
					v = uint64(i + 1)
				}
			}
			for w := t.Width - 1; w >= 0; w-- {
				data = append(data, alphabet[(v>>(6*w))&63])
			}
		}
		if t.Multi && len(t.Keys) > 64 {
			return nil, errors.New("search: more than 64 project types")
		}
		t.Data = string(data)
		tables[f.name] = t
	}
	return marshal(tables)
}

// marshal is json.Marshal without HTML escaping: the files are JSON, not
// HTML, and "<" reads better than "\u003c" (the leak guard checks both).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare[string])
	return keys
}
