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
// and MB/s of CSV read: storing only (--no-analyze), and storing with the
// full analysis on all cores (the default).
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
	for _, mode := range []struct {
		name  string
		flags []string
	}{{"store", []string{"--no-analyze"}}, {"analyse", nil}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := b.TempDir()
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				db := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
				args := append(append([]string{"ingest", "--json", "--db", db}, mode.flags...), files...)
				if code, out, errs := run(b, "", args...); code != 0 {
					b.Fatalf("exit %d: %s %s", code, out, errs)
				}
			}
			b.ReportMetric(float64(295*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
