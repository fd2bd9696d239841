package ingest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
)

// feedInfo is a parsed RSS 2.0, RSS 1.0 or Atom feed.
type feedInfo struct {
	title, link string
	items       []feedItem
}

// feedItem is one item or entry, its fields still raw.
type feedItem struct {
	line                       int // where the item starts, for messages
	guid, link, title          string
	date, updated, author      string
	summary, content           string
	summaryText, contentIsText bool // type="text": plain text, not HTML
}

// Namespaces whose elements parley reads. Undeclared prefixes come through
// as the prefix itself, so both forms are accepted.
const (
	nsRSS1    = "http://purl.org/rss/1.0/"
	nsRSS090  = "http://my.netscape.com/rdf/simple/0.9/"
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsDCTerms = "http://purl.org/dc/terms/"
)

func isCore(space string) bool {
	switch space {
	case "", nsRSS1, nsRSS090, nsAtom, "atom", "http://purl.org/atom/ns#":
		return true
	}
	return false
}

// xmlDecoder is lenient the way feeds in the wild need: missing end tags,
// HTML entities and stray ampersands are tolerated. Text is already UTF-8.
// (No HTML auto-closing: RSS <link> has content, unlike HTML's.)
func xmlDecoder(s string) *xml.Decoder {
	d := xml.NewDecoder(strings.NewReader(stripControl(s)))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return d
}

// stripControl replaces the control characters XML forbids (common in
// feeds generated from pasted text) with spaces.
func stripControl(s string) string {
	if strings.IndexFunc(s, isForbidden) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isForbidden(r) {
			return ' '
		}
		return r
	}, s)
}

func isForbidden(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xfffe || r == 0xffff
}

// syntaxError reports malformed XML with its line.
func syntaxError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed XML at line %d: %s", se.Line, se.Msg)
	}
	return fmt.Errorf("malformed XML: %w", err)
}

// parseFeed reads a feed. On malformed XML it returns the items complete
// before the error along with the error.
func parseFeed(s string) (*feedInfo, error) {
	d := xmlDecoder(s)
	f := &feedInfo{}
	var stack []string
	var cur *feedItem
	itemDepth := 0
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return f, syntaxError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			stack = append(stack, name)
			depth := len(stack)
			if depth == 1 {
				sawRoot = true
				if name != "rss" && name != "feed" && name != "rdf" {
					return nil, fmt.Errorf("not a feed: root element <%s>", t.Name.Local)
				}
				continue
			}
			if cur == nil && (name == "item" || name == "entry") && isCore(t.Name.Space) {
				line, _ := d.InputPos()
				cur = &feedItem{line: line, guid: attrValue(t, "about")}
				itemDepth = depth
				continue
			}
			atChannel := (stack[0] == "feed" && depth == 2) || (stack[0] != "feed" && depth == 3 && stack[1] == "channel")
			if (cur == nil || depth != itemDepth+1) && !atChannel {
				continue
			}
			toks, err := elementTokens(d)
			stack = stack[:len(stack)-1]
			if err != nil {
				return f, syntaxError(err)
			}
			if cur != nil {
				cur.set(t, toks)
			} else {
				f.set(t, toks)
			}
		case xml.EndElement:
			if cur != nil && len(stack) == itemDepth {
				f.items = append(f.items, *cur)
				cur = nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if !sawRoot {
		return nil, errors.New("not a feed: no XML element")
	}
	return f, nil
}

func (f *feedInfo) set(t xml.StartElement, toks []xml.Token) {
	if !isCore(t.Name.Space) {
		return
	}
	switch strings.ToLower(t.Name.Local) {
	case "title":
		if f.title == "" {
			f.title = plainText(toks)
		}
	case "link":
		if f.link == "" {
			f.link = linkValue(t, toks)
		}
	}
}

func (it *feedItem) set(t xml.StartElement, toks []xml.Token) {
	name := strings.ToLower(t.Name.Local)
	space := t.Name.Space
	switch {
	case isCore(space):
		switch name {
		case "title":
			it.title = plainText(toks)
		case "link":
			rel := attrValue(t, "rel")
			if l := linkValue(t, toks); l != "" && (it.link == "" || rel == "alternate") && (rel == "" || rel == "alternate") {
				it.link = l
			}
		case "guid", "id":
			it.guid = strings.TrimSpace(plainText(toks))
		case "pubdate", "published", "issued":
			it.date = plainText(toks)
		case "updated", "modified":
			it.updated = plainText(toks)
		case "description", "summary":
			it.summary, it.summaryText = markup(toks), attrValue(t, "type") == "text"
		case "content":
			it.content, it.contentIsText = markup(toks), attrValue(t, "type") == "text"
		case "author":
			it.author = authorName(toks)
		}
	case space == nsContent || space == "content":
		if name == "encoded" {
			it.content, it.contentIsText = markup(toks), false
		}
	case space == nsDC || space == "dc" || space == nsDCTerms || space == "dcterms":
		switch name {
		case "date", "issued", "created":
			if it.date == "" {
				it.date = plainText(toks)
			}
		case "creator":
			if it.author == "" {
				it.author = plainText(toks)
			}
		}
	}
}

// elementTokens reads the content of the element just started, up to and
// including its end tag, which it drops.
func elementTokens(d *xml.Decoder) ([]xml.Token, error) {
	var toks []xml.Token
	depth := 1
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return toks, io.ErrUnexpectedEOF
			}
			return toks, err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				return toks, nil
			}
		}
		toks = append(toks, xml.CopyToken(tok))
	}
}

// plainText is the character data of toks, markup dropped.
func plainText(toks []xml.Token) string {
	var b strings.Builder
	for _, t := range toks {
		if cd, ok := t.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	return strings.TrimSpace(b.String())
}

// markup is the content as HTML source: escaped HTML (RSS description,
// CDATA) is already that; inline XHTML (Atom type="xhtml") is serialised
// back.
func markup(toks []xml.Token) string {
	hasElems := false
	for _, t := range toks {
		if _, ok := t.(xml.StartElement); ok {
			hasElems = true
			break
		}
	}
	if !hasElems {
		return plainText(toks)
	}
	var b strings.Builder
	for _, t := range toks {
		switch t := t.(type) {
		case xml.StartElement:
			b.WriteString("<" + t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %s=\"%s\"", a.Name.Local, html.EscapeString(a.Value))
			}
			b.WriteString(">")
		case xml.EndElement:
			b.WriteString("</" + t.Name.Local + ">")
		case xml.CharData:
			b.WriteString(html.EscapeString(string(t)))
		}
	}
	return b.String()
}

// authorName reads an RSS author ("mail@example.org (Jane Doe)") or an Atom
// <author><name>.
func authorName(toks []xml.Token) string {
	in := false
	for _, t := range toks {
		switch t := t.(type) {
		case xml.StartElement:
			in = strings.EqualFold(t.Name.Local, "name")
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				return strings.TrimSpace(string(t))
			}
		}
	}
	s := plainText(toks)
	if i, j := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')'); i >= 0 && j > i && strings.Contains(s[:i], "@") {
		return strings.TrimSpace(s[i+1 : j])
	}
	return s
}

// linkValue is an Atom link's href or an RSS link's text.
func linkValue(t xml.StartElement, toks []xml.Token) string {
	if h := attrValue(t, "href"); h != "" {
		return strings.TrimSpace(h)
	}
	return plainText(toks)
}

func attrValue(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, local) {
			return a.Value
		}
	}
	return ""
}
