package cli

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// measureJS runs in a page after it loaded. It waits until a search URL's
// results are shown, lets late changes land, and reports the total layout
// shift since navigation (every 'layout-shift' entry summed: never less
// than CLS; entries with hadRecentInput count too, as the viewport
// emulation marks them so and the test gives no input), where the first
// result or case card
// starts, and the tap targets smaller than 24 × 24 CSS px (WCAG 2.2, 2.5.8)
// that are not in running text, before and after the facets are opened.
const measureJS = `(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  if (document.readyState !== "complete") await new Promise(r => addEventListener("load", r));
  const box = document.querySelector("[data-search-results]");
  const searching = box && location.search !== "";
  for (let i = 0; searching && box.hidden && i < 100; i++) await sleep(100);
  await sleep(600);

  let shift = 0;
  const shifts = [];
  const take = list => list.forEach(e => {
    shift += e.value;
    shifts.push(e.value.toFixed(4) + " " + e.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : "?").join(","));
  });
  const po = new PerformanceObserver(l => take(l.getEntries()));
  po.observe({ type: "layout-shift", buffered: true });
  await sleep(100);
  take(po.takeRecords());
  po.disconnect();

  const first = searching ? document.querySelector("[data-result]") : document.querySelector(".card-grid .card");
  const top = first ? first.getBoundingClientRect().top + scrollY : -1;

  const targets = "a[href], button:enabled, input:enabled:not([type=hidden]), select:enabled, textarea:enabled, summary, [tabindex]:not([tabindex='-1'])";
  const small = () => {
    const out = [];
    for (const el of document.querySelectorAll(targets)) {
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width >= 24 && r.height >= 24) continue;
      if (r.bottom < 0 && el.classList.contains("skip-link")) continue;
      const cs = getComputedStyle(el);
      if (cs.display === "inline") {
        // In running text (a sentence, or a list item with more words) the
        // line height sets the size: WCAG's inline exception.
        let b = el.parentElement;
        while (b && getComputedStyle(b).display === "inline") b = b.parentElement;
        if (b && b.textContent.trim().length > el.textContent.trim().length) continue;
      }
      out.push(el.outerHTML.slice(0, 80) + " " + Math.round(r.width) + "x" + Math.round(r.height));
    }
    return out;
  };
  const closed = small();
  const filters = document.querySelector("details.filters");
  if (filters) filters.open = true;
  await sleep(50);
  const open = filters ? small() : [];
  return { shift, shifts, top, firstScreen: innerHeight, small: closed.concat(open) };
})()`

type phoneMeasure struct {
	Shift       float64  `json:"shift"`
	Shifts      []string `json:"shifts"`
	Top         float64  `json:"top"`
	FirstScreen float64  `json:"firstScreen"`
	Small       []string `json:"small"`
}

// TestPhoneLayout opens pages of the sample library (base path /refs/) in
// Chromium at a phone's size, 390 × 844 CSS px with touch, and at a
// desktop's: nothing may move after load (layout shift ≤ 0.05), the first
// result of a search URL and the first case card of the home page and of a
// listing must start on the first screen, and no tap target outside running
// text may be smaller than 24 × 24 px.
func TestPhoneLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Chromium")
	}
	chromium := requireTool(t, "chromium")
	base, _ := serveSlowSearchSite(t, 300*time.Millisecond)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}

	q := func(s string) string { return "?q=" + url.QueryEscape(s) }
	for _, c := range []struct {
		page  string
		first bool // a result or a card must start on the first screen
	}{
		{"", true},
		{q("contract"), true},
		{q("契約書"), true},
		{q("архив договоров"), true},
		{"?industry=banking&industry=insurance&region=europe", true},
		{"industries/banking/", true},
		{"page/2/", true},
		{"industries/", false},
		{"404.html", false},
		{"cases/northwind-bank/", false},
		{"cases/kansai-life/", false},
		{"cases/yauza-bank/", false},
	} {
		for _, vp := range []struct {
			name          string
			width, height int64
			phone         bool
		}{{"phone", 390, 844, true}, {"desktop", 1280, 800, false}} {
			t.Run(vp.name+"/"+c.page, func(t *testing.T) {
				emulate := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
				if vp.phone {
					emulate = append(emulate, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch)
				}
				tctx, cancel := context.WithTimeout(ctx, time.Minute)
				defer cancel()
				err := chromedp.Do(tctx, chromedp.EmulateViewport(vp.width, vp.height, emulate...), chromedp.Navigate(base+c.page))
				if err != nil {
					t.Fatal(err)
				}
				m, err := chromedp.Run(tctx, chromedp.Evaluate[json.RawMessage](measureJS, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				var r phoneMeasure
				if err := json.Unmarshal(m, &r); err != nil {
					t.Fatal(err)
				}
				t.Logf("layout shift %.4f", r.Shift)
				if c.first {
					t.Logf("first result or card at %.0f px", r.Top)
				}
				if r.Shift > 0.05 {
					t.Errorf("layout shift after load %.4f > 0.05:\n%s", r.Shift, strings.Join(r.Shifts, "\n"))
				}
				if c.first && vp.phone && (r.Top < 0 || r.Top >= r.FirstScreen) {
					t.Errorf("the first result starts at %.0f px, not on the first screen (%.0f px)", r.Top, r.FirstScreen)
				}
				if len(r.Small) > 0 {
					t.Errorf("%d tap targets smaller than 24 × 24 px:\n%s", len(r.Small), strings.Join(r.Small, "\n"))
				}
			})
		}
	}
}
