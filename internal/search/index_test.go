package search

import (
	"bytes"
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// sampleDate is the date the sample library is built at: some consents
// have expired by then.
var sampleDate = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// sample loads and renders the repository's sample library as published at
// sampleDate, drafts included.
func sample(t *testing.T) Input {
	t.Helper()
	lib, problems := content.Load(os.DirFS("../.."))
	if lib == nil {
		t.Fatalf("load: %v", problems)
	}
	lib.Cases = lib.PublicCases(sampleDate, true)
	r := markdown.New()
	bodies := map[string]markdown.Result{}
	for _, c := range lib.Cases {
		res, err := r.Render(c.Body)
		if err != nil {
			t.Fatal(err)
		}
		bodies[c.Slug] = res
	}
	return Input{Lib: lib, Bodies: bodies}
}

type manifest struct {
	V      string   `json:"v"`
	N      int      `json:"n"`
	Chunk  int      `json:"chunk"`
	Shards []string `json:"shards"`
}

type shard struct {
	T map[string][]int `json:"t"`
	W map[string]stems `json:"w"`
}

// stems are the stems a word form points at: one as a string, more as an
// array.
type stems []string

func (s *stems) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*s = stems{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(s))
}

func TestIndexDeterministic(t *testing.T) {
	in := sample(t)
	a, err := Index(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Index(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

// TestIndexPublicOnly: an anonymous client's name, and every other private
// value, is in no file of the index, and no term of it is searchable.
func TestIndexPublicOnly(t *testing.T) {
	in := sample(t)
	out, err := Index(in)
	if err != nil {
		t.Fatal(err)
	}
	var anon []string
	for _, c := range in.Lib.Cases {
		if c.Anonymous {
			anon = append(anon, c.Client)
		}
	}
	if len(anon) == 0 {
		t.Fatal("the sample library has no anonymous case")
	}
	secrets := in.Lib.Secrets(sampleDate)
	for p, b := range out {
		lower := strings.ToLower(string(b))
		for _, s := range secrets {
			if len(s.Value) >= 4 && strings.Contains(lower, strings.ToLower(s.Value)) {
				t.Errorf("%s holds the private %s %q", p, s.Field, s.Value)
			}
		}
	}
	m, shards := load(t, out)
	for _, name := range anon {
		found := 0
		for _, tok := range Tokenize(name) {
			if _, ok := shards[lookup(m, tok.Term)].T[tok.Term]; !ok {
				continue
			}
			found++
		}
		if found == len(Tokenize(name)) {
			t.Errorf("every term of the anonymous client %q is in the index", name)
		}
	}
}

func load(t *testing.T, out map[string][]byte) (manifest, []shard) {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(out["search/manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	shards := make([]shard, len(m.Shards))
	for i := range m.Shards {
		if err := json.Unmarshal(out["search/t/"+itoa(i)+".json"], &shards[i]); err != nil {
			t.Fatal(err)
		}
	}
	return m, shards
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// lookup is the shard a key belongs to, as search.js finds it.
func lookup(m manifest, key string) int {
	i, found := slices.BinarySearch(m.Shards, key)
	if !found {
		i--
	}
	return max(i, 0)
}

// TestShardRanges: shards are sorted, disjoint ranges, so one binary search
// over the manifest finds a term's shard.
func TestShardRanges(t *testing.T) {
	out, err := Index(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	m, shards := load(t, out)
	if !slices.IsSorted(m.Shards) {
		t.Fatal("shard keys are not sorted")
	}
	for i, sh := range shards {
		for k := range sh.T {
			if lookup(m, k) != i {
				t.Errorf("term %q is in shard %d, lookup says %d", k, i, lookup(m, k))
			}
		}
		for k, stems := range sh.W {
			if lookup(m, k) != i {
				t.Errorf("word %q is in shard %d, lookup says %d", k, i, lookup(m, k))
			}
			for _, stem := range stems {
				if _, ok := shards[lookup(m, stem)].T[stem]; !ok {
					t.Errorf("word %q points at %q, which has no postings", k, stem)
				}
			}
		}
	}
	for _, term := range []string{"archiv", "契約", "договор"} {
		p := shards[lookup(m, term)].T[term]
		if len(p) == 0 || len(p)%2 != 0 {
			t.Errorf("postings of %q: %v", term, p)
		}
	}
}

// TestPostingCounts: a term's count in a field is exact, though a posting
// only has a byte for it, and stops at 65535.
func TestPostingCounts(t *testing.T) {
	in := sample(t)
	c := in.Lib.Cases[0]
	c.Title += strings.Repeat(" zebra", 254)
	b := in.Bodies[c.Slug]
	b.Text += strings.Repeat(" zebra", 300)
	in.Bodies[c.Slug] = b
	c2 := in.Lib.Cases[1]
	b2 := in.Bodies[c2.Slug]
	b2.Text += strings.Repeat(" zebra", 70000)
	in.Bodies[c2.Slug] = b2
	bd, err := newIndexer(in)
	if err != nil {
		t.Fatal(err)
	}
	bd.analyseAll()
	cases, a := bd.cases, bd.a
	for _, tc := range []struct {
		c    *content.Case
		want [numFields]uint16
	}{{c, [numFields]uint16{254, 0, 300}}, {c2, [numFields]uint16{0, 0, 65535}}} {
		id := slices.Index(cases, tc.c)
		rp := &a.runs[id/runSize]
		term := slices.Index(a.workers[rp.worker].tz.terms, "zebra")
		lo, hi := rp.of(int32(term))
		found := false
		for i := lo; i < hi; i++ {
			if rp.postings[i].off() == id%runSize {
				found = true
				if t0, t1, t2 := rp.counts(i); [numFields]uint16{t0, t1, t2} != tc.want {
					t.Errorf("counts of zebra in %s: %d %d %d, want %d", tc.c.Slug, t0, t1, t2, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("no posting of zebra in %s", tc.c.Slug)
		}
	}
}

// manyCases returns the sample with enough cases for several runs: copies
// of the sample's under other slugs.
func manyCases(t *testing.T) Input {
	in := sample(t)
	lib := *in.Lib
	lib.Cases = nil
	for i := range 3 * runSize {
		c := *in.Lib.Cases[i%len(in.Lib.Cases)]
		c.Slug = c.Slug + "-" + itoa(i)
		in.Bodies[c.Slug] = in.Bodies[in.Lib.Cases[i%len(in.Lib.Cases)].Slug]
		lib.Cases = append(lib.Cases, &c)
	}
	in.Lib = &lib
	return in
}

// TestIndexAnyWorkers: the index is the same however many workers build
// it, and whichever runs of cases each takes.
func TestIndexAnyWorkers(t *testing.T) {
	in := manyCases(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var outs []map[string][]byte
	for _, procs := range []int{1, 2, 5} {
		runtime.GOMAXPROCS(procs)
		out, err := Index(in)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, out)
	}
	for _, out := range outs[1:] {
		if len(out) != len(outs[0]) {
			t.Fatalf("%d files, with one worker %d", len(out), len(outs[0]))
		}
		for p, b := range outs[0] {
			if !bytes.Equal(out[p], b) {
				t.Errorf("%s differs with more workers", p)
			}
		}
	}
}
