package content

import (
	"slices"
	"testing"
	"time"
)

// TestSortCases: newest first, then by slug, whatever the order given.
func TestSortCases(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	want := []*Case{
		{Slug: "b", Date: day("2024-05-10")},
		{Slug: "a", Date: day("2024-03-01")},
		{Slug: "c", Date: day("2024-03-01")},
		{Slug: "a-old", Date: day("2021-01-31")},
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		var cases []*Case
		for _, i := range order {
			cases = append(cases, want[i])
		}
		SortCases(cases)
		if !slices.Equal(cases, want) {
			var got []string
			for _, c := range cases {
				got = append(got, c.Slug)
			}
			t.Errorf("from %v: got %v", order, got)
		}
	}
}
