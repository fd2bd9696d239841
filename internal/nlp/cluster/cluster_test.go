package cluster

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// toyCorpus generates sentences "DET NOUN VERB DET NOUN ." from small word
// classes, so that a good clustering separates the classes.
func toyCorpus(n int) [][]string {
	r := rand.New(rand.NewPCG(1, 2))
	classes := [][]string{
		{"the", "a", "this"},
		{"dog", "cat", "man", "woman", "child"},
		{"sees", "likes", "hits", "finds"},
	}
	pick := func(c int) string { return classes[c][r.IntN(len(classes[c]))] }
	var out [][]string
	for range n {
		out = append(out, []string{pick(0), pick(1), pick(2), pick(0), pick(1), "."})
	}
	return out
}

func common(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func TestBrownSeparatesClasses(t *testing.T) {
	for _, window := range []int{4, 6, 100} { // at least the 4 classes (with ".")
		c, err := Brown(toyCorpus(2000), Window(window))
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 13 {
			t.Fatalf("window %d: %d words clustered, want 13", window, c.Len())
		}
		// Any two words of a class share a longer prefix than words of
		// different classes.
		groups := [][]string{{"the", "a", "this"}, {"dog", "cat", "man", "woman", "child"}, {"sees", "likes", "hits", "finds"}}
		for i, g := range groups {
			for _, u := range g {
				for _, v := range g {
					for j, h := range groups {
						if j == i || u == v {
							continue
						}
						for _, x := range h {
							if common(c.Path(u), c.Path(v)) <= common(c.Path(u), c.Path(x)) {
								t.Errorf("window %d: %s %q and %s %q closer than %s %q", window, u, c.Path(u), v, c.Path(v), x, c.Path(x))
							}
						}
					}
				}
			}
		}
	}
}

// ami is the mutual information of the active slots of b, with slot y
// merged into slot x when x >= 0, computed from the counts.
func ami(b *brown, x, y int) float64 {
	id := func(z int) int {
		if z == y {
			return x
		}
		return z
	}
	n := map[[2]int]float64{}
	p := map[int]float64{}
	for u := range b.node {
		if b.node[u] < 0 {
			continue
		}
		p[id(u)] += b.p[u]
		for v := range b.node {
			if b.node[v] >= 0 {
				n[[2]int{id(u), id(v)}] += b.n[u][v]
			}
		}
	}
	sum := 0.0
	for k, v := range n {
		sum += q(v, p[k[0]], p[k[1]])
	}
	return sum
}

// TestIncrementalLoss checks the incremental bookkeeping of merge and add
// against values computed from scratch.
func TestIncrementalLoss(t *testing.T) {
	vocab, seqs := index(toyCorpus(300), 1)
	b := newBrown(vocab, seqs, 5)
	check := func(step string) {
		for x := range b.node {
			if b.node[x] < 0 {
				continue
			}
			if d := b.s[x] - b.sumQ(x); d > 1e-12 || d < -1e-12 {
				t.Fatalf("%s: s[%d] off by %g", step, x, d)
			}
			for y := x + 1; y < len(b.node); y++ {
				if b.node[y] < 0 {
					continue
				}
				if d := b.loss[x][y] - b.mergeLoss(x, y); d > 1e-12 || d < -1e-12 {
					t.Fatalf("%s: loss[%d][%d] off by %g", step, x, y, d)
				}
			}
		}
	}
	check("start")
	// mergeLoss itself against the mutual information before and after.
	for x := range b.node {
		for y := x + 1; y < len(b.node); y++ {
			if b.node[x] < 0 || b.node[y] < 0 {
				continue
			}
			if d := ami(b, -1, -1) - ami(b, x, y) - b.mergeLoss(x, y); d > 1e-12 || d < -1e-12 {
				t.Fatalf("mergeLoss(%d, %d) off by %g", x, y, d)
			}
		}
	}
	for w := b.c; w < len(vocab); w++ {
		b.add(int32(w))
		check("add")
		b.merge()
		check("merge")
	}
	for b.active() > 1 {
		b.merge()
		check("final merge")
	}
}

func TestBrownDeterministicRoundTrip(t *testing.T) {
	var outs [][]byte
	for range 2 {
		c, err := Brown(toyCorpus(500), Window(3), MinCount(2))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("same input gave different clusters")
	}
	c, err := Read(bytes.NewReader(outs[0]), "x")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	c.WriteTo(&b)
	if !bytes.Equal(b.Bytes(), outs[0]) {
		t.Error("round trip changed the clusters")
	}
	if c.Path("zebra") != "" {
		t.Error("unknown word has a path")
	}
}

func TestBrownErrors(t *testing.T) {
	if _, err := Brown([][]string{{"a", "a"}}); err == nil {
		t.Error("one word accepted")
	}
	if _, err := Brown(toyCorpus(10), Window(1)); err == nil {
		t.Error("window 1 accepted")
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0101\tdog\nxx\n", "x:2: want"},
		{"01a\tdog\n", "x:1: path"},
		{"0\tdog\n1\tdog\n", "x:2: word \"dog\" listed twice"},
		{"0\t\n", "x:1: want"},
	} {
		if _, err := Read(strings.NewReader(tc.in), "x"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("0\tthe\n10\tdog\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		var b bytes.Buffer
		c.WriteTo(&b)
		c2, err := Read(&b, "again")
		if err != nil || c2.Len() != c.Len() {
			t.Fatalf("written clusters do not read back: %v", err)
		}
	})
}
