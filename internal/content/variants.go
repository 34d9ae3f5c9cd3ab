package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a private value is, which tells the other forms a reader
// knows it by.
type kind int

const (
	text    kind = iota // notes, questions, subjects: only as written
	org                 // a company's name
	person              // a person's name
	contact             // a contact string: a person, a phone, an e-mail address
)

// candidate is a value that may become a Secret.
type candidate struct {
	value, path, field string
	name               bool     // a name: a secret whatever its length
	words              []string // of value, lower-cased
	// derived: another form of the value as given ("Dokument" of
	// "Dokument GmbH"); of one ordinary word, it is read as a whole word,
	// since the reader who takes "Dokumentation" for the company is rare.
	derived bool
	base    []string // the words of the value it is a form of, when derived
	kind    kind
}

// variants are value and the other forms of it that a reader would take
// for the same private thing, each once, the value first. Only forms that
// are still a name are listed: "Smith" is left of "Smith & Co", but one
// short word says too little.
func variants(value, path, field string, k kind) []candidate {
	if value == "" {
		return nil
	}
	ws := words(value)
	out := []candidate{{value, path, field, k == org || k == person, ws, false, nil, k}}
	if k == text {
		return out
	}
	seen := map[string]bool{strings.Join(ws, " "): true}
	ws0 := ws
	addV := func(v, suffix string, name bool) {
		v = strings.Join(strings.Fields(v), " ")
		ws := words(v)
		if kv := strings.Join(ws, " "); kv != "" && !seen[kv] {
			seen[kv] = true
			out = append(out, candidate{v, path, field + ", " + suffix, name, ws, true, ws0, k})
		}
	}
	switch k {
	case org:
		forms := []string{value}
		if s := withoutLegalForm(value); s != value && stillAName(s) {
			addV(s, "without its legal form", true)
			forms = append(forms, s)
		}
		for _, f := range slices.Clone(forms) {
			if t := transliterated(f); t != f {
				addV(t, "with ae, oe, ue for ä, ö, ü", true)
				forms = append(forms, t)
			}
		}
		for _, f := range slices.Clone(forms) {
			for _, a := range ampersands(f) {
				addV(a, `with "and" for "&" or back`, true)
			}
		}
		for _, f := range forms {
			for _, c := range russianCases(f) {
				addV(c, "in another grammatical case", true)
			}
		}
	case person:
		// "Maria Lopez, Head of Communications": the person alone too.
		first := value
		if parts := strings.FieldsFunc(value, isContactSeparator); len(parts) > 1 {
			first = strings.TrimSpace(parts[0])
		}
		for _, f := range personForms(first) {
			if first == value {
				addV(f.value, strings.TrimPrefix(f.how, "the person, "), true)
			} else {
				addV(f.value, "the person alone"+strings.TrimPrefix(f.how, "the person"), true)
			}
		}
	case contact:
		out[0].name = false // the whole string: text
		rest := value
		if strings.Contains(rest, "@") {
			var e []string
			e, rest = cut(rest, emailAt)
			for _, e := range e {
				addV(e, "the e-mail address alone", true)
			}
		}
		if strings.ContainsAny(rest, "0123456789") {
			var ps []string
			ps, rest = cut(rest, phoneAt)
			for _, p := range ps {
				for _, d := range phoneDigits(p) {
					addV(d, "the phone number alone", true)
				}
			}
		}
		// The person comes first: "Ivan Petrov, CIO" or "Ivan Petrov (CIO)".
		if parts := strings.FieldsFunc(rest, isContactSeparator); len(parts) > 0 {
			for _, f := range personForms(strings.TrimSpace(parts[0])) {
				addV(f.value, "the person alone"+strings.TrimPrefix(f.how, "the person"), true)
			}
		}
		if len(out) > 1 {
			// Wherever the whole contact is written, so is each of its
			// parts: the guard needs only those (some 10,000 fewer values
			// on a large site).
			out = out[1:]
		}
	}
	return out
}

// isContactSeparator separates the parts of a contact: "Ivan Petrov, CIO".
func isContactSeparator(r rune) bool {
	return strings.ContainsRune(",;|/()<>[]\n\t（）、，；：", r)
}

// form is another form of a value, and how it differs.
type form struct{ value, how string }

// honorifics are the titles written before a person's name, as words
// without their dots.
var honorifics = map[string]bool{"dr": true, "prof": true, "mr": true, "mrs": true, "ms": true, "miss": true,
	"sir": true, "dame": true, "herr": true, "frau": true, "dipl": true, "ing": true, "mag": true,
	"dipl-ing": true, "г-н": true, "г-жа": true, "господин": true, "госпожа": true}

// personForms are the forms of a person's name that a reader takes for the
// person: the name itself without a title before it ("Dr. Svenja
// Oltmanns") or an honorific after it (前田様), with ae, oe, ue for ä, ö,
// ü and the other way round, a Russian name without its patronymic and in
// the other grammatical cases. Nothing when s reads as no person's name.
func personForms(s string) []form {
	fs := strings.Fields(s)
	for len(fs) > 2 && honorifics[strings.ToLower(strings.TrimRight(fs[0], "."))] {
		fs = fs[1:]
	}
	name := strings.Join(fs, " ")
	for _, h := range []string{"さん", "様", "氏", "殿"} {
		name = strings.TrimSuffix(name, h)
	}
	if !personName(name) && !japanesePerson(name) {
		return nil
	}
	out := []form{{name, "the person"}}
	names := []string{name}
	for _, p := range withoutPatronymic(name) {
		out = append(out, form{p, "the person, without the patronymic"})
		names = append(names, p)
	}
	for _, n := range names {
		if t := transliterated(n); t != n {
			out = append(out, form{t, "the person, with ae, oe, ue for ä, ö, ü"})
		}
		if t := untransliterated(n); t != n {
			out = append(out, form{t, "the person, with a, o, u for ae, oe, ue"})
		}
		if ws := strings.Fields(n); len(ws) == 2 && cyrillic(n) {
			for c := range 4 {
				out = append(out, form{inflectName(ws[0], c) + " " + inflectName(ws[1], c), "the person, in another grammatical case"})
			}
		}
	}
	return out
}

// japanesePerson reports a name written in Japanese: one or two words of
// kanji or kana, ten letters at most ("前田 智子").
func japanesePerson(s string) bool {
	fs := strings.Fields(s)
	return len(fs) >= 1 && len(fs) <= 2 && utf8.RuneCountInString(strings.Join(fs, "")) <= 10 &&
		!strings.ContainsFunc(s, func(r rune) bool {
			return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) && !unicode.IsSpace(r) && r != 'ー'
		}) &&
		utf8.RuneCountInString(strings.Join(fs, "")) >= 2
}

// untransliterated writes ae, oe, ue as the reader reads ä, ö, ü ("Mueller"
// as "Muller", which is how "Müller" reads).
func untransliterated(s string) string {
	return strings.NewReplacer("ae", "a", "oe", "o", "ue", "u", "Ae", "A", "Oe", "O", "Ue", "U").Replace(s)
}

// inflectName puts a Russian given name or surname into case c, as inflect
// does other words; surnames in -ов, -ин and the like take -ым in the
// instrumental, and their feminine forms -ой in every case.
func inflectName(w string, c int) string {
	lower := strings.ToLower(w)
	for _, end := range []string{"ова", "ева", "ёва", "ина", "ына"} {
		if strings.HasSuffix(lower, end) {
			return strings.TrimSuffix(w, "а") + "ой"
		}
	}
	for _, end := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		if strings.HasSuffix(lower, end) && utf8.RuneCountInString(w) > 3 {
			return w + [4]string{"а", "у", "ым", "е"}[c]
		}
	}
	if strings.HasSuffix(lower, "ей") || strings.HasSuffix(lower, "ай") {
		return strings.TrimSuffix(w, "й") + [4]string{"я", "ю", "ем", "е"}[c]
	}
	return inflect(w, c)
}

// legalForms are the legal forms that follow a company's name, as words
// without their dots ("S.p.A." is "spa").
var legalForms = map[string]bool{
	"gmbh": true, "ag": true, "se": true, "sa": true, "nv": true, "bv": true, "ltd": true,
	"limited": true, "inc": true, "llc": true, "plc": true, "co": true, "kk": true, "oy": true,
	"oyj": true, "ab": true, "as": true, "asa": true, "spa": true, "kg": true, "corp": true,
	"sarl": true, "srl": true, "pte": true,
}

// russianForms are the legal forms that precede a Russian company's name.
var russianForms = map[string]bool{"ооо": true, "оао": true, "ао": true, "пао": true, "зао": true, "нко": true}

// japaneseForms are written before or after a Japanese company's name.
var japaneseForms = []string{"株式会社", "有限会社", "合同会社", "（株）", "(株)", "㈱", "（有）", "(有)"}

// withoutLegalForm is name without the legal forms at its ends: "Quillfeather
// Holdings plc", "Müller GmbH & Co. KG", "ООО «Волжский лизинг»", "株式会社
// 瀬戸内マリン" read as the names they are known by.
func withoutLegalForm(name string) string {
	s := strings.TrimSpace(name)
	for _, f := range japaneseForms {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, f), f))
	}
	for {
		fs := strings.Fields(s)
		if len(fs) < 2 {
			return s
		}
		last := strings.ToLower(strings.NewReplacer(".", "", ",", "").Replace(fs[len(fs)-1]))
		first := strings.ToLower(fs[0])
		switch {
		case legalForms[last]:
			fs = fs[:len(fs)-1]
		case last == "&" || last == "and" || last == "und":
			fs = fs[:len(fs)-1] // what joined the forms: "GmbH & Co."
		case russianForms[first]:
			fs = fs[1:]
		default:
			return strings.Trim(s, "«»\"“”„ ")
		}
		s = strings.TrimRight(strings.Join(fs, " "), ", ")
		s = strings.Trim(s, "«»\"“”„ ")
	}
}

// stillAName reports whether what is left of a name is still one: two
// words or more, a word of six letters or more, or Japanese.
func stillAName(s string) bool {
	ws := words(s)
	return len(ws) >= 2 || len(ws) == 1 && utf8.RuneCountInString(ws[0]) >= 6 || len(ws) == 1 && unspaced(s)
}

// transliterated writes ä, ö, ü as ae, oe, ue ("Müller" as "Mueller"); the
// reader already takes ß for ss and drops other accents.
func transliterated(s string) string {
	return strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue").Replace(s)
}

// ampersands are s with "&" written as a word ("Marks and Spencer",
// "Marks und Spencer", "Иванов и партнёры") and the other way round.
func ampersands(s string) []string {
	var out []string
	if strings.Contains(s, "&") {
		if cyrillic(s) {
			out = append(out, strings.ReplaceAll(s, "&", " и "))
		} else {
			out = append(out, strings.ReplaceAll(s, "&", " and "), strings.ReplaceAll(s, "&", " und "))
		}
	}
	fs := strings.Fields(s)
	for i := 1; i+1 < len(fs); i++ {
		switch fs[i] {
		case "and", "und", "и", "And", "Und", "И":
			out = append(out, strings.Join(fs[:i], " ")+" & "+strings.Join(fs[i+1:], " "))
		}
	}
	return out
}

func cyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// patronymic reports a Russian patronymic, in Cyrillic or Latin letters.
func patronymic(w string) bool {
	w = strings.ToLower(w)
	for _, end := range []string{"вич", "вна", "ична", "ич", "vich", "vna", "ichna"} {
		if strings.HasSuffix(w, end) && utf8.RuneCountInString(w) > len([]rune(end))+2 {
			return true
		}
	}
	return false
}

// withoutPatronymic are a Russian "Фамилия Имя Отчество" or "Имя Отчество
// Фамилия" as first name and surname, in both orders.
func withoutPatronymic(name string) []string {
	fs := strings.Fields(name)
	if len(fs) != 3 {
		return nil
	}
	switch {
	case patronymic(fs[2]) && !patronymic(fs[1]): // Петров Иван Сергеевич
		return []string{fs[1] + " " + fs[0], fs[0] + " " + fs[1]}
	case patronymic(fs[1]) && !patronymic(fs[2]): // Иван Сергеевич Петров
		return []string{fs[0] + " " + fs[2], fs[2] + " " + fs[0]}
	}
	return nil
}

// particles are the lower-case words of Western names ("Ludwig van Beek").
var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true,
	"di": true, "du": true, "del": true, "la": true, "le": true, "ten": true, "ter": true, "zu": true, "bin": true}

// personName reports text that reads as a person's name: two to four words,
// each a capitalised word of letters or a particle. A single given name
// says too little, and "CIO" or "Head of IT" is no name.
func personName(s string) bool {
	fs := strings.Fields(s)
	if len(fs) < 2 || len(fs) > 4 {
		return false
	}
	for _, f := range fs {
		r, _ := utf8.DecodeRuneInString(f)
		if particles[f] {
			continue
		}
		if !unicode.IsUpper(r) || strings.ContainsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' }) {
			return false
		}
		// All capitals is an abbreviation ("CIO"), not a name.
		if utf8.RuneCountInString(f) > 1 && !strings.ContainsFunc(f, unicode.IsLower) {
			return false
		}
	}
	return true
}

// cut returns the parts of s that at finds and s with each replaced by a
// comma; at(s, i) is the end of a part that starts at i, or -1.
func cut(s string, at func(s string, i int) int) (parts []string, rest string) {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if end := at(s, i); end > i {
			parts = append(parts, s[i:end])
			b.WriteString(s[last:i])
			b.WriteByte(',')
			i, last = end-1, end
		}
	}
	if parts == nil {
		return nil, s
	}
	b.WriteString(s[last:])
	return parts, b.String()
}

// emailAt finds an e-mail address "name@host.tld" that starts at i;
// written out rather than as a regular expression, which took much of the
// time of listing a large library's secrets.
func emailAt(s string, i int) int {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && emailRune(r, true) {
		return -1 // not the start of a name
	}
	at := i
	for at < len(s) && s[at] != '@' {
		r, n := utf8.DecodeRuneInString(s[at:])
		if !emailRune(r, true) {
			return -1
		}
		at += n
	}
	if at == i || at == len(s) {
		return -1
	}
	end := at + 1
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !emailRune(r, false) {
			break
		}
		end += n
	}
	host := strings.TrimRight(s[at+1:end], ".-") // the end of a sentence
	dot := strings.LastIndexByte(host, '.')
	tld := host[dot+1:]
	if dot <= 0 || utf8.RuneCountInString(tld) < 2 || strings.ContainsFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return -1
	}
	return at + 1 + len(host)
}

// emailRune reports a character of an address's name (or of its host).
func emailRune(r rune, name bool) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || name && (r == '_' || r == '%' || r == '+')
}

// phoneAt finds a phone number that starts at i: "+7 (495) 123-45-67",
// digits and the separators between them, seven digits or more. A date
// ("2026-12-07", "07.12.2026") is no phone.
func phoneAt(s string, i int) int {
	c := s[i]
	if c != '+' && c != '(' && (c < '0' || c > '9') {
		return -1
	}
	if i > 0 && (isDigit(s[i-1]) || s[i-1] == '+' || s[i-1] == '(' || unicode.IsLetter(rune(s[i-1]))) {
		return -1
	}
	end, digits := -1, 0
	for j := i; j < len(s) && (isDigit(s[j]) || strings.IndexByte(" ().-/", s[j]) >= 0 || j == i && c == '+'); j++ {
		if isDigit(s[j]) {
			end, digits = j+1, digits+1
		}
	}
	if digits < 7 || datePattern.MatchString(s[i:end]) {
		return -1
	}
	return end
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var datePattern = regexp.MustCompile(`^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$`)

// phoneDigits are a phone number as written ("+7 495 123-45-67"), which
// a page may write with fewer separators, down to its digits alone
// ("74951234567"), and in its other international and national forms. A
// page may not group the digits otherwise, as a number split at every
// digit would be in any list of numbers. Fewer than seven digits make no
// phone.
func phoneDigits(p string) []string {
	digits := strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, p)
	if len(digits) < 7 {
		return nil
	}
	// Only as written: the guard lets a page drop the spaces and
	// dashes of a value, so "74951234567" is found too (a form of bare
	// digits would be a second secret for the same pages).
	p = strings.TrimSpace(p)
	out := []string{p}
	// "+44 (0)20 7946 0381" is dialled at home as "020 7946 0381", and
	// "+7 843 555-01-27" as "8 (843) 555-01-27": the national forms too,
	// and the international one without the "(0)".
	if cc, rest, ok := strings.Cut(strings.TrimPrefix(p, "+"), " "); ok && strings.HasPrefix(p, "+") && len(cc) <= 3 && allDigits(cc) {
		rest = strings.TrimSpace(rest)
		rest, zero := strings.CutPrefix(rest, "(0)")
		rest = strings.TrimSpace(rest)
		if zero {
			out = append(out, "+"+cc+" "+rest)
		}
		trunk := "0"
		switch cc {
		case "7":
			trunk = "8"
		case "1", "39":
			trunk = "" // no trunk prefix: the number is the same at home
		}
		if national := onlyDigits(rest); trunk != "" && len(national) >= 6 {
			out = append(out, trunk+" "+rest)
		} else if len(national) >= 7 {
			out = append(out, rest)
		}
	}
	return out
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func allDigits(s string) bool { return s != "" && onlyDigits(s) == s }

// russianCases are a Cyrillic name (of two words or more, or one of six
// letters or more) in the genitive, dative, instrumental and prepositional
// cases ("Волжского лизинга" for "Волжский лизинг", "Кедровки" for
// "Кедровка"), by the regular endings of adjectives and nouns, every word
// or the first alone.
// Words in «» are a name within the name and keep their form; so do
// abbreviations and short words.
func russianCases(name string) []string {
	fs := strings.Fields(name)
	if !cyrillic(name) || len(fs) == 0 || len(fs) == 1 && utf8.RuneCountInString(fs[0]) < 6 {
		return nil
	}
	out := make([]string, 4, 8)
	if len(fs) >= 2 && !strings.HasPrefix(fs[0], "«") {
		// A name that is itself a phrase inflects its first word alone:
		// "Банка Нева Капитал".
		for c := range 4 {
			out = append(out, strings.Join(append([]string{inflect(fs[0], c)}, fs[1:]...), " "))
		}
	}
	for c := range 4 {
		quoted := false
		ws := make([]string, len(fs))
		for i, f := range fs {
			if strings.HasPrefix(f, "«") || strings.HasPrefix(f, "\"") || strings.HasPrefix(f, "„") {
				quoted = true
			}
			if quoted {
				ws[i] = f
			} else {
				ws[i] = inflect(f, c)
			}
			if strings.HasSuffix(f, "»") || strings.HasSuffix(f, "\"") || strings.HasSuffix(f, "“") {
				quoted = false
			}
		}
		out[c] = strings.Join(ws, " ")
	}
	return out
}

// russianEndings maps a nominative ending to its genitive, dative,
// instrumental and prepositional endings; the longest ending that fits
// wins.
var russianEndings = []struct {
	nom   string
	cases [4]string
}{
	// Adjectives.
	{"ский", [4]string{"ского", "скому", "ским", "ском"}},
	{"цкий", [4]string{"цкого", "цкому", "цким", "цком"}},
	{"кий", [4]string{"кого", "кому", "ким", "ком"}},
	{"гий", [4]string{"гого", "гому", "гим", "гом"}},
	{"ний", [4]string{"него", "нему", "ним", "нем"}},
	{"ый", [4]string{"ого", "ому", "ым", "ом"}},
	{"ой", [4]string{"ого", "ому", "ым", "ом"}},
	{"ая", [4]string{"ой", "ой", "ой", "ой"}},
	{"яя", [4]string{"ей", "ей", "ей", "ей"}},
	{"ое", [4]string{"ого", "ому", "ым", "ом"}},
	// Nouns.
	{"ка", [4]string{"ки", "ке", "кой", "ке"}},
	{"га", [4]string{"ги", "ге", "гой", "ге"}},
	{"а", [4]string{"ы", "е", "ой", "е"}},
	{"ия", [4]string{"ии", "ии", "ией", "ии"}},
	{"я", [4]string{"и", "е", "ей", "е"}},
	{"о", [4]string{"а", "у", "ом", "е"}},
	{"ь", [4]string{"я", "ю", "ем", "е"}},
}

// inflect puts a Russian word into case c (0 genitive, 1 dative, 2
// instrumental, 3 prepositional). A word ending in a consonant is taken
// as a masculine noun ("лизинг": "лизинга").
func inflect(w string, c int) string {
	trail := strings.TrimLeftFunc(w, func(r rune) bool { return unicode.IsLetter(r) || r == '-' })
	word := strings.TrimSuffix(w, trail)
	r := []rune(word)
	if len(r) < 3 || !unicode.Is(unicode.Cyrillic, r[len(r)-1]) || !strings.ContainsFunc(word, unicode.IsLower) {
		return w
	}
	lower := strings.ToLower(word)
	for _, e := range russianEndings {
		if strings.HasSuffix(lower, e.nom) {
			return word[:len(word)-len(e.nom)] + e.cases[c] + trail
		}
	}
	last := r[len(r)-1]
	if strings.ContainsRune("бвгджзклмнпрстфхцчшщ", unicode.ToLower(last)) {
		return word + [4]string{"а", "у", "ом", "е"}[c] + trail
	}
	return w
}

// commonWords are words of many company names that are ordinary words too
// (README, "What is private"): a name made only of them ("Global Systems")
// is a name only where written with its capitals, however few cases a small
// site has to show them in lower case.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		the and of for in on at to by with new first best general national international global
		group holding holdings company companies systems system solutions services service
		technologies technology software data digital archive archives document documents
		bank banking insurance finance financial capital investment investments partners
		leasing energy power utilities health care medical logistics transport industries
		industrial trading retail stores media networks network telecom communications
		consulting management engineering manufacturing components products business
		north south east west central city county council public life mutual trust
		und der die das für dokument dokumente archiv daten technik energie system systeme
		lösungen service vision office records digital
		и в на группа компания банк страхование лизинг энергия системы решения сервис`) {
		m[w] = true
	}
	return m
}()
