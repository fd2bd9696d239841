package ingest

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"

	"github.com/parleyhq/parley/internal/model"
)

// markdownDocument makes a document of a Markdown file: markup is dropped,
// each block becomes a paragraph. The title comes from YAML front matter, or
// a leading heading, or the file name.
func markdownDocument(src, name string) *model.Document {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	meta, body := frontMatter(src)
	d := &model.Document{Title: meta["title"], Byline: meta["author"]}
	if t, err := parseDate(meta["date"]); err == nil {
		d.Published = t
	}
	source := []byte(body)
	root := goldmark.New().Parser().Parse(gtext.NewReader(source))
	var paras []string
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && d.Title == "" && len(paras) == 0 {
			d.Title = inlineText(h, source)
			continue
		}
		paras = blocks(n, source, paras)
	}
	if d.Title == "" {
		d.Title = fileTitle(name)
	}
	d.Text = normalizeText(strings.Join(paras, "\n\n"))
	return d
}

// blocks appends the text of block n (and its children) as paragraphs.
func blocks(n ast.Node, src []byte, out []string) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
		if t := inlineText(n, src); strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
		return out
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return append(out, linesText(n, src))
	case *ast.HTMLBlock:
		if t := htmlToText(linesText(n, src)); t != "" {
			out = append(out, t)
		}
		return out
	case *ast.ThematicBreak:
		return out
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = blocks(c, src, out)
	}
	return out
}

// inlineText renders the inline content of a block as plain text: emphasis
// and links reduced to their words, images and raw HTML dropped.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
				if c.HardLineBreak() {
					b.WriteByte('\n')
				} else if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.Image, *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func linesText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// frontMatter splits a leading YAML front matter block ("---" lines) into
// simple "key: value" pairs and the rest of the text. Only flat string
// values are read: title, date and author are all parley uses.
func frontMatter(src string) (map[string]string, string) {
	meta := map[string]string{}
	if !strings.HasPrefix(src, "---\n") {
		return meta, src
	}
	rest := src[4:]
	end := strings.Index(rest, "\n---")
	if end < 0 || end > 8192 {
		return meta, src
	}
	block := rest[:end]
	after := rest[end+4:]
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[i+1:]
	} else {
		after = ""
	}
	for line := range strings.SplitSeq(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(k, " ") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		meta[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return meta, after
}
