package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/refpack/refpack/internal/build"
	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/publish"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [-s SITE] [--json] [--date YYYY-MM-DD]",
		"Validate site.toml, every case study, prospect, the question bank, the ledger and the\n"+
			"helpdesk export, and render the site in memory to find private values that would be\n"+
			"published. Problems are printed as path:line:col: message with the offending line;\n"+
			"warnings (advice such as a case without metrics, a consent about to expire) never fail\n"+
			"the check. Consents are judged at --date (default: SOURCE_DATE_EPOCH, else today).", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	asJSON := fs.Bool("json", false, "print the problems as JSON on stdout, for editors and CI")
	date := fs.String("date", "", "the date `YYYY-MM-DD` at which consents are judged")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack check: unexpected argument %q (use -s SITE)\n", rest[0])
		return ExitUsage
	}
	at, err := todayFrom(*date)
	if err != nil {
		fmt.Fprintf(stderr, "refpack check: %v\n", err)
		return ExitUsage
	}
	prepareMemory()
	res := build.New(*siteDir, build.Options{Drafts: true, Date: at}).Run(nil, publish.DryRun())
	problems := res.Problems
	if len(res.Leaks) > 0 {
		problems = append(problems, res.Sources...)
		problems = append(problems, fewLeaks(res.Leaks)...)
	}
	// The fonts are checked here, not in every build: only packs use them.
	var settings diag.List
	if s := config.Load(os.DirFS(*siteDir), &settings); s != nil {
		if fonts := fontProblems(*siteDir, s); len(fonts) > 0 {
			all := diag.List{Problems: append(problems, fonts...)}
			all.Sort()
			problems = all.Problems
		}
	}
	errs, warns := count(problems)
	cases := res.Cases
	if *asJSON {
		writeJSONReport(stdout, problems, cases, errs, warns)
	} else {
		r := reporter{w: stderr, color: isTerminal(stderr), siteDir: *siteDir}
		for _, p := range problems {
			r.print(p)
		}
		if errs > 0 {
			fmt.Fprintf(stderr, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
		} else {
			fmt.Fprintf(stdout, "ok: %s, %s\n", caseStudies(cases), plural(warns, "warning"))
		}
	}
	if errs > 0 {
		return ExitProblem
	}
	return ExitOK
}

type jsonProblem struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSONReport(w io.Writer, problems []diag.Problem, cases, errs, warns int) {
	out := struct {
		OK       bool          `json:"ok"`
		Cases    int           `json:"cases"`
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
		Problems []jsonProblem `json:"problems"`
	}{OK: errs == 0, Cases: cases, Errors: errs, Warnings: warns, Problems: []jsonProblem{}}
	for _, p := range problems {
		sev := "error"
		if p.Severity == diag.Warning {
			sev = "warning"
		}
		out.Problems = append(out.Problems, jsonProblem{p.Path, p.Line, p.Col, sev, p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// reporter prints problems like a compiler: the message, then the offending
// line with a caret under the column. Colour only on a terminal.
type reporter struct {
	w       io.Writer
	color   bool
	siteDir string
	files   map[string][]string
}

const (
	red    = "\x1b[1;31m"
	yellow = "\x1b[1;33m"
	bold   = "\x1b[1m"
	green  = "\x1b[32m"
	reset  = "\x1b[0m"
)

func (r *reporter) paint(code, s string) string {
	if !r.color {
		return s
	}
	return code + s + reset
}

func (r *reporter) print(p diag.Problem) {
	if !r.color {
		fmt.Fprintln(r.w, p.String())
	} else {
		where := strings.TrimSuffix(p.String(), p.Message)
		label, tint := "error: ", red
		if p.Severity == diag.Warning {
			label, tint = "warning: ", yellow
			where = strings.TrimSuffix(where, "warning: ")
		}
		fmt.Fprintf(r.w, "%s%s%s\n", r.paint(bold, where), r.paint(tint, label), p.Message)
	}
	line, ok := r.line(p.Path, p.Line)
	if !ok || strings.TrimSpace(line) == "" {
		return
	}
	shown := strings.ReplaceAll(line, "\t", "    ")
	fmt.Fprintf(r.w, "  %s\n", shown)
	if p.Col > 0 {
		runes := []rune(line)
		prefix := string(runes[:min(p.Col-1, len(runes))])
		pad := diag.Width(strings.ReplaceAll(prefix, "\t", "    "))
		fmt.Fprintf(r.w, "  %s%s\n", strings.Repeat(" ", pad), r.paint(green, "^"))
	}
}

// line returns line n of a source file, reading each file once.
func (r *reporter) line(path string, n int) (string, bool) {
	if n <= 0 {
		return "", false
	}
	if r.files == nil {
		r.files = map[string][]string{}
	}
	lines, ok := r.files[path]
	if !ok {
		data, err := os.ReadFile(filepath.Join(r.siteDir, filepath.FromSlash(path)))
		if err == nil {
			lines = strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
		}
		r.files[path] = lines
	}
	if n > len(lines) {
		return "", false
	}
	// Invalid UTF-8 is shown as U+FFFD so the terminal output stays text.
	return strings.ToValidUTF8(strings.TrimRight(lines[n-1], "\r"), "\uFFFD"), true
}

// isTerminal reports whether w is a terminal that wants colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
