package build

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/publish"
)

var date = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// sample copies the sample library into a new site directory.
func sample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs b into memory.
func run(t *testing.T, b *Builder, changed []string) (Result, *publish.Memory) {
	t.Helper()
	out := publish.NewMemory()
	res := b.Run(changed, out)
	return res, out.Memory()
}

func sameSite(t *testing.T, got, want *publish.Memory) {
	t.Helper()
	if g, w := slices.Sorted(maps.Keys(got.Files)), slices.Sorted(maps.Keys(want.Files)); !slices.Equal(g, w) {
		t.Fatalf("files differ:\n%v\n%v", g, w)
	}
	for p, data := range want.Files {
		if !bytes.Equal(got.Files[p], data) {
			t.Errorf("%s differs", p)
		}
	}
	if !maps.Equal(got.Copies, want.Copies) {
		t.Errorf("copies differ")
	}
}

// TestRebuildIsTheFullBuild: a run given the changed files makes the site
// a full run makes, byte for byte; an edit of what the checks across files
// read loads the whole library again.
func TestRebuildIsTheFullBuild(t *testing.T) {
	dir := sample(t)
	b := New(dir, Options{Date: date})
	if res, _ := run(t, b, nil); !res.OK() || !res.Full {
		t.Fatalf("first run: %+v", res)
	}
	for _, st := range []struct {
		file, old, new string
		full           bool
	}{
		{"content/cases/northwind-bank.md", `title = "`, `title = "Edited: `, false},
		{"content/cases/northwind-bank.md", `industry = "banking"`, `industry = "insurance"`, false},
		{"content/cases/yauza-bank.md", "date = 20", "date = 19", false},
		{"content/cases/european-insurer-inbound-mail.md", "anonymous = true", "anonymous = false", true},
	} {
		edit(t, dir, st.file, st.old, st.new)
		res, got := run(t, b, []string{st.file})
		if res.Full != st.full {
			t.Errorf("%s %q: full %v, want %v", st.file, st.new, res.Full, st.full)
		}
		want, wantSite := run(t, New(dir, Options{Date: date}), nil)
		if !slices.Equal(res.Problems, want.Problems) || !slices.Equal(res.Leaks, want.Leaks) {
			t.Errorf("%s %q: problems differ:\n%v %v\n%v %v", st.file, st.new, res.Problems, res.Leaks, want.Problems, want.Leaks)
		}
		sameSite(t, got, wantSite)
	}
}

// TestDeferredIndex: a run that leaves the index out keeps the last index
// until the index job's files are added.
func TestDeferredIndex(t *testing.T) {
	dir := sample(t)
	b := New(dir, Options{Date: date, DeferIndex: true})
	res, site := run(t, b, nil)
	if !res.OK() {
		t.Fatalf("first run: %+v", res)
	}
	if _, ok := site.Files["search/manifest.json"]; ok {
		t.Fatal("the index was made")
	}
	job, ok := b.IndexJob()
	if !ok || job.Run() != 1 {
		t.Fatalf("IndexJob() = %v, %v", job.Run(), ok)
	}
	files, err := job.Make()
	if err != nil {
		t.Fatal(err)
	}
	res, out := b.AddIndex(files)
	if !res.OK() || out.Memory().Files["search/manifest.json"] == nil {
		t.Fatalf("AddIndex: %+v", res)
	}
	edit(t, dir, "content/cases/northwind-bank.md", `title = "`, `title = "Edited: `)
	res, site = run(t, b, []string{"content/cases/northwind-bank.md"})
	if !res.OK() || res.Full || !bytes.Equal(site.Files["search/manifest.json"], files["search/manifest.json"]) {
		t.Errorf("the last index was not kept: %+v", res)
	}
	if job, _ := b.IndexJob(); job.Run() != 2 {
		t.Errorf("no index job for the second run")
	}
}

// TestLeakPointsAtSource: a leak is reported in the output and at its
// place in the case file, in every kind of output.
func TestLeakPointsAtSource(t *testing.T) {
	dir := sample(t)
	edit(t, dir, "content/cases/northwind-bank.md", "\n+++\n", "\n+++\n\nWe thank Margaret Ellison, Head of Records Management, +44 20 7946 0381.\n")
	for name, out := range map[string]*publish.Writer{"memory": publish.NewMemory(), "dry run": publish.DryRun()} {
		res := New(dir, Options{Date: date}).Run(nil, out)
		if res.OK() || len(res.Leaks) == 0 || len(res.Sources) == 0 {
			t.Fatalf("%s: %+v", name, res)
		}
		if !strings.HasPrefix(res.Sources[0].Path, "content/cases/northwind-bank.md") {
			t.Errorf("%s: source %v", name, res.Sources[0])
		}
	}
}
