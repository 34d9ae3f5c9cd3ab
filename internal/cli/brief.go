package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/refpack/refpack/internal/brief"
	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/content"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/match"
	"github.com/refpack/refpack/internal/parallel"
	"github.com/refpack/refpack/internal/questions"
)

// noSystemFontsEnv hides the system fonts from refpack brief, as on a
// machine without a CJK font package: for tests of the missing-font error.
const noSystemFontsEnv = "REFPACK_NO_SYSTEM_FONTS"

func runBrief(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("brief", "brief PROSPECT... | --all [-s SITE] [-o DIR] [--date YYYY-MM-DD]",
		"Write the private briefing pack of each prospect as DIR/<prospect>.pdf, in the\n"+
			"prospect's language. Packs are private: DIR may not be inside the site's public/ or any\n"+
			"built site. --date (default: SOURCE_DATE_EPOCH when set, else today) is the date printed as\n"+
			"generated and ends the visit-quota window when a prospect has no visit_date; the same\n"+
			"content and date give byte-identical PDFs. Japanese needs a CJK TrueType font: [brief] fonts\n"+
			"in content/site.toml, or the Debian package "+brief.CJKPackage+".", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	outDir := fs.String("o", "", "output directory (default SITE/briefs)")
	date := fs.String("date", "", "today's date `YYYY-MM-DD`, printed on the packs")
	all := fs.Bool("all", false, "write a pack for every prospect, in parallel")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	switch {
	case *all && len(rest) > 0:
		fmt.Fprintln(stderr, "refpack brief: give prospects or --all, not both")
		return ExitUsage
	case !*all && len(rest) == 0:
		fmt.Fprintln(stderr, "refpack brief: which prospect? give its slug, e.g. refpack brief acme-leasing, or --all")
		return ExitUsage
	}
	today, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack brief: %v\n", err)
		return ExitUsage
	}
	out := *outDir
	if out == "" {
		out = filepath.Join(*siteDir, "briefs")
	}
	if err := checkPrivateDest(*siteDir, out, privateOutput{what: "briefing packs into ", why: "packs are private", hint: "use -o outside it, such as " + filepath.Join(*siteDir, "briefs")}); err != nil {
		fmt.Fprintf(stderr, "refpack brief: %v\n", err)
		return ExitUsage
	}
	lib, code := loadLibrary(*siteDir, "brief", stderr)
	if lib == nil {
		return code
	}
	prospects := lib.Prospects
	if !*all {
		prospects = nil
		for _, arg := range rest {
			p, err := findProspect(lib, arg)
			if err != nil {
				fmt.Fprintf(stderr, "refpack brief: %v\n", err)
				return ExitProblem
			}
			if !slices.Contains(prospects, p) {
				prospects = append(prospects, p)
			}
		}
	}
	if len(prospects) == 0 {
		fmt.Fprintln(stdout, "no prospects in content/prospects/: nothing to write")
		return ExitOK
	}
	if problems := fontProblems(*siteDir, lib.Site); len(problems) > 0 {
		printProblems(stderr, problems)
		return ExitProblem
	}
	fonts, err := loadBriefFonts(*siteDir, lib.Site.Brief.Fonts)
	if err != nil {
		fmt.Fprintf(stderr, "refpack brief: %v\n", err)
		return ExitProblem
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintf(stderr, "refpack brief: %v\n", err)
		return ExitProblem
	}
	// The PDF library allocates a large compressor per stream and little
	// that lives: collecting less often saves a sixth of the CPU time,
	// within the memory limit that build uses too.
	prepareMemory()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}

	w := &briefWriter{lib: lib, ranker: match.NewRanker(lib.Cases, lib.Site), fonts: fonts, today: today, dir: out, names: map[string]string{}}
	for _, p := range lib.Prospects {
		w.names[p.Slug] = p.Name
	}
	prog := newProgress(stdout, stderr, len(prospects))
	failed := w.writeAll(prospects, prog)
	prog.done()
	for _, f := range failed {
		fmt.Fprintf(stderr, "%s: %v\n", f.path, f.err)
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "refpack brief: %d of %d packs not written\n", len(failed), len(prospects))
		return ExitProblem
	}
	fmt.Fprintf(stdout, "wrote %s into %s\n", plural(len(prospects), "briefing pack"), out)
	return ExitOK
}

// loadBriefFonts loads the fonts once for all packs.
func loadBriefFonts(siteDir string, extra []string) (*brief.Fonts, error) {
	opt := brief.FontOptions{NoSystem: os.Getenv(noSystemFontsEnv) != ""}
	for _, f := range extra {
		opt.Extra = append(opt.Extra, fontPath(siteDir, f))
	}
	return brief.LoadFonts(opt)
}

// fontPath is where a [brief] fonts entry is: relative to the site root.
func fontPath(siteDir, f string) string {
	if filepath.IsAbs(f) {
		return f
	}
	return filepath.Join(siteDir, f)
}

// fontProblems checks the [brief] fonts entries without reading them
// whole, each at its place in site.toml.
func fontProblems(siteDir string, s *config.Site) []diag.Problem {
	var list diag.List
	for i, f := range s.Brief.Fonts {
		err := brief.CheckFont(fontPath(siteDir, f))
		if err == nil {
			continue
		}
		var at config.Pos
		if i < len(s.Brief.FontPos) {
			at = s.Brief.FontPos[i]
		}
		list.Errorf(config.Path, at.Line, at.Col, "[brief] fonts: %s: %v", f, err)
	}
	return list.Problems
}

// briefWriter writes packs; it is shared by the workers and read-only.
type briefWriter struct {
	lib   *content.Library
	fonts *brief.Fonts
	today time.Time
	dir   string
	names map[string]string

	ranker *match.Ranker // prepares the library once for every pack
}

type briefFailure struct {
	path string // the prospect's file
	err  error
}

// writeAll writes the packs on all cores and returns the failures in the
// order of the prospects.
func (w *briefWriter) writeAll(prospects []*content.Prospect, prog *progress) []briefFailure {
	errs := make([]error, len(prospects))
	parallel.Each(len(prospects), func(i int) {
		path, err := w.write(prospects[i])
		errs[i] = err
		prog.step(prospects[i].Slug, path, err)
	})
	var failed []briefFailure
	for i, err := range errs {
		if err != nil {
			failed = append(failed, briefFailure{prospects[i].Path, err})
		}
	}
	return failed
}

// packInput ranks the references and prepares the questions of a pack.
func packInput(lib *content.Library, ranker *match.Ranker, p *content.Prospect, fonts *brief.Fonts, today time.Time, names map[string]string) brief.Input {
	site := lib.Site
	mp := match.FromProspect(p, site)
	res := ranker.Rank(mp, lib.Visits, today, match.Options{Support: lib.Support, Explain: site.Brief.Top})
	top := res.Top(site.Brief.Top)
	qs := questions.Build(questions.Input{
		Prospect:   p,
		References: topCases(res, site.Brief.Top),
		Bank:       lib.Questions,
		Language:   mp.Language,
		SiteLang:   site.Language,
		Max:        site.Brief.MaxQuestions,
	})
	return brief.Input{
		Site: site, Prospect: p, Matches: top, Questions: qs,
		Calls: res.Calls[:min(len(res.Calls), site.Brief.Top)], Pages: match.Closest(mp, lib.PublicCases(today, false), site, closestPages),
		Visits: lib.Visits, ProspectNames: names,
		Today: today, Fonts: fonts, SupportExport: lib.Support != nil,
	}
}

// write renders one pack and puts it in place atomically: a temporary file
// in the same directory, renamed over the old pack only when complete.
func (w *briefWriter) write(p *content.Prospect) (string, error) {
	pdf, err := brief.Render(packInput(w.lib, w.ranker, p, w.fonts, w.today, w.names))
	if err != nil {
		return "", err
	}
	dst := filepath.Join(w.dir, p.Slug+".pdf")
	if err := writeFileAtomic(dst, pdf); err != nil {
		return "", err
	}
	return dst, nil
}

// progress reports packs as they are written: a bar on a terminal, else
// one plain line per pack.
type progress struct {
	mu     sync.Mutex
	stdout io.Writer
	bar    io.Writer // nil: plain lines
	total  int
	n      int
}

func newProgress(stdout, stderr io.Writer, total int) *progress {
	p := &progress{stdout: stdout, total: total}
	if total > 1 && isTerminal(stderr) {
		p.bar = stderr
	}
	return p
}

func (p *progress) step(slug, path string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.bar == nil {
		if err == nil {
			fmt.Fprintf(p.stdout, "wrote %s\n", path)
		}
		return
	}
	const width = 30
	filled := p.n * width / p.total
	name := slug
	if len(name) > 30 {
		name = name[:30]
	}
	fmt.Fprintf(p.bar, "\r\x1b[K[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat("·", width-filled), p.n, p.total, name)
}

func (p *progress) done() {
	if p.bar != nil {
		fmt.Fprint(p.bar, "\r\x1b[K")
	}
}
