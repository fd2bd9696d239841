// Package nlptest provides test and benchmark input for the NLP packages:
// real news text from the Wikinews reference data, split into sentences by
// the real tokenizer.
package nlptest

import (
	"syscall"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
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
