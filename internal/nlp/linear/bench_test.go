package linear

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkScore scores 80 features (a parser state) against a model of
// 300,000 features with 4 weights each, larger than the processor's
// middle-level caches, as the parser's model is.
func BenchmarkScore(b *testing.B) {
	const nfeat, nclass = 300_000, 100
	classes := make([]string, nclass)
	for i := range classes {
		classes[i] = string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	r := rand.New(rand.NewPCG(1, 1))
	rows := make([]row, nfeat)
	for i := range rows {
		rows[i].key = key(Template(uint64(i)))
		for j := range 4 {
			rows[i].classes = append(rows[i].classes, uint16(j*20+r.IntN(20)))
			rows[i].weights = append(rows[i].weights, int16(r.IntN(2000)-1000))
		}
	}
	sortRows(rows)
	m, err := build(classes, 0.001, rows)
	if err != nil {
		b.Fatal(err)
	}
	// Half the features of a state are known, as in parsing.
	states := make([][]Feature, 1024)
	for i := range states {
		for j := range 80 {
			id := uint64(r.IntN(nfeat))
			if j%2 == 1 {
				id += nfeat // unknown
			}
			states[i] = append(states[i], Template(id))
		}
	}
	scores := make([]float32, nclass)
	i := 0
	for b.Loop() {
		m.Score(states[i%len(states)], scores)
		i++
	}
}
