package parser

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/tagger"
	"github.com/parleyhq/parley/internal/refdata"
)

func readTrees(t testing.TB, path string) [][]model.Token {
	t.Helper()
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]model.Token
	for _, s := range sents {
		out = append(out, s.Tokens())
	}
	return out
}

func tiny(t testing.TB) [][]model.Token { return readTrees(t, "../testdata/tiny.conllu") }

// stripped keeps what the parser reads: text and tags.
func stripped(s []model.Token) []model.Token {
	out := make([]model.Token, len(s))
	for i, t := range s {
		out[i] = model.Token{Text: t.Text, UPOS: t.UPOS, XPOS: t.XPOS}
	}
	return out
}

// isTree reports what is wrong with the heads of toks, or "".
func isTree(toks []model.Token) string {
	if err := checkTree(toks); err != nil {
		return err.Error()
	}
	return ""
}

func TestCheckTree(t *testing.T) {
	tok := func(head int, rel string) model.Token { return model.Token{Head: head, Deprel: rel} }
	for _, tc := range []struct {
		name string
		toks []model.Token
		want string
	}{
		{"ok", []model.Token{tok(2, "nsubj"), tok(0, "root")}, ""},
		{"two roots", []model.Token{tok(0, "root"), tok(0, "root")}, "2 roots"},
		{"cycle", []model.Token{tok(2, "dep"), tok(1, "dep"), tok(0, "root")}, "cycle"},
		{"self", []model.Token{tok(1, "dep"), tok(0, "root")}, "bad head"},
		{"range", []model.Token{tok(5, "dep"), tok(0, "root")}, "bad head"},
		{"root label", []model.Token{tok(2, "root"), tok(0, "root")}, "below the root"},
	} {
		got := isTree(tc.toks)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 0-based heads, root = 4: the arc 3->1 crosses word 2, which 3 does
	// not dominate (2 hangs from the root), so 1 is lifted to 3's head, 2.
	head := []int32{2, 3, 4, 2}
	projectivize(head)
	if want := []int32{2, 2, 4, 2}; !slices.Equal(head, want) {
		t.Errorf("projectivize = %v, want %v", head, want)
	}
	proj := []int32{1, 3, 3, 4}
	projectivize(proj)
	if !slices.Equal(proj, []int32{1, 3, 3, 4}) {
		t.Errorf("projective tree changed: %v", proj)
	}
}

// followOracle parses s by always taking the best zero-cost transition
// (ties broken by class order) and returns the arcs found.
func followOracle(p *Parser, g *gold, n int, explore *rand.Rand) (*state, bool) {
	st := &state{}
	st.reset(n)
	scores := make([]float32, 2+2*len(p.labels))
	var c costs
	for !st.done() {
		g.costs(st, &c)
		var cl int
		if explore != nil && explore.IntN(3) == 0 {
			// a random valid move, to reach states off the gold path
			for {
				cl = explore.IntN(len(scores))
				k, l := p.decode(cl)
				if (k == shift && st.canShift()) || (k == reduce && st.canReduce()) ||
					(k == left && st.canLeft(l == p.root)) || (k == right && st.canRight(l == p.root)) {
					break
				}
			}
		} else {
			cl = p.best(st, scores, &c)
			if cl < 0 {
				return st, false
			}
		}
		st.apply(p.decode(cl))
	}
	return st, true
}

func oracleParser(sents [][]model.Token) (*Parser, map[string]int32) {
	set := map[string]bool{RootLabel: true}
	for _, s := range sents {
		for _, t := range s {
			set[t.Deprel] = true
		}
	}
	var labels []string
	for l := range set {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	ids := map[string]int32{}
	for i, l := range labels {
		ids[l] = int32(i)
	}
	return &Parser{labels: labels, root: ids[RootLabel]}, ids
}

// TestOracle checks the dynamic oracle: from the start, zero-cost moves
// rebuild the (projectivised) gold tree exactly, and from states reached by
// random moves a zero-cost move always exists.
func TestOracle(t *testing.T) {
	sents := tiny(t)
	if p, err := refdata.Path("ud-english-ewt", "en_ewt-ud-dev.conllu"); err == nil {
		if _, err := os.Stat(p); err == nil {
			sents = append(sents, readTrees(t, p)...)
		}
	}
	p, ids := oracleParser(sents)
	rng := rand.New(rand.NewPCG(1, 2))
	for si, s := range sents {
		g := newGold(s, ids)
		st, ok := followOracle(p, &g, len(s), nil)
		if !ok {
			t.Fatalf("sentence %d: no zero-cost move on the gold path", si)
		}
		for i := range s {
			if st.head[i] != g.head[i] || st.label[i] != g.label[i] {
				t.Fatalf("sentence %d word %d: oracle built %d/%d, gold %d/%d", si, i, st.head[i], st.label[i], g.head[i], g.label[i])
			}
		}
		if _, ok := followOracle(p, &g, len(s), rng); !ok {
			t.Fatalf("sentence %d: no zero-cost move after random moves", si)
		}
	}
}

func TestParseTreesAndDeterminism(t *testing.T) {
	sents := tiny(t)
	var outs [][]byte
	var p *Parser
	for range 2 {
		var err error
		p, err = Train(sents, Epochs(5), Seed(3), MinUpdates(1))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := p.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("same data and seed gave different models")
	}
	heads, labelled, total := 0, 0, 0
	for _, s := range sents {
		pred := stripped(s)
		p.Parse(pred)
		if msg := isTree(pred); msg != "" {
			t.Fatalf("not a tree: %s", msg)
		}
		for i := range s {
			total++
			if pred[i].Head == s[i].Head {
				heads++
				if pred[i].Deprel == s[i].Deprel {
					labelled++
				}
			}
		}
	}
	if uas, las := float64(heads)/float64(total), float64(labelled)/float64(total); uas < 0.9 || las < 0.85 {
		t.Errorf("on training data UAS %.2f, LAS %.2f; want >= 0.9, 0.85", uas, las)
	}
	// Random input of any length still gives a tree.
	rng := rand.New(rand.NewPCG(5, 6))
	tags := [][2]string{{"NOUN", "NN"}, {"VERB", "VBD"}, {"DET", "DT"}, {"PUNCT", "."}, {"ADP", "IN"}, {"X", "ZZZ"}}
	for n := 1; n < 60; n++ {
		toks := make([]model.Token, n)
		for i := range toks {
			tg := tags[rng.IntN(len(tags))]
			toks[i] = model.Token{Text: fmt.Sprint(rng.IntN(5)), UPOS: tg[0], XPOS: tg[1]}
		}
		p.Parse(toks)
		if msg := isTree(toks); msg != "" {
			t.Fatalf("random sentence of %d words: %s", n, msg)
		}
	}
	p.Parse(nil)
}

// TestLongSentence: a sentence of 200,000 words (about 1 MB of text) is
// parsed in one linear pass.
func TestLongSentence(t *testing.T) {
	p, err := Train(tiny(t), Epochs(2))
	if err != nil {
		t.Fatal(err)
	}
	toks := make([]model.Token, 200_000)
	for i := range toks {
		toks[i] = model.Token{Text: "word", UPOS: "NOUN", XPOS: "NN"}
	}
	p.Parse(toks)
	if msg := isTree(toks); msg != "" {
		t.Fatal(msg)
	}
}

func TestReadErrors(t *testing.T) {
	p, _ := Train(tiny(t), Epochs(1))
	var b bytes.Buffer
	p.WriteTo(&b)
	good := b.Bytes()
	for _, tc := range []struct{ name, data, want string }{
		{"empty", "", "empty parser model"},
		{"magic", "PLYTAG1\nxx", "bad magic"},
		{"truncated", string(good[:len(good)-3]), "parser model"},
	} {
		if _, err := Read(strings.NewReader(tc.data)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestTrainRejectsBadTrees(t *testing.T) {
	bad := [][]model.Token{{{Text: "a", Head: 0, Deprel: "root"}, {Text: "b", Head: 0, Deprel: "root"}}}
	if _, err := Train(bad); err == nil || !strings.Contains(err.Error(), "sentence 1") {
		t.Errorf("err = %v", err)
	}
}

func FuzzRead(f *testing.F) {
	p, _ := Train(tiny(f), Epochs(1))
	var b bytes.Buffer
	p.WriteTo(&b)
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		toks := []model.Token{{Text: "a", UPOS: "NOUN"}, {Text: "b", UPOS: "VERB"}}
		p.Parse(toks)
		if msg := isTree(toks); msg != "" {
			t.Fatal(msg)
		}
	})
}

// TestConcurrentDefault tags and parses the same sentences from several
// goroutines with the shared embedded models; results must not differ
// (run with -race).
func TestConcurrentDefault(t *testing.T) {
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := tiny(t)
	parse := func() [][]model.Token {
		var out [][]model.Token
		for _, s := range sents {
			toks := stripped(s)
			tg.Tag(toks)
			p.Parse(toks)
			out = append(out, toks)
		}
		return out
	}
	want := parse()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := parse()
			for i := range got {
				if !slices.Equal(got[i], want[i]) {
					t.Errorf("sentence %d differs between goroutines", i)
				}
			}
		})
	}
	wg.Wait()
}
