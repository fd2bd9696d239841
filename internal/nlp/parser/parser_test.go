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
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
	"github.com/parleyhq/parley/internal/nlp/tagger"
	"github.com/parleyhq/parley/internal/refdata"
)

func tiny(t testing.TB) [][]model.Token { return nlptest.Tiny(t) }

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

// attachment parses the trees' words and tags with p and returns the share
// of words given their gold head, and their gold head and relation. Every
// parse must be a tree.
func attachment(t *testing.T, p *Parser, sents [][]model.Token) (uas, las float64) {
	t.Helper()
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
	return float64(heads) / float64(total), float64(labelled) / float64(total)
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

// followOracle parses s by always taking the best zero-cost move (ties
// broken by class order) with the gold relation, and returns the arcs
// found. With explore, a third of the moves are random valid ones.
func followOracle(p *Parser, g *gold, n int, explore *rand.Rand) (*state, bool) {
	st := &state{}
	st.reset(n)
	scores := make([]float32, len(p.moves))
	var c costs
	for !st.done() {
		if kind, label, ok := p.forced(st); ok {
			st.apply(kind, label)
			continue
		}
		g.costs(st, &c)
		var m move
		if explore != nil && explore.IntN(3) == 0 {
			// a random valid move, to reach states off the gold path
			for {
				m = p.moves[explore.IntN(len(p.moves))]
				if (m.kind == shift && st.canShift()) || (m.kind == reduce && st.canReduce()) ||
					(m.kind == left && st.canLeft()) || (m.kind == right && st.canRight()) {
					break
				}
			}
		} else {
			best := p.bestMove(st, scores, &c)
			if best < 0 {
				return st, false
			}
			m = p.moves[best]
		}
		label := int32(-1)
		if m.kind == left || m.kind == right {
			a := &p.rels[m.kind-left]
			if gl := c.label(m.kind); gl >= 0 && p.labelGroup[m.kind-left][gl] == m.group {
				label = gl
			} else {
				// any relation of the group: the arc is not gold
				for cl, grp := range a.group {
					if grp == m.group {
						label = a.label[cl]
						break
					}
				}
			}
		}
		st.apply(m.kind, label)
	}
	return st, true
}

// oracleParser returns a parser without weights for the labels of sents.
func oracleParser(t *testing.T, sents [][]model.Token) (*Parser, map[string]int32) {
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
	var golds []gold
	for _, s := range sents {
		golds = append(golds, newGold(s, ids))
	}
	p, err := trainingParser(labels, golds)
	if err != nil {
		t.Fatal(err)
	}
	return p, ids
}

// TestOracle checks the dynamic oracle: from the start, zero-cost moves
// rebuild the (projectivised) gold tree exactly, and from states reached by
// random moves a zero-cost move always exists.
func TestOracle(t *testing.T) {
	sents := tiny(t)
	if p, err := refdata.Path("ud-english-ewt", "en_ewt-ud-dev.conllu"); err == nil {
		if _, err := os.Stat(p); err == nil {
			sents = append(sents, nlptest.Trees(t, p)...)
		}
	}
	p, ids := oracleParser(t, sents)
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
	if uas, las := attachment(t, p, sents); uas < 0.9 || las < 0.85 {
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

// TestMoves checks the moves and relation classes built from gold trees:
// every relation sits in the group groupOf gives it, and each group of a
// move has a relation.
func TestMoves(t *testing.T) {
	sents := tiny(t)
	p, _ := oracleParser(t, sents)
	names := p.moveModel.Classes()
	if names[0] != "SHIFT" || names[1] != "REDUCE" || len(names) != len(p.moves) {
		t.Fatalf("moves %q", names)
	}
	for d, a := range p.rels {
		_, groups, _ := parseMoves(names)
		for c, id := range a.label {
			if g := groups[d][a.group[c]]; g != groupOf(left+d, p.labels[id]) {
				t.Errorf("%s arcs: %s in group %s", kindNames[left+d], p.labels[id], g)
			}
			if a.class[id] != int32(c) {
				t.Errorf("class of %s: %d, want %d", p.labels[id], a.class[id], c)
			}
		}
	}
	for _, bad := range [][]string{
		{"SHIFT", "REDUCE", "LEFT:x"},                 // no right arcs
		{"SHIFT", "LEFT:x", "RIGHT:y"},                // no REDUCE
		{"SHIFT", "REDUCE", "LEFT:x", "RIGHT:y", "X"}, // unknown move
		{"SHIFT", "REDUCE", "LEFT:x", "LEFT:x", "RIGHT:y"},
	} {
		if _, _, err := parseMoves(bad); err == nil {
			t.Errorf("moves %q accepted", bad)
		}
	}
	ids := map[string]int32{"nsubj": 0, "obj": 1}
	for _, bad := range [][]string{{"subj nsubj", "subj nsubj"}, {"subj nsubj", "zz obj"}, {"subj nsubj"}, {"subj"}, {"subj xcomp", "other obj"}} {
		if _, err := newArcModel(bad, ids, []string{"subj", "other"}); err == nil {
			t.Errorf("relation classes %q accepted", bad)
		}
	}
}

// TestSelectKeepsBestEpoch: with Select, Progress reports the score of
// each epoch and Train returns the model of the best-scoring epoch, not
// the last: the second of four here, by a score that prefers it.
func TestSelectKeepsBestEpoch(t *testing.T) {
	sents := tiny(t)
	scores := []float64{0.1, 0.9, 0.5, 0.3}
	calls := 0
	score := func(*Parser) float64 {
		calls++
		return scores[calls-1]
	}
	var epochs []Epoch
	p, err := Train(sents, Epochs(4), Seed(2), MinUpdates(1), Select(score), Progress(func(e Epoch) { epochs = append(epochs, e) }))
	if err != nil {
		t.Fatal(err)
	}
	if len(epochs) != 4 {
		t.Fatalf("%d progress reports, want 4", len(epochs))
	}
	for i, e := range epochs {
		if e.Epoch != i+1 || e.Score != scores[i] || e.Accuracy <= 0 {
			t.Errorf("report %+v, want epoch %d score %v", e, i+1, scores[i])
		}
	}
	second, err := Train(sents, Epochs(2), Seed(2), MinUpdates(1))
	if err != nil {
		t.Fatal(err)
	}
	last, err := Train(sents, Epochs(4), Seed(2), MinUpdates(1))
	if err != nil {
		t.Fatal(err)
	}
	var got, want, fourth bytes.Buffer
	p.WriteTo(&got)
	second.WriteTo(&want)
	last.WriteTo(&fourth)
	if bytes.Equal(want.Bytes(), fourth.Bytes()) {
		t.Fatal("the models of epochs 2 and 4 are alike: the test shows nothing")
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("Train did not return the model of the best epoch (2)")
	}
}

// TestClusterChecksum: a parser trained with other clusters than the
// embedded ones does not load; one trained without clusters does.
func TestClusterChecksum(t *testing.T) {
	sents := tiny(t)
	own := nlptest.OwnClusters(t, sents)
	for _, tc := range []struct {
		cl   *cluster.Clusters
		want string
	}{{own, "other word clusters"}, {nil, ""}} {
		p, err := Train(sents, Epochs(1), Clusters(tc.cl))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		p.WriteTo(&b)
		_, err = Read(&b)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Read: %v, want %q", err, tc.want)
		}
	}
}

// TestEnsemble: members trained side by side still give one deterministic
// model, which differs from each member's own and parses the training
// trees as well; Ensemble(1) is the plain parser.
func TestEnsemble(t *testing.T) {
	sents := tiny(t)
	model := func(opts ...Option) []byte {
		t.Helper()
		p, err := Train(sents, append([]Option{Epochs(5), Seed(3), MinUpdates(1)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := p.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	ens := model(Ensemble(2))
	if !bytes.Equal(ens, model(Ensemble(2))) {
		t.Fatal("an ensemble trained twice gave different models")
	}
	if !bytes.Equal(model(), model(Ensemble(1))) {
		t.Error("Ensemble(1) differs from the default")
	}
	if bytes.Equal(ens, model()) || bytes.Equal(ens, model(Seed(4))) {
		t.Error("the ensemble is one of its members")
	}
	p, err := Read(bytes.NewReader(ens))
	if err != nil {
		t.Fatal(err)
	}
	if uas, _ := attachment(t, p, sents); uas < 0.9 {
		t.Errorf("ensemble on training data: UAS %.2f, want >= 0.9", uas)
	}
	if _, err := Train(sents, Ensemble(0)); err == nil {
		t.Error("an ensemble of 0 parsers trained")
	}
}
