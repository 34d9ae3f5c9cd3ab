// Package cli implements the refpack command: subcommands, flags, and the
// mapping of problems to output lines and exit codes (0 success, 1 content
// or build problems, 2 usage errors).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitProblem = 1
	ExitUsage   = 2
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the public site (default SITE \".\", DIR SITE/public)", runBuild},
		{"check", "validate the whole library and list every problem", runCheck},
		{"serve", "preview the site with live reload (nothing is written)", runServe},
		{"new", "scaffold a case study or a prospect: new case|prospect NAME", runNew},
		{"match", "rank references for a prospect, with reasons", runMatch},
		{"brief", "write the private briefing pack (PDF) of prospects", runBrief},
		{"visit", "record and list reference visits: visit add|set|list", runVisit},
		{"coverage", "where the library is thin: industries × project types and sizes", runCoverage},
		{"report", "the reference programme at a glance (private): terminal, --json, --html", runReport},
		{"version", "print the version", runVersion},
	}
}

// Main runs the command line args (without the program name) and returns the
// exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return ExitOK
	case "-version", "--version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "refpack: unknown command %q\n\n", args[0])
	usage(stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "refpack turns a folder of Markdown case studies into a public reference site.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: refpack COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'refpack COMMAND --help' for a command's flags.")
}

// newFlags makes a flag set whose --help prints the synopsis and flags.
func newFlags(name, synopsis, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: refpack %s\n\n%s\n", synopsis, about)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(out)
		if b.Len() > 0 {
			fmt.Fprintf(out, "\nFlags:\n%s", b.String())
		}
	}
	return fs
}

// parse parses flags, allowing them before and after positional arguments.
// It returns the exit code to use when parsing ended the command.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stdout)
				fs.Usage()
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, 0, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", "Print refpack's version.", stderr)
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack version: unexpected argument %q\n", rest[0])
		return ExitUsage
	}
	fmt.Fprintf(stdout, "refpack %s\n", version())
	return ExitOK
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	return v + " " + info.GoVersion
}
