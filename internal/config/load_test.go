package config

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/refpack/refpack/internal/diag"
)

const siteHead = `title = "Refs"
base_url = "https://refs.example.com/"
[industries.banking]
label = "Banking"
[project_types.archive]
label = "Archive"
`

func loadSite(t *testing.T, toml string) (*Site, []string) {
	t.Helper()
	var problems diag.List
	s := Load(fstest.MapFS{Path: {Data: []byte(toml)}}, &problems)
	var msgs []string
	for _, p := range problems.Problems {
		msgs = append(msgs, p.String())
	}
	return s, msgs
}

// TestNumberRanges puts every number of site.toml at its bounds and just
// outside them: outside is an error at the value's position and the
// default is used, never the absurd value.
func TestNumberRanges(t *testing.T) {
	for _, tc := range []struct {
		table, key string
		r          Range
		def        int
		get        func(*Site) int
	}{
		{"", "page_size", PageSizeRange, 24, func(s *Site) int { return s.PageSize }},
		{"brief", "top", TopRange, DefaultBrief.Top, func(s *Site) int { return s.Brief.Top }},
		{"brief", "max_questions", MaxQuestionsRange, DefaultBrief.MaxQuestions, func(s *Site) int { return s.Brief.MaxQuestions }},
		{"brief", "follow_up_days", FollowUpDaysRange, DefaultBrief.FollowUpDays, func(s *Site) int { return s.Brief.FollowUpDays }},
		{"brief", "max_visit_minutes", MaxVisitMinutesRange, DefaultBrief.MaxVisitMinutes, func(s *Site) int { return s.Brief.MaxVisitMinutes }},
		{"brief", "max_delegates", MaxDelegatesRange, DefaultBrief.MaxDelegates, func(s *Site) int { return s.Brief.MaxDelegates }},
	} {
		name := tc.key
		if tc.table != "" {
			name = tc.table + "." + tc.key
		}
		for _, v := range []string{fmt.Sprint(tc.r.Min), fmt.Sprint(tc.r.Max), fmt.Sprint(tc.r.Min - 1), fmt.Sprint(tc.r.Max + 1), "9223372036854775807", "-9223372036854775808", "3.0", `"3"`} {
			t.Run(name+"="+v, func(t *testing.T) {
				// The value follows "key = " on line 1 (top level) or 8.
				src, line := tc.key+" = "+v+"\n"+siteHead, 1
				if tc.table != "" {
					src, line = siteHead+"["+tc.table+"]\n"+tc.key+" = "+v+"\n", 8
				}
				s, problems := loadSite(t, src)
				at := fmt.Sprintf("%s:%d:%d: ", Path, line, len(tc.key)+4)
				var want string
				switch v {
				case fmt.Sprint(tc.r.Min), fmt.Sprint(tc.r.Max):
					if len(problems) > 0 {
						t.Fatalf("refused %s = %s: %q", name, v, problems)
					}
					if got := fmt.Sprint(tc.get(s)); got != v {
						t.Fatalf("%s = %s, want %s", name, got, v)
					}
					return
				case "3.0":
					want = at + name + " must be an integer, not a number (3)"
				case `"3"`:
					want = at + name + ` must be an integer, not a string ("3")`
				default:
					want = fmt.Sprintf("%s%s must be from %d to %d, not %s", at, name, tc.r.Min, tc.r.Max, v)
				}
				if len(problems) != 1 || problems[0] != want {
					t.Fatalf("problems = %q, want %q", problems, want)
				}
				if tc.get(s) != tc.def {
					t.Errorf("%s = %d after the error, want the default %d", name, tc.get(s), tc.def)
				}
			})
		}
	}
}

func TestWeights(t *testing.T) {
	for _, tc := range []struct {
		weights string
		want    string // the problem, or "" when accepted
	}{
		{"industry = 1", ""},
		{"industry = 0, project_type = 0, scale = 0, region = 0, freshness = 0.001", ""},
		{"industry = 0, project_type = 0, scale = 0, region = 0, freshness = 0", ":8:2: matching weights must not all be zero"},
		{"industry = -0.1", ":9:12: weight industry must not be negative"},
		{"industry = nan", ":9:12: matching.weights.industry must be a finite number"},
		{"scale = inf", ":9:9: matching.weights.scale must be a finite number"},
		{"industry = 1e308, scale = 1e308", ":8:2: matching weights are too large to add up: they are relative, use numbers such as 0.4"},
		{"region = \"high\"", `:9:10: matching.weights.region must be a number, not a string ("high")`},
	} {
		t.Run(tc.weights, func(t *testing.T) {
			src := siteHead + "\n[matching.weights]\n" + strings.ReplaceAll(tc.weights, ", ", "\n") + "\n"
			s, problems := loadSite(t, src)
			if tc.want == "" {
				if len(problems) > 0 {
					t.Fatalf("refused: %q", problems)
				}
				return
			}
			if len(problems) != 1 || problems[0] != Path+tc.want {
				t.Fatalf("problems = %q, want %q", problems, Path+tc.want)
			}
			if strings.Contains(tc.want, "matching weights") && s.Weights != DefaultWeights {
				t.Errorf("weights %+v after the error, want the defaults", s.Weights)
			}
		})
	}
}

func TestFontPositions(t *testing.T) {
	s, problems := loadSite(t, siteHead+"[brief]\nfonts = [\"a.ttf\",\n  \"/usr/b.ttf\"]\n")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if want := []Pos{{8, 10}, {9, 3}}; fmt.Sprint(s.Brief.FontPos) != fmt.Sprint(want) {
		t.Errorf("FontPos = %v, want %v", s.Brief.FontPos, want)
	}
}
