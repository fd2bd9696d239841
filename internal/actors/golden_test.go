package actors

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestSeedGolden resolves the seed article (one sentence per line, the test
// tokenizer, no NER) and compares with testdata/seed.golden. Run with
// -update after a deliberate change and review the diff.
func TestSeedGolden(t *testing.T) {
	dir, err := refdata.Dir()
	if err != nil {
		t.Skip(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "..", "seed", "zelensky-white-house-meeting.txt"))
	if err != nil {
		t.Skip(err)
	}
	doc := newDoc(t, "2023-11-20", strings.Split(strings.TrimSpace(string(data)), "\n")...)
	var b strings.Builder
	b.WriteString("# sentence\ttext\tcode\tkind\ttitle\tantecedent\n")
	for _, m := range mustDefault(t).Resolve(doc) {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%d\n", m.Sentence, spanText(doc, m), m.Code, m.Kind, m.Title, m.Antecedent)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seed mentions differ from %s (run with -update and review the diff):\n%s", golden, got)
	}
}
