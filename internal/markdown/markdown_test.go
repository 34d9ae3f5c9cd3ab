package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html from the current output")

func TestRender(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "table alignment as classes",
			in:   "| L | C | R | N |\n|:--|:-:|--:|---|\n| a | b | c | d |\n",
			want: `<table>
<thead>
<tr>
<th class="align-left">L</th>
<th class="align-center">C</th>
<th class="align-right">R</th>
<th>N</th>
</tr>
</thead>
<tbody>
<tr>
<td class="align-left">a</td>
<td class="align-center">b</td>
<td class="align-right">c</td>
<td>d</td>
</tr>
</tbody>
</table>
`,
		},
		{
			name: "task list",
			in:   "- [x] done\n- [ ] todo\n",
			want: `<ul>
<li><input checked="" disabled="" type="checkbox"> done</li>
<li><input disabled="" type="checkbox"> todo</li>
</ul>
`,
		},
		{
			name: "footnote",
			in:   "Cut costs.[^src]\n\n[^src]: Annual report.\n",
			want: `<p>Cut costs.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>Annual report.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
`,
		},
		{
			name: "strikethrough",
			in:   "~~old~~ new",
			want: "<p><del>old</del> new</p>\n",
		},
		{
			name: "autolinks",
			in:   "<https://example.com/a?b=1&c=2> www.example.org mail@example.com",
			want: `<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener">https://example.com/a?b=1&amp;c=2</a>` +
				` <a href="http://www.example.org" rel="noopener">www.example.org</a>` +
				` <a href="mailto:mail@example.com">mail@example.com</a></p>` + "\n",
		},
		{
			name: "heading ids in en, ja, ru with duplicates",
			in:   "# Results\n## Results\n## 導入の背景\n## 導入の背景\n## Внедрение и Результаты\n## Use `go test` & *more*\n",
			want: `<h1 id="results">Results</h1>
<h2 id="results-1">Results</h2>
<h2 id="導入の背景">導入の背景</h2>
<h2 id="導入の背景-1">導入の背景</h2>
<h2 id="внедрение-и-результаты">Внедрение и Результаты</h2>
<h2 id="use-go-test-more">Use <code>go test</code> &amp; <em>more</em></h2>
`,
		},
		{
			name: "heading ids without letters",
			in:   "## !!!\n## ???\n## —\n",
			want: "<h2 id=\"section\">!!!</h2>\n<h2 id=\"section-1\">???</h2>\n<h2 id=\"section-2\">—</h2>\n",
		},
		{
			name: "generated id does not repeat an earlier one",
			in:   "## A 1\n## A\n## A\n",
			want: "<h2 id=\"a-1\">A 1</h2>\n<h2 id=\"a\">A</h2>\n<h2 id=\"a-2\">A</h2>\n",
		},
		{
			name: "go code",
			in:   "```go\nx := \"<b>\" // note\n```\n",
			want: `<pre class="chroma"><code class="language-go"><span class="nx">x</span><span class="w"> </span>` +
				`<span class="o">:=</span><span class="w"> </span><span class="s">&#34;&lt;b&gt;&#34;</span><span class="w"> </span>` +
				`<span class="c1">// note</span><span class="w">` + "\n</span></code></pre>\n",
		},
		{
			name: "unknown language: the info string, free text, is not written",
			in:   "```nosuchlang\n<b>x</b>\n```\n",
			want: "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n",
		},
		{
			name: "no language is not guessed",
			in:   "```\npackage main\n```\n",
			want: "<pre><code>package main\n</code></pre>\n",
		},
		{
			name: "malicious info string",
			in:   "```\"><script>alert(1)</script>\nx\n```\n",
			want: "<pre><code>x\n</code></pre>\n",
		},
		{
			name: "info string naming a lexer by file name: the lexer's name is written",
			in:   "```\"><Quillfeather.go\nx\n```\n",
			want: "<pre class=\"chroma\"><code class=\"language-go\"><span class=\"nx\">x</span><span class=\"w\">\n</span></code></pre>\n",
		},
		{
			name: "a lexer's name with other characters",
			in:   "```c++\nx\n```\n",
			want: "<pre class=\"chroma\"><code class=\"language-c--\"><span class=\"n\">x</span>\n</code></pre>\n",
		},
		{
			name: "safe links",
			in:   `[rel](diagram.png) [up](../other/) [ext](https://example.com "Say \"hi\"") [mail](mailto:a@example.com) [frag](#results)`,
			want: `<p><a href="diagram.png">rel</a> <a href="../other/">up</a>` +
				` <a href="https://example.com" title="Say &quot;hi&quot;" rel="noopener">ext</a>` +
				` <a href="mailto:a@example.com">mail</a> <a href="#results">frag</a></p>` + "\n",
		},
		{
			name: "images are lazy and always have alt",
			in:   `![Team *photo*](team.jpg "The team") ![](chart.png)`,
			want: `<p><img src="team.jpg" alt="Team photo" title="The team" loading="lazy"> <img src="chart.png" alt="" loading="lazy"></p>` + "\n",
		},
		{
			name: "raw HTML block",
			in:   "<script>alert(1)</script>\n",
			want: "<!-- raw HTML omitted -->\n",
		},
		{
			name: "raw HTML image with handler",
			in:   "<img src=x onerror=alert(1)>\n\ntext <img src=x onerror=alert(1)> <iframe src=x></iframe>\n",
			want: "<!-- raw HTML omitted -->\n<p>text <!-- raw HTML omitted --> <!-- raw HTML omitted --><!-- raw HTML omitted --></p>\n",
		},
	}
	dropped := []struct{ name, in, want string }{
		{"javascript", "[x](javascript:alert(1))", "x"},
		{"mixed case", "[x](JaVaScRiPt:alert(1))", "x"},
		{"leading space", "[x](< javascript:alert(1)>)", "x"},
		{"leading control character", "[x](&#1;javascript:alert(1))", "x"},
		{"decimal entity", "[x](&#106;avascript:alert(1))", "x"},
		{"hex entity", "[x](&#x6A;avascript:alert(1))", "x"},
		{"entity tab inside", "[x](jav&#x09;ascript:alert(1))", "x"},
		{"entity newline inside", "[x](java&#x0A;script:alert(1))", "x"},
		{"named entity colon", "[x](javascript&colon;alert(1))", "x"},
		{"backslash escape", `[x](javascript\:alert(1))`, "x"},
		{"vbscript", "[x](VBScript:MsgBox(1))", "x"},
		{"data", "[x](data:text/html;base64,PHNjcmlwdD4=)", "x"},
		{"data image", "[x](DATA:image/png;base64,AAAA)", "x"},
		{"reference", "[x][r]\n\n[r]: javascript:alert(1)", "x"},
		{"link text keeps markup", "[**bold** `code`](javascript:alert(1))", "<strong>bold</strong> <code>code</code>"},
		{"autolink", "<javascript:alert(1)>", "javascript:alert(1)"},
		{"autolink mixed case", "<JaVaScRiPt:alert(1)>", "JaVaScRiPt:alert(1)"},
		{"autolink vbscript", "<vbscript:msgbox(1)>", "vbscript:msgbox(1)"},
		{"autolink data", "<data:text/html,x>", "data:text/html,x"},
		{"image", "![a *b*](javascript:alert(1))", "a b"},
		{"image svg data", "![chart](data:image/svg+xml;base64,PHN2Zz4=)", "chart"},
		{"image entity", "![alt](&#x6A;avascript:alert(1))", "alt"},
	}
	for _, d := range dropped {
		tests = append(tests, struct{ name, in, want string }{
			name: "dropped " + d.name, in: d.in, want: "<p>" + d.want + "</p>\n",
		})
	}

	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := res.HTML; got != tt.want {
				t.Errorf("Render(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
			}
			if strings.Contains(res.HTML, "style=") {
				t.Errorf("style= in %s", res.HTML)
			}
			if err := checkSafe(res.HTML); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestText(t *testing.T) {
	in := "# Results *now*\n\nWe cut &amp; saved  \n**40%**\nin a year.[^1]\n\n" +
		"- [x] item <b>raw</b>\n- ![Chart](c.png) see <https://a.example>\n\n" +
		"| Metric | Value |\n|---|---:|\n| Cost | -40% |\n\n" +
		"```go\nfunc main() {\n\treturn\n}\n```\n\n<div>raw block</div>\n\n[^1]: Source: `report`.\n"
	want := "Results now\nWe cut & saved 40% in a year.\nitem raw\nChart see https://a.example\n" +
		"Metric\nValue\nCost\n-40%\nfunc main() { return }\nSource: report."
	res, err := New().Render([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if res.Text != want {
		t.Errorf("Text\n got: %q\nwant: %q", res.Text, want)
	}
}

func TestHeadings(t *testing.T) {
	in := "# Case\n## Итоги *года*\n### 成果\n## Итоги года\n#### \n"
	want := []Heading{
		{Level: 1, ID: "case", Text: "Case"},
		{Level: 2, ID: "итоги-года", Text: "Итоги года"},
		{Level: 3, ID: "成果", Text: "成果"},
		{Level: 2, ID: "итоги-года-1", Text: "Итоги года"},
		{Level: 4, ID: "section", Text: ""},
	}
	res, err := New().Render([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Headings, want) {
		t.Errorf("Headings\n got: %+v\nwant: %+v", res.Headings, want)
	}
}

// TestGolden renders each testdata/*.md and compares it with the .html
// beside it; go test -update rewrites those.
func TestGolden(t *testing.T) {
	r := New()
	for _, path := range bodies(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.Render(src)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(res.HTML, "style=") {
				t.Errorf("style= in output")
			}
			if err := checkSafe(res.HTML); err != nil {
				t.Error(err)
			}
			golden := strings.TrimSuffix(path, ".md") + ".html"
			if *update {
				if err := os.WriteFile(golden, []byte(res.HTML), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if res.HTML != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, res.HTML)
			}
		})
	}
}

func TestRenderConcurrent(t *testing.T) {
	paths := bodies(t)
	var inputs [][]byte
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, src)
	}

	// A fresh Renderer, first used concurrently, so its lazy set-up races too.
	shared := New()
	const goroutines, renders = 16, 10
	got := make([][]Result, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range renders {
				res, err := shared.Render(inputs[(g+i)%len(inputs)])
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], res)
			}
		})
	}
	wg.Wait()

	r := New()
	for g, results := range got {
		for i, res := range results {
			k := (g + i) % len(inputs)
			want, err := r.Render(inputs[k])
			if err != nil {
				t.Fatal(err)
			}
			if res.HTML != want.HTML || res.Text != want.Text || !slices.Equal(res.Headings, want.Headings) {
				t.Errorf("goroutine %d rendered %s differently", g, filepath.Base(paths[k]))
			}
		}
	}
}

func TestCSS(t *testing.T) {
	css := CSS()
	if !bytes.Equal(css, CSS()) {
		t.Fatal("CSS is not deterministic")
	}
	light, dark, ok := bytes.Cut(css, []byte("@media (prefers-color-scheme: dark) {\n"))
	if !ok {
		t.Fatal("no dark block")
	}
	lightRules, darkRules := cssRules(t, light), cssRules(t, dark)
	if len(lightRules) < 20 || len(lightRules) != len(darkRules) {
		t.Fatalf("%d light rules, %d dark rules", len(lightRules), len(darkRules))
	}
	for mode, rules := range map[string]map[string]map[string]string{"light": lightRules, "dark": darkRules} {
		base := rules[".chroma"]
		for sel, decls := range rules {
			if !strings.HasPrefix(sel, ".chroma") {
				t.Errorf("%s: %s is not scoped under .chroma", mode, sel)
			}
			fg, bg := decls["color"], decls["background-color"]
			if fg == "" {
				fg = base["color"]
			}
			if bg == "" || bg == "transparent" {
				bg = base["background-color"]
			}
			if c := contrast(t, fg, bg); c < 4.5 {
				t.Errorf("%s: %s %s on %s has contrast %.2f, below WCAG AA 4.5", mode, sel, fg, bg, c)
			}
		}
	}
	// The dark rules follow the light ones, so each must reset what the
	// light one sets.
	for sel, decls := range lightRules {
		for prop := range decls {
			if _, ok := darkRules[sel][prop]; !ok {
				t.Errorf("dark %s does not override %s", sel, prop)
			}
		}
	}
}

// cssRules maps each selector of one-rule-per-line CSS to its declarations.
func cssRules(t *testing.T, css []byte) map[string]map[string]string {
	rules := map[string]map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*([^{}\n]+?) \{ ([^}]*) \}$`).FindAllSubmatch(css, -1) {
		decls := map[string]string{}
		for d := range strings.SplitSeq(strings.TrimSuffix(string(m[2]), ";"), "; ") {
			prop, value, ok := strings.Cut(d, ": ")
			if !ok {
				t.Fatalf("bad declaration %q", d)
			}
			decls[prop] = value
		}
		rules[string(m[1])] = decls
	}
	return rules
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(t *testing.T, hex string) float64 {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("colour %q: %v", hex, err)
	}
	channel := func(shift uint) float64 {
		c := float64(v>>shift&0xff) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(16) + 0.7152*channel(8) + 0.0722*channel(0)
}

// FuzzRender is seeded with the blocks of testdata/*.md one by one: the
// fuzzer minimises every input that finds new coverage, and on a whole case
// study that takes longer than a short fuzzing run.
func FuzzRender(f *testing.F) {
	for _, path := range bodies(f) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for block := range bytes.SplitSeq(src, []byte("\n\n")) {
			f.Add(block)
		}
	}
	r := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := r.Render(src)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := checkSafe(res.HTML); err != nil {
			t.Fatalf("%v\ninput: %q\nhtml: %s", err, src, res.HTML)
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("Text is not valid UTF-8 for input %q", src)
		}
		ids := map[string]bool{}
		for _, h := range res.Headings {
			if h.ID == "" || ids[h.ID] || !utf8.ValidString(h.Text) {
				t.Fatalf("bad heading %+v for input %q", h, src)
			}
			ids[h.ID] = true
		}
	})
}

// bodies lists the case-study bodies in testdata.
func bodies(tb testing.TB) []string {
	paths, err := filepath.Glob("testdata/*.md")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no testdata/*.md: %v", err)
	}
	return paths
}

var (
	allowedTags = setOf("a blockquote br code del div em h1 h2 h3 h4 h5 h6 hr img input li ol p pre span strong sup table tbody td th thead tr ul")
	allowedAttr = setOf("alt checked class disabled href id loading rel role src start title type")
	tagName     = regexp.MustCompile(`^</?([a-z0-9]+)`)
	attribute   = regexp.MustCompile(`^\s+([^\s="'<>/]+)(="([^"]*)")?`)
)

func setOf(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// checkSafe scans rendered HTML, independently of the renderer's own link
// policy: valid UTF-8, only the tags and attributes Markdown produces, no
// script-capable URL in href or src, and no comment but goldmark's marker.
// Text never holds a raw '<', so every '<' starts a tag or a comment.
func checkSafe(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("output is not valid UTF-8")
	}
	if strings.Contains(strings.ToLower(s), "<script") {
		return fmt.Errorf("<script in output")
	}
	for i := strings.IndexByte(s, '<'); i >= 0; i = strings.IndexByte(s, '<') {
		s = s[i:]
		if rest, ok := strings.CutPrefix(s, "<!--"); ok {
			comment, after, ok := strings.Cut(rest, "-->")
			if !ok || comment != " raw HTML omitted " {
				return fmt.Errorf("unexpected comment at %.40q", s)
			}
			s = after
			continue
		}
		m := tagName.FindStringSubmatch(s)
		if m == nil || !allowedTags[m[1]] {
			return fmt.Errorf("unexpected tag at %.40q", s)
		}
		s = s[len(m[0]):]
		for {
			a := attribute.FindStringSubmatch(s)
			if a == nil {
				break
			}
			name, value := a[1], html.UnescapeString(a[3])
			if !allowedAttr[name] {
				return fmt.Errorf("unexpected attribute %s=%q", name, value)
			}
			if (name == "href" || name == "src") && scriptURL(value) {
				return fmt.Errorf("script-capable %s=%q", name, value)
			}
			s = s[len(a[0]):]
		}
		if !strings.HasPrefix(s, ">") {
			return fmt.Errorf("unexpected tag end at %.40q", s)
		}
	}
	return nil
}

func scriptURL(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:")
}
