package ingest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

// goldenDoc is the part of a document ingest fills, in a stable layout.
type goldenDoc struct {
	ID        string   `json:"id,omitempty"`
	URL       string   `json:"url,omitempty"`
	Canonical string   `json:"canonical_url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Byline    string   `json:"byline,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Date      string   `json:"date,omitempty"`
	Lang      string   `json:"lang,omitempty"`
	Origin    string   `json:"origin,omitempty"`
	Notes     []string `json:"notes,omitempty"`
	Text      string   `json:"text"`
}

func toGolden(d *model.Document) goldenDoc {
	g := goldenDoc{ID: d.ExtID, URL: d.URL, Canonical: d.CanonicalURL, Title: d.Title, Byline: d.Byline,
		Outlet: d.Outlet, Lang: d.Lang, Origin: filepath.ToSlash(d.Origin), Notes: d.Notes, Text: d.Text}
	if !d.Published.IsZero() {
		g.Date = d.Published.Format(time.RFC3339)
	}
	return g
}

// loopbackOnly is a transport that refuses any address off the loopback,
// so that no test can reach the network, even by mistake.
var loopbackOnly = &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return nil, fmt.Errorf("test transport: refusing non-loopback address %s", addr)
		}
		return (&net.Dialer{Timeout: time.Second}).DialContext(ctx, network, addr)
	},
}

// newTest is New with the loopback-only transport.
func newTest(opts ...Option) *Reader {
	return New(append([]Option{WithClient(&http.Client{Transport: loopbackOnly})}, opts...)...)
}

// read runs a Reader over src and returns the documents, the warnings and
// the error.
func read(t testing.TB, src string, opts ...Option) ([]*model.Document, []string, error) {
	t.Helper()
	var warns []string
	opts = append([]Option{WithWarn(func(err error) { warns = append(warns, err.Error()) })}, opts...)
	r := newTest(opts...)
	var docs []*model.Document
	err := r.Read(context.Background(), src, func(d *model.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, warns, err
}

// TestGolden reads every fixture in testdata/golden and compares the
// documents and warnings with the .golden file beside it (go test -update
// rewrites them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			docs, warns, err := read(t, f)
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			for _, d := range docs {
				if err := enc.Encode(toGolden(d)); err != nil {
					t.Fatal(err)
				}
			}
			for _, w := range warns {
				b.WriteString("warning: " + w + "\n")
			}
			if err != nil {
				b.WriteString("error: " + err.Error() + "\n")
			}
			golden := f + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", f, golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures in testdata/golden")
	}
}
