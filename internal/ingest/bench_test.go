package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

func benchRead(b *testing.B, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		b.Skip(err)
	}
	r := New()
	b.SetBytes(fi.Size())
	for b.Loop() {
		n := 0
		if err := r.Read(context.Background(), path, func(*model.Document) error { n++; return nil }); err != nil || n == 0 {
			b.Fatalf("%v, %d documents", err, n)
		}
	}
}

// BenchmarkWikinewsCSV reads the 171 articles of 2019 (CSV parsing,
// normalisation, dates, language detection).
func BenchmarkWikinewsCSV(b *testing.B) {
	p, err := refdata.Path("wikinews", "wikinews_2019.csv")
	if err != nil {
		b.Skip(err)
	}
	benchRead(b, p)
}

// BenchmarkHTMLPage extracts one article page (parsing, main-text
// extraction, metadata).
func BenchmarkHTMLPage(b *testing.B) {
	benchRead(b, filepath.Join("testdata", "golden", "article.html"))
}

// BenchmarkRSS reads a small RSS 2.0 feed file.
func BenchmarkRSS(b *testing.B) { benchRead(b, filepath.Join("testdata", "golden", "rss2.xml")) }
