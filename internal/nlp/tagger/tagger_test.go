package tagger

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
)

func tiny(t testing.TB) [][]model.Token { return nlptest.Tiny(t) }

func untagged(s []model.Token) []model.Token {
	out := make([]model.Token, len(s))
	for i, t := range s {
		out[i] = model.Token{Text: t.Text}
	}
	return out
}

func TestTrainFitsTrainingData(t *testing.T) {
	sents := tiny(t)
	tg, err := Train(sents, Epochs(10), MinUpdates(1))
	if err != nil {
		t.Fatal(err)
	}
	right, total := 0, 0
	for _, s := range sents {
		pred := untagged(s)
		tg.Tag(pred)
		for i := range s {
			total++
			if pred[i].UPOS == s[i].UPOS && pred[i].XPOS == s[i].XPOS {
				right++
			}
		}
	}
	if acc := float64(right) / float64(total); acc < 0.95 {
		t.Errorf("training accuracy %.3f, want >= 0.95", acc)
	}
}

func TestDeterministicRoundTrip(t *testing.T) {
	sents := tiny(t)
	var outs [][]byte
	for range 2 {
		tg, err := Train(sents, Epochs(3), Seed(7))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := tg.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("same data and seed gave different models")
	}
	tg, err := Read(bytes.NewReader(outs[0]))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	tg.WriteTo(&again)
	if !bytes.Equal(again.Bytes(), outs[0]) {
		t.Error("write(read(model)) differs from model")
	}
}

func TestReadErrors(t *testing.T) {
	tg, _ := Train(tiny(t), Epochs(1))
	var b bytes.Buffer
	tg.WriteTo(&b)
	good := b.Bytes()
	for _, tc := range []struct {
		name, data, want string
	}{
		{"empty", "", "empty tagger model"},
		{"magic", "PLYPAR1\nxxxx", "bad magic"},
		{"truncated", string(good[:len(good)/2]), "tagger model"},
	} {
		_, err := Read(strings.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil); err == nil {
		t.Error("no data accepted")
	}
	bad := [][]model.Token{{{Text: "x", UPOS: "NOUN"}}}
	if _, err := Train(bad, Folds(0)); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("missing XPOS: err = %v", err)
	}
	if _, err := Jackknife(tiny(t), 1); err == nil {
		t.Error("one fold accepted")
	}
}

func TestJackknifeTagsEverything(t *testing.T) {
	sents := tiny(t)
	out, err := Jackknife(sents, 4, Epochs(2))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range out {
		if len(s) != len(sents[i]) {
			t.Fatalf("sentence %d: %d tokens, want %d", i, len(s), len(sents[i]))
		}
		for j, tok := range s {
			if tok.UPOS == "" || tok.XPOS == "" || tok.Head != sents[i][j].Head {
				t.Fatalf("sentence %d token %d: %+v", i, j, tok)
			}
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	tg, _ := Train(tiny(t), Epochs(2))
	tg.Tag(nil)
	toks := []model.Token{{Text: ""}, {Text: "\xff\xfe"}, {Text: strings.Repeat("ab-", 10000)}}
	tg.Tag(toks)
	for i, tok := range toks {
		if tok.UPOS == "" {
			t.Errorf("token %d not tagged", i)
		}
	}
}

// TestDefault checks the embedded model on words whose tags are not in doubt.
func TestDefault(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := untagged([]model.Token{{Text: "The"}, {Text: "president"}, {Text: "said"}, {Text: "that"},
		{Text: "talks"}, {Text: "would"}, {Text: "resume"}, {Text: "in"}, {Text: "Geneva"}, {Text: "."}})
	tg.Tag(toks)
	want := []string{"DET|DT", "NOUN|NN", "VERB|VBD", "SCONJ|IN", "NOUN|NNS", "AUX|MD", "VERB|VB", "ADP|IN", "PROPN|NNP", "PUNCT|."}
	for i, tok := range toks {
		if got := tok.UPOS + "|" + tok.XPOS; got != want[i] {
			t.Errorf("%s: %s, want %s", tok.Text, got, want[i])
		}
	}
}

func FuzzRead(f *testing.F) {
	tg, _ := Train(tiny(f), Epochs(1))
	var b bytes.Buffer
	tg.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		tg.Tag([]model.Token{{Text: "a"}, {Text: "b"}})
	})
}

// TestSecondPassRescoresUnsure checks the margin that gates the second
// pass: trained with folds it is finite; at 0 the second pass keeps every
// first-pass tag, and at +Inf it rescores every word as in training.
func TestSecondPassRescoresUnsure(t *testing.T) {
	sents := tiny(t)
	tg, err := Train(sents, Epochs(3), Folds(2))
	if err != nil {
		t.Fatal(err)
	}
	if tg.second == nil || math.IsInf(float64(tg.sure), 0) || tg.sure < 0 {
		t.Fatalf("second pass %v, margin %v", tg.second != nil, tg.sure)
	}
	first := *tg
	first.second = nil
	never := *tg
	never.sure = 0
	always := *tg
	always.sure = float32(math.Inf(1))
	differ := false
	for _, s := range sents {
		// Reversed, the sentences are unlike the training data, so that
		// the passes disagree somewhere.
		s = slices.Clone(s)
		slices.Reverse(s)
		a, b, c := untagged(s), untagged(s), untagged(s)
		first.Tag(a)
		never.Tag(b)
		always.Tag(c)
		if !slices.Equal(a, b) {
			t.Fatalf("margin 0 changed first-pass tags: %v vs %v", a, b)
		}
		differ = differ || !slices.Equal(a, c)
	}
	if !differ {
		t.Error("rescoring every word never changed a tag; the second pass seems unused")
	}
}

// TestClusters checks that cluster features are used and that a model
// records its clusters: one trained with other clusters than the embedded
// ones does not load, one trained without any does.
func TestClusters(t *testing.T) {
	sents := tiny(t)
	own := nlptest.OwnClusters(t, sents)
	for _, tc := range []struct {
		name string
		cl   *cluster.Clusters
		want string
	}{
		{"own clusters", own, "other word clusters"},
		{"no clusters", nil, ""},
	} {
		tg, err := Train(sents, Epochs(2), Folds(0), Clusters(tc.cl))
		if err != nil {
			t.Fatal(err)
		}
		s := new(scratch)
		s.prepare(tg.lex, tg.clusters, sents[0], tg.first.NumClasses())
		feats := features(nil, s.words, pad, -1, -1, nil)
		if n := len(feats); (tc.cl != nil) != (n > 37) {
			t.Errorf("%s: %d features", tc.name, n)
		}
		var b bytes.Buffer
		tg.WriteTo(&b)
		_, err = Read(&b)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: Read: %v, want %q", tc.name, err, tc.want)
		}
	}
}
