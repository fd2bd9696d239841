package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

// BenchmarkIngestWikinews runs `parley ingest` on the 295 Wikinews articles
// (both CSV files) into a fresh store per iteration and reports documents/s
// and MB/s of CSV read.
//
//	go test -run XXX -bench IngestWikinews -benchtime 5x ./cmd/parley/
func BenchmarkIngestWikinews(b *testing.B) {
	var files []string
	var size int64
	for _, name := range []string{"wikinews_2019.csv", "wikinews_2020.csv"} {
		p, err := refdata.Path("wikinews", name)
		if err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
		size += fi.Size()
	}
	dir := b.TempDir()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		args := append([]string{"ingest", "--json", "--db", db}, files...)
		if code, out, errs := run(b, "", args...); code != 0 {
			b.Fatalf("exit %d: %s %s", code, out, errs)
		}
	}
	b.ReportMetric(float64(295*b.N)/b.Elapsed().Seconds(), "docs/s")
}
