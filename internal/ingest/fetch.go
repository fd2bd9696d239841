package ingest

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// accept prefers what parley reads, but takes anything: the content type
// decides afterwards.
const accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/xml;q=0.9,text/*;q=0.8,*/*;q=0.1"

// HTTPError is a response with an error status.
type HTTPError struct {
	URL        string
	StatusCode int
	Status     string // "404 Not Found"
}

func (e *HTTPError) Error() string { return fmt.Sprintf("fetch %s: HTTP %s", e.URL, e.Status) }

// response is a fetched resource.
type response struct {
	url          string // after redirects
	contentType  string
	body         []byte
	etag         string
	lastModified string
	notModified  bool
}

// httpClient returns c (copied) or a new client with connect timeouts, with
// the redirect policy set when c has none.
func (r *Reader) httpClient(c *http.Client) *http.Client {
	if c == nil {
		d := &net.Dialer{Timeout: r.connectTimeout, KeepAlive: 30 * time.Second}
		c = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           d.DialContext,
			TLSHandshakeTimeout:   r.connectTimeout,
			MaxIdleConnsPerHost:   DefaultConcurrency,
			IdleConnTimeout:       90 * time.Second,
			ExpectContinueTimeout: time.Second,
			ForceAttemptHTTP2:     true,
		}}
	} else {
		cp := *c
		c = &cp
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = checkRedirect
	}
	return c
}

// checkRedirect allows MaxRedirects redirects and names loops.
func checkRedirect(req *http.Request, via []*http.Request) error {
	next := req.URL.String()
	for i, v := range via {
		if v.URL.String() == next {
			chain := make([]string, 0, len(via)-i+1)
			for _, w := range via[i:] {
				chain = append(chain, w.URL.String())
			}
			return fmt.Errorf("redirect loop: %s -> %s", strings.Join(chain, " -> "), next)
		}
	}
	if len(via) > MaxRedirects {
		return fmt.Errorf("stopped after %d redirects (at %s)", MaxRedirects, via[len(via)-1].URL)
	}
	return nil
}

// fetch GETs rawURL. etag and lastModified, when set, make the request
// conditional; a 304 answer comes back with notModified set and no body.
func (r *Reader) fetch(ctx context.Context, rawURL, etag, lastModified string) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", r.userAgent)
	req.Header.Set("Accept", accept)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, r.netError(ctx, err))
	}
	defer resp.Body.Close()
	res := &response{
		url:          resp.Request.URL.String(),
		contentType:  resp.Header.Get("Content-Type"),
		etag:         resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.notModified = true
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &HTTPError{URL: rawURL, StatusCode: resp.StatusCode, Status: resp.Status}
	}
	if !textual(res.contentType) {
		return nil, fmt.Errorf("fetch %s: %w: content type %s is not text", rawURL, ErrSkipped, mediaType(res.contentType))
	}
	if resp.ContentLength > r.maxBytes {
		return nil, fmt.Errorf("fetch %s: %w: %d bytes declared, limit %d", rawURL, ErrTooLarge, resp.ContentLength, r.maxBytes)
	}
	res.body, err = readLimited(resp.Body, r.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, r.netError(ctx, err))
	}
	return res, nil
}

// netError turns transport errors into short reasons.
func (r *Reader) netError(ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", r.timeout)
	}
	return err
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt
}

// textual reports whether a content type may hold text parley reads.
// Missing and octet-stream types are let through to be sniffed.
func textual(ct string) bool {
	mt := mediaType(ct)
	switch {
	case mt == "", mt == "application/octet-stream", mt == "binary/octet-stream":
		return true
	case strings.HasPrefix(mt, "text/"):
		return true
	case strings.HasSuffix(mt, "xml"), strings.HasSuffix(mt, "json"):
		return true
	case mt == "application/x-ndjson", mt == "application/jsonl", mt == "application/x-jsonlines":
		return true
	}
	return false
}

// readURL reads a page, feed, OPML list or collection served over HTTP.
func (r *Reader) readURL(ctx context.Context, src string, emit func(*model.Document) error) error {
	res, err := r.fetch(ctx, src, "", "")
	if err != nil {
		return err
	}
	k := Detect(res.url, res.contentType, res.body)
	if k == Unknown {
		return fmt.Errorf("fetch %s: %w: content type %q is not a text source", src, ErrSkipped, mediaType(res.contentType))
	}
	return r.readBody(ctx, r.urlSource(src, res, k), res.body, emit)
}

// fetchPage fetches the page a feed item links to and extracts it.
func (r *Reader) fetchPage(ctx context.Context, link string) (*model.Document, error) {
	res, err := r.fetch(ctx, link, "", "")
	if err != nil {
		return nil, err
	}
	k := Detect(res.url, res.contentType, res.body)
	if k != HTML && k != Text && k != Markdown {
		return nil, fmt.Errorf("fetch %s: %w: content type %q is not a page", link, ErrSkipped, mediaType(res.contentType))
	}
	var doc *model.Document
	s := source{name: link, url: res.url, kind: k, contentType: res.contentType}
	err = r.readBody(ctx, s, res.body, func(d *model.Document) error { doc = d; return nil })
	return doc, err
}
