package search

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/markdown"
)

// sample loads and renders the repository's sample library.
func sample(t *testing.T) Input {
	t.Helper()
	lib, problems := content.Load(os.DirFS("../.."))
	if lib == nil {
		t.Fatalf("load: %v", problems)
	}
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
	T map[string][]int  `json:"t"`
	W map[string]string `json:"w"`
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
	secrets := in.Lib.Secrets()
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
		for k, stem := range sh.W {
			if lookup(m, k) != i {
				t.Errorf("word %q is in shard %d, lookup says %d", k, i, lookup(m, k))
			}
			if _, ok := shards[lookup(m, stem)].T[stem]; !ok {
				t.Errorf("word %q points at %q, which has no postings", k, stem)
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
