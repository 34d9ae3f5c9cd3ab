package brief

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/refpack/refpack/internal/content"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txt from the current packs")

// The page-fill rules, as poppler reads the pack back: the lowest line of
// text on a page, as a share of the height between the margins. Every page
// but the last must reach minFill (the contract), and every page between
// the cover and the last minBodyFill, which the layout's maxKeep allows.
const (
	minFill     = 0.25
	minBodyFill = 0.6
)

// pageFill returns the fill of every page from pdftotext -bbox, leaving out
// the running header and the footer, which sit outside the margins.
func pageFill(t *testing.T, pdf []byte) []float64 {
	t.Helper()
	out := poppler(t, pdf, "pdftotext", "-bbox")
	const pt = 72 / 25.4
	top, end := marginT*pt, bottom*pt
	var fills []float64
	for _, page := range strings.Split(out, "<page ")[1:] {
		low := top
		for _, w := range wordBox.FindAllStringSubmatch(page, -1) {
			yMin, _ := strconv.ParseFloat(w[2], 64)
			yMax, _ := strconv.ParseFloat(w[4], 64)
			if yMin >= top-1 && yMax <= end+1 {
				low = max(low, yMax)
			}
		}
		fills = append(fills, (low-top)/(end-top))
	}
	if len(fills) == 0 {
		t.Fatal("pdftotext -bbox found no pages")
	}
	return fills
}

func checkFill(t *testing.T, pdf []byte) {
	t.Helper()
	fills := pageFill(t, pdf)
	for i, f := range fills[:len(fills)-1] {
		want := minBodyFill
		if i == 0 {
			want = minFill
		}
		if f < want {
			t.Errorf("page %d of %d ends at %.2f of its height, want at least %.2f (all: %.2f)", i+1, len(fills), f, want, fills)
		}
	}
	t.Logf("%d pages, filled %.2f", len(fills), fills)
}

// TestPageFill renders every sample pack with one to eight references, and
// packs of long names and long tables, and reads every page's fill back.
func TestPageFill(t *testing.T) {
	lib := library(t)
	for _, slug := range []string{"thamesgate-leasing", "setouchi-marine", "neva-capital-bank"} {
		full := input(t, lib, slug, fonts(t))
		t.Run(slug, func(t *testing.T) {
			pdf, err := Render(full)
			if err != nil {
				t.Fatal(err)
			}
			checkFill(t, pdf)
			checkInside(t, pdf)
		})
		// More or fewer references than the site's top, from the whole
		// ranking.
		site := *lib.Site
		for n := 1; n <= 8; n++ {
			site.Brief.Top = n
			in := inputWith(t, lib, &site, slug, fonts(t))
			t.Run(fmt.Sprintf("%s/top%d", slug, n), func(t *testing.T) {
				pdf, err := Render(in)
				if err != nil {
					t.Fatal(err)
				}
				checkFill(t, pdf)
				save(t, fmt.Sprintf("%s-top%d", slug, n), pdf)
			})
		}
	}
	for name, in := range generated(t) {
		t.Run(name, func(t *testing.T) {
			pdf, err := Render(in)
			if err != nil {
				t.Fatal(err)
			}
			checkFill(t, pdf)
			checkInside(t, pdf)
			save(t, name, pdf)
		})
	}
}

// save writes a pack into $REFPACK_BRIEF_OUT when set, to look at.
func save(t *testing.T, name string, pdf []byte) {
	if dir := os.Getenv("REFPACK_BRIEF_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// generated are packs at the edges of what authors write: one reference,
// long names everywhere, and long tables (participants, visit history).
func generated(t *testing.T) map[string]Input {
	lib := library(t)
	out := map[string]Input{}

	one := input(t, lib, "thamesgate-leasing", fonts(t))
	one.Matches, one.Calls, one.Pages = one.Matches[:1], nil, nil
	out["one-reference"] = one

	long := input(t, lib, "neva-capital-bank", fonts(t))
	p := *long.Prospect
	p.Name = "Акционерное общество «Северо-Западный Коммерческий Банк Развития Малого и Среднего Предпринимательства и Лизинга Нева Капитал Холдинг»"
	p.MustSee = append(p.MustSee, strings.Repeat("очень длинный пункт обязательного показа, ", 8))
	for i := range p.Participants {
		p.Participants[i].Name = p.Participants[i].Name + " " + strings.Repeat("Длиннофамильная-", 3) + "Константинопольская"
	}
	long.Prospect = &p
	for i := range long.Matches {
		c := *long.Matches[i].Case
		c.Client = c.Client + " — " + strings.Repeat("Объединённая Региональная Группа Компаний ", 3)
		c.Title = strings.Repeat(c.Title+" ", 3)
		long.Matches[i].Case = &c
	}
	out["long-names"] = long

	tables := input(t, lib, "thamesgate-leasing", fonts(t))
	q := *tables.Prospect
	q.Participants = nil
	for i := range 30 {
		q.Participants = append(q.Participants, content.Participant{
			Name: "Participant " + strconv.Itoa(i), Role: strings.Repeat("Head of operations and records ", 1+i%3), Side: content.Sides[i%len(content.Sides)],
		})
	}
	tables.Prospect = &q
	var visits []content.Visit
	for i := range 40 {
		v := content.Visit{Case: tables.Matches[0].Case.Slug, Prospect: "thamesgate-leasing", Date: time.Date(2024, 1, 1+i*9, 0, 0, 0, 0, time.UTC), Kind: "visit", Outcome: "won"}
		if i%4 == 0 {
			v.Bonus = "Two extra workstation licences for the branch office number " + strconv.Itoa(i)
		}
		visits = append(visits, v)
	}
	tables.Visits = append(visits, tables.Visits...)
	out["long-tables"] = tables

	site := *lib.Site
	site.Brief.Top = 20
	crowded := inputWith(t, lib, &site, "thamesgate-leasing", fonts(t))
	r := *crowded.Prospect
	for i := range 8 {
		r.MustSee = append(r.MustSee, "another thing the prospect must see, number "+strconv.Itoa(i))
	}
	crowded.Prospect = &r
	// More references than a cover holds, whatever quota the sample
	// ledger leaves: ranked as if nobody had been asked yet.
	fresh := *lib
	fresh.Visits = nil
	crowded.Matches = inputWith(t, &fresh, &site, "thamesgate-leasing", fonts(t)).Matches
	out["crowded-cover"] = crowded
	return out
}

// TestCoverOnePage fills the cover with more references and must-see items
// than it holds: it stays one page, and says where the rest is.
func TestCoverOnePage(t *testing.T) {
	in := generated(t)["crowded-cover"]
	pdf, err := Render(in)
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(poppler(t, pdf, "pdftotext", "-enc", "UTF-8"), "\f")
	contains(t, pages[0], "+", "more: see section 2", "more: see section 1")
	// Page 2 holds the running header, then the contents.
	if i := strings.Index(pages[1], "Contents"); i < 0 || flat(pages[1][:i]) != "Reference visit briefing Thamesgate Leasing plc" {
		t.Errorf("page 2 does not start with the contents: %q", pages[1][:min(200, len(pages[1]))])
	}
}

// TestGoldenText compares the text of the English sample pack, as poppler
// reads it, with testdata/thamesgate-leasing.txt (go test -update rewrites
// it).
func TestGoldenText(t *testing.T) {
	got := poppler(t, render(t, "thamesgate-leasing"), "pdftotext", "-enc", "UTF-8", "-layout")
	path := filepath.Join("testdata", "thamesgate-leasing.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("the pack's text differs from %s at line %d:\n got %q\nwant %q\n(go test -update rewrites it)", path, i+1, g, w)
			}
		}
	}
}

// TestContentsPages checks every page number of the contents against the
// page where poppler finds that heading, in every sample pack.
func TestContentsPages(t *testing.T) {
	entry := regexp.MustCompile(`^\s*(.+?)[\s.]*\.\s*(\d+)$`)
	for _, slug := range []string{"thamesgate-leasing", "setouchi-marine", "neva-capital-bank"} {
		t.Run(slug, func(t *testing.T) {
			pages := strings.Split(poppler(t, render(t, slug), "pdftotext", "-enc", "UTF-8", "-layout"), "\f")
			if len(pages) < 3 {
				t.Fatalf("%d pages", len(pages))
			}
			n := 0
			for _, line := range strings.Split(pages[1], "\n") {
				m := entry.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				title := strings.TrimSpace(m[1])
				page, _ := strconv.Atoi(m[2])
				n++
				if page < 2 || page > len(pages) {
					t.Errorf("%q: page %d of %d", title, page, len(pages))
					continue
				}
				if !strings.Contains(flat(pages[page-1]), flat(title)) {
					t.Errorf("%q is listed on page %d, which does not hold it", title, page)
				}
				if page > 2 && strings.Contains(flat(strings.Join(pages[2:page-1], " ")), flat(title)) {
					t.Errorf("%q is listed on page %d, but an earlier page holds it", title, page)
				}
			}
			if n < 6 {
				t.Errorf("the contents list %d entries with page numbers, want the 5 sections, the lighter evidence and every reference", n)
			}
		})
	}
}
