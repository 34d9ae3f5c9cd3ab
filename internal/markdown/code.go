package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dlclark/regexp2/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Code colours: GitHub's light and dark styles. The light one sets no text
// colour of its own, so it gets GitHub's rather than the page's, and its
// pseudo-builtins (#6a737d, 4.49:1 on its background) take the builtins'
// colour to meet WCAG AA.
var (
	lightStyle = mustStyle(styles.Get("github").Builder().
			Add(chroma.Background, "#1f2328 bg:#f7f7f7").
			Add(chroma.NameBuiltinPseudo, "#6639ba"))
	darkStyle = styles.Get("github-dark")
)

func mustStyle(b *chroma.StyleBuilder) *chroma.Style {
	s, err := b.Build()
	if err != nil {
		panic(err) // the entry above is a constant
	}
	return s
}

// tokenFormatter writes only token spans with classes: the <pre><code>
// around them is codeRenderer's, and colours come from CSS().
var tokenFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

// codeRenderer highlights fenced code blocks whose info string names a
// language chroma knows; others render as escaped plain text.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var lang []byte
	if info := n.Language(source); info != nil {
		lang = unescape(info)
	}
	code := codeOf(n, source)
	tokens, name, ok := highlight(string(lang), string(code))
	if ok {
		// The class names the lexer, not the info string as typed: that
		// is the author's free text, which may be anything, a private
		// name too, and the guard does not read class names.
		_, _ = w.WriteString(`<pre class="chroma"><code class="language-`)
		_, _ = w.WriteString(name)
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString(`<pre><code>`)
	}
	if ok {
		// With classes on, the style passed here colours nothing.
		if err := tokenFormatter.Format(w, lightStyle, chroma.Literator(tokens...)); err != nil {
			return ast.WalkStop, err
		}
	} else {
		_, _ = w.Write(util.EscapeHTML(code))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// highlight tokenises code with the lexer named lang, and returns the
// lexer's own name as a class name ("go", "python"); ok is false when
// chroma has no such lexer. Names only: guessing from the code would
// colour prose and logs as some language.
func highlight(lang, code string) (tokens []chroma.Token, name string, ok bool) {
	if lang == "" {
		return nil, "", false
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return nil, "", false
	}
	name = className(lexer.Config().Name)
	// chroma's iterators report a failing lexer by panicking (see
	// chroma.Iterator); such a block is left plain.
	defer func() {
		if recover() != nil {
			tokens, name, ok = nil, "", false
		}
	}()
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return nil, "", false
	}
	return it.Tokens(), name, true
}

// className is a lexer's name as a class name: lower case, letters and
// digits, others as "-" ("C++" is "c--", "Go HTML Template"
// "go-html-template").
func className(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, name)
}

// steadyRegexpClock slows the clock regexp2 keeps for the deadline (250ms)
// chroma puts on each regex match. Read every 100ms, its default, the clock
// jumps ahead when its goroutine gets the CPU late on a busy machine and
// fails a match that has just begun; chroma then quietly tries its next
// rule, and the same code comes out coloured differently. Read every 10s,
// it must be seconds late to do that, and a runaway match still stops
// within about two periods.
var steadyRegexpClock = sync.OnceFunc(func() { regexp2.SetTimeoutCheckPeriod(10 * time.Second) })

// CSS returns the stylesheet for highlighted code: class-based rules generated from a chroma style
// (a light style, plus a dark one under @media (prefers-color-scheme: dark)), scoped under `.chroma`.
// Deterministic bytes. Every colour meets WCAG AA contrast on its background.
func CSS() []byte {
	var b bytes.Buffer
	b.WriteString("/* Code highlighting: chroma styles github and github-dark. */\n")
	writeRules(&b, lightStyle, darkStyle, "")
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	writeRules(&b, darkStyle, lightStyle, "  ")
	b.WriteString("}\n")
	return b.Bytes()
}

// writeRules writes the rules of style. Each token rule also sets, to the
// plain value, every property that only other sets: the dark rules come
// after the light ones and must not inherit their colours.
func writeRules(b *bytes.Buffer, style, other *chroma.Style, indent string) {
	plain, otherPlain := look(style, chroma.Background), look(other, chroma.Background)
	fmt.Fprintf(b, "%s.chroma { color: %s; background-color: %s; }\n", indent, plain[0], style.Get(chroma.Background).Background)
	for _, t := range tokenTypes() {
		this, that := look(style, t), look(other, t)
		var decls []string
		for i, property := range cssProperties {
			if this[i] != plain[i] || that[i] != otherPlain[i] {
				decls = append(decls, property+": "+this[i])
			}
		}
		if decls != nil {
			fmt.Fprintf(b, "%s.chroma .%s { %s; }\n", indent, chroma.StandardTypes[t], strings.Join(decls, "; "))
		}
	}
}

// cssProperties are the properties a token rule may set.
var cssProperties = [...]string{"color", "background-color", "font-weight", "font-style", "text-decoration"}

// look is how token type t looks in style: a value for each of cssProperties.
func look(style *chroma.Style, t chroma.TokenType) [len(cssProperties)]string {
	e := style.Get(t)
	v := [...]string{e.Colour.String(), "transparent", "normal", "normal", "none"}
	if e.Background.IsSet() && e.Background != style.Get(chroma.Background).Background {
		v[1] = e.Background.String()
	}
	if e.Bold == chroma.Yes {
		v[2] = "bold"
	}
	if e.Italic == chroma.Yes {
		v[3] = "italic"
	}
	if e.Underline == chroma.Yes {
		v[4] = "underline"
	}
	return v
}

// tokenTypes are the token types whose classes the formatter writes, in a
// fixed order. Whitespace is left out: it has nothing to colour.
func tokenTypes() []chroma.TokenType {
	var types []chroma.TokenType
	for t, class := range chroma.StandardTypes {
		if class != "" && t != chroma.Whitespace && (t > chroma.EOFType || t == chroma.Error || t == chroma.Other) {
			types = append(types, t)
		}
	}
	slices.Sort(types)
	return types
}
