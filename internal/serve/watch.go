package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports the files changed under content/ and templates/ in
// batches: a batch is sent once no event came for the debounce delay, so
// the burst of events of one editor save (write, rename, chmod) is one
// rebuild.
type watcher struct {
	dir     string
	fsw     *fsnotify.Watcher
	batches chan []string // slash-separated paths relative to dir
	errors  chan error
	stop    chan struct{}
}

// watchedDirs are the directories of a site whose changes rebuild it.
var watchedDirs = []string{"content", "templates"}

func newWatcher(dir string, debounce time.Duration) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{dir: dir, fsw: fsw, batches: make(chan []string), errors: make(chan error, 1), stop: make(chan struct{})}
	// The site root is watched too, so that content/ or templates/
	// created after the start are picked up.
	if err := fsw.Add(dir); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(dir, d))
	}
	go w.loop(debounce)
	return w, nil
}

// addTree watches a directory and every directory below it (fsnotify
// watches one directory at a time). Symbolic links are not followed.
func (w *watcher) addTree(root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != root && ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			w.report(err)
		}
		return nil
	})
}

func (w *watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

func (w *watcher) loop(debounce time.Duration) {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var out chan []string // non-nil while a batch waits to be taken
	var batch []string
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name)
				}
			}
			pending[rel] = true
			timer.Reset(debounce)
		case <-timer.C:
			for p := range pending {
				batch = append(batch, p)
			}
			clear(pending)
			slices.Sort(batch)
			batch = slices.Compact(batch)
			out = w.batches
		case out <- batch:
			batch, out = nil, nil
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.report(err)
		case <-w.stop:
			timer.Stop()
			return
		}
	}
}

// relevant returns the site-relative path of an event that can change the
// site: under content/ or templates/, not an editor leftover, not a bare
// change of permissions.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.dir, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watchedDirs, top) {
		return "", false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if ignored(seg) {
			return "", false
		}
	}
	return rel, true
}

// ignored reports editor leftovers and system files, as the content
// loader ignores them.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || name == "Thumbs.db"
}

func (w *watcher) close() error {
	close(w.stop)
	return w.fsw.Close()
}
