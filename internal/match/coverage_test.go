package match

import (
	"reflect"
	"testing"

	"github.com/refpack/refpack/internal/content"
)

func TestCover(t *testing.T) {
	site := testSite()
	live := ref("live", "banking", "contract-archive", "capture")
	live.Scale.Employees = 5000
	liveRU := ref("live-ru", "banking", "contract-archive", "capture")
	liveRU.TranslationOf = "live"
	liveRU.Scale.Employees = 5000
	busy := ref("busy", "leasing", "contract-archive") // a used-up quota still counts
	busy.Reference.MaxVisitsPerYear = 1
	busy.Scale.Employees = 200000
	amber := ref("amber", "leasing", "hr-records")
	amber.Reference.Health = "amber"
	red := ref("red", "leasing", "capture")
	red.Reference.Health = "red"
	shy := ref("shy", "retail", "capture")
	shy.Reference.Visit = false
	pilot := ref("pilot", "retail", "capture")
	pilot.Status = "pilot"
	draft := ref("draft", "energy", "capture")
	draft.Draft = true
	lib := &content.Library{
		Site:   site,
		Cases:  []*content.Case{live, liveRU, busy, amber, red, shy, pilot, draft},
		Visits: []content.Visit{visit("busy", "2026-11-01")},
		Prospects: []*content.Prospect{
			{Slug: "good", Industry: "banking", ProjectTypes: []string{"contract-archive"}},
			{Slug: "lonely", Industry: "energy", ProjectTypes: []string{"hr-records"}, Region: "japan", Scale: content.Scale{Employees: 10}},
		},
	}
	cv := Cover(lib, today)
	if cv.References != 3 || cv.Cases != 8 {
		t.Errorf("references %d of %d, want 3 of 8", cv.References, cv.Cases)
	}
	wantType := map[string]map[string]int{
		"banking": {"contract-archive": 1, "capture": 1, "hr-records": 0},
		"leasing": {"contract-archive": 1, "capture": 0, "hr-records": 1},
		"retail":  {"contract-archive": 0, "capture": 0, "hr-records": 0},
		"energy":  {"contract-archive": 0, "capture": 0, "hr-records": 0},
	}
	if !reflect.DeepEqual(cv.ByType, wantType) {
		t.Errorf("by type = %v, want %v", cv.ByType, wantType)
	}
	if got := cv.ByBand["banking"]["1k-10k"]; got != 1 {
		t.Errorf("banking 1k-10k = %d, want 1", got)
	}
	if got := cv.ByBand["leasing"]["gt100k"]; got != 1 {
		t.Errorf("leasing gt100k = %d, want 1", got)
	}
	if got := cv.EmptyTypes()[0]; got != (Cell{"banking", "hr-records"}) {
		t.Errorf("first empty cell = %v", got)
	}
	if len(cv.Weak) != 1 || cv.Weak[0].Prospect.Slug != "lonely" || cv.Weak[0].Score >= WeakScore || cv.Weak[0].Best == nil {
		t.Errorf("weak = %+v, want lonely with its best match", cv.Weak)
	}
}
