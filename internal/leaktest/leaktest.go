// Package leaktest plants private values into every public place of a small
// site, in every form an author might write them, for the tests of the
// commands that must refuse to publish them (build, check and serve).
package leaktest

import (
	"fmt"
	"strings"
	"unicode"
)

// Site is a site's files, by path relative to its root.
type Site map[string]string

// Plant is one private value written into one public place in one form.
type Plant struct {
	Name  string // e.g. "client/hard-wrapped/body"
	Files Site
}

// secret is a private value and the files that make it private.
type secret struct {
	name  string
	value string
	files Site
}

// The private values, each private by a different rule.
var secrets = []secret{
	{"anonymous-client", "Quillfeather Holdings", Site{"content/cases/quill.md": caseFile("quill", `client = "Quillfeather Holdings"
anonymous = true
alias = "A holding company"`, "")}},
	{"short-anonymous-client", "AXA", Site{"content/cases/insurer.md": caseFile("insurer", `client = "AXA"
anonymous = true
alias = "A French insurer"`, "")}},
	{"contact", "Ivan Petrovsky", Site{"content/cases/quill.md": caseFile("quill", `client = "Quill Bank"`, `[reference]
contact = "Ivan Petrovsky"`)}},
	{"prospect", "Marks & Spencer's Leasing", Site{"content/prospects/ms.toml": `name = "Marks & Spencer's Leasing"
industry = "banking"
project_types = ["contract-archive"]
`}},
	{"participant", "Ólafur Árnason", Site{"content/prospects/ms.toml": `name = "Harbour Leasing"
industry = "banking"
project_types = ["contract-archive"]
[[participants]]
name = "Ólafur Árnason"
side = "it"
`}},
	{"russian-notes", "Северный Ветер", Site{"content/cases/quill.md": caseFile("quill", `client = "Quill Bank"`, `[reference]
notes = "Северный Ветер"`)}},
	{"japanese-client", "瀬戸内マリン株式会社", Site{"content/cases/quill.md": caseFile("quill", `client = "瀬戸内マリン株式会社"
anonymous = true
alias = "ある海運会社"`, "")}},
	// Other forms of a private name that a reader knows it by.
	{"without-legal-form", "Quillfeather Holdings", Site{"content/cases/quill.md": caseFile("quill", `client = "Quillfeather Holdings plc"
anonymous = true
alias = "A holding company"`, "")}},
	{"transliterated", "Mueller Bau", Site{"content/cases/quill.md": caseFile("quill", `client = "Müller Bau"
anonymous = true
alias = "A builder"`, "")}},
	{"russian-case", "Волжского лизинга", Site{"content/cases/quill.md": caseFile("quill", `client = "ООО «Волжский лизинг»"
anonymous = true
alias = "Лизинговая компания"`, "")}},
	{"contact-phone", "+7 495 123-45-67", Site{"content/cases/quill.md": caseFile("quill", `client = "Quill Bank"`, `[reference]
contact = "Ivan Petrov, +7 495 123-45-67, ivan.petrov@example.ru"`)}},
	{"without-patronymic", "Иван Петров", Site{"content/prospects/ms.toml": `name = "Harbour Leasing"
industry = "banking"
project_types = ["contract-archive"]
[[participants]]
name = "Петров Иван Сергеевич"
side = "it"
`}},
	{"support-requester", "Tom Aldridge", Site{"content/site.toml": Base()["content/site.toml"] + `[support]
file = "support.csv"
`, "content/support.csv": `"Id","Subject","Priority","Requester","Organization","Created at","Solved at"
"1","Scanner stalls","High","Tom Aldridge","Other Bank","2026-11-01",""
`}},
	{"bonus", "six months of premium support", Site{"content/visits.toml": `[[visit]]
case = "carrier"
prospect = "p"
date = 2026-10-02
bonus = "six months of premium support"
`, "content/prospects/p.toml": `name = "Harbour Leasing"
industry = "banking"
project_types = ["contract-archive"]
`}},
}

// forms are the ways an author writes a value: each returns "" when it
// does not apply to the value.
var forms = []struct {
	name     string
	markdown bool // needs Markdown rendering to mean what it says
	write    func(v string) string
}{
	{"plain", false, func(v string) string { return v }},
	{"hard-wrapped", false, func(v string) string {
		if !strings.Contains(v, " ") {
			return "" // a line breaks between words
		}
		return strings.Replace(v, " ", "\n", 1)
	}},
	{"no-break-space", false, func(v string) string { return strings.ReplaceAll(v, " ", "\u00a0") }},
	{"two-spaces", false, func(v string) string { return strings.ReplaceAll(v, " ", "  ") }},
	{"upper-case", false, strings.ToUpper},
	{"full-width", false, func(v string) string {
		return strings.Map(func(r rune) rune {
			if r > ' ' && r < 0x7F {
				return r - '!' + '！'
			}
			return r
		}, v)
	}},
	{"soft-hyphen", false, func(v string) string { return splitInside(v, "\u00ad") }},
	{"zero-width-space", false, func(v string) string { return splitInside(v, "\u200b") }},
	{"bold-first-word", true, func(v string) string {
		first, rest, ok := strings.Cut(v, " ")
		if !ok {
			return ""
		}
		return "**" + first + "** " + rest
	}},
	{"emphasis-inside-word", true, func(v string) string {
		r := []rune(v)
		if len(r) < 3 || !unicode.IsLetter(r[1]) || !unicode.IsLetter(r[2]) {
			return ""
		}
		return string(r[:2]) + "*" + string(r[2:]) + "*"
	}},
}

// splitInside puts sep after the second character of v.
func splitInside(v, sep string) string {
	r := []rune(v)
	if len(r) < 3 {
		return v
	}
	return string(r[:2]) + sep + string(r[2:])
}

// places put a written value into the carrier case: into its front
// matter (toml) or its Markdown body.
var places = []struct {
	name  string
	front func(w string) string // a TOML line, or ""
	body  func(w string) string // Markdown, or ""
}{
	{"title", func(w string) string { return "title = " + quote(w) }, nil},
	{"summary", func(w string) string { return "summary = " + quote("Summary of "+w) }, nil},
	{"tags", func(w string) string { return "tags = [" + quote(w) + "]" }, nil},
	{"products", func(w string) string { return "products = [" + quote(w) + "]" }, nil},
	{"body", nil, func(w string) string { return "We work with " + w + " every day." }},
	{"heading", nil, func(w string) string { return "## " + w }},
	{"alt-text", nil, func(w string) string { return "![" + w + "](diagram.png)" }},
	{"link-text", nil, func(w string) string { return "[" + w + "](https://example.com/)" }},
	{"footnote", nil, func(w string) string { return "Text.[^1]\n\n[^1]: " + w }},
	{"code-block", nil, func(w string) string { return "```\n" + w + "\n```" }},
	{"table", nil, func(w string) string { return "| a | b |\n|---|---|\n| " + strings.ReplaceAll(w, "\n", " ") + " | x |" }},
}

// metricsPlace and quotePlace are TOML tables after the others.
var tablePlaces = []struct {
	name  string
	table func(w string) string
}{
	{"metric", func(w string) string { return "[[metrics]]\nlabel = " + quote(w) + "\nvalue = \"5 minutes\"" }},
	{"quote", func(w string) string { return "[[quotes]]\ntext = " + quote(w) + "\nauthor = \"CIO\"" }},
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// Plants returns every private value in every form in every public place
// of a carrier case, and in the carrier's file and bundle file names.
func Plants() []Plant {
	var out []Plant
	for _, s := range secrets {
		for _, f := range forms {
			w := f.write(s.value)
			if w == "" {
				continue
			}
			for _, p := range places {
				if f.markdown && (p.body == nil || p.name == "code-block") {
					continue // markup means nothing there
				}
				front, body := "", "Body."
				if p.front != nil {
					front = p.front(w)
				} else {
					body = p.body(w)
				}
				out = append(out, plant(s, f.name, p.name, carrier(front, body, "")))
			}
			if f.markdown {
				continue
			}
			for _, p := range tablePlaces {
				out = append(out, plant(s, f.name, p.name, carrier("", "Body.", p.table(w))))
			}
		}
		// A link's address and the names of files.
		slug := strings.ToLower(strings.Join(strings.FieldsFunc(s.value, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), "-"))
		out = append(out, plant(s, "url", "link", carrier("", "[here](https://example.com/"+slug+"/)", "")))
		fileName := strings.ReplaceAll(s.value, " ", "_") + ".pdf"
		files := carrier("", "See the [file]("+fileName+").", "")
		files["content/cases/carrier/index.md"] = files["content/cases/carrier.md"]
		delete(files, "content/cases/carrier.md")
		files["content/cases/carrier/"+fileName] = "%PDF-1.4\n"
		out = append(out, plant(s, "file-name", "bundle", files))
		if slug != "" && slug == strings.Trim(slug, "-") && isASCII(slug) {
			files := carrier("", "Body.", "")
			files["content/cases/"+slug+".md"] = files["content/cases/carrier.md"]
			delete(files, "content/cases/carrier.md")
			out = append(out, plant(s, "slug", "file-name", files))
		}
	}
	return out
}

func isASCII(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

func plant(s secret, form, place string, carrierFiles Site) Plant {
	files := Base()
	for p, data := range s.files {
		files[p] = data
	}
	for p, data := range carrierFiles {
		files[p] = data
	}
	return Plant{Name: s.name + "/" + form + "/" + place, Files: files}
}

// carrier is the public case that the values are planted in.
func carrier(front, body, tables string) Site {
	return Site{"content/cases/carrier.md": caseFile("carrier", "client = \"Carrier Bank\"\n"+front, tables, body)}
}

// caseFile writes a case study: front holds top-level keys (one of them
// may replace the title or summary), tables go after [scale].
func caseFile(slug, front, tables string, body ...string) string {
	b := "Body of " + slug + "."
	if len(body) > 0 {
		b = body[0]
	}
	head := ""
	if !strings.Contains(front, "title = ") {
		head += "title = \"Case " + slug + "\"\n"
	}
	if !strings.Contains(front, "summary = ") {
		head += "summary = \"A case study.\"\n"
	}
	return "+++\n" + head + strings.TrimSpace(front) + `
industry = "banking"
project_types = ["contract-archive"]
date = 2024-05-10
[scale]
employees = 1200
` + tables + "\n+++\n" + b + "\n"
}

// Base is the site that every plant starts from: nothing private in public.
func Base() Site {
	return Site{
		"content/site.toml": `title = "Refs"
base_url = "https://refs.example.com/"
[industries.banking]
label = "Banking"
[project_types.contract-archive]
label = "Contract archive"
`,
		"content/cases/other.md": caseFile("other", `client = "Other Bank"`, ""),
	}
}

// Selection is the plants a test runs: every form in every place for the
// first value, and for the others every place in plain form and every form
// in the body; short keeps one in four of those.
func Selection(short bool) []Plant {
	var out []Plant
	for i, p := range Plants() {
		secret, rest, _ := strings.Cut(p.Name, "/")
		form, place, _ := strings.Cut(rest, "/")
		if secret != secrets[0].name && form != "plain" && place != "body" {
			continue
		}
		if short && i%4 != 0 {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Unplanted is each value's site with a carrier that holds nothing private.
func Unplanted() map[string]Site {
	out := map[string]Site{}
	for _, s := range secrets {
		out[s.name] = plant(s, "", "", carrier("", "Body.", "")).Files
	}
	return out
}
