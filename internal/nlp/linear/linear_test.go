package linear

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
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
	return trainClasses(t, epochs, []string{"a", "b", "c"})
}

// trainClasses trains on the toy problem with the given classes (at least
// three; the others never occur), so that tests can pick the row layout.
func trainClasses(t *testing.T, epochs int, classes []string) *Trainer {
	t.Helper()
	tr, err := NewTrainer(classes)
	if err != nil {
		t.Fatal(err)
	}
	feats, gold := toy(500, 1)
	scores := make([]float32, len(classes))
	for range epochs {
		for i := range feats {
			tr.Score(feats[i], scores)
			tr.Learn(feats[i], gold[i], argmax(scores))
		}
	}
	return tr
}

func accuracy(s Scorer, classes int, feats [][]Feature, gold []int) float64 {
	scores := make([]float32, classes)
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
	for _, classes := range [][]string{
		{"a", "b", "c"},                     // inline rows, 16-byte slots
		{"a", "b", "c", "d", "e", "f"},      // inline rows, 32-byte slots
		strings.Split("abcdefghijklmn", ""), // sparse and dense rows
	} {
		m, err := trainClasses(t, 5, classes).Model()
		if err != nil {
			t.Fatal(err)
		}
		if m.inline != (len(classes) <= inlineClasses) {
			t.Errorf("%d classes: inline = %v", len(classes), m.inline)
		}
		feats, gold := toy(300, 2) // unseen examples
		if acc := accuracy(m, len(classes), feats, gold); acc < 0.97 {
			t.Errorf("%d classes: held-out accuracy %.3f, want >= 0.97", len(classes), acc)
		}
		if m.NumClasses() != len(classes) || m.Classes()[2] != "c" {
			t.Errorf("classes = %v", m.Classes())
		}
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

// TestQuantisationClose checks that quantised scores stay within half a
// quantisation step per feature of the exact averaged ones, for 16-bit
// weights and for the 8-bit weights of inline rows.
func TestQuantisationClose(t *testing.T) {
	for _, classes := range [][]string{{"a", "b", "c"}, strings.Split("abcdefghijklmn", "")} {
		tr := trainClasses(t, 3, classes)
		m, _ := tr.Model()
		feats, _ := toy(100, 4)
		raw, q := make([]float32, len(classes)), make([]float32, len(classes))
		for _, fs := range feats {
			m.Score(fs, q)
			// The trainer's current weights differ from the averaged ones,
			// so compare against an average computed here in float64.
			clock := float64(tr.clock)
			clear(raw)
			for _, f := range fs {
				r, ok := tr.index[key(f)]
				if !ok {
					continue
				}
				for _, w := range tr.rows[r] {
					raw[w.class] += float32((w.total + float64(tr.clock-w.ts)*float64(w.w)) / clock)
				}
			}
			tol := float64(len(fs))*float64(m.scale)/2 + 1e-5
			for c := range raw {
				if d := math.Abs(float64(raw[c] - q[c])); d > tol {
					t.Fatalf("%d classes: quantised score %v vs exact %v (tolerance %v)", len(classes), q[c], raw[c], tol)
				}
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
	if acc := accuracy(small, 3, feats, gold); acc < 0.95 {
		t.Errorf("pruned accuracy %.3f", acc)
	}
}

func TestConcurrentScore(t *testing.T) {
	m, _ := train(t, 2).Model()
	feats, gold := toy(200, 6)
	want := accuracy(m, 3, feats, gold)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := accuracy(m, 3, feats, gold); got != want {
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
	if acc := accuracy(small, 3, feats, gold); acc < 0.95 {
		t.Errorf("pruned accuracy %.3f", acc)
	}
}

// TestDenseRows checks that dense and sparse rows score alike, including
// past the point where the dense lane sums are flushed.
func TestDenseRows(t *testing.T) {
	classes := strings.Split("abcdefghijklm", "") // too many for inline rows
	rows := []row{
		{key: key(Template(1)), classes: []uint16{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11}, weights: []int16{-3, 7, 32767, -32768, 1, 1, 1, 1, 1, 1, 1}}, // dense
		{key: key(Template(2)), classes: []uint16{3}, weights: []int16{5}},                                                                         // sparse
	}
	sortRows(rows)
	m, err := build(classes, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.dense) == 0 {
		t.Fatal("no dense row built")
	}
	scores := make([]float32, len(classes))
	m.Score([]Feature{Template(1), Template(2), Template(1)}, scores)
	want := []float32{-6, 14, 65534, 5, -65536, 2, 2, 2, 2, 2, 2, 2, 0}
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
	if got := m2.rows(); len(got) != 2 || len(got[0].classes)+len(got[1].classes) != 12 {
		t.Errorf("rows after round trip: %+v", got)
	}
}

// TestInlineRows checks that inline rows score right at the 8-bit
// extremes, reject larger weights, and survive a round trip, for both
// slot sizes.
func TestInlineRows(t *testing.T) {
	for _, n := range []int{4, 12} {
		last := uint16(n - 1)
		rows := []row{
			{key: key(Template(1)), classes: []uint16{0, 1, last}, weights: []int16{-3, 127, -127}},
			{key: key(Template(2)), classes: []uint16{2}, weights: []int16{5}},
		}
		sortRows(rows)
		m, err := build(strings.Split("abcdefghijkl"[:n], ""), 0.5, rows)
		if err != nil {
			t.Fatal(err)
		}
		if !m.inline || m.NumFeatures() != 2 || m.NumWeights() != 4 {
			t.Fatalf("%d classes: inline %v, %d features, %d weights", n, m.inline, m.NumFeatures(), m.NumWeights())
		}
		feats := []Feature{Template(1), Template(3), Template(2), Template(1)}
		want := make([]float32, n)
		want[0], want[1], want[2], want[last] = -3, 127, 2.5, -127 // row 1 twice, at scale 0.5
		scores := make([]float32, n)
		m.Score(feats, scores)
		if !slices.Equal(scores, want) {
			t.Fatalf("%d classes: scores %v, want %v", n, scores, want)
		}
		// Many features: the sums must not wrap around.
		many := make([]Feature, 1000)
		for i := range many {
			many[i] = Template(1)
		}
		m.Score(many, scores)
		if scores[1] != 0.5*127*1000 || scores[last] != -0.5*127*1000 {
			t.Errorf("%d classes, 1000 rows: %v", n, scores)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		m2, err := ReadModel(&b)
		if err != nil {
			t.Fatal(err)
		}
		m2.Score(feats, scores)
		if !slices.Equal(scores, want) {
			t.Fatalf("%d classes, after round trip: scores %v, want %v", n, scores, want)
		}
		// A weight beyond 8 bits keeps the model in the 16-bit layout.
		big := []row{{key: key(Template(1)), classes: []uint16{0}, weights: []int16{128}}}
		mb, err := build(strings.Split("abcdefghijkl"[:n], ""), 1, big)
		if err != nil {
			t.Fatal(err)
		}
		mb.Score(feats[:1], scores)
		if mb.inline || scores[0] != 128 {
			t.Errorf("%d classes, weight 128: inline %v, score %v", n, mb.inline, scores[0])
		}
	}
}

// TestMerge checks that a merged model scores as the mean of its members'
// scores (within the quantisation of the three models) and that merging
// only agrees to trainers of the same classes.
func TestMerge(t *testing.T) {
	a := trainClasses(t, 3, []string{"a", "b", "c"})
	b, err := NewTrainer([]string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	feats, gold := toy(500, 7) // other data: other weights
	scores := make([]float32, 3)
	for i := range feats {
		b.Score(feats[i], scores)
		b.Learn(feats[i], gold[i], argmax(scores))
	}
	ma, _ := a.Model()
	mb, _ := b.Model()
	m, err := Merge([]*Trainer{a, b})
	if err != nil {
		t.Fatal(err)
	}
	sa, sb, sm := make([]float32, 3), make([]float32, 3), make([]float32, 3)
	test, _ := toy(100, 9)
	differs := false
	for _, fs := range test {
		ma.Score(fs, sa)
		mb.Score(fs, sb)
		m.Score(fs, sm)
		tol := float64(len(fs)) * float64(ma.scale+mb.scale+2*m.scale) / 2
		for c := range sm {
			mean := (sa[c] + sb[c]) / 2
			if d := math.Abs(float64(sm[c] - mean)); d > tol+1e-5 {
				t.Fatalf("merged score %v, mean of members %v (tolerance %v)", sm[c], mean, tol)
			}
			differs = differs || math.Abs(float64(sa[c]-sb[c])) > 1
		}
	}
	if !differs {
		t.Fatal("the two members score alike: the test shows nothing")
	}
	if one, _ := Merge([]*Trainer{a}); one.NumWeights() != ma.NumWeights() || one.scale != ma.scale {
		t.Error("a merge of one trainer differs from its model")
	}
	other, _ := NewTrainer([]string{"a", "b"})
	if _, err := Merge([]*Trainer{a, other}); err == nil || !strings.Contains(err.Error(), "different classes") {
		t.Errorf("merge of different classes: err %v", err)
	}
	if _, err := Merge(nil); err == nil {
		t.Error("merge of no trainers: no error")
	}
}
