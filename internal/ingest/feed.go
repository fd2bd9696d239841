package ingest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/parleyhq/parley/internal/model"
)

// minFullText is the length (in characters) under which a feed item's text
// is taken for a teaser and its linked page is fetched when links are
// followed.
const minFullText = 500

// FeedState is what polling a feed needs to remember between polls; the
// store keeps it.
type FeedState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// NotModified is set when the server answered 304: nothing was read.
	NotModified bool   `json:"-"`
	Title       string `json:"title,omitempty"` // the feed's own title
	Link        string `json:"link,omitempty"`  // the site the feed belongs to
	URL         string `json:"url,omitempty"`   // where the feed was found, after redirects
	Items       int    `json:"-"`               // documents emitted by this poll
}

// PollFeed fetches a feed with a conditional request built from prev and
// emits its items. On 304 Not Modified it returns prev with NotModified set.
func (r *Reader) PollFeed(ctx context.Context, feedURL string, prev FeedState, emit func(*model.Document) error) (FeedState, error) {
	res, err := r.fetch(ctx, feedURL, prev.ETag, prev.LastModified)
	if err != nil {
		return prev, err
	}
	if res.notModified {
		st := prev
		st.NotModified, st.Items = true, 0
		st.ETag = firstNonEmpty(res.etag, prev.ETag)
		st.LastModified = firstNonEmpty(res.lastModified, prev.LastModified)
		return st, nil
	}
	if k := Detect(res.url, res.contentType, res.body); k != Feed {
		return prev, fmt.Errorf("poll %s: not a feed (%s)", feedURL, kindOrType(k, res.contentType))
	}
	n := 0
	count := func(d *model.Document) error { n++; return emit(d) }
	info, err := r.readFeed(ctx, r.urlSource(feedURL, res, Feed), res.body, count)
	st := FeedState{ETag: res.etag, LastModified: res.lastModified, URL: res.url, Items: n}
	if info != nil {
		st.Title, st.Link = info.title, info.link
	}
	return st, err
}

func kindOrType(k Kind, ct string) string {
	if k != Unknown {
		return string(k)
	}
	return "content type " + mediaType(ct)
}

// urlSource describes a fetched resource.
func (r *Reader) urlSource(name string, res *response, k Kind) source {
	return source{name: name, url: res.url, kind: k, contentType: res.contentType, follow: r.followLinks(true)}
}

// readFeed emits the items of a feed, in feed order.
func (r *Reader) readFeed(ctx context.Context, s source, body []byte, emit func(*model.Document) error) (*feedInfo, error) {
	text, _ := decode(body, s.contentType, Feed)
	f, err := parseFeed(text)
	if err != nil {
		if f == nil || len(f.items) == 0 {
			return f, fmt.Errorf("%s: %w", s.name, err)
		}
		r.warnf(s.name, 0, "", fmt.Errorf("%w; kept the %d items before it", err, len(f.items)))
	}
	for _, d := range r.feedDocuments(ctx, s, f) {
		if err := emit(d); err != nil {
			return f, err
		}
	}
	return f, nil
}

// feedDocuments turns items into documents: one per GUID, text from the
// content or summary, and for short items with a link (when following) the
// linked page's main text, fetched a few at a time.
func (r *Reader) feedDocuments(ctx context.Context, s source, f *feedInfo) []*model.Document {
	base, _ := url.Parse(firstNonEmpty(s.url, f.link))
	seen := map[string]bool{}
	var docs []*model.Document
	var ids []string
	for _, it := range f.items {
		link := resolve(base, it.link)
		id := firstNonEmpty(it.guid, link)
		if id != "" && seen[id] {
			r.warnf(s.name, 0, id, errors.New("duplicate GUID, kept the first"))
			continue
		}
		seen[id] = true
		d := &model.Document{
			ExtID:  firstNonEmpty(it.guid, link),
			URL:    link,
			Title:  htmlToText(it.title),
			Byline: it.author,
			Outlet: f.title,
			Origin: s.name,
			Text:   itemText(it),
		}
		if date := firstNonEmpty(it.date, it.updated); date != "" {
			if t, err := parseDate(date); err == nil {
				d.Published = t
			} else {
				r.warnf(s.name, 0, itemName(id, it), fmt.Errorf("%w; kept without a date", err))
			}
		}
		docs = append(docs, d)
		ids = append(ids, itemName(id, it))
	}
	if s.follow {
		r.fetchLinked(ctx, s, docs, ids)
	}
	out := docs[:0]
	for i, d := range docs {
		if d.Text == "" {
			r.warnf(s.name, 0, ids[i], errors.New("no text, skipped"))
			continue
		}
		finish(d)
		out = append(out, d)
	}
	return out
}

// itemName names an item in messages: its GUID or link, else its line.
func itemName(id string, it feedItem) string {
	if id != "" {
		return id
	}
	return fmt.Sprintf("at line %d", it.line)
}

func itemText(it feedItem) string {
	content, summary := it.content, it.summary
	if it.contentIsText {
		content = normalizeText(content)
	} else {
		content = htmlToText(content)
	}
	if it.summaryText {
		summary = normalizeText(summary)
	} else {
		summary = htmlToText(summary)
	}
	if utf8.RuneCountInString(content) >= utf8.RuneCountInString(summary) {
		return content
	}
	return summary
}

// fetchLinked replaces teaser text with the linked page's main text,
// fetching at most r.concurrency pages at once. A failed page leaves the
// teaser, with a warning.
func (r *Reader) fetchLinked(ctx context.Context, s source, docs []*model.Document, ids []string) {
	sem := make(chan struct{}, r.concurrency)
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises warnings
	for i, d := range docs {
		if d.URL == "" || !isURL(d.URL) || utf8.RuneCountInString(d.Text) >= minFullText {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			page, err := r.fetchPage(ctx, d.URL)
			if err != nil {
				mu.Lock()
				r.warnf(s.name, 0, ids[i], fmt.Errorf("%w; kept the summary", err))
				mu.Unlock()
				return
			}
			mergePage(d, page)
		}()
	}
	wg.Wait()
}

// mergePage takes the page's text when it is longer than the teaser, and
// fills what the feed item lacked.
func mergePage(d, page *model.Document) {
	if len(page.Text) > len(d.Text) {
		d.Text = page.Text
		d.Lang = page.Lang
	}
	d.CanonicalURL = page.CanonicalURL
	if d.Title == "" {
		d.Title = page.Title
	}
	if d.Byline == "" {
		d.Byline = page.Byline
	}
	if d.Published.IsZero() {
		d.Published = page.Published
	}
	if d.Outlet == "" {
		d.Outlet = page.Outlet
	}
}

// FeedRef is a feed found in an OPML list or a page.
type FeedRef struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
}

// readOPML reads every feed of an OPML list. A feed that fails is a warning
// naming it; the list fails only if it holds no feed.
func (r *Reader) readOPML(ctx context.Context, s source, body []byte, emit func(*model.Document) error) error {
	text, _ := decode(body, s.contentType, OPML)
	refs, err := parseOPML(text)
	if err != nil {
		return fmt.Errorf("%s: %w", s.name, err)
	}
	for _, ref := range refs {
		err := r.readFeedURL(ctx, ref.URL, guard(emit))
		if stop, ok := emitted(err); ok {
			return stop
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			r.warnf(s.name, 0, ref.URL, err)
		}
	}
	return nil
}

// readFeedURL reads a feed named by an OPML list; it must be a feed.
func (r *Reader) readFeedURL(ctx context.Context, feedURL string, emit func(*model.Document) error) error {
	res, err := r.fetch(ctx, feedURL, "", "")
	if err != nil {
		return err
	}
	if k := Detect(res.url, res.contentType, res.body); k != Feed {
		return fmt.Errorf("fetch %s: not a feed (%s)", feedURL, kindOrType(k, res.contentType))
	}
	_, err = r.readFeed(ctx, r.urlSource(feedURL, res, Feed), res.body, emit)
	return err
}

// parseOPML lists the outlines with an xmlUrl, at any depth.
func parseOPML(s string) ([]FeedRef, error) {
	d := xmlDecoder(s)
	var refs []FeedRef
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(refs) > 0 {
				break // keep the outlines read before the damage
			}
			return nil, syntaxError(err)
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		name := strings.ToLower(t.Name.Local)
		if root == "" {
			root = name
			if root != "opml" {
				return nil, fmt.Errorf("not an OPML list: root element <%s>", t.Name.Local)
			}
		}
		if name != "outline" {
			continue
		}
		if u := strings.TrimSpace(attrValue(t, "xmlUrl")); u != "" {
			refs = append(refs, FeedRef{URL: u, Title: firstNonEmpty(attrValue(t, "title"), attrValue(t, "text"))})
		}
	}
	if root == "" {
		return nil, errors.New("not an OPML list: no XML element")
	}
	if len(refs) == 0 {
		return nil, errors.New("no feeds (no outline with an xmlUrl)")
	}
	return refs, nil
}

// FeedURLs lists the feeds a source names, for subscribing: the feeds of an
// OPML list (file or URL), a feed URL itself, or the feeds a web page
// advertises with <link rel="alternate">.
func (r *Reader) FeedURLs(ctx context.Context, src string) ([]FeedRef, error) {
	var body []byte
	var k Kind
	var ct, base string
	if isURL(src) {
		res, err := r.fetch(ctx, src, "", "")
		if err != nil {
			return nil, err
		}
		body, ct, base = res.body, res.contentType, res.url
		k = Detect(res.url, ct, body)
	} else {
		f, err := os.Open(src)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", src, pathErr(err))
		}
		defer f.Close()
		if body, err = readLimited(f, r.maxBytes); err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		k = Detect(src, "", body)
	}
	text, _ := decode(body, ct, k)
	switch k {
	case OPML:
		refs, err := parseOPML(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		return refs, nil
	case Feed:
		f, err := parseFeed(text)
		if err != nil && (f == nil || len(f.items) == 0) {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		return []FeedRef{{URL: src, Title: f.title}}, nil
	case HTML:
		refs := advertisedFeeds(text, base)
		if len(refs) == 0 {
			return nil, fmt.Errorf("%s: a page that advertises no feed", src)
		}
		return refs, nil
	}
	return nil, fmt.Errorf("%s: not a feed or an OPML list (%s)", src, kindOrType(k, ct))
}

// advertisedFeeds finds <link rel="alternate" type="application/rss+xml">
// (or Atom) in a page.
func advertisedFeeds(src, pageURL string) []FeedRef {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil
	}
	base, _ := url.Parse(pageURL)
	var refs []FeedRef
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "link" && hasToken(attr(n, "rel"), "alternate") {
			switch strings.ToLower(attr(n, "type")) {
			case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
				if u := resolve(base, attr(n, "href")); u != "" {
					refs = append(refs, FeedRef{URL: u, Title: attr(n, "title")})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return refs
}
