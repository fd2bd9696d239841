// Package nlptest provides test and benchmark input for the NLP packages:
// real news text from the Wikinews reference data, split into sentences by
// the real tokenizer, and the project's hand-written trees; and the rates
// the benchmarks report.
package nlptest

import (
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

// Documents returns the Wikinews articles of the reference data as
// documents with their text only (no analysis). It skips tb when the data
// is missing.
func Documents(tb testing.TB) []model.Document {
	tb.Helper()
	arts, err := refdata.Wikinews()
	if err != nil {
		tb.Skipf("no Wikinews reference data: %v", err)
	}
	docs := make([]model.Document, len(arts))
	for i, a := range arts {
		docs[i] = model.Document{URL: a.URL, Title: a.Title, Text: a.Text}
	}
	return docs
}

// Wikinews returns the sentences of the Wikinews articles, split into
// tokens by tokenize.Sentences. It skips tb when the data is missing.
func Wikinews(tb testing.TB) [][]model.Token {
	tb.Helper()
	var out [][]model.Token
	for _, d := range Documents(tb) {
		for _, s := range tokenize.Sentences(d.Text) {
			out = append(out, s.Tokens)
		}
	}
	return out
}

// CPUTime is the processor time (user and system) the process has used so
// far. Benchmarks report rates per CPU-second next to wall-clock rates,
// because on a shared machine wall-clock time also counts other programs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Trees reads the sentences of a CoNLL-U file as tokens with their gold
// tags and trees. It fails tb on any error.
func Trees(tb testing.TB, path string) [][]model.Token {
	tb.Helper()
	sents, err := conllu.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([][]model.Token, len(sents))
	for i, s := range sents {
		out[i] = s.Tokens()
	}
	return out
}

// Tiny returns the hand-written trees of internal/nlp/testdata/tiny.conllu,
// found from this file so that any package's tests can read them.
func Tiny(tb testing.TB) [][]model.Token {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("nlptest: no source path for tiny.conllu")
	}
	return Trees(tb, filepath.Join(filepath.Dir(file), "..", "testdata", "tiny.conllu"))
}

// OwnClusters learns word clusters from sents alone: clusters other than the
// embedded ones, for tests of the models' cluster checksum.
func OwnClusters(tb testing.TB, sents [][]model.Token) *cluster.Clusters {
	tb.Helper()
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = cluster.Words(s)
	}
	c, err := cluster.Brown(words, cluster.Window(4), cluster.MinCount(1))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// Report gives a benchmark's rates per wall-clock second and per CPU-second
// of the process (cpu0 is CPUTime before the loop); with -cpu 1 the two
// agree on an idle machine.
func Report(b *testing.B, cpu0 time.Duration, sents, words int64) {
	cpu := (CPUTime() - cpu0).Seconds()
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sents/s")
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(sents)/cpu, "sents/cpu-s")
	b.ReportMetric(float64(words)/cpu, "words/cpu-s")
}
