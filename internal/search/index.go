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
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
	"github.com/refpack/refpack/internal/parallel"
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

// Facets are the facet names of the search form (README, "Search"), in
// form order.
var Facets = []string{"industry", "project_type", "region", "language", "scale"}

// Index builds the search index. Paths are relative to public/.
func Index(in Input) (map[string][]byte, error) {
	b, err := newIndexer(in)
	if err != nil {
		return nil, err
	}
	return b.finish()
}

// newIndexer prepares the index of in.
func newIndexer(in Input) (*indexer, error) {
	if in.Lib == nil || in.Lib.Site == nil {
		return nil, errors.New("search: no library to index")
	}
	cases := Order(in.Lib.Cases)
	b := &indexer{
		site:  in.Lib.Site,
		cases: cases,
		a:     &analysis{runs: make([]runPostings, (len(cases)+runSize-1)/runSize), length: make([][numFields]int32, len(cases))},
		text:  make([]string, len(cases)),
	}
	for i, c := range cases {
		b.text[i] = in.Bodies[c.Slug].Text
	}
	return b, nil
}

// indexer analyses the cases in runs of runSize on every core, a run's
// texts let go once it is analysed, and writes the index.
type indexer struct {
	site  *config.Site
	cases []*content.Case // in id order
	a     *analysis
	text  []string // per case, until its run is analysed

	mu   sync.Mutex
	idle []int // workers not analysing a run
}

// finish analyses every run and writes the index.
func (b *indexer) finish() (map[string][]byte, error) {
	// The facet table and the cards need only the cases: write them while
	// the workers analyse the texts.
	cards := map[string][]byte{}
	var cardsErr error
	var wg sync.WaitGroup
	wg.Go(func() { cardsErr = cardFiles(cards, b.cases, b.site) })
	b.analyseAll()
	out := map[string][]byte{}
	keys, err := writeShards(out, b.a, len(b.cases))
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if cardsErr != nil {
		return nil, cardsErr
	}
	maps.Copy(out, cards)
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
	}{hex.EncodeToString(sum.Sum(nil)[:6]), len(b.cases), chunkSize, keys})
	if err != nil {
		return nil, err
	}
	out["search/manifest.json"] = manifest
	return out, nil
}

// analyseAll analyses every run, in parallel.
func (b *indexer) analyseAll() { parallel.Each(len(b.a.runs), b.analyseRun) }

// analyseRun analyses run r with an idle worker, then lets its texts go.
func (b *indexer) analyseRun(r int) {
	b.mu.Lock()
	var w int
	if n := len(b.idle); n > 0 {
		w, b.idle = b.idle[n-1], b.idle[:n-1]
	} else {
		// A library of 10,000 cases in three languages has some 21,000
		// distinct words.
		w = len(b.a.workers)
		b.a.workers = append(b.a.workers, &worker{tz: newTokenizer(24 << 10), labels: map[labelKey][]int32{}})
	}
	wk := b.a.workers[w]
	b.mu.Unlock()

	hi := min((r+1)*runSize, len(b.cases))
	for i := r * runSize; i < hi; i++ {
		b.a.length[i] = wk.analyseCase(int32(i), b.cases[i], b.site, b.text[i])
	}
	b.a.runs[r] = wk.endRun(w)

	b.mu.Lock()
	clear(b.text[r*runSize : hi])
	b.idle = append(b.idle, w)
	b.mu.Unlock()
}

// cardFiles adds the facet table and the cards of the cases to out.
func cardFiles(out map[string][]byte, cases []*content.Case, site *config.Site) error {
	facets, err := facetJSON(cases, site)
	if err != nil {
		return err
	}
	out["search/facets.json"] = facets
	for i := 0; i < len(cases); i += chunkSize {
		var rows [][]string
		for _, c := range cases[i:min(i+chunkSize, len(cases))] {
			rows = append(rows, []string{c.Slug, c.Title, c.PublicName(), c.Summary, c.Language})
		}
		b, err := marshal(rows)
		if err != nil {
			return err
		}
		out["search/docs/"+strconv.Itoa(i/chunkSize)+".json"] = b
	}
	return nil
}

// Order is the order of document ids in the index: the site's, newest
// first, then by slug; ties in score keep it.
func Order(cases []*content.Case) []*content.Case {
	cs := slices.Clone(cases)
	content.SortCases(cs)
	return cs
}

// runSize is how many consecutive cases a worker analyses at a time, a
// run; a posting stores a case as its place in its run, in a byte.
const runSize = 256

// analysis is the inverted index of the library, as the workers left it.
type analysis struct {
	workers []*worker
	runs    []runPostings      // per run of cases
	length  [][numFields]int32 // per case, the number of terms per field
}

// runPostings are the postings of a run of cases, by term of the
// tokenizer of the worker that analysed the run, then by id.
type runPostings struct {
	worker   int
	start    []int32 // term t's postings are postings[start[t]:start[t+1]]; later terms have none
	postings []posting
	big      map[int32][numFields]uint16 // counts of postings[i] that do not fit
}

// posting is one case holding a term. There are millions, and memory the
// process has not used before costs more to touch than the work done in
// it, so a posting is four bytes: the case's place in its run, then the
// term's count in each field, or bigTF when the counts are in
// runPostings.big. Scoring replaces the counts with the score.
type posting uint32

const bigTF = math.MaxUint8

// A posting has a byte for each of three fields.
var _ = [1]struct{}{}[numFields-3]

func newPosting(off int, t0, t1, t2 uint16) posting {
	return posting(off) | posting(min(t0, bigTF))<<8 | posting(min(t1, bigTF))<<16 | posting(min(t2, bigTF))<<24
}

func (p posting) off() int { return int(p & 0xFF) }

// scored returns p with its counts replaced by a score, once they are
// no longer needed.
func (p posting) scored(score int) posting { return p&0xFF | posting(score)<<8 }

func (p posting) score() int { return int(p >> 8) }

// tf returns the counts, or false if they are in big.
func (p posting) tf() (t0, t1, t2 uint16, ok bool) {
	t0, t1, t2 = uint16(p>>8&0xFF), uint16(p>>16&0xFF), uint16(p>>24)
	return t0, t1, t2, t0 != bigTF && t1 != bigTF && t2 != bigTF
}

// counts returns the counts of postings[i] per field.
func (r *runPostings) counts(i int32) (t0, t1, t2 uint16) {
	t0, t1, t2, ok := r.postings[i].tf()
	if !ok {
		tf := r.big[i]
		return tf[0], tf[1], tf[2]
	}
	return t0, t1, t2
}

// of returns the range of term t's postings.
func (r *runPostings) of(t int32) (lo, hi int32) {
	if t < 0 || int(t) >= len(r.start)-1 {
		return 0, 0
	}
	return r.start[t], r.start[t+1]
}

// worker is what one analysing goroutine knows: its tokenizer, the case
// and the run of cases it is analysing, and per term of its tokenizer how
// many cases hold it.
//
// A worker collects a case's postings in a buffer, the cases' postings in
// another, and sorts those of a run by term when it ends: that costs less
// than growing a list per term posting by posting, and writes to
// memory that stays in the cache.
type worker struct {
	tz *tokenizer
	df []int32 // per term

	id     int32                // the case being analysed
	german bool                 // it is in German: its words count by their German terms
	slots  []int32              // scratch for a German text's slots and compound parts
	length [numFields]int32     // its field lengths
	doc    []termPosting        // its postings
	seen   []seen               // per term, its posting in doc if it is in the case
	labels map[labelKey][]int32 // the slots of the vocabulary labels of a term

	cases []caseSpan    // the cases of the run
	buf   []termPosting // their postings, case by case
	count []int32       // per term, the cases of the run holding it
	next  []int32       // scratch for endRun
}

type termPosting struct {
	term int32
	tf   [numFields]uint16
}

type seen struct{ doc, at int32 }

type labelKey struct {
	vocab int // 0 industries, 1 project types, 2 regions
	key   string
}

type caseSpan struct{ id, n int32 } // n postings

// analyseCase adds the postings of one case and returns its field lengths.
func (wk *worker) analyseCase(id int32, c *content.Case, site *config.Site, body string) [numFields]int32 {
	wk.id, wk.length, wk.doc = id, [numFields]int32{}, wk.doc[:0]
	wk.german = c.Language == "de"
	add := wk.add
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
	// all find the banking cases. Every case has some: tokenize each once.
	labels := func(vocab int, v *config.Vocabulary, key string) {
		k := labelKey{vocab, key}
		slots, ok := wk.labels[k]
		if !ok {
			if t, ok := v.Get(key); ok {
				slots = append(slots, wk.tz.tokens(t.Label)...)
				for _, l := range config.Languages() {
					if s := t.Labels[l]; s != "" {
						slots = append(slots, wk.tz.tokens(s)...)
					}
				}
			}
			wk.labels[k] = slots
		}
		wk.addTerms(fieldBody, slots)
	}
	labels(0, &site.Industries, c.Industry)
	for _, k := range c.ProjectTypes {
		labels(1, &site.ProjectTypes, k)
	}
	labels(2, &site.Regions, c.Region)
	wk.endCase()
	return wk.length
}

// add adds the terms of a text of the case, in field f.
func (wk *worker) add(f int, text string) { wk.addTerms(f, wk.tz.tokens(text)) }

// addTerms adds the terms of slots of the tokenizer, in field f; in a
// German case, the German terms, and those of the parts of compounds.
func (wk *worker) addTerms(f int, slots []int32) {
	tz := wk.tz
	n, termOf := len(slots), tz.termOf
	if wk.german {
		wk.slots = tz.german(wk.slots[:0], slots)
		slots, termOf = wk.slots, tz.deOf
	}
	for len(wk.seen) < len(tz.terms) {
		wk.seen = append(wk.seen, seen{doc: -1})
		wk.count = append(wk.count, 0)
		wk.df = append(wk.df, 0)
	}
	id, doc, seen := wk.id, wk.doc, wk.seen
	for _, s := range slots {
		t := termOf[s]
		if sn := &seen[t]; sn.doc != id {
			sn.doc, sn.at = id, int32(len(doc))
			// Fill the new posting in place: append(doc, termPosting{...})
			// would build it on the stack, then copy it with loads that wait
			// for the stores.
			doc = slices.Grow(doc, 1)[:len(doc)+1]
			p := &doc[sn.at]
			*p = termPosting{term: t}
			p.tf[f] = 1
		} else if p := &doc[sn.at]; p.tf[f] < math.MaxUint16 {
			p.tf[f]++
		}
	}
	wk.doc = doc
	wk.length[f] += int32(n)
}

// endCase adds the postings of the case to those of the run.
func (wk *worker) endCase() {
	if len(wk.buf)+len(wk.doc) > cap(wk.buf) {
		// Grow by doubling: append's smaller steps for a large slice would
		// copy the run's postings over and over, into fresh memory.
		wk.buf = append(make([]termPosting, 0, 2*(len(wk.buf)+len(wk.doc))), wk.buf...)
	}
	wk.buf = append(wk.buf, wk.doc...)
	wk.cases = append(wk.cases, caseSpan{wk.id, int32(len(wk.doc))})
	for _, p := range wk.doc {
		wk.count[p.term]++
	}
}

// endRun sorts the postings of the run by term, a counting sort.
func (wk *worker) endRun(w int) runPostings {
	rp := runPostings{worker: w, start: make([]int32, len(wk.count)+1)}
	wk.next = slices.Grow(wk.next[:0], len(wk.count))[:len(wk.count)]
	at := int32(0)
	for t, n := range wk.count {
		rp.start[t], wk.next[t] = at, at
		at += n
		wk.df[t] += n
		wk.count[t] = 0
	}
	rp.start[len(wk.count)] = at
	rp.postings = make([]posting, at)
	ps, next := wk.buf, wk.next
	for _, c := range wk.cases {
		off := int(c.id % runSize)
		for _, p := range ps[:c.n] {
			at := next[p.term]
			next[p.term]++
			q := newPosting(off, p.tf[0], p.tf[1], p.tf[2])
			if _, _, _, ok := q.tf(); !ok {
				if rp.big == nil {
					rp.big = map[int32][numFields]uint16{}
				}
				rp.big[at] = p.tf
			}
			rp.postings[at] = q
		}
		ps = ps[c.n:]
	}
	wk.buf, wk.cases = wk.buf[:0], wk.cases[:0]
	return rp
}

// entry is one key of the term space: a term with postings, a word form
// pointing at its stems, or both. A form has two stems when it is in
// German and in another language's cases, each stemmed its own way.
type entry struct {
	key   string
	stems []string // sorted
	terms []int32  // per worker, the term of its tokenizer, or -1; nil for a word form only
	df    int
	size  int // of the postings in JSON, digits and commas
}

// writeShards scores the postings, cuts the sorted term space into shards
// and adds them to out, returning the first key of each shard.
func writeShards(out map[string][]byte, a *analysis, n int) ([]string, error) {
	// The entries: every term, and every word form of four runes or more
	// that differs from its stem.
	entries := map[string]*entry{}
	for w, wk := range a.workers {
		for t, df := range wk.df {
			if df == 0 {
				continue
			}
			key := wk.tz.terms[t]
			e := entries[key]
			if e == nil {
				e = &entry{key: key, terms: make([]int32, len(a.workers))}
				for i := range e.terms {
					e.terms[i] = -1
				}
				entries[key] = e
			}
			e.terms[w] = int32(t)
			e.df += int(df)
		}
	}
	for _, wk := range a.workers {
		for i, s := range wk.tz.slots {
			if s.cjk || utf8.RuneCountInString(s.key) < minSurface {
				continue
			}
			for _, t := range []int32{s.term, wk.tz.deOf[i]} {
				if t < 0 {
					continue
				}
				// A word seen only in German cases (or only as a part of
				// a compound) has a term by the other stemmer that no
				// case holds.
				term := wk.tz.terms[t]
				if te := entries[term]; term == s.key || te == nil || te.terms == nil {
					continue
				}
				e := entries[s.key]
				if e == nil {
					e = &entry{key: s.key}
					entries[s.key] = e
				}
				if i, found := slices.BinarySearch(e.stems, term); !found {
					e.stems = slices.Insert(e.stems, i, term)
				}
			}
		}
	}
	es := make([]*entry, 0, len(entries))
	for _, e := range entries {
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b *entry) int { return strings.Compare(a.key, b.key) })

	var avg [numFields]float64
	for _, l := range a.length {
		for f := range numFields {
			avg[f] += float64(l[f])
		}
	}
	for f := range numFields {
		avg[f] = max(avg[f]/float64(max(n, 1)), 1)
	}
	// BM25's length normalisation, per case and field.
	norms := make([][numFields]float64, len(a.length))
	for i, l := range a.length {
		for f := range numFields {
			norms[i][f] = 1 - bLen[f] + bLen[f]*float64(l[f])/avg[f]
		}
	}

	// Score the postings in parallel, in blocks of entries of about the
	// same number of postings.
	var blocks [][]*entry
	for lo := 0; lo < len(es); {
		hi, sum := lo, 0
		for ; hi < len(es) && sum < 1<<16; hi++ {
			sum += es[hi].df
		}
		blocks = append(blocks, es[lo:hi])
		lo = hi
	}
	parallel.Each(len(blocks), func(i int) {
		for _, e := range blocks[i] {
			if e.terms != nil {
				e.score(a.runs, norms, n)
			}
		}
	})

	// Cut the shards: the sizes are those of the JSON less its syntax.
	var cuts [][]*entry
	lo, size := 0, 0
	for i, e := range es {
		s := len(e.key) + 8
		for _, st := range e.stems {
			s += len(st)
		}
		if e.terms != nil {
			s += e.size + 1 // digits and a comma per number
		}
		if size > 0 && size+s > shardTarget {
			cuts = append(cuts, es[lo:i])
			lo, size = i, 0
		}
		size += s
	}
	if lo < len(es) {
		cuts = append(cuts, es[lo:])
	}
	shards := make([][]byte, len(cuts))
	errs := make([]error, len(cuts))
	parallel.Each(len(cuts), func(i int) {
		shards[i], errs[i] = shardJSON(cuts[i], a.runs)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var keys []string // null in the manifest when there are no shards
	for i, b := range shards {
		out["search/t/"+strconv.Itoa(i)+".json"] = b
		keys = append(keys, cuts[i][0].key)
	}
	return keys, nil
}

// score scores the postings of e, replacing their counts with their
// score, and sets e.size. The runs hold consecutive ids in order, so taking
// them in order keeps the postings sorted by id.
func (e *entry) score(runs []runPostings, norms [][numFields]float64, n int) {
	idf := math.Log(1 + (float64(n)-float64(e.df)+0.5)/(float64(e.df)+0.5))
	scale := scoreScale * idf
	prev, size := 0, 0
	for r := range runs {
		rp := &runs[r]
		lo, hi := rp.of(e.terms[rp.worker])
		for i := lo; i < hi; i++ {
			p := rp.postings[i]
			doc := r*runSize + p.off()
			t0, t1, t2 := rp.counts(i)
			// w is below 8 × 2.2 and the idf below 28 for any library of
			// less than 2⁴⁰ cases: the score fits the posting's 24 bits.
			sc := max(1, int(math.Round(scale*bm25(t0, t1, t2, &norms[doc]))))
			rp.postings[i] = p.scored(sc)
			size += digits(doc-prev) + digits(sc) + 2
			prev = doc
		}
	}
	e.size = size - 1 // no comma after the last
}

// bm25 is BM25 per field, each saturating on its own, weighted by the
// field's boost: one word of the title outweighs many of the body. The
// counts are given one by one, not as an array, which Go would keep in
// memory.
func bm25(t0, t1, t2 uint16, norm *[numFields]float64) float64 {
	var w float64
	add := func(f int, tf uint16) {
		if tf > 0 {
			tf := float64(tf)
			w += boost[f] * tf * (k1 + 1) / (tf + k1*norm[f])
		}
	}
	add(fieldTitle, t0)
	add(fieldSummary, t1)
	add(fieldBody, t2)
	return w
}

// appendPostings appends the postings of e to b: doc id delta, score, and
// so on, comma-separated. b has room for 8 bytes more (see appendNum).
func (e *entry) appendPostings(b []byte, runs []runPostings) []byte {
	prev := 0
	for r := range runs {
		rp := &runs[r]
		lo, hi := rp.of(e.terms[rp.worker])
		for i := lo; i < hi; i++ {
			p := rp.postings[i]
			doc := r*runSize + p.off()
			b = appendNum(b, doc-prev)
			b = appendNum(b, p.score())
			prev = doc
		}
	}
	return b[:len(b)-1] // no comma after the last
}

// numbers holds the numbers below 10,000 as JSON array elements: the
// digits and a comma, little-endian, with their length in the top byte.
// Writing millions of numbers with a table look-up and a store each, not a
// branch per digit, is much quicker.
var numbers = func() (t [10000]uint64) {
	for v := range t {
		n := 1 // digits
		for p := 10; p <= v; p *= 10 {
			n++
		}
		x := uint64(',') << (8 * n)
		for i, d := n-1, v; i >= 0; i, d = i-1, d/10 {
			x |= uint64('0'+d%10) << (8 * i)
		}
		t[v] = x | uint64(n+1)<<56
	}
	return t
}()

// appendNum appends v >= 0 and a comma to b, which should have room for 8
// bytes more, or it grows.
func appendNum(b []byte, v int) []byte {
	if v >= len(numbers) {
		return append(strconv.AppendInt(b, int64(v), 10), ',')
	}
	x := numbers[v]
	// Store all 8 bytes, then drop those past the number and comma.
	return binary.LittleEndian.AppendUint64(b, x)[:len(b)+int(x>>56)]
}

// digits is the length of v >= 0 in decimal.
func digits(v int) int {
	if v < len(numbers) {
		return int(numbers[v]>>56) - 1
	}
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// shardJSON writes {"t":{term:[postings]},"w":{form:stem}} with keys in
// order; a form with two stems has them in an array, [stem, stem].
func shardJSON(es []*entry, runs []runPostings) ([]byte, error) {
	size := len(`{"t":{},"w":{}}`)
	for _, e := range es {
		if e.terms != nil {
			size += len(e.key) + e.size + len(`"":[],`)
		}
		if e.stems != nil {
			size += len(e.key) + len(`"":[],`)
			for _, st := range e.stems {
				size += len(st) + len(`"",`)
			}
		}
	}
	b := make([]byte, 0, size+8) // 8 for appendNum
	b = append(b, `{"t":{`...)
	first := true
	var err error
	for _, e := range es {
		if e.terms == nil {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		if b, err = appendJSONString(b, e.key); err != nil {
			return nil, err
		}
		b = append(b, ":["...)
		b = e.appendPostings(b, runs)
		b = append(b, ']')
	}
	b = append(b, `},"w":{`...)
	first = true
	for _, e := range es {
		if e.stems == nil {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		if b, err = appendJSONString(b, e.key); err != nil {
			return nil, err
		}
		b = append(b, ':')
		if len(e.stems) > 1 {
			b = append(b, '[')
		}
		for i, st := range e.stems {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendJSONString(b, st); err != nil {
				return nil, err
			}
		}
		if len(e.stems) > 1 {
			b = append(b, ']')
		}
	}
	b = append(b, "}}"...)
	return b[:len(b):len(b)], nil
}

// appendJSONString appends s as marshal writes it: quoted, as is when it
// holds nothing to escape, as every term does.
func appendJSONString(b []byte, s string) ([]byte, error) {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		// The quote, the backslash, control characters and the first byte
		// of U+2028 and U+2029, which encoding/json escapes.
		plain = c >= 0x20 && c != '"' && c != '\\' && c != 0xE2
	}
	if !plain {
		j, err := marshal(s)
		return append(b, j...), err
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
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
		{"language", config.Languages(), func(c *content.Case) []string { return one(c.Language) }},
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
