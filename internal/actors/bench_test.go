package actors

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

// BenchmarkLoadPhoenix loads the full Phoenix dictionaries (three actor
// files, agents, discards, issues) without the built-in ones, and reports
// the heap the loaded dictionary keeps.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := petrarchDir(b, phoenixFiles...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(dir, WithoutDefaults()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(retainedMB(func() any { d, _ := Load(dir, WithoutDefaults()); return d }), "MB-retained")
}

// BenchmarkLoadDefault parses the embedded dictionaries (Default caches
// them; this measures the parse).
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bl := newBuilder(config{})
		if err := bl.ownFS(defaultFS, "data", layerDefault); err != nil {
			b.Fatal(err)
		}
		if _, err := bl.build(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(retainedMB(func() any {
		bl := newBuilder(config{})
		_ = bl.ownFS(defaultFS, "data", layerDefault)
		d, _ := bl.build()
		return d
	}), "MB-retained")
}

// retainedMB measures the live heap that the value made by f keeps.
func retainedMB(f func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}

// BenchmarkResolveSeed resolves the seed article, split into one sentence
// per line and tokenized by the test helper.
func BenchmarkResolveSeed(b *testing.B) {
	dir, err := refdata.Dir()
	if err != nil {
		b.Skip(err)
	}
	data, err := os.ReadFile(dir + "/../seed/zelensky-white-house-meeting.txt")
	if err != nil {
		b.Skip(err)
	}
	doc := newDoc(b, "2023-11-20", strings.Split(strings.TrimSpace(string(data)), "\n")...)
	d := mustDefault(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Resolve(doc)
	}
}
