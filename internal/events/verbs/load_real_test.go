package verbs

import (
	"testing"

	"github.com/parleyhq/parley/internal/cameo"
	"github.com/parleyhq/parley/internal/refdata"
)

func TestLoadPetrarchFiles(t *testing.T) {
	tests := []struct {
		file      string
		opts      []Option
		minVerbs  int
		minBlocks int
	}{
		{"CAMEO.2.0.txt", []Option{Lenient(), WithCodeCheck(cameo.Valid)}, 1500, 350},
		{"PETR.Validate.verbs.txt", []Option{Lenient()}, 200, 150},
	}
	for _, tt := range tests {
		path, err := refdata.Path("petrarch2", tt.file)
		if err != nil {
			t.Skipf("reference data: %v", err)
		}
		d, err := LoadFile(path, tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if d.Verbs() < tt.minVerbs || len(d.Blocks) < tt.minBlocks {
			t.Errorf("%s: %d verbs, %d blocks; want at least %d, %d", tt.file, d.Verbs(), len(d.Blocks), tt.minVerbs, tt.minBlocks)
		}
		t.Logf("%s: %d verbs, %d blocks, %d synsets, %d transforms, %d warnings", tt.file, d.Verbs(), len(d.Blocks), len(d.Synsets), len(d.Transforms), len(d.Warnings))
		for _, w := range d.Warnings {
			t.Log(w)
		}
	}
}

func BenchmarkLoadCAMEO2(b *testing.B) {
	path, err := refdata.Path("petrarch2", "CAMEO.2.0.txt")
	if err != nil {
		b.Skipf("reference data: %v", err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadFile(path, Lenient(), WithCodeCheck(cameo.Valid)); err != nil {
			b.Fatal(err)
		}
	}
}
