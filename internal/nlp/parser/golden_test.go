package parser

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/parleyhq/parley/internal/nlp/tagger"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden tags and parses the hand-written sentences with the embedded
// models and compares with testdata/tiny.golden, so that any change of the
// models' output shows in review. Rewrite it with -update after retraining.
func TestGolden(t *testing.T) {
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, s := range tiny(t) {
		toks := stripped(s)
		tg.Tag(toks)
		p.Parse(toks)
		for i, tok := range toks {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%d\t%s\n", i+1, tok.Text, tok.UPOS, tok.XPOS, tok.Head, tok.Deprel)
		}
		b.WriteString("\n")
	}
	const path = "testdata/tiny.golden"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s (run with -update if the models changed on purpose):\n%s", path, b.String())
	}
}
