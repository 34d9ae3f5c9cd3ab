package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/diag"
)

const siteTOML = `title = "Refs"
description = "Our references"
base_url = "https://refs.example.com/refs/"
language = "en"
[industries.banking]
label = "Banking"
related = ["leasing"]
[industries.leasing]
label = "Leasing"
[project_types.contract-archive]
label = "Contract archive"
[regions.europe]
label = "Europe"
`

func caseFile(title, industry, body string) string {
	return `+++
title = "` + title + `"
summary = "A summary of ` + title + `."
client = "Client of ` + title + `"
industry = "` + industry + `"
project_types = ["contract-archive"]
date = 2024-05-10
[scale]
employees = 1200
[reference]
contact = "Zed Contact, +1 555 0100"
+++

` + body + "\n"
}

const prospect = `name = "Secret Prospect Name"
industry = "banking"
project_types = ["contract-archive"]
`

// writeSite writes a small site into a new directory and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		write(t, dir, name, text)
	}
	return dir
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write beside and rename, as editors do, so the server never reads a
	// half-written file.
	tmp := filepath.Join(filepath.Dir(p), ".tmp-"+filepath.Base(p))
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func baseSite() map[string]string {
	return map[string]string{
		"content/site.toml":               siteTOML,
		"content/cases/alpha.md":          caseFile("Alpha archive", "banking", "Alpha body text."),
		"content/cases/beta.md":           caseFile("Beta archive", "leasing", "Beta body text."),
		"content/prospects/acme.toml":     prospect,
		"content/cases/gamma/index.md":    caseFile("Gamma archive", "banking", "![diagram](diagram.txt)"),
		"content/cases/gamma/diagram.txt": "bundle file",
	}
}

// testServer runs a server on a free loopback port until the test ends.
type testServer struct {
	*Server
	t    testing.TB
	addr string
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t *testing.T, dir string, drafts bool) *testServer {
	t.Helper()
	return startWith(t, dir, Options{Drafts: drafts, Debounce: 30 * time.Millisecond, IndexDelay: 90 * time.Millisecond})
}

func startWith(t testing.TB, dir string, opts Options) *testServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	opts.Dir, opts.Log = dir, log
	srv, err := New(opts, l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	ts := &testServer{Server: srv, t: t, addr: l.Addr().String(), log: log}
	deadline := time.Now().Add(time.Minute)
	for srv.Generation() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no first build")
		}
		time.Sleep(5 * time.Millisecond)
	}
	return ts
}

// get fetches a path with the given Host header (the server's address
// when empty), without following redirects.
func (ts *testServer) get(path, host string) (*http.Response, string) {
	ts.t.Helper()
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer conn.Close()
	if host == "" {
		host = ts.addr
	}
	// A raw request line, so that the path reaches the server exactly as
	// written, dot segments and escapes included.
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		ts.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp, string(body)
}

// events connects to the event stream and returns its events, one
// "name data" string each.
func (ts *testServer) events() <-chan string {
	ts.t.Helper()
	req, _ := http.NewRequest("GET", "http://"+ts.addr+Prefix+"events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	ts.t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		ts.t.Fatalf("events Content-Type = %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ch <- name + " " + strings.TrimPrefix(line, "data: ")
			}
		}
		close(ch)
	}()
	if ev := <-ch; !strings.HasPrefix(ev, "hello ") {
		ts.t.Fatalf("first event = %q, want hello", ev)
	}
	return ch
}

func waitReload(t testing.TB, ch <-chan string) {
	t.Helper()
	select {
	case ev := <-ch:
		if !strings.HasPrefix(ev, "reload ") {
			t.Fatalf("event = %q, want reload", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event")
	}
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q", what, sub)
		}
	}
}

func mustNotContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s contains %q", what, sub)
		}
	}
}

func TestServeEditBreakFix(t *testing.T) {
	dir := writeSite(t, baseSite())
	ts := start(t, dir, false)

	resp, body := ts.get("/refs/", "")
	if resp.StatusCode != 200 {
		t.Fatalf("GET /refs/: %s", resp.Status)
	}
	mustContain(t, "home page", body, "Alpha archive", "Beta archive", `href="/refs/cases/alpha/"`,
		`<script src="/__refpack/reload.js?gen=1" defer></script></body>`)
	mustNotContain(t, "home page", body, "refpack-overlay", "Zed Contact")
	for header, want := range map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Cache-Control":           "no-store",
		"X-Content-Type-Options":  "nosniff",
		"Content-Security-Policy": csp,
	} {
		if got := resp.Header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	_, page := ts.get("/refs/cases/alpha/", "")
	mustContain(t, "case page", page, "Alpha body text.", `href="http://`+ts.addr+`/refs/cases/alpha/"`)

	// Files are served with their types; the bundle file from its source.
	for path, ct := range map[string]string{
		"/refs/assets/style.css":        "text/css; charset=utf-8",
		"/refs/sitemap.xml":             "application/xml; charset=utf-8",
		"/refs/feed.xml":                "application/xml; charset=utf-8",
		"/refs/robots.txt":              "text/plain; charset=utf-8",
		"/refs/cases/gamma/diagram.txt": "text/plain; charset=utf-8",
		"/__refpack/reload.js":          "text/javascript; charset=utf-8",
		"/__refpack/overlay.css":        "text/css; charset=utf-8",
	} {
		resp, _ := ts.get(path, "")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != ct {
			t.Errorf("GET %s: %s, %q; want 200, %q", path, resp.Status, resp.Header.Get("Content-Type"), ct)
		}
	}
	// Redirects: the root to the base path, a directory without its slash.
	if resp, _ := ts.get("/", ""); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/refs/" {
		t.Errorf("GET /: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	if resp, _ := ts.get("/refs/cases/alpha", ""); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/refs/cases/alpha/" {
		t.Errorf("GET /refs/cases/alpha: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	// Unknown paths and directories without index get the site's 404 page.
	for _, p := range []string{"/refs/nope/", "/refs/cases/", "/refs/assets/", "/elsewhere"} {
		resp, body := ts.get(p, "")
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: %s, want 404", p, resp.Status)
		}
		mustContain(t, "404 page of "+p, body, "Refs")
	}

	// An edit is rebuilt and announced.
	ev := ts.events()
	write(t, dir, "content/cases/alpha.md", caseFile("Alpha retitled", "banking", "Edited alpha body."))
	waitReload(t, ev)
	_, page = ts.get("/refs/cases/alpha/", "")
	mustContain(t, "edited case page", page, "Edited alpha body.")
	ts.waitSearch("Alpha retitled")
	mustContain(t, "log", ts.log.String(), "rebuilt 3 case studies")

	// Broken content: the last good build stays, with every problem on top.
	write(t, dir, "content/cases/alpha.md", caseFile("Alpha archive", "bankng", "Broken alpha body."))
	write(t, dir, "content/cases/beta.md", strings.Replace(caseFile("Beta archive", "leasing", "x"), "date = 2024-05-10", "date = \"yesterday\"", 1))
	ts.waitPage(ev, "/refs/", func(page string) bool {
		return strings.Contains(page, "beta.md:7:8") && strings.Contains(page, "alpha.md:5:12")
	})
	for _, p := range []string{"/refs/", "/refs/cases/alpha/", "/refs/nope/"} {
		_, page = ts.get(p, "")
		mustContain(t, "page with problems "+p, page, `<aside id="refpack-overlay"`, "/__refpack/overlay.css",
			`content/cases/alpha.md:5:12: unknown industry &#34;bankng&#34;`, "content/cases/beta.md:7:8: date must be a date")
	}
	_, page = ts.get("/refs/cases/alpha/", "")
	mustContain(t, "case page of the last good build", page, "Edited alpha body.")
	mustContain(t, "log", ts.log.String(), `content/cases/alpha.md:5:12: unknown industry "bankng"`, "serving the last good build")

	// Fixed: the overlay goes.
	write(t, dir, "content/cases/alpha.md", caseFile("Alpha archive", "banking", "Fixed alpha body."))
	write(t, dir, "content/cases/beta.md", caseFile("Beta archive", "leasing", "Beta body text."))
	page = ts.waitPage(ev, "/refs/cases/alpha/", noOverlay)
	mustContain(t, "fixed case page", page, "Fixed alpha body.")

	// A private value in a public page is a problem too.
	write(t, dir, "content/cases/beta.md", caseFile("Secret Prospect Name", "leasing", "Beta body text."))
	leak := "public/cases/beta/index.html: would publish the private name of content/prospects/acme.toml"
	ts.waitPage(ev, "/refs/", func(page string) bool { return strings.Contains(page, leak) })
	// The search index, built in the background, is scanned too.
	ts.waitPage(ev, "/refs/", func(page string) bool {
		return strings.Contains(page, "public/search/docs/0.json: would publish the private name of content/prospects/acme.toml")
	})

	// A private value that appears in a page the edit did not touch.
	write(t, dir, "content/cases/beta.md", caseFile("Beta archive", "leasing", "Beta body text."))
	ts.waitPage(ev, "/refs/", noOverlay)
	write(t, dir, "content/cases/alpha.md", strings.Replace(caseFile("Alpha archive", "banking", "Fixed alpha body."), "Zed Contact, +1 555 0100", "Beta body text", 1))
	leak = "public/cases/beta/index.html: would publish the private reference.contact of content/cases/alpha.md"
	ts.waitPage(ev, "/refs/", func(page string) bool { return strings.Contains(page, leak) })
	write(t, dir, "content/cases/alpha.md", caseFile("Alpha archive", "banking", "Fixed alpha body."))

	// New files and directories are picked up.
	write(t, dir, "content/cases/delta/index.md", caseFile("Delta archive", "leasing", "Delta body."))
	ts.waitPage(ev, "/refs/cases/delta/", func(page string) bool { return strings.Contains(page, "Delta body.") })
}

func noOverlay(page string) bool { return !strings.Contains(page, "refpack-overlay") }

// waitPage waits for reload events until the page at path satisfies ok,
// and returns it.
func (ts *testServer) waitPage(ev <-chan string, path string, ok func(string) bool) string {
	ts.t.Helper()
	for {
		if _, page := ts.get(path, ""); ok(page) {
			return page
		}
		waitReload(ts.t, ev)
	}
}

// waitSearch waits until the search index, built in the background, has a
// file that contains text.
func (ts *testServer) waitSearch(text string) {
	ts.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ts.Server.mu.RLock()
		b := ts.Server.build
		ts.Server.mu.RUnlock()
		for p, data := range b.Files {
			if strings.HasPrefix(p, "search/docs/") && strings.Contains(string(data), text) {
				resp, body := ts.get("/refs/"+p, "")
				if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || !strings.Contains(body, text) {
					ts.t.Errorf("GET /refs/%s: %s %q", p, resp.Status, resp.Header.Get("Content-Type"))
				}
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	ts.t.Fatalf("no search index file contains %q", text)
}

func TestServeTemplates(t *testing.T) {
	dir := writeSite(t, baseSite())
	ts := start(t, dir, false)
	ev := ts.events()
	// A site's own partial shadows the built-in one.
	write(t, dir, "templates/partials/scripts.html", `{{define "scripts"}}<script src="/refs/assets/site.js" defer></script>{{end}}`)
	ts.waitPage(ev, "/refs/", func(page string) bool {
		return strings.Contains(page, `<script src="/refs/assets/site.js" defer></script>`)
	})
	// A broken template is a problem shown over the last good build.
	write(t, dir, "templates/partials/scripts.html", `{{define "scripts"}}{{.Nope}{{end}}`)
	page := ts.waitPage(ev, "/refs/", func(page string) bool { return strings.Contains(page, "refpack-overlay") })
	mustContain(t, "page with a broken template", page, "templates: theme:", "/refs/assets/site.js")
}

// TestServeBundleSymlink checks that a bundle file replaced by a symbolic
// link after the build is not followed.
func TestServeBundleSymlink(t *testing.T) {
	dir := writeSite(t, baseSite())
	ts := start(t, dir, false)
	if resp, body := ts.get("/refs/cases/gamma/diagram.txt", ""); resp.StatusCode != 200 || body != "bundle file" {
		t.Fatalf("bundle file: %s %q", resp.Status, body)
	}
	b := ts.Server
	b.mu.Lock()
	src := b.build.Copies["cases/gamma/diagram.txt"]
	b.mu.Unlock()
	if err := os.Remove(src); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "content", "site.toml"), src); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	resp, body := ts.get("/refs/cases/gamma/diagram.txt", "")
	if resp.StatusCode != 404 || strings.Contains(body, "base_url") {
		t.Errorf("symlinked bundle file: %s", resp.Status)
	}
}

// TestServeBundleDirectorySwappedForALink: a bundle directory (or one
// above it) replaced by a symbolic link to a directory outside the site
// while the server runs is never followed, however the swap and the
// requests interleave.
func TestServeBundleDirectorySwappedForALink(t *testing.T) {
	dir := writeSite(t, baseSite())
	outside := t.TempDir()
	write(t, outside, "diagram.txt", "root:x:0:0:root:/root:/bin/bash")
	write(t, outside, "gamma/diagram.txt", "root:x:0:0:root:/root:/bin/bash")
	ts := start(t, dir, false)
	const page = "/refs/cases/gamma/diagram.txt"
	if resp, body := ts.get(page, ""); resp.StatusCode != 200 || body != "bundle file" {
		t.Fatalf("bundle file: %s %q", resp.Status, body)
	}
	for _, swapped := range []struct{ path, target string }{
		{"content/cases/gamma", outside},
		{"content/cases", outside},
	} {
		real := filepath.Join(dir, swapped.path)
		aside := real + ".aside"
		toLink := func() {
			if err := os.Rename(real, aside); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(swapped.target, real); err != nil {
				t.Fatal(err)
			}
		}
		back := func() {
			if err := os.Remove(real); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(aside, real); err != nil {
				t.Fatal(err)
			}
		}
		toLink()
		if resp, body := ts.get(page, ""); resp.StatusCode != 404 || strings.Contains(body, "root:") {
			t.Fatalf("%s swapped for a link: %s %q", swapped.path, resp.Status, body)
		}
		back()
		// The swap going back and forth while requests come.
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range 100 {
				toLink()
				back()
			}
		}()
		served := 0
		for running := true; running; {
			select {
			case <-done:
				running = false
			default:
			}
			resp, body := ts.get(page, "")
			if strings.Contains(body, "root:") {
				t.Fatalf("%s swapped for a link: served %q", swapped.path, body)
			}
			if resp.StatusCode == 200 {
				served++
			}
		}
		t.Logf("%s: the bundle file was served %d times meanwhile", swapped.path, served)
	}
}

func TestServeFirstBuildBroken(t *testing.T) {
	files := baseSite()
	files["content/cases/alpha.md"] = "+++\ntitle = \"x\"\n"
	dir := writeSite(t, files)
	ts := start(t, dir, false)
	ev := ts.events()
	for _, p := range []string{"/", "/refs/", "/refs/cases/beta/"} {
		resp, page := ts.get(p, "")
		if resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("GET %s: %s, want 500", p, resp.Status)
		}
		mustContain(t, "problem page", page, "content/cases/alpha.md:1:1: ", "/__refpack/reload.js", "/__refpack/overlay.css")
	}
	write(t, dir, "content/cases/alpha.md", caseFile("Alpha archive", "banking", "Alpha body text."))
	ts.waitPage(ev, "/refs/cases/alpha/", func(page string) bool { return strings.Contains(page, "Alpha body text.") && noOverlay(page) })
}

func TestServeRefusesAttacks(t *testing.T) {
	dir := writeSite(t, baseSite())
	// Files outside the output that an attacker would want.
	write(t, filepath.Dir(dir), "secret.txt", "outside")
	ts := start(t, dir, false)
	_, notFound := ts.get("/refs/nope", "")
	for _, p := range []string{
		"/../content/site.toml",
		"/refs/../content/site.toml",
		"/refs/../../secret.txt",
		"/%2e%2e/content/site.toml",
		"/refs/%2E%2E/content/site.toml",
		"/refs/%252e%252e/content/site.toml",
		"/refs/..%5ccontent%5csite.toml",
		"/refs/..\\content\\site.toml",
		"/refs/cases/..%2f..%2fcontent/site.toml",
		"/refs/cases/%2e%2e%2f%2e%2e%2fcontent%2fsite.toml",
		"/refs/cases/gamma/..%2findex.md",
		"/refs/content/site.toml",
		"/content/site.toml",
		"/refs/cases/gamma/index.md",
		"/refs/index.html%00.txt",
		"/refs/./index.html",
		"//etc/passwd",
		"/refs//index.html",
	} {
		resp, body := ts.get(p, "")
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: %s, want 404", p, resp.Status)
		}
		if body != notFound {
			t.Errorf("GET %s: body is not the 404 page", p)
		}
		mustNotContain(t, p, body, "base_url", "outside", "+++")
	}
	for _, host := range []string{"evil.example", "evil.example:" + port(ts.addr), "localhost:1", "127.0.0.2:" + port(ts.addr)} {
		resp, body := ts.get("/refs/", host)
		if resp.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("Host %q: %s, want 421", host, resp.Status)
		}
		mustNotContain(t, "Host "+host, body, "Alpha")
	}
	for _, host := range []string{"localhost:" + port(ts.addr), "127.0.0.1:" + port(ts.addr), "[::1]:" + port(ts.addr)} {
		if resp, _ := ts.get("/refs/", host); resp.StatusCode != 200 {
			t.Errorf("Host %q: %s, want 200", host, resp.Status)
		}
	}
	resp, err := http.Post("http://"+ts.addr+"/refs/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s, want 405", resp.Status)
	}
	// Nothing was written into the site.
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote %s/public", dir)
	}
}

func port(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

func TestServeDrafts(t *testing.T) {
	files := baseSite()
	files["content/cases/draft-one.md"] = strings.Replace(caseFile("Draft one", "banking", "Draft body."), "+++\n", "+++\ndraft = true\n", 1)
	dir := writeSite(t, files)
	if resp, _ := start(t, dir, false).get("/refs/cases/draft-one/", ""); resp.StatusCode != 404 {
		t.Errorf("draft without --drafts: %s", resp.Status)
	}
	resp, page := start(t, dir, true).get("/refs/cases/draft-one/", "")
	if resp.StatusCode != 200 {
		t.Fatalf("draft with --drafts: %s", resp.Status)
	}
	mustContain(t, "draft page", page, "Draft body.", `<meta name="robots" content="noindex">`)
}

// TestIncrementalAfterErrors checks that edits made while the content has
// errors (and nothing is rendered) are all in the build once it is fixed.
func TestIncrementalAfterErrors(t *testing.T) {
	dir := copySample(t)
	b := newBuilder(dir, false, "127.0.0.1:1313", time.Time{})
	if res := b.full(); res.Build == nil {
		t.Fatalf("first build: %v", res.Problems)
	}
	steps := []struct{ file, old, new string }{
		{"rheintal-energie.md", `industry = "energy"`, `industry = "energyy"`},
		{"yauza-bank.md", "employees = 6500", "employees = 650000"},
		{"volga-leasing.md", `contact = "Елена Сорокина, начальник отдела документооборота, +7 843 555-01-27"`, `contact = "Another contact person"`},
		{"rheintal-energie.md", `industry = "energyy"`, `industry = "banking"`},
	}
	var res Result
	for i, st := range steps {
		editFile(t, dir, st.file, st.old, st.new)
		res = b.rebuild([]string{"content/cases/" + st.file})
		if res.Full {
			t.Fatalf("step %d was not incremental", i)
		}
		if (res.Build == nil) != (i < len(steps)-1) {
			t.Fatalf("step %d: build %v, problems %v", i, res.Build != nil, res.Problems)
		}
	}
	sameAsFull(t, dir, false, res)

	// The contact is now the site's description: a leak on every page, found
	// although the edit re-renders only some of them.
	editFile(t, dir, "volga-leasing.md", `contact = "Another contact person"`, `contact = "How our customers run their electronic archives, document libraries and capture projects"`)
	res = b.rebuild([]string{"content/cases/volga-leasing.md"})
	if res.Build != nil || !slices.ContainsFunc(res.Problems, func(p diag.Problem) bool {
		return p.Path == "public/cases/yauza-bank/index.html" && strings.Contains(p.Message, "reference.contact of content/cases/volga-leasing.md")
	}) {
		t.Errorf("leak not found: %v", res.Problems)
	}
	if want := newBuilder(dir, false, "127.0.0.1:1313", time.Time{}).full(); !slices.Equal(res.Problems, want.Problems) {
		t.Errorf("problems differ from a full build's:\n%v\n%v", res.Problems, want.Problems)
	}
}

func copySample(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("../../content")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, "content", "cases", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	write(t, dir, "content/cases/"+name, strings.Replace(string(data), old, new, 1))
}

// sameAsFull compares a build with a full build of the same files.
func sameAsFull(t *testing.T, dir string, drafts bool, res Result) {
	t.Helper()
	want := newBuilder(dir, drafts, "127.0.0.1:1313", time.Time{}).full()
	if want.Build == nil {
		t.Fatalf("full build: %v", want.Problems)
	}
	if !slices.Equal(res.Problems, want.Problems) {
		t.Errorf("problems differ from a full build's:\n%v\n%v", res.Problems, want.Problems)
	}
	gotPaths := slices.Sorted(maps.Keys(res.Build.Files))
	wantPaths := slices.Sorted(maps.Keys(want.Build.Files))
	if !slices.Equal(gotPaths, wantPaths) {
		t.Fatalf("incremental build has other files than a full one")
	}
	for _, p := range wantPaths {
		if string(res.Build.Files[p]) != string(want.Build.Files[p]) {
			t.Errorf("%s differs from a full build", p)
		}
	}
	if !maps.Equal(res.Build.Copies, want.Build.Copies) {
		t.Errorf("copies differ")
	}
}

// TestIncrementalMatchesFull checks that the pages rendered after an
// incremental rebuild are those of a full build of the same files.
func TestIncrementalMatchesFull(t *testing.T) {
	dir := copySample(t)
	b := newBuilder(dir, true, "127.0.0.1:1313", time.Time{})
	if res := b.full(); res.Build == nil {
		t.Fatalf("first build: %v", res.Problems)
	}
	steps := []struct {
		name     string
		file     string
		old, new string
	}{
		{"title", "northwind-bank.md", "title = \"", "title = \"Edited: "},
		{"industry", "northwind-bank.md", "industry = \"banking\"", "industry = \"insurance\""},
		{"date", "yauza-bank.md", "date = 20", "date = 19"},
		{"draft", "volga-leasing.md", "draft = false", "draft = true"},
		{"bundle", "kansai-life/index.md", "title = \"", "title = \"Edited: "},
		{"contact", "yauza-bank.md", "contact = \"", "contact = \"Someone else, "},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			editFile(t, dir, st.file, st.old, st.new)
			res := b.rebuild([]string{"content/cases/" + st.file})
			if res.Build == nil {
				t.Fatalf("rebuild: %v", res.Problems)
			}
			if res.Full {
				t.Errorf("rebuild was not incremental")
			}
			sameAsFull(t, dir, true, res)
		})
	}
}
