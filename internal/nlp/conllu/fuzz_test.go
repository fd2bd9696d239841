package conllu

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRead feeds arbitrary input to Read: it must never panic, errors must
// name the input and a line, and what it accepts must survive Write and a
// second Read with the same number of
// sentences and words.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n\n",
		"1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n",
		"1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n1.1\tb\t_\t_\t_\t_\t_\t_\t_\t_\n",
		"1\ta\tb\n", "# only a comment\n\n", "2\tx\t_\t_\t_\t_\t0\t_\t_\t_\n", "\r\n\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var got []*Sentence
		err := Read(strings.NewReader(in), "in", func(s *Sentence) error {
			if s.Validate() == nil {
				s.Tokens() // must not panic on any valid sentence
			}
			got = append(got, s)
			return nil
		})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		var buf bytes.Buffer
		for _, s := range got {
			if err := Write(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
		var again []*Sentence
		if err := Read(&buf, "again", func(s *Sentence) error {
			again = append(again, s)
			return nil
		}); err != nil {
			t.Fatalf("reading back what Write produced: %v", err)
		}
		if len(again) != len(got) {
			t.Fatalf("round trip: %d sentences, then %d", len(got), len(again))
		}
		for i := range got {
			if len(again[i].Words) != len(got[i].Words) {
				t.Fatalf("round trip sentence %d: %d words, then %d", i, len(got[i].Words), len(again[i].Words))
			}
		}
	})
}
