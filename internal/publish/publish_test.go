package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
)

func testGuard() *Guard {
	return NewGuard([]content.Secret{{Value: "Secret Client Ltd", Field: "client", Path: "content/cases/a.md"}})
}

// newWriter is NewWriter told the test secrets.
func newWriter(dir string, clean bool) (*Writer, error) {
	w, err := NewWriter(dir, clean)
	if err == nil {
		w.UseGuard(testGuard)
	}
	return w, err
}

func TestWriterSwapsInOnlyACompleteBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeBuild(t, dir, map[string]string{"index.html": "old", "cases/gone/index.html": "old"})
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.File("cases/a/index.html", []byte("<p>public</p>")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cases", "gone", "index.html")); err != nil {
		t.Fatalf("the previous output changed before Commit: %v", err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "cases/a/index.html")); err != nil || string(got) != "<p>public</p>" {
		t.Fatalf("new file = %q, %v", got, err)
	}
	for _, stale := range []string{"index.html", "cases/gone"} {
		if _, err := os.Stat(filepath.Join(dir, stale)); !os.IsNotExist(err) {
			t.Fatalf("stale %s survived the swap: %v", stale, err)
		}
	}
	if w.Files() != 1 {
		t.Fatalf("Files() = %d, want 1", w.Files())
	}
	assertNoTemp(t, filepath.Dir(dir))
}

// A file someone put below the top level of a previous build, where a
// listing of the top level alone would not see it, stops the next build:
// it is named and kept, and so is the previous build around it.
func TestWriterKeepsAFileAddedDeepInsideABuild(t *testing.T) {
	for _, planted := range []string{"cases/notes.txt", "cases/gone/draft/", "cases/gone/index.html.bak"} {
		t.Run(planted, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			writeBuild(t, dir, map[string]string{"index.html": "old", "cases/gone/index.html": "old"})
			mkfiles(t, dir, planted)
			w, err := newWriter(dir, false)
			if err != nil {
				t.Fatal(err)
			}
			w.File("index.html", []byte("new"))
			err = w.Commit()
			var foreign *ForeignError
			if !errors.As(err, &foreign) || len(foreign.Names) != 1 || foreign.Names[0] != planted {
				t.Fatalf("Commit() = %v, want a refusal naming %s", err, planted)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(got) != "old" {
				t.Errorf("the previous output changed: index.html = %q", got)
			}
			if _, err := os.Stat(filepath.Join(dir, planted)); err != nil {
				t.Errorf("the planted file is gone: %v", err)
			}
			assertNoTemp(t, filepath.Dir(dir))

			// --clean replaces it all.
			w, err = newWriter(dir, true)
			if err != nil {
				t.Fatal(err)
			}
			w.File("index.html", []byte("clean"))
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
			assertTree(t, dir, Marker, "index.html")
		})
	}
}

func TestWriterRefusesALeakAndKeepsTheOldOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeBuild(t, dir, map[string]string{"index.html": "old"})
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w.File("index.html", []byte("fine"))
	w.File("cases/b/index.html", []byte("<p>SECRET CLIENT LTD</p>"))
	w.File("cases/Secret Client Ltd.png", []byte("the name leaks"))
	w.File("cases/c/index.html", []byte("Secret Client Ltd"))
	// A leaking file never reaches the disk, not even the temporary tree.
	err = w.Commit()
	var leaks *diag.Errors
	if !errors.As(err, &leaks) {
		t.Fatalf("Commit() = %v, want the leaks", err)
	}
	var paths []string
	for _, p := range leaks.Problems {
		paths = append(paths, p.Path)
		if !strings.Contains(p.Message, "client of content/cases/a.md") {
			t.Errorf("message %q does not name the field and its file", p.Message)
		}
	}
	if want := "cases/Secret Client Ltd.png cases/b/index.html cases/c/index.html"; strings.Join(paths, " ") != want {
		t.Errorf("leaks in %v, want %s", paths, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(got) != "old" {
		t.Fatalf("old output changed: %q", got)
	}
	assertNoTemp(t, filepath.Dir(dir))
}

func TestWriterRejectsBadAndDuplicatePaths(t *testing.T) {
	w := DryRun()
	w.UseGuard(testGuard)
	for _, p := range []string{"../x", "/abs", "a\\b", "", "."} {
		if err := w.File(p, nil); err == nil {
			t.Errorf("File(%q) accepted an invalid path", p)
		}
	}
	if err := w.File("a.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := w.File("a.html", nil); err == nil {
		t.Error("the same path was accepted twice")
	}
}

func assertNoTemp(t *testing.T, parent string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

// TestWriterHoldsFilesUntilTheGuardIsReady checks that files given before
// the guard is built are scanned and written once it is, leaks included.
func TestWriterHoldsFilesUntilTheGuardIsReady(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	page := []byte("<p>public</p>")
	w.File("a.html", page)
	page[3] = 'X' // the caller may reuse its buffer
	w.File("b.html", []byte("Secret Client Ltd"))
	if w.Files() != 0 {
		t.Fatalf("%d files published before the guard was ready", w.Files())
	}
	w.UseGuard(testGuard)
	w.File("c.html", []byte("also public"))
	err = w.Commit()
	var leaks *diag.Errors
	if !errors.As(err, &leaks) || len(leaks.Problems) != 1 || leaks.Problems[0].Path != "b.html" {
		t.Fatalf("Commit() = %v, want the leak in b.html", err)
	}
	if w.Files() != 2 {
		t.Errorf("Files() = %d, want 2", w.Files())
	}
}

// TestRemoveTreeRemovesEverythingButLinkTargets: the previous output goes,
// however deep and whatever it holds, and a symbolic link in it is removed,
// never followed.
func TestRemoveTreeRemovesEverythingButLinkTargets(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	old := filepath.Join(root, "old")
	for _, d := range []string{outside + "/keep", old + "/cases/a/img", old + "/cases/b", old + "/empty/deeper/still", old + "/search/t"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{outside + "/keep/file.txt", old + "/index.html", old + "/cases/a/index.html", old + "/cases/a/img/x.png", old + "/search/t/0.json"}
	for i := range 600 { // more entries than one read of a directory returns
		files = append(files, old+"/cases/b/"+strings.Repeat("n", 40)+itoa(i)+".html")
	}
	for _, f := range files {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{old + "/cases/link-dir": outside + "/keep", old + "/link-file": outside + "/keep/file.txt"} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeTree(old); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(old); !os.IsNotExist(err) {
		t.Fatalf("the old tree is still there: %v", err)
	}
	if got, err := os.ReadFile(outside + "/keep/file.txt"); err != nil || string(got) != "x" {
		t.Fatalf("a link's target was touched: %q, %v", got, err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestWriterFileAll publishes many files at once like File, one by one:
// clean ones written, a leaking one held back, a repeated path refused.
func TestWriterFileAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"search/leak.json": []byte(`{"x":"secret client ltd"}`)}
	for i := range 300 {
		files["search/t/"+itoa(i)+".json"] = []byte(`{"n":` + itoa(i) + `}`)
	}
	if err := w.FileAll(files); err != nil {
		t.Fatal(err)
	}
	if err := w.FileAll(map[string][]byte{"search/t/7.json": nil}); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("a path given twice: %v", err)
	}
	var leaks *diag.Errors
	if err := w.Commit(); !errors.As(err, &leaks) || len(leaks.Problems) != 1 || leaks.Problems[0].Path != "search/leak.json" {
		t.Fatalf("Commit = %v, want the one leak", err)
	}
	if w.Files() != 300 {
		t.Errorf("Files() = %d, want 300", w.Files())
	}
}

// A file put into the previous output while a build runs, after the build
// looked for such files, is not deleted with the previous output: the new
// build goes in, and the file stays, in what is left of the old tree,
// which no later build removes.
func TestWriterKeepsAFileAddedWhileItBuilds(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	writeBuild(t, dir, map[string]string{"index.html": "old", "cases/a/index.html": "old"})
	w, err := newWriter(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	r := <-w.foreign // the build has looked
	w.foreign <- r
	mkfiles(t, dir, "cases/a/notes.txt")
	w.File("index.html", []byte("new"))
	err = w.Commit()
	var kept *KeptError
	if !errors.As(err, &kept) {
		t.Fatalf("Commit() = %v, want a *KeptError", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(got) != "new" {
		t.Errorf("the new build is not in place: index.html = %q", got)
	}
	assertTree(t, kept.Dir, "cases/a/notes.txt")
	// The next build leaves it alone.
	writeBuild(t, dir, map[string]string{"index.html": "newer"})
	assertTree(t, kept.Dir, "cases/a/notes.txt")
}
