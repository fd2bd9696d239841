package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/dedup"
	"github.com/parleyhq/parley/internal/model"
)

// synthetic makes n distinct article-length texts from the Wikinews
// vocabulary, deterministically.
func synthetic(tb testing.TB, n int, seed int64) []string {
	var vocab []string
	for _, d := range wikinews(tb) {
		vocab = append(vocab, strings.Fields(d.Text)...)
	}
	r := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for w := 0; w < 300; w++ {
			b.WriteString(vocab[r.Intn(len(vocab))])
			b.WriteByte(' ')
		}
		out[i] = b.String()
	}
	return out
}

// BenchmarkNearDuplicate measures the near-duplicate check (LSH look-up and
// signature confirmation) and a full AddDocument against stores already
// holding 10k and 100k documents. The cost should stay flat as N grows.
//
//	go test -run XXX -bench NearDuplicate -benchtime 2000x ./internal/store/
func BenchmarkNearDuplicate(b *testing.B) {
	for _, stored := range []int{10_000, 100_000} {
		ctx := context.Background()
		s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		for i, text := range synthetic(b, stored, 1) {
			if _, err := s.AddDocument(ctx, &model.Document{Title: fmt.Sprint("doc ", i), Text: text}); err != nil {
				b.Fatal(err)
			}
		}
		probes := synthetic(b, 5000, 2)
		b.Run(fmt.Sprintf("check/stored=%d", stored), func(b *testing.B) {
			tx, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer tx.Rollback()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sig, _ := dedup.Sign(probes[i%len(probes)])
				keys := dedup.BandKeys(&sig)
				if _, _, err := nearest(ctx, tx, &sig, keys[:]); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("add/stored=%d", stored), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				doc := &model.Document{Title: "probe", Text: fmt.Sprint(i, " ", probes[i%len(probes)])}
				if _, err := s.AddDocument(ctx, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
		s.Close()
	}
}
