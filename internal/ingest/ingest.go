// Package ingest turns sources — text, Markdown and HTML files, folders,
// JSONL and CSV collections, web pages, RSS/Atom feeds and OPML lists — into
// model.Document values. It knows nothing of the store: it reads, cleans and
// hands documents to a callback, and reports problems with single items
// through a warning callback without stopping the source.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// Limits and defaults, documented in docs/ingest.md.
const (
	DefaultMaxBytes       = 10 << 20 // largest response or single-document file accepted
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	MaxRedirects          = 5
	DefaultConcurrency    = 4 // linked pages fetched at once for one feed
)

// Reader reads sources. It is safe for concurrent use once built.
type Reader struct {
	client         *http.Client
	maxBytes       int64
	timeout        time.Duration
	connectTimeout time.Duration
	userAgent      string
	warn           func(error)
	follow         *bool // nil: follow links of feeds read by URL only
	concurrency    int
}

// Option configures a Reader.
type Option func(*Reader)

// WithClient makes the Reader use c's transport (and cookie jar). The
// redirect policy (at most MaxRedirects, loops refused) is applied when c has
// none of its own.
func WithClient(c *http.Client) Option { return func(r *Reader) { r.client = c } }

// WithMaxBytes sets the largest response body or single-document file read;
// anything larger is refused with ErrTooLarge, never truncated.
func WithMaxBytes(n int64) Option { return func(r *Reader) { r.maxBytes = n } }

// WithTimeout bounds each HTTP request, body included.
func WithTimeout(d time.Duration) Option { return func(r *Reader) { r.timeout = d } }

// WithConnectTimeout bounds connection set-up (TCP and TLS) of each request.
func WithConnectTimeout(d time.Duration) Option {
	return func(r *Reader) { r.connectTimeout = d }
}

// WithUserAgent replaces the default User-Agent header.
func WithUserAgent(s string) Option { return func(r *Reader) { r.userAgent = s } }

// WithWarn receives problems with single items (a bad JSONL line, a feed
// item whose page failed, a skipped file in a folder). Each message names
// its source; most are *ItemError. f is called from one goroutine at a
// time. Without it warnings are dropped.
func WithWarn(f func(error)) Option { return func(r *Reader) { r.warn = f } }

// WithFollowLinks decides whether feed items that carry only a short summary
// get their linked page fetched for the full text. The default follows links
// of feeds read by URL and not of feed files.
func WithFollowLinks(on bool) Option { return func(r *Reader) { r.follow = &on } }

// WithConcurrency sets how many linked pages of one feed are fetched at once.
func WithConcurrency(n int) Option { return func(r *Reader) { r.concurrency = n } }

// New returns a Reader with the given options.
func New(opts ...Option) *Reader {
	r := &Reader{
		maxBytes:       DefaultMaxBytes,
		timeout:        DefaultTimeout,
		connectTimeout: DefaultConnectTimeout,
		userAgent:      DefaultUserAgent(),
		concurrency:    DefaultConcurrency,
	}
	for _, o := range opts {
		o(r)
	}
	if r.concurrency < 1 {
		r.concurrency = 1
	}
	if r.maxBytes < 1 {
		r.maxBytes = DefaultMaxBytes
	}
	r.client = r.httpClient(r.client)
	return r
}

// DefaultUserAgent is "parley/<version> (+https://github.com/parleyhq/parley)",
// the version coming from the build information ("dev" for local builds).
func DefaultUserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "parley/" + v + " (+https://github.com/parleyhq/parley)"
}

// Errors callers may want to tell apart with errors.Is.
var (
	// ErrTooLarge: a response or file is over the size limit and was refused.
	ErrTooLarge = errors.New("over the size limit")
	// ErrSkipped: the source is not text (PDF, image, archive...) and was skipped.
	ErrSkipped = errors.New("skipped")
)

// ItemError is a problem with one item of a source. Its message reads
// "source:line: reason" or "source: item <id>: reason".
type ItemError struct {
	Source string
	Line   int    // 1-based line, 0 when not applicable
	Item   string // feed GUID, link, feed URL of an OPML entry...
	Err    error
}

func (e *ItemError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	case e.Item != "":
		return fmt.Sprintf("%s: item %s: %v", e.Source, e.Item, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.Source, e.Err)
	}
}

func (e *ItemError) Unwrap() error { return e.Err }

func (r *Reader) warnf(src string, line int, item string, err error) {
	if r.warn != nil {
		r.warn(&ItemError{Source: src, Line: line, Item: item, Err: err})
	}
}

// Read reads one source argument — a file, a folder, or an http(s) URL of a
// page, feed or OPML list — and calls emit for each document found. A
// returned error means the source as a whole failed; problems with single
// items go to the warning callback. An error from emit stops reading and is
// returned as is.
func (r *Reader) Read(ctx context.Context, src string, emit func(*model.Document) error) error {
	if isURL(src) {
		return r.readURL(ctx, src, emit)
	}
	fi, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, pathErr(err))
	}
	if fi.IsDir() {
		return r.readDir(ctx, src, emit)
	}
	return r.readFile(ctx, src, false, emit)
}

// ReadFrom reads one source from in (standard input, an upload). name is
// used to detect the kind (by extension, else by content) and in messages.
func (r *Reader) ReadFrom(ctx context.Context, name string, in io.Reader, emit func(*model.Document) error) error {
	br := newPeekReader(in)
	k := Detect(name, "", br.peek())
	if k == Unknown {
		return fmt.Errorf("%s: %w: %s", name, ErrSkipped, unsupported(br.peek()))
	}
	return r.readKind(ctx, source{name: name, kind: k, follow: r.followLinks(false)}, br, emit)
}

// unsupported says why content was not read.
func unsupported(head []byte) string {
	if root := rootElement(head); root != "" {
		return fmt.Sprintf("XML document <%s>, not a feed or an OPML list", root)
	}
	return "not a supported text source"
}

// source describes one thing being read.
type source struct {
	name        string // the argument or file path, used in messages and Origin
	url         string // set for sources fetched over HTTP
	kind        Kind
	contentType string // HTTP Content-Type, "" for files
	follow      bool   // fetch linked pages of short feed items
}

func (r *Reader) readFile(ctx context.Context, path string, inDir bool, emit func(*model.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, pathErr(err))
	}
	defer f.Close()
	br := newPeekReader(f)
	k := Detect(path, "", br.peek())
	if inDir && byExtension(path) == Unknown {
		// In folders only known extensions count, so that stray files
		// (.json configs, scripts, images) are not read as articles.
		k = Unknown
	}
	if k == Unknown {
		return fmt.Errorf("%s: %w: %s", path, ErrSkipped, unsupported(br.peek()))
	}
	return r.readKind(ctx, source{name: path, kind: k, follow: r.followLinks(false)}, br, emit)
}

// followLinks tells whether short feed items get their page fetched:
// as set by WithFollowLinks, else only for feeds read over HTTP.
func (r *Reader) followLinks(overHTTP bool) bool {
	if r.follow != nil {
		return *r.follow
	}
	return overHTTP
}

// readKind dispatches on the kind of a source. Collections (JSONL, CSV) are
// streamed; everything else is one bounded document read whole.
func (r *Reader) readKind(ctx context.Context, s source, in peekReader, emit func(*model.Document) error) error {
	if s.kind == JSONL || s.kind == CSV {
		return r.readCollection(s, utf8Stream(in), emit)
	}
	body, err := readLimited(in, r.maxBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", s.name, err)
	}
	return r.readBody(ctx, s, body, emit)
}

// readBody handles a source already in memory.
func (r *Reader) readBody(ctx context.Context, s source, body []byte, emit func(*model.Document) error) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return fmt.Errorf("%s: empty", s.name)
	}
	switch s.kind {
	case JSONL, CSV:
		text, _ := decode(body, s.contentType, s.kind)
		return r.readCollection(s, strings.NewReader(text), emit)
	case Feed:
		_, err := r.readFeed(ctx, s, body, emit)
		return err
	case OPML:
		return r.readOPML(ctx, s, body, emit)
	}
	text, note := decode(body, s.contentType, s.kind)
	var d *model.Document
	switch s.kind {
	case HTML:
		d = htmlDocument(text, s.url)
	case Markdown:
		d = markdownDocument(text, s.name)
	default:
		d = textDocument(text, s.name)
	}
	if strings.TrimSpace(d.Text) == "" {
		return fmt.Errorf("%s: no text found", s.name)
	}
	if note != "" {
		d.Notes = append(d.Notes, note)
	}
	d.Origin = s.name
	if s.url != "" && d.URL == "" {
		d.URL = s.url
	}
	finish(d)
	return emit(d)
}

func (r *Reader) readCollection(s source, in io.Reader, emit func(*model.Document) error) error {
	if s.kind == CSV {
		return r.readCSV(s, in, emit)
	}
	return r.readJSONL(s, in, emit)
}

func (r *Reader) readDir(ctx context.Context, dir string, emit func(*model.Document) error) error {
	// WalkDir visits entries in lexical order, so runs are reproducible.
	return filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return fmt.Errorf("read %s: %w", dir, pathErr(err))
			}
			r.warnf(path, 0, "", pathErr(err))
			return nil
		}
		if path != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if !e.Type().IsRegular() && e.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		err = r.readFile(ctx, path, true, guard(emit))
		if stop, ok := emitted(err); ok {
			return stop
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && r.warn != nil {
			// One bad file does not stop the folder; the error names the file.
			r.warn(err)
		}
		return nil
	})
}

// emitError marks an error returned by the caller's emit, which must stop
// reading and reach the caller unchanged.
type emitError struct{ err error }

func (e *emitError) Error() string { return e.err.Error() }
func (e *emitError) Unwrap() error { return e.err }

// guard wraps emit so that its errors can be told apart from source errors
// by emitted.
func guard(emit func(*model.Document) error) func(*model.Document) error {
	return func(d *model.Document) error {
		if err := emit(d); err != nil {
			return &emitError{err}
		}
		return nil
	}
}

// emitted reports whether err came from a guarded emit, and returns the
// caller's original error.
func emitted(err error) (error, bool) {
	var ee *emitError
	if errors.As(err, &ee) {
		return ee.err, true
	}
	return nil, false
}

// pathErr drops the operation and path from an *fs.PathError, since the
// caller's message names the path already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readLimited reads all of in, refusing more than max bytes.
func readLimited(in io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
