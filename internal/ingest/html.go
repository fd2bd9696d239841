package ingest

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"

	"github.com/parleyhq/parley/internal/model"
)

// maxElems bounds the work main-text extraction does on one page.
const maxElems = 200_000

// htmlDocument extracts a page: main text (navigation, ads, scripts and
// comments dropped, paragraphs separated by blank lines), title, byline,
// publication date, canonical URL and outlet. pageURL may be "" for files.
func htmlDocument(src, pageURL string) *model.Document {
	base, _ := url.Parse(pageURL)
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// html.Parse only fails on reader errors, impossible here; treat
		// the markup as text rather than lose it.
		return &model.Document{Text: normalizeText(src)}
	}
	m := readMeta(doc, base)
	byline := declutter(doc)

	p := readability.NewParser()
	p.MaxElemsToParse = maxElems
	p.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	var text string
	art, err := p.ParseAndMutate(doc, base)
	if err == nil && art.Node != nil {
		text = normalizeText(render.InnerText(art.Node))
	}
	if text == "" {
		// Readability found no article (short or odd page): fall back to
		// the visible body text without navigation.
		if doc, err = html.Parse(strings.NewReader(src)); err == nil {
			text = bodyText(doc)
		}
	}
	d := &model.Document{
		Title:        art.Title(),
		Byline:       strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(art.Byline()), "By ")),
		Outlet:       strings.TrimSpace(art.SiteName()),
		CanonicalURL: m.canonical,
		Text:         text,
	}
	if d.Title == "" {
		d.Title = m.title
	}
	if d.Byline == "" {
		d.Byline = byline
	}
	for _, s := range m.dates {
		if t, err := parseDate(s); err == nil {
			d.Published = t
			break
		}
	}
	return d
}

// pageMeta is what readability does not give: canonical URL, more date
// sources, the <title> as a last resort.
type pageMeta struct {
	canonical string
	title     string
	dates     []string // candidates, best first
}

// dateMetaNames are <meta name|property|itemprop> values holding a
// publication date, beyond those readability reads.
var dateMetaNames = map[string]bool{
	"article:published_time": true, "og:published_time": true, "date": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "publish_date": true, "dc.date": true,
	"dc.date.issued": true, "dcterms.date": true, "dcterms.issued": true, "dcterms.created": true,
	"article.published": true, "sailthru.date": true, "citation_publication_date": true,
	"datepublished": true, "parsely-pub-date": true,
}

func readMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var ogURL, timeAny string
	var timePub []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if m.title == "" {
					m.title = textOf(n)
				}
			case "link":
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = resolve(base, attr(n, "href"))
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := strings.TrimSpace(attr(n, "content"))
				switch {
				case key == "og:url" && ogURL == "":
					ogURL = resolve(base, content)
				case dateMetaNames[key] && content != "":
					m.dates = append(m.dates, content)
				}
			case "time":
				dt := firstNonEmpty(attr(n, "datetime"), textOf(n))
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					timePub = append(timePub, dt)
				} else if timeAny == "" {
					timeAny = dt
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") {
					if s := jsonLDDate(textOf(n)); s != "" {
						m.dates = append([]string{s}, m.dates...)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if u, err := url.Parse(m.canonical); err == nil && !u.IsAbs() {
		// A relative canonical link in a saved page: resolve it against
		// og:url, or drop it.
		m.canonical = ""
		if og, err := url.Parse(ogURL); err == nil && og.IsAbs() {
			m.canonical = og.ResolveReference(u).String()
		}
	}
	if m.canonical == "" {
		m.canonical = ogURL
	}
	m.dates = append(m.dates, timePub...)
	if timeAny != "" {
		m.dates = append(m.dates, timeAny)
	}
	return m
}

// jsonLDDate finds the first datePublished anywhere in a JSON-LD block
// (articles are often nested in @graph or arrays).
func jsonLDDate(src string) string {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return ""
	}
	var find func(any, int) string
	find = func(v any, depth int) string {
		if depth > 8 {
			return ""
		}
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && s != "" {
				return s
			}
			for _, c := range v {
				if s := find(c, depth+1); s != "" {
					return s
				}
			}
		case []any:
			for _, c := range v {
				if s := find(c, depth+1); s != "" {
					return s
				}
			}
		}
		return ""
	}
	return find(v, 0)
}

// clutterClass matches class and id tokens of ads, share bars and the like,
// which readability keeps when they sit inside the article.
var clutterClass = regexp.MustCompile(`(?i)^(ads?|adv|advert|advertisement|ad[-_].*|.*[-_]ads?|sponsor(ed)?|promo(tion)?|banner|share|sharing|social|newsletter|related|outbrain|taboola|paywall|subscribe)$`)

// bylineClass matches the elements holding a byline or a dateline.
var bylineClass = regexp.MustCompile(`(?i)^(byline|by-line|author|article-author|dateline|timestamp|publish(ed)?-date)$`)

// declutter removes navigation, ads, share bars, bylines and standalone
// <time> elements from the page before extraction, and returns the byline.
func declutter(doc *html.Node) (byline string) {
	prune(doc, func(n *html.Node) bool {
		classes := strings.Fields(attr(n, "class") + " " + attr(n, "id"))
		for _, c := range classes {
			if clutterClass.MatchString(c) {
				return true
			}
		}
		for _, c := range classes {
			if bylineClass.MatchString(c) {
				if byline == "" && !strings.EqualFold(c, "dateline") && !strings.EqualFold(c, "timestamp") {
					byline = strings.TrimPrefix(textOf(n), "By ")
				}
				return true
			}
		}
		return n.Data == "time" && n.Parent != nil && isBlock(n.Parent) ||
			chromeTags[n.Data] ||
			n.Data == "header" && !inArticle(n)
	})
	return byline
}

// prune removes from doc the elements drop selects, with their subtrees
// (which drop does not see). Removal waits for the walk to finish, so
// drop always sees the whole tree around the element.
func prune(doc *html.Node, drop func(*html.Node) bool) {
	var dropped []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && drop(n) {
			dropped = append(dropped, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range dropped {
		n.Parent.RemoveChild(n)
	}
}

// chromeTags hold navigation and page furniture, never article text.
var chromeTags = map[string]bool{"nav": true, "footer": true, "aside": true, "form": true, "button": true, "menu": true}

// inArticle reports whether n sits inside <article> or <main>, where a
// <header> holds the headline and standfirst rather than site navigation.
func inArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "article" || p.Data == "main") {
			return true
		}
	}
	return false
}

// isBlock reports elements whose <time> children stand alone rather than
// inside a sentence.
func isBlock(n *html.Node) bool {
	switch n.Data {
	case "article", "header", "div", "section", "main", "footer", "body", "aside", "figure":
		return true
	}
	return false
}

// skipTags are left out of fallback body text, besides chromeTags.
var skipTags = map[string]bool{
	"header": true, "noscript": true, "script": true, "style": true, "template": true,
	"select": true, "svg": true, "iframe": true,
}

// bodyText is the visible text of a page without navigation and chrome.
func bodyText(doc *html.Node) string {
	prune(doc, func(n *html.Node) bool { return skipTags[n.Data] || chromeTags[n.Data] })
	return normalizeText(render.InnerText(doc))
}

// htmlToText renders an HTML fragment (a feed item's content) as text with
// paragraph breaks.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return normalizeText(s)
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return normalizeText(s)
	}
	return bodyText(doc)
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// resolve makes ref absolute against base when it can.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && base.Scheme != "" {
		u = base.ResolveReference(u)
	}
	return u.String()
}
