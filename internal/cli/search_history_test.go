package cli

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearchHistory drives a real Chromium through the search form: typing
// and ticking facets update the URL, Back restores the previous search,
// and a facet's count follows the query. --dump-dom cannot interact, so this
// test uses the DevTools protocol (chromedp).
func TestSearchHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	chromium := requireTool(t, "chromium")
	base, _ := serveSearchSite(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// state waits until the page shows the search of query (the part of
	// the URL after "?") and returns its result count.
	state := func(query string) int {
		t.Helper()
		count, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
			const c = document.querySelector("[data-result-count]");
			const box = document.querySelector("[data-search-results]");
			return location.search === `+strconv.Quote("?"+query)+` && !box.hidden &&
				!document.querySelector("form[aria-busy]") && c.textContent;
		})()`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			url, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
			t.Fatalf("waiting for ?%s: %v (at %s)", query, err, url)
		}
		n, err := strconv.Atoi(count)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"?q=archive")); err != nil {
		t.Fatal(err)
	}
	all := state("q=archive")
	if value, err := chromedp.Run(ctx, chromedp.Value(`input[name=q]`)); err != nil || value != "archive" {
		t.Fatalf("the search box holds %q (%v), want the URL's query", value, err)
	}

	// A facet narrows the results and adds itself to the URL.
	if err := chromedp.Do(ctx, chromedp.Click(`input[name=industry][value=banking]`)); err != nil {
		t.Fatal(err)
	}
	banking := state("q=archive&industry=banking")
	if banking == 0 || banking >= all {
		t.Errorf("archive in banking: %d results of %d", banking, all)
	}

	// Typing replaces the query, in the URL too.
	if err := chromedp.Do(ctx, chromedp.SendKeys(`input[name=q]`, strings.Repeat("\b", len("archive"))+"契約")); err != nil {
		t.Fatal(err)
	}
	state("q=%E5%A5%91%E7%B4%84&industry=banking")

	// Back returns to the previous search: URL, form and results.
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	if n := state("q=archive&industry=banking"); n != banking {
		t.Errorf("after Back: %d results, want %d", n, banking)
	}
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	if n := state("q=archive"); n != all {
		t.Errorf("after a second Back: %d results, want %d", n, all)
	}
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("input[name=industry][value=banking]").checked`))
	if err != nil {
		t.Fatal(err)
	}
	if checked {
		t.Error("after Back the banking facet is still ticked")
	}

	// Enter moves the focus to the results for keyboard users.
	if err := chromedp.Do(ctx, chromedp.SendKeys(`input[name=q]`, "\r")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement.hasAttribute("data-search-results")`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("Enter in the search box does not move the focus to the results: %v", err)
	}
}
