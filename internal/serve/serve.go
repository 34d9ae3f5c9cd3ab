// Package serve is refpack's development server: it builds a site in
// memory, serves it on loopback, rebuilds it when content/ or templates/
// change and reloads the open pages through Server-Sent Events. Broken
// content never stops it: it keeps serving the last good build and shows
// the problems over every page until they are fixed. It never writes a file.
package serve

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/refpack/refpack/internal/build"
	"github.com/refpack/refpack/internal/diag"
)

// Prefix is the path of the dev server's own files: the reload script, the
// overlay's stylesheet and the event stream.
const Prefix = "/__refpack/"

// csp is the policy the public site is written for: no inline scripts or
// styles, nothing from other origins.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

//go:embed assets
var assets embed.FS

// Options configure a Server.
type Options struct {
	Dir    string    // site root
	Drafts bool      // show drafts (marked as such)
	Date   time.Time // the build date, which decides which cases are published
	Log    io.Writer // rebuilds and problems are reported here
	// Debounce is how long the watcher waits for a burst of file events
	// to end before it rebuilds (default 100 ms).
	Debounce time.Duration
	// IndexDelay is how long the author must pause before the search
	// index is rebuilt (default 2 s).
	IndexDelay time.Duration
}

// Server serves one site. Its zero value is not usable; call New.
type Server struct {
	opts    Options
	addr    string // host:port the listener is bound to
	builder *builder
	buildMu sync.Mutex // one rebuild at a time

	mu       sync.RWMutex
	build    *Build          // last good build, nil before the first one
	problems []diag.Problem  // errors of the current content (warnings left out)
	gen      int             // counts the rebuilds that changed what is served
	changed  chan struct{}   // closed and replaced at every change of gen
	warned   map[string]bool // warnings already printed
	indexReq chan build.IndexJob
	indexed  int // the run whose index job was last sent to the indexer

	done chan struct{} // closed when the server stops
}

// New prepares a server for a listener bound to addr (host:port, the port
// already chosen). It does not build yet; Run does.
func New(opts Options, addr string) (*Server, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	if opts.IndexDelay <= 0 {
		opts.IndexDelay = 2 * time.Second
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("serve: address %q: %w", addr, err)
	}
	b := newBuilder(opts.Dir, opts.Drafts, addr, opts.Date)
	return &Server{
		opts:     opts,
		addr:     addr,
		builder:  b,
		changed:  make(chan struct{}),
		warned:   map[string]bool{},
		indexReq: make(chan build.IndexJob, 1),
		done:     make(chan struct{}),
	}, nil
}

// URL is where the site is served: its base_url path on the server's
// address.
func (s *Server) URL() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.build == nil {
		return "http://" + s.addr + "/"
	}
	return "http://" + s.addr + s.build.BasePath
}

// Rebuild brings the served site up to date with the changed files
// (slash-separated paths relative to the site root; nil for everything),
// logs the outcome and notifies the open pages.
func (s *Server) Rebuild(changed []string) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	var res Result
	if changed == nil {
		res = s.builder.full()
	} else {
		res = s.builder.rebuild(changed)
	}
	took := time.Since(start)
	// Index what was rendered, even with leaks: the index may have more.
	if job, ok := s.builder.pipeline.IndexJob(); ok && job.Run() != s.indexed {
		s.indexed = job.Run()
		s.requestIndex(job)
	}

	var errs []diag.Problem
	for _, p := range res.Problems {
		if p.Severity == diag.Error {
			errs = append(errs, p)
		}
	}
	s.mu.RLock()
	same := s.gen > 0 && (res.Build == nil || res.Build == s.build) && slices.Equal(errs, s.problems)
	s.mu.RUnlock()
	if same {
		return // nothing that is served changed, such as after a temporary file came and went
	}

	// The terminal first, then the pages. Errors are repeated at every
	// rebuild until fixed; a warning is printed once, not at every
	// keystroke of an author.
	for _, p := range res.Problems {
		if p.Severity == diag.Error || !s.warned[p.String()] {
			fmt.Fprintln(s.opts.Log, p.String())
		}
		if p.Severity == diag.Warning {
			s.warned[p.String()] = true
		}
	}
	kind := "rebuilt"
	if res.Full {
		kind = "built"
	}
	switch {
	case len(errs) > 0 && res.Build == nil:
		what := "problems"
		if len(errs) == 1 {
			what = "problem"
		}
		fmt.Fprintf(s.opts.Log, "%s: %d %s in %s; serving the last good build with the problems shown\n", time.Now().Format(time.TimeOnly), len(errs), what, roundDuration(took))
	case res.Build != nil:
		fmt.Fprintf(s.opts.Log, "%s: %s %s in %s\n", time.Now().Format(time.TimeOnly), kind, res.Build, roundDuration(took))
	}

	s.mu.Lock()
	if res.Build != nil {
		s.build = res.Build
	}
	s.problems = errs
	s.gen++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// requestIndex asks the indexer for a search index of in, replacing any
// request it has not started yet.
func (s *Server) requestIndex(job build.IndexJob) {
	select {
	case <-s.indexReq:
	default:
	}
	s.indexReq <- job
}

// indexer builds the search index in the background: on 10,000 cases it
// takes seconds, too long to hold back every page. It starts once the
// author paused for Options.IndexDelay (but at once for the first build),
// so that it competes less with the rebuilds of the pages. Search results
// lag behind the pages by that much; the pages do not reload for it.
func (s *Server) indexer() {
	first := true
	for {
		select {
		case job := <-s.indexReq:
			if !first {
				job = s.quietIndexRequest(job)
			}
			first = false
			start := time.Now()
			index, err := job.Make()
			s.buildMu.Lock()
			var res Result
			if err != nil {
				res = s.builder.fail(diag.Problem{Path: "search", Message: err.Error()})
			} else {
				res = s.builder.withIndex(index)
			}
			s.publishIndex(res, time.Since(start))
			s.buildMu.Unlock()
		case <-s.done:
			return
		}
	}
}

// quietIndexRequest returns the last of the index requests that come
// until none came for the index delay.
func (s *Server) quietIndexRequest(job build.IndexJob) build.IndexJob {
	quiet := time.NewTimer(s.opts.IndexDelay)
	defer quiet.Stop()
	for {
		select {
		case job = <-s.indexReq:
			quiet.Reset(s.opts.IndexDelay)
		case <-quiet.C:
			return job
		case <-s.done:
			return job
		}
	}
}

// publishIndex serves a build whose search index changed. Pages reload
// only when the problems changed, such as a leak found in the index.
func (s *Server) publishIndex(res Result, took time.Duration) {
	var errs []diag.Problem
	for _, p := range res.Problems {
		if p.Severity == diag.Error {
			errs = append(errs, p)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if res.Build != nil {
		s.build = res.Build
	}
	if !slices.Equal(errs, s.problems) {
		for _, p := range errs {
			fmt.Fprintln(s.opts.Log, p.String())
		}
		s.problems = errs
		s.gen++
		close(s.changed)
		s.changed = make(chan struct{})
	}
	if took > time.Second {
		fmt.Fprintf(s.opts.Log, "%s: search index updated in %s\n", time.Now().Format(time.TimeOnly), roundDuration(took))
	}
}

func roundDuration(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(100 * time.Microsecond)
}

// Generation counts the rebuilds so far; a test waits for it to grow.
func (s *Server) Generation() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Close ends the event streams of the open pages.
func (s *Server) Close() {
	select {
	case <-s.done:
	default:
		close(s.done)
	}
}

// Run builds the site, then serves it on l and rebuilds on changes until
// ctx is done.
func (s *Server) Run(ctx context.Context, l net.Listener) error {
	w, err := newWatcher(s.opts.Dir, s.opts.Debounce)
	if err != nil {
		return err
	}
	defer w.close()
	fmt.Fprintf(s.opts.Log, "building %s\n", s.opts.Dir)
	go s.indexer()
	s.Rebuild(nil)
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	fmt.Fprintf(s.opts.Log, "serving %s (watching content/ and templates/; Ctrl+C to stop)\n", s.URL())
	for {
		select {
		case batch := <-w.batches:
			s.Rebuild(batch)
		case err := <-w.errors:
			fmt.Fprintf(s.opts.Log, "watch: %v\n", err)
		case err := <-errc:
			s.Close()
			return err
		case <-ctx.Done():
			s.Close()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := hs.Shutdown(shut); err != nil {
				hs.Close()
			}
			return nil
		}
	}
}

// ServeHTTP answers from the build in memory only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "no-referrer")
	if !s.allowedHost(r.Host) {
		http.Error(w, "refpack serve: this server only answers requests for "+s.addr+" or localhost", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := cleanPath(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if strings.HasPrefix(p, Prefix) {
		s.serveOwn(w, r, strings.TrimPrefix(p, Prefix))
		return
	}
	s.mu.RLock()
	b, problems, gen := s.build, s.problems, s.gen
	s.mu.RUnlock()
	if b == nil {
		s.problemPage(w, r, problems, gen)
		return
	}
	if !strings.HasPrefix(p, b.BasePath) {
		if p == "/" || p+"/" == b.BasePath {
			http.Redirect(w, r, b.BasePath, http.StatusFound)
			return
		}
		s.notFound(w, r)
		return
	}
	rel := strings.TrimPrefix(p, b.BasePath)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if data, ok := b.Files[rel]; ok {
		s.send(w, r, http.StatusOK, rel, data, problems, gen)
		return
	}
	if src, ok := b.Copies[rel]; ok {
		if data, err := readCopy(s.opts.Dir, src); err == nil {
			s.send(w, r, http.StatusOK, rel, data, problems, gen)
			return
		}
	}
	if _, ok := b.Files[rel+"/index.html"]; ok {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	s.notFound(w, r)
}

// cleanPath returns the request's path when it names something that can
// be in the output: no dot segments, backslashes, NULs or encoded
// separators, dots or percent signs in any letter case.
func cleanPath(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2e", "%2f", "%5c", "%25", "%00", "\\"} {
		if strings.Contains(raw, bad) {
			return "", false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || strings.Contains(p, "//") {
		return "", false
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	if path.Clean(p) != strings.TrimSuffix(p, "/") && p != "/" {
		return "", false
	}
	return p, true
}

// allowedHost accepts the address the server listens on and loopback
// names with its port; anything else may be a DNS-rebinding attack from a
// web page. When listening on every interface, IP literals are accepted
// too (a rebinding attack needs a host name).
func (s *Server) allowedHost(host string) bool {
	if strings.EqualFold(host, s.addr) {
		return true
	}
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		h, port = strings.Trim(host, "[]"), "80" // browsers leave out the default port
	}
	listenHost, listenPort, _ := net.SplitHostPort(s.addr)
	if port != listenPort {
		return false
	}
	if strings.EqualFold(h, "localhost") || h == "127.0.0.1" || h == "::1" {
		return true
	}
	if ip := net.ParseIP(listenHost); ip != nil && ip.IsUnspecified() {
		return net.ParseIP(h) != nil
	}
	return false
}

// errNotServed is a bundle file that is no longer one: a symbolic link or a
// special file on its way, or a path outside the site.
var errNotServed = errors.New("not a file of the site")

// readCopy reads the bundle file src (a path under the site root dir, as
// the build listed it) only if no component of its path is a symbolic link
// and it is a regular file. The content tree may have changed since the
// build: a bundle directory replaced by a link to /etc must not serve
// /etc/passwd. The file is opened through an os.Root, so that a link made
// after the check cannot lead out of the site either, and must be the
// file that was checked.
func readCopy(dir, src string) ([]byte, error) {
	rel, err := filepath.Rel(dir, src)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, errNotServed
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var checked fs.FileInfo
	parts := strings.Split(rel, string(filepath.Separator))
	for i := range parts {
		info, err := root.Lstat(filepath.Join(parts[:i+1]...))
		if err != nil {
			return nil, err
		}
		if last := i == len(parts)-1; info.Mode()&fs.ModeSymlink != 0 || last && !info.Mode().IsRegular() || !last && !info.IsDir() {
			return nil, errNotServed
		}
		checked = info
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !os.SameFile(info, checked) {
		return nil, errNotServed
	}
	return io.ReadAll(f)
}

// send writes an output file; HTML pages get the reload script and, while
// the content has errors, the overlay listing them.
func (s *Server) send(w http.ResponseWriter, r *http.Request, status int, name string, data []byte, problems []diag.Problem, gen int) {
	ct := contentType(name)
	w.Header().Set("Content-Type", ct)
	if strings.HasPrefix(ct, "text/html") {
		data = inject(data, problems, gen)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	b, problems, gen := s.build, s.problems, s.gen
	s.mu.RUnlock()
	if b != nil {
		if data, ok := b.Files["404.html"]; ok {
			s.send(w, r, http.StatusNotFound, "404.html", data, problems, gen)
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".pdf":  "application/pdf",
}

// contentType is the media type of an output file, by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if name == "feed.xml" {
		return "application/atom+xml; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

var overlayTmpl = template.Must(template.New("overlay").Parse(`<link rel="stylesheet" href="` + Prefix + `overlay.css">` +
	`<aside id="refpack-overlay" role="alert" aria-live="assertive"><details open><summary>refpack: {{len .}} problem{{if ne (len .) 1}}s{{end}} — the page shows the last good build</summary><ol>` +
	`{{range .}}<li><code>{{.String}}</code></li>{{end}}</ol></details></aside>`))

// inject adds the reload script, and the overlay when there are problems,
// before the page's </body>. The script's address carries the generation
// of the page, so that it reloads when it connects after a rebuild it
// missed.
func inject(page []byte, problems []diag.Problem, gen int) []byte {
	var add bytes.Buffer
	if len(problems) > 0 {
		overlayTmpl.Execute(&add, problems)
	}
	fmt.Fprintf(&add, `<script src="%sreload.js?gen=%d" defer></script>`, Prefix, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

var problemPageTmpl = template.Must(template.New("problems").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>refpack: the site does not build</title>
<link rel="stylesheet" href="` + Prefix + `overlay.css">
</head>
<body class="refpack-problems">
<h1>The site does not build yet</h1>
<p>Fix these problems; the page reloads by itself.</p>
<ol>
{{- range .}}
<li><code>{{.String}}</code></li>
{{- end}}
</ol>
</body>
</html>
`))

// problemPage is served for every page until the first build succeeds.
func (s *Server) problemPage(w http.ResponseWriter, r *http.Request, problems []diag.Problem, gen int) {
	var buf bytes.Buffer
	problemPageTmpl.Execute(&buf, problems)
	s.send(w, r, http.StatusInternalServerError, "problems.html", buf.Bytes(), nil, gen)
}

// serveOwn serves the dev server's own files and the event stream.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.events(w, r)
	case "reload.js", "overlay.css":
		data, err := assets.ReadFile("assets/" + name)
		if err != nil {
			s.notFound(w, r)
			return
		}
		s.send(w, r, http.StatusOK, name, data, nil, 0)
	default:
		s.notFound(w, r)
	}
}

// events streams a "reload" event at every rebuild that changed what is
// served. The first message tells the page the current generation, so a
// page loaded before a rebuild reloads when it reconnects.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	s.mu.RLock()
	gen, changed := s.gen, s.changed
	s.mu.RUnlock()
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %d\n\n", gen)
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-changed:
			s.mu.RLock()
			gen, changed = s.gen, s.changed
			s.mu.RUnlock()
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
		case <-keepAlive.C:
			io.WriteString(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		flusher.Flush()
	}
}
