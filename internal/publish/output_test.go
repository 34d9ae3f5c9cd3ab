package publish

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeBuild publishes files (path -> content) into dir as a build does.
func writeBuild(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := build(dir, files); err != nil {
		t.Fatal(err)
	}
}

func build(dir string, files map[string]string) error {
	w, err := newWriter(dir, false)
	if err != nil {
		return err
	}
	for p, data := range files {
		if err := w.File(p, []byte(data)); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

func mkfiles(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte("user's "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckOutput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		clean bool
		want  string // "" accepted; else the error's text after the directory
	}{
		{"missing", func(*testing.T, string) {}, false, ""},
		{"empty", func(t *testing.T, dir string) { mkfiles(t, dir, "./") }, false, ""},
		{"only .git", func(t *testing.T, dir string) { mkfiles(t, dir, ".git/HEAD") }, false, ""},
		{"previous build", func(t *testing.T, dir string) {
			writeBuild(t, dir, map[string]string{"index.html": "x", "cases/a/index.html": "x"})
			mkfiles(t, dir, ".git/HEAD", "cases/b/index.html")
		}, false, ""},
		{"previous build and a file of the user's", func(t *testing.T, dir string) {
			writeBuild(t, dir, map[string]string{"index.html": "x"})
			mkfiles(t, dir, "CNAME", "notes/a.txt")
		}, false, " holds files that refpack did not write: CNAME, notes/"},
		{"someone's work", func(t *testing.T, dir string) {
			mkfiles(t, dir, "a.md", "b.md", "c.md", "d/", "e.md", "f.md", "g.md", ".git/HEAD", Marker)
		}, false, " holds files that refpack did not write: " + Marker + ", a.md, b.md, c.md, d/ and 3 more"},
		{"someone's work, --clean", func(t *testing.T, dir string) { mkfiles(t, dir, "a.md") }, true, ""},
		{"a file", func(t *testing.T, dir string) { mkfiles(t, filepath.Dir(dir), filepath.Base(dir)) }, true, " is not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			tc.setup(t, dir)
			err := CheckOutput(dir, tc.clean)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || err.Error() != dir+tc.want {
				t.Fatalf("CheckOutput = %v, want %q", err, dir+tc.want)
			}
			if strings.Contains(tc.want, "refpack did not write") {
				var foreign *ForeignError
				if !errors.As(err, &foreign) {
					t.Errorf("%T is not a *ForeignError", err)
				}
				if _, err := newWriter(dir, false); err == nil || err.Error() != dir+tc.want {
					t.Errorf("NewWriter = %v, want the same refusal", err)
				}
			}
		})
	}
}

func TestWriterCleanReplacesAnything(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mkfiles(t, dir, "a.md", "d/e.md", ".git/HEAD")
	w, err := newWriter(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	w.File("index.html", []byte("new"))
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dir, ".git/HEAD", Marker, "index.html")
	assertNoTemp(t, filepath.Dir(dir))
	if err := CheckOutput(dir, false); err != nil {
		t.Errorf("the cleaned output is not taken for a build: %v", err)
	}
}

// TestWriterRefusesFilesThatAppearDuringTheBuild: the check is repeated
// just before the swap.
func TestWriterRefusesFilesThatAppearDuringTheBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w.File("index.html", []byte("new"))
	mkfiles(t, dir, "draft.md")
	var foreign *ForeignError
	if err := w.Commit(); !errors.As(err, &foreign) {
		t.Fatalf("Commit = %v, want the refusal", err)
	}
	assertTree(t, dir, "draft.md")
	assertNoTemp(t, filepath.Dir(dir))
}

func TestWriterKeepsGit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mkfiles(t, dir, ".git/HEAD", ".git/objects/ab/cdef")
	writeBuild(t, dir, map[string]string{"index.html": "one"})
	writeBuild(t, dir, map[string]string{"index.html": "two", "feed.xml": "two"})
	assertTree(t, dir, ".git/HEAD", ".git/objects/ab/cdef", Marker, "feed.xml", "index.html")
	if got, _ := os.ReadFile(filepath.Join(dir, ".git/HEAD")); string(got) != "user's .git/HEAD" {
		t.Errorf(".git/HEAD = %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, Marker)); string(got) != markerHead+"feed.xml\nindex.html\n" {
		t.Errorf("marker = %q", got)
	}
	assertNoTemp(t, filepath.Dir(dir))
}

func TestWriterBuildsThroughASymlink(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "www", "site")
	mkfiles(t, target, ".git/HEAD")
	link := filepath.Join(root, "out", "public")
	mkfiles(t, filepath.Dir(link), "./")
	if err := os.Symlink("../www/site", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	writeBuild(t, link, map[string]string{"index.html": "one"})
	writeBuild(t, link, map[string]string{"index.html": "two"})
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", info, err)
	}
	assertTree(t, target, ".git/HEAD", Marker, "index.html")
	if got, _ := os.ReadFile(filepath.Join(link, "index.html")); string(got) != "two" {
		t.Errorf("index.html = %q", got)
	}
	assertEntries(t, filepath.Dir(link), "public")
	assertEntries(t, filepath.Dir(target), "site")

	// A link to a directory that holds someone's files is refused like it.
	mkfiles(t, target, "mine.txt")
	var foreign *ForeignError
	if err := CheckOutput(link, false); !errors.As(err, &foreign) || !slices.Equal(foreign.Names, []string{"mine.txt"}) {
		t.Errorf("CheckOutput = %v", err)
	}
}

func TestNewWriterCleansLeftovers(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	writeBuild(t, dir, map[string]string{"index.html": "x"})
	// ours makes a tree as a build leaves it: its marker lists what it
	// wrote (a .git is never listed).
	ours := func(name string, extra ...string) {
		p := filepath.Join(root, name)
		mkfiles(t, p, append(extra, "./")...)
		if err := os.WriteFile(filepath.Join(p, Marker), []byte(markerHead), 0o644); err != nil {
			t.Fatal(err)
		}
		var listed []string
		for _, f := range extra {
			if !strings.HasPrefix(f, keptName+"/") {
				listed = append(listed, f)
			}
		}
		if err := writeListing(p, listed); err != nil {
			t.Fatal(err)
		}
	}
	ours(".public.tmp-11", "cases/a/index.html")
	ours(".public.tmp-12.old", "index.html")
	ours(".public.tmp-13", ".git/HEAD")        // a killed build had moved .git in
	mkfiles(t, root, ".public.tmp-14/"+Marker) // killed as it wrote its marker
	mkfiles(t, root, ".public.tmp-15/notes.txt", ".public.tmp-x/"+Marker, ".other.tmp-16/"+Marker, "public.tmp-17/"+Marker)
	ours(".public.tmp-18")
	unlock, err := lockDir(filepath.Join(root, ".public.tmp-18")) // a build running now
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ours("elsewhere")
	if err := os.Symlink("elsewhere", filepath.Join(root, ".public.tmp-19")); err != nil {
		t.Fatal(err)
	}
	writeBuild(t, dir, map[string]string{"index.html": "y"})
	assertEntries(t, root, ".other.tmp-16", ".public.tmp-15", ".public.tmp-18", ".public.tmp-19", ".public.tmp-x", "elsewhere", "public", "public.tmp-17")
	assertTree(t, dir, ".git/HEAD", Marker, "index.html")
	assertTree(t, filepath.Join(root, "elsewhere"), Marker)
}

func TestNewWriterPutsBackAnOutputMovedAside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	mkfiles(t, dir, ".git/HEAD")
	writeBuild(t, dir, map[string]string{"index.html": "x"})
	// Killed between the two renames of the fallback.
	if err := os.Rename(dir, filepath.Join(root, ".public.tmp-5.old")); err != nil {
		t.Fatal(err)
	}
	mkfiles(t, root, ".public.tmp-5/index.html")
	if err := CheckOutput(dir, false); err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w.Abort()
	assertTree(t, dir, ".git/HEAD", Marker, "index.html")
	assertEntries(t, root, ".public.tmp-5", "public") // not marked: someone's
}

func TestWriterWithoutExchange(t *testing.T) {
	defer func(e func(a, b string) error) { exchange = e }(exchange)
	exchange = func(_, b string) error { return &os.PathError{Op: "exchange", Path: b, Err: errors.ErrUnsupported} }
	dir := filepath.Join(t.TempDir(), "public")
	mkfiles(t, dir, ".git/HEAD")
	writeBuild(t, dir, map[string]string{"index.html": "one"})
	writeBuild(t, dir, map[string]string{"index.html": "two"})
	assertTree(t, dir, ".git/HEAD", Marker, "index.html")
	assertNoTemp(t, filepath.Dir(dir))
}

// assertTree checks that the files (not directories) under dir are want.
func assertTree(t *testing.T, dir string, want ...string) {
	t.Helper()
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	if !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

func assertEntries(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// killHelperEnv makes the test binary a process that builds into the
// directory it names in a loop until it is killed.
const killHelperEnv = "REFPACK_TEST_KILL_BUILDS"

// killFiles is how many files each build of the kill test writes.
const killFiles = 60

func TestKillHelper(t *testing.T) {
	dir := os.Getenv(killHelperEnv)
	if dir == "" {
		t.Skip("a helper of TestKilledBuilds")
	}
	if os.Getenv(killHelperEnv+"_FALLBACK") != "" {
		exchange = func(_, b string) error { return &os.PathError{Op: "exchange", Path: b, Err: errors.ErrUnsupported} }
	}
	for {
		gen, _ := os.ReadFile(filepath.Join(dir, "index.html"))
		n, _ := strconv.Atoi(string(gen))
		if err := build(dir, killBuild(n+1)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// killBuild is build number gen: every file says gen.
func killBuild(gen int) map[string]string {
	files := map[string]string{"index.html": strconv.Itoa(gen)}
	for i := range killFiles {
		files[fmt.Sprintf("cases/c%d/index.html", i)] = strconv.Itoa(gen)
	}
	return files
}

// TestKilledBuilds kills a process that builds in a loop at random moments;
// the output must always be one whole build (with its .git), and the next
// build must leave nothing behind. Without the exchange of directories
// there is a moment without an output: then the previous one must be put
// back by the next build.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a building process many times")
	}
	for _, fallback := range []bool{false, true} {
		t.Run(fmt.Sprintf("fallback=%v", fallback), func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			mkfiles(t, dir, ".git/HEAD")
			writeBuild(t, dir, killBuild(1))
			rng := rand.New(rand.NewPCG(1, 2))
			const kills = 25
			missing := 0
			for range kills {
				cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
				cmd.Env = append(os.Environ(), killHelperEnv+"="+dir)
				if fallback {
					cmd.Env = append(cmd.Env, killHelperEnv+"_FALLBACK=1")
				}
				out := &strings.Builder{}
				cmd.Stderr = out
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				time.Sleep(time.Duration(20+rng.IntN(600)) * time.Millisecond)
				cmd.Process.Signal(syscall.SIGKILL)
				if err := cmd.Wait(); err == nil || out.Len() > 0 {
					t.Fatalf("the helper ended by itself: %v\n%s", err, out)
				}
				if _, err := os.Lstat(dir); fallback && os.IsNotExist(err) {
					missing++
				} else {
					assertWholeBuild(t, dir, false)
				}
			}
			// The next build cleans up, and puts the output and .git back.
			gen, _ := os.ReadFile(filepath.Join(dir, "index.html"))
			n, _ := strconv.Atoi(string(gen))
			writeBuild(t, dir, killBuild(n+1))
			assertWholeBuild(t, dir, true)
			assertEntries(t, root, "public")
			if t.Failed() {
				filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error { t.Log(p); return nil })
			}
			t.Logf("%d kills, last build %d, output missing after %d", kills, n+1, missing)
			if n < kills {
				t.Errorf("only %d builds in %d runs: the kills came too early to test anything", n, kills)
			}
		})
	}
}

// assertWholeBuild checks that dir holds exactly one build of killBuild,
// and its .git when git.
func assertWholeBuild(t *testing.T, dir string, git bool) {
	t.Helper()
	gen, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatalf("no index.html: %v", err)
	}
	n, _ := strconv.Atoi(string(gen))
	want := []string{Marker}
	for p := range killBuild(n) {
		want = append(want, p)
	}
	if git {
		want = append(want, ".git/HEAD")
	}
	slices.Sort(want)
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == ".git/HEAD" && !git {
			return nil // it may be in a killed build's tree until the next build
		}
		got = append(got, rel)
		if data, _ := os.ReadFile(p); rel != Marker && rel != ".git/HEAD" && string(data) != string(gen) {
			t.Errorf("%s is of build %s, index.html of %s", rel, data, gen)
		}
		return nil
	})
	if !slices.Equal(got, want) {
		t.Fatalf("build %s: %d files, want %d", gen, len(got), len(want))
	}
}

// A marker of a refpack version that listed the top level only vouches for
// everything below the entries it lists.
func TestWriterReplacesABuildWithATopLevelMarker(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mkfiles(t, dir, "index.html", "cases/a/index.html", "cases/a/photo.png")
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerHeadTop+"cases\nindex.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeBuild(t, dir, map[string]string{"index.html": "new", "cases/b/index.html": "new"})
	assertTree(t, dir, Marker, "cases/b/index.html", "index.html")
	if got, _ := os.ReadFile(filepath.Join(dir, Marker)); string(got) != markerHead+"cases/\ncases/b/\ncases/b/index.html\nindex.html\n" {
		t.Errorf("marker = %q", got)
	}
}

// A leftover tree of a build that holds a file the build did not write
// loses only what the build wrote.
func TestNewWriterKeepsForeignFilesInLeftovers(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	writeBuild(t, dir, map[string]string{"index.html": "x"})
	left := filepath.Join(root, ".public.tmp-21")
	mkfiles(t, left, "index.html", "cases/a/index.html", "cases/a/thesis.txt")
	if err := os.WriteFile(filepath.Join(left, Marker), []byte(markerHead), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeListing(left, []string{"index.html", "cases/a/index.html"}); err != nil {
		t.Fatal(err)
	}
	writeBuild(t, dir, map[string]string{"index.html": "y"})
	assertTree(t, left, "cases/a/thesis.txt")
}
