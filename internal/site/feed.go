package site

import (
	"encoding/xml"
	"time"
)

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapXML lists every indexable page in plan order: drafts and the 404
// page are left out.
func (r *renderer) sitemapXML() ([]byte, error) {
	return marshalXML(urlset{URLs: r.urls})
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Lang       string         `xml:"xml:lang,attr"`
	Title      string         `xml:"title"`
	Link       atomLink       `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr"` // the listing of the vocabulary, as keys may repeat across them
	Label  string `xml:"label,attr"`
}

// feedXML is an Atom feed of the newest cases. Its dates come from the cases
// only, never from the clock, so the same library gives the same bytes.
func (r *renderer) feedXML() ([]byte, error) {
	l := r.siteLang()
	f := atomFeed{
		Lang:     l.Code,
		Title:    r.site.Title,
		Subtitle: r.site.Description,
		ID:       r.abs(""),
		Updated:  atomDate(time.Unix(0, 0).UTC()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.abs("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: r.abs("")},
		},
		Author: atomPerson{Name: r.site.Title},
	}
	for _, c := range r.cases {
		if len(f.Entries) == feedSize {
			break
		}
		if c.Draft {
			continue
		}
		if f.Entries == nil {
			f.Updated = atomDate(c.Date)
		}
		cl := r.caseLang(c)
		u := r.abs("cases/" + c.Slug + "/")
		e := atomEntry{
			Lang:      cl.Code,
			Title:     c.Title,
			Link:      atomLink{Rel: "alternate", Type: "text/html", HrefLang: cl.Code, Href: u},
			ID:        u,
			Published: atomDate(c.Date),
			Updated:   atomDate(c.Date),
			Summary:   c.Summary,
		}
		e.Categories = append(e.Categories, atomCategory{Term: c.Industry, Scheme: r.abs("industries/"), Label: r.site.Industries.Label(c.Industry, cl.Code)})
		for _, k := range c.ProjectTypes {
			e.Categories = append(e.Categories, atomCategory{Term: k, Scheme: r.abs("project-types/"), Label: r.site.ProjectTypes.Label(k, cl.Code)})
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

// atomDate writes a calendar date as an RFC 3339 timestamp at midnight UTC,
// whatever location the date was parsed in.
func atomDate(t time.Time) string {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), b...), '\n'), nil
}
