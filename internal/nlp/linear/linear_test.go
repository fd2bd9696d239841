package linear

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// toy is a small learnable problem: the class of an example is decided by
// its first feature value (value mod 3), the other features are noise.
func toy(n int, seed uint64) (feats [][]Feature, gold []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	for range n {
		v := r.IntN(30)
		fs := []Feature{Template(0), Template(1).Int(uint64(v))}
		for j := range 3 {
			fs = append(fs, Template(uint64(2+j)).Int(uint64(r.IntN(50))))
		}
		feats = append(feats, fs)
		gold = append(gold, v%3)
	}
	return feats, gold
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

func train(t *testing.T, epochs int) *Trainer {
	t.Helper()
	tr, err := NewTrainer([]string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	feats, gold := toy(500, 1)
	scores := make([]float32, 3)
	for range epochs {
		for i := range feats {
			tr.Score(feats[i], scores)
			tr.Learn(feats[i], gold[i], argmax(scores))
		}
	}
	return tr
}

func accuracy(s Scorer, feats [][]Feature, gold []int) float64 {
	scores := make([]float32, 3)
	right := 0
	for i := range feats {
		s.Score(feats[i], scores)
		if argmax(scores) == gold[i] {
			right++
		}
	}
	return float64(right) / float64(len(feats))
}

func TestLearnsToy(t *testing.T) {
	m, err := train(t, 5).Model()
	if err != nil {
		t.Fatal(err)
	}
	feats, gold := toy(300, 2) // unseen examples
	if acc := accuracy(m, feats, gold); acc < 0.97 {
		t.Errorf("held-out accuracy %.3f, want >= 0.97", acc)
	}
	if m.NumClasses() != 3 || m.Classes()[2] != "c" {
		t.Errorf("classes = %v", m.Classes())
	}
}

func TestAveraging(t *testing.T) {
	tr, _ := NewTrainer([]string{"a", "b"})
	f := []Feature{Template(1)}
	tr.Learn(f, 0, 1) // tick 1: w(a)=+1, w(b)=-1
	tr.Learn(f, 0, 0) // ticks 2-4: no change
	tr.Learn(f, 0, 0)
	tr.Learn(f, 0, 0)
	m, err := tr.Model()
	if err != nil {
		t.Fatal(err)
	}
	scores := make([]float32, 2)
	m.Score(f, scores)
	// The weights held their value for 3 of the 4 ticks.
	for i, want := range []float64{0.75, -0.75} {
		if math.Abs(float64(scores[i])-want) > 1e-4 {
			t.Errorf("class %d: averaged weight %v, want %v", i, scores[i], want)
		}
	}
	m.Score([]Feature{Template(2)}, scores)
	if scores[0] != 0 || scores[1] != 0 {
		t.Errorf("unknown feature scored %v", scores)
	}
}

func TestDeterministicAndRoundTrip(t *testing.T) {
	var outs [][]byte
	for range 2 {
		m, err := train(t, 3).Model()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("same data gave different model bytes")
	}
	m, err := ReadModel(bytes.NewReader(outs[0]))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	m.WriteTo(&again)
	if !bytes.Equal(outs[0], again.Bytes()) {
		t.Error("write(read(b)) != b")
	}
	orig, _ := train(t, 3).Model()
	feats, _ := toy(200, 3)
	s1, s2 := make([]float32, 3), make([]float32, 3)
	for _, fs := range feats {
		orig.Score(fs, s1)
		m.Score(fs, s2)
		for c := range s1 {
			if s1[c] != s2[c] {
				t.Fatalf("scores differ after round trip: %v vs %v", s1, s2)
			}
		}
	}
}

func TestQuantisationClose(t *testing.T) {
	tr := train(t, 3)
	m, _ := tr.Model()
	feats, _ := toy(100, 4)
	raw, q := make([]float32, 3), make([]float32, 3)
	for _, fs := range feats {
		m.Score(fs, q)
		// The trainer's current weights differ from the averaged ones, so
		// compare against an average computed here in float64.
		clock := float64(tr.clock)
		for c := range raw {
			raw[c] = 0
		}
		for _, f := range fs {
			r, ok := tr.index[key(f)]
			if !ok {
				continue
			}
			for _, w := range tr.rows[r] {
				raw[w.class] += float32((w.total + float64(tr.clock-w.ts)*float64(w.w)) / clock)
			}
		}
		for c := range raw {
			if d := math.Abs(float64(raw[c] - q[c])); d > 1e-3 {
				t.Fatalf("quantised score %v vs exact %v", q[c], raw[c])
			}
		}
	}
}

func TestMinWeightPrunes(t *testing.T) {
	tr := train(t, 3)
	full, _ := tr.Model()
	small, _ := tr.Model(MinWeight(0.3))
	if small.NumWeights() >= full.NumWeights() {
		t.Fatalf("pruned model has %d weights, full %d", small.NumWeights(), full.NumWeights())
	}
	feats, gold := toy(300, 5)
	if acc := accuracy(small, feats, gold); acc < 0.95 {
		t.Errorf("pruned accuracy %.3f", acc)
	}
}

func TestConcurrentScore(t *testing.T) {
	m, _ := train(t, 2).Model()
	feats, gold := toy(200, 6)
	want := accuracy(m, feats, gold)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := accuracy(m, feats, gold); got != want {
				t.Errorf("concurrent accuracy %v, want %v", got, want)
			}
		})
	}
	wg.Wait()
}

func TestNewTrainerErrors(t *testing.T) {
	if _, err := NewTrainer(nil); err == nil {
		t.Error("no classes accepted")
	}
}

func TestReadModelErrors(t *testing.T) {
	m, _ := train(t, 1).Model()
	var b bytes.Buffer
	m.WriteTo(&b)
	good := b.Bytes()
	if _, err := ReadModel(strings.NewReader("hello")); err == nil || !strings.Contains(err.Error(), "magic") {
		t.Errorf("bad magic: err = %v", err)
	}
	// Every strict prefix is truncated input and must fail, never panic.
	for n := len(magic); n < len(good); n++ {
		if _, err := ReadModel(bytes.NewReader(good[:n])); err == nil {
			t.Fatalf("prefix of %d/%d bytes accepted", n, len(good))
		}
	}
}

func FuzzReadModel(f *testing.F) {
	tr, _ := NewTrainer([]string{"x", "y"})
	tr.Learn([]Feature{Template(1), Template(2)}, 0, 1)
	m, _ := tr.Model()
	var b bytes.Buffer
	m.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err != nil {
			return
		}
		scores := make([]float32, m.NumClasses())
		m.Score([]Feature{Template(1), Template(2)}, scores)
	})
}

func TestMinUpdatesPrunes(t *testing.T) {
	tr := train(t, 3)
	full, _ := tr.Model()
	small, _ := tr.Model(MinUpdates(3))
	if small.NumFeatures() >= full.NumFeatures() || small.NumFeatures() == 0 {
		t.Fatalf("pruned model has %d features, full %d", small.NumFeatures(), full.NumFeatures())
	}
	feats, gold := toy(300, 7)
	if acc := accuracy(small, feats, gold); acc < 0.95 {
		t.Errorf("pruned accuracy %.3f", acc)
	}
}

// TestDenseRows checks that dense and sparse rows score alike, including
// past the point where the dense lane sums are flushed.
func TestDenseRows(t *testing.T) {
	classes := []string{"a", "b", "c", "d", "e"}
	rows := []row{
		{key: key(Template(1)), classes: []uint16{0, 1, 2, 4}, weights: []int16{-3, 7, 32767, -32768}}, // dense
		{key: key(Template(2)), classes: []uint16{3}, weights: []int16{5}},                             // sparse
	}
	sortRows(rows)
	m, err := build(classes, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.dense) == 0 {
		t.Fatal("no dense row built")
	}
	scores := make([]float32, 5)
	m.Score([]Feature{Template(1), Template(2), Template(1)}, scores)
	want := []float32{-6, 14, 65534, 5, -65536}
	for c := range want {
		if scores[c] != want[c] {
			t.Fatalf("scores %v, want %v", scores, want)
		}
	}
	many := make([]Feature, maxDenseRun+10)
	for i := range many {
		many[i] = Template(1)
	}
	m.Score(many, scores)
	if n := float32(len(many)); scores[0] != -3*n || scores[1] != 7*n || scores[3] != 0 {
		t.Errorf("after %d dense rows: %v", len(many), scores[:4])
	}
	var b bytes.Buffer
	m.WriteTo(&b)
	m2, err := ReadModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := m2.rows(); len(got) != 2 || len(got[0].classes)+len(got[1].classes) != 5 {
		t.Errorf("rows after round trip: %+v", got)
	}
}
