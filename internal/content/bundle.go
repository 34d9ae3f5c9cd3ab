package content

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/refpack/refpack/internal/diag"
	"github.com/refpack/refpack/internal/tomldoc"
)

// caseCopyProblem is the start of the message for a bundle file that is a
// copy of a case file: it is published as it is, [reference] and all.
const caseCopyProblem = "a copy of a case file would be published: "

// caseTableLine is a line opening the private tables of a case file, as a
// table header or an inline table or dotted key.
var caseTableLine = regexp.MustCompile(`^[ \t]*(\[[ \t]*"?(reference|consent)"?[ \t]*\][ \t]*(#[^\r\n]*)?\r?\n?\z|"?(reference|consent)"?[ \t]*(=[ \t]*\{|\.[ \t]*[A-Za-z_"][^=]*=))`)

// checkBundleFiles refuses the files of the bundle of index (its case
// file) that look like case sources: every bundle file is published
// verbatim, and only index.md is read as the case study.
func checkBundleFiles(fsys fs.FS, index string, files []string, problems *diag.List) {
	dir := path.Dir(index)
	for _, f := range files {
		p := dir + "/" + f
		if strings.HasSuffix(strings.ToLower(f), ".md") {
			problems.Errorf(p, 0, 0, "%sa bundle's Markdown files are copied as they are; only index.md is read as the case study (a translation is a case file of its own, in content/cases/): move it out of the bundle", caseCopyProblem)
			continue
		}
		file, err := fsys.Open(p)
		if err != nil {
			problems.Errorf(p, 0, 0, "cannot read: %v", err)
			continue
		}
		line, col, what := caseSource(file)
		file.Close()
		if what != "" {
			problems.Errorf(p, line, col, "%s%s; remove it from the bundle", caseCopyProblem, what)
		}
	}
}

// caseSource finds what makes a file look like a case source: front
// matter at its start, or a line opening [reference] or [consent].
func caseSource(r io.Reader) (line, col int, what string) {
	br := bufio.NewReaderSize(r, 64<<10)
	long := false // within a line longer than the buffer
	for n := 1; ; n++ {
		b, err := br.ReadSlice('\n')
		if len(b) > 0 && !long {
			if n == 1 {
				b = bytes.TrimPrefix(b, []byte("\uFEFF"))
				if bytes.Equal(bytes.TrimRight(b, " \t\r\n"), []byte("+++")) {
					return 1, 1, "it starts with +++ front matter"
				}
			}
			if m := caseTableLine.FindSubmatchIndex(b); m != nil {
				name := m[4:6] // the name in a table header, else before = or .
				if name[0] < 0 {
					name = m[8:10]
				}
				indent := len(b) - len(bytes.TrimLeft(b, " \t"))
				return n, indent + 1, "it holds the private [" + string(b[name[0]:name[1]]) + "] table of a case file"
			}
		}
		switch err {
		case nil:
			long = false
		case bufio.ErrBufferFull:
			long = true
			n-- // the same line goes on
		default:
			return 0, 0, ""
		}
	}
}

// checkUnchecked checks that unchecked_files names files of the case's
// bundle.
func checkUnchecked(root *tomldoc.Table, c *Case) {
	for i, f := range c.UncheckedFiles {
		switch {
		case !c.Bundle:
			root.Errorf("unchecked_files", i, "unchecked_files lists files of a bundle (content/cases/<slug>/index.md and the files beside it), and this case study is a single file")
			return
		case !slices.Contains(c.BundleFiles, f):
			root.Errorf("unchecked_files", i, "%q is not a file of this bundle; the files beside index.md are: %s", f, listOrNone(c.BundleFiles))
		}
	}
}

func listOrNone(files []string) string {
	if len(files) == 0 {
		return "none"
	}
	return strings.Join(files, ", ")
}
