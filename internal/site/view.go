package site

import "html/template"

// The view types below are all that templates ever see. They hold public
// fields only: a case's Reference and an anonymous case's Client are never
// copied into them, so no template, built-in or a site's own, can print them.

// page is the data of one HTML page.
type page struct {
	Lang        string // the page's language: the case's on case pages, the site's elsewhere
	L           *lang  // UI strings of Lang: {{.L.T.key}}
	Site        *siteView
	Title       string // <title>
	OGTitle     string // the page's own heading, without the site's title
	Description string
	Canonical   string // absolute URL
	OGType      string // website | article
	OGLocale    string
	NoIndex     bool
	Nav         []navItem
	Alternates  []link // translations of the page, for <link rel="alternate" hreflang>
	JSONLD      any    // marshalled into <script type="application/ld+json">
	// SiteTextLang is the site's language when it differs from the page's,
	// for the lang attribute of the site's own texts (title, description);
	// a field rather than {{if ne .Site.Lang .Lang}}, which costs two
	// reflective calls on every page.
	SiteTextLang string
	// Chrome is the head links, header and footer of the page, rendered
	// once per language and navigation state from partials/chrome.html:
	// they are a third of the escaping work of a page.
	Chrome *chromeView

	List     *listView
	Case     *caseView
	Terms    *termsView
	NotFound *notFoundView
}

// chromeView holds the parts of partials/chrome.html, rendered.
type chromeView struct {
	Head   template.HTML // site-head
	Header template.HTML // site-header
	Footer template.HTML // site-footer
}

// chromeData is what the templates of partials/chrome.html see: the
// fields of a page that are the same on every page of a language with the
// same navigation state.
type chromeData struct {
	Lang         string
	L            *lang
	Site         *siteView
	SiteTextLang string
	OGLocale     string
	Nav          []navItem
}

// siteView is what every page knows about the site. URLs are root-relative
// and include the path of base_url.
type siteView struct {
	Lang        string
	Title       string
	Description string
	Home        string
	Feed        string
	CSS         string // with a content-hash query, so caches can keep it forever
	Icon        string
	Search      *searchView // the home page's search form; nil without assets/search.js
}

type navItem struct {
	Label   string
	URL     string
	Current string // aria-current: "page" on the item's own page, "true" below it
}

// link is a labelled root-relative URL; Lang is set when the target is in
// another language than the page.
type link struct {
	Label string
	URL   string
	Lang  string
	HTML  template.HTML // on case pages: partials/term.html's "term-link" of this link, rendered once per distinct link
}

// listView is a paginated listing of cases: the home page or one industry
// or project type.
type listView struct {
	Home    bool   // the home page, where the search form goes
	Eyebrow string // "Industry" above a term's name
	Heading string // the h1
	Intro   string
	Count   string // "12 case studies"
	Empty   string // shown instead of cards when there are none
	Cards   []*cardView
	Pager   *pager // nil when everything fits on one page
	Browse  []browseGroup
}

// browseGroup is a row of term links with counts on the home page: the
// no-JavaScript way to narrow the listing.
type browseGroup struct {
	Heading string
	Items   []termItem
}

// cardView is one case on a listing, in the listing's language.
type cardView struct {
	HTML         template.HTML // the card rendered once by partials/card.html, for the listings and related cases
	source       string        // the case's file, for errors
	L            *lang
	URL          string
	Title        string
	Customer     string // PublicName: the alias of an anonymous case
	Summary      string
	TextLang     string // the case's language when it differs from the page's
	Industry     string
	ProjectTypes []string
	Band         string // employee size band, "" when unknown
	Draft        bool
}

type pager struct {
	L     *lang
	Label string // "Page 2 of 5"
	Prev  string // URL, "" on the first page
	Next  string // URL, "" on the last page
	Items []pageItem
}

// pageItem is a page number link, or a gap ("…") between distant numbers.
type pageItem struct {
	Number  string
	URL     string
	Label   string // "Page 3", for screen readers
	Current bool
	Gap     bool
}

// caseView is a case page, in the case's language.
type caseView struct {
	Title        string
	Customer     string
	Summary      string
	Industry     link
	Facts        []fact
	Metrics      []metricView
	Quotes       []quoteView
	Body         template.HTML
	TOC          []tocItem // empty unless the body has three or more headings
	Translations []link
	Related      []*cardView // related case studies, in the page's language
	Draft        bool
}

// fact is one row of the case's "At a glance" list: a plain value or links.
type fact struct {
	Label string
	Value string
	Links []link
}

type metricView struct{ Label, Value string }

type quoteView struct{ Text, Author string }

type tocItem struct {
	ID    string
	Text  string
	Level int
	HTML  template.HTML // partials/toc.html's "toc-item" of this entry, rendered once per distinct entry
}

// termsView is the overview of industries or project types with counts.
type termsView struct {
	Heading string
	Intro   string
	Items   []termItem
}

type termItem struct {
	Label string
	URL   string
	N     string // the number of cases, formatted
	Count string // "12 case studies"
}

type notFoundView struct {
	Heading string
	Text    string
	Home    string
}

// articleLD is the schema.org JSON-LD of a case page.
type articleLD struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	Headline      string `json:"headline"`
	Description   string `json:"description"`
	DatePublished string `json:"datePublished"`
	InLanguage    string `json:"inLanguage"`
	URL           string `json:"url"`
	Publisher     orgLD  `json:"publisher"`
	About         orgLD  `json:"about"`
}

type orgLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}
