package parser

import (
	"slices"
	"strings"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// words holds the hashed word forms, tags and cluster paths (whole and
// 6-bit prefix) of a sentence; index n is the root.
type words struct {
	w, p, c, c6 []uint64
}

var (
	rootW = linear.HashString("-ROOT-w")
	rootP = linear.HashString("-ROOT-p")
	noneW = linear.HashString("-NONE-w")
	noneP = linear.HashString("-NONE-p")
	rootC = linear.HashString("-ROOT-c")
	noneC = linear.HashString("-NONE-c")
	noC   = linear.HashString("-NOCLU-") // a word without a cluster
)

// reset fills ws for toks; cl may be nil (no cluster features).
func (ws *words) reset(toks []model.Token, cl *cluster.Clusters) {
	ws.w, ws.p, ws.c, ws.c6 = ws.w[:0], ws.p[:0], ws.c[:0], ws.c6[:0]
	for i := range toks {
		lower := strings.ToLower(toks[i].Text)
		ws.w = append(ws.w, linear.HashString(lower))
		ws.p = append(ws.p, uint64(linear.Template(0).Str(toks[i].UPOS).Str(toks[i].XPOS)))
		c, c6 := noC, noC
		if cl != nil {
			if path := cl.Path(lower); path != "" {
				c, c6 = linear.HashString(path), linear.HashString(path[:min(6, len(path))])
			}
		}
		ws.c = append(ws.c, c)
		ws.c6 = append(ws.c6, c6)
	}
	ws.w = append(ws.w, rootW)
	ws.p = append(ws.p, rootP)
	ws.c = append(ws.c, rootC)
	ws.c6 = append(ws.c6, rootC)
}

// cluster returns the whole and 6-bit cluster path hashes of word i.
func (ws *words) cluster(i int32) (uint64, uint64) {
	if i < 0 {
		return noneC, noneC
	}
	return ws.c[i], ws.c6[i]
}

func (ws *words) word(i int32) uint64 {
	if i < 0 {
		return noneW
	}
	return ws.w[i]
}

func (ws *words) tag(i int32) uint64 {
	if i < 0 {
		return noneP
	}
	return ws.p[i]
}

// Feature template ids. Append only: ids are part of the trained model.
const (
	fS0w = iota
	fS0p
	fN0wp
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2p
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0pd
	fN0pd
	fS0pN0pd
	fS0pvr
	fS0wvl
	fS0pvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fN0l2w
	fN0l2p
	fN0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS0psr
	fS0wsl
	fS0psl
	fN0psl
	// Beyond Zhang and Nivre: the item below the stack top, and whether
	// the stack top already has a head (which decides REDUCE vs LEFT).
	fS1p
	fS1w
	fS1pS0pN0p
	fS0hasHeadS0pN0p
	fBias
	fN0wpN1p
	fS1pS0pDist
	fS0rlS0pN0p
	fN0llN0p
	fS0lN0p
	// Word clusters (Koo et al. 2008): whole paths as word classes,
	// 6-bit prefixes as coarse tags.
	fS0c
	fN0c
	fN1c
	fS0c6N0p
	fS0pN0c6
	fS0c6N0c6
	fS0cN0c
	numTemplates
)

func distBucket(d int32) uint64 {
	switch {
	case d < 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 9:
		return 5
	}
	return 6
}

func get(x []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return x[i]
}

// features sets all[t] to the feature of template t in s: the rich
// non-local feature set of Zhang and Nivre (2011) plus a few for
// arc-eager's stack.
func features(all *[numTemplates]linear.Feature, s *state, ws *words) {
	T := linear.Template
	s0 := s.top()
	n0 := s.b
	n1, n2 := n0+1, n0+2
	if n1 > s.n {
		n1 = -1
	}
	if n2 > s.n {
		n2 = -1
	}
	s1 := s.second()
	s0h := get(s.head, s0)
	if s0h >= s.n {
		s0h = -1 // the root never stays on the stack; keep feature values tidy
	}
	s0h2 := get(s.head, s0h)
	if s0h2 >= s.n {
		s0h2 = -1
	}
	s0l, s0r, s0l2, s0r2 := get(s.l1, s0), get(s.r1, s0), get(s.l2, s0), get(s.r2, s0)
	n0l, n0l2 := s.l1[n0], s.l2[n0]
	lab := func(i int32) uint64 { return uint64(get(s.label, i) + 1) }

	s0w, s0p := ws.word(s0), ws.tag(s0)
	n0w, n0p := ws.word(n0), ws.tag(n0)
	n1w, n1p := ws.word(n1), ws.tag(n1)
	n2p := ws.tag(n2)
	d := uint64(0)
	if s0 >= 0 {
		d = distBucket(n0 - s0)
	}
	var s0vl, s0vr, s0sl, s0sr uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(s.nl[s0]), uint64(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	n0vl, n0sl := uint64(s.nl[n0]), s.ls[n0]
	s0hp, s0lp, s0rp, n0lp := ws.tag(s0h), ws.tag(s0l), ws.tag(s0r), ws.tag(n0l)
	hasHead := uint64(0)
	if s0 >= 0 && s.head[s0] >= 0 {
		hasHead = 1
	}

	all[fS0w] = T(fS0w).Int(s0w)
	all[fS0p] = T(fS0p).Int(s0p)
	all[fN0wp] = T(fN0wp).Int(n0w).Int(n0p)
	all[fN0p] = T(fN0p).Int(n0p)
	all[fN1wp] = T(fN1wp).Int(n1w).Int(n1p)
	all[fN1w] = T(fN1w).Int(n1w)
	all[fN1p] = T(fN1p).Int(n1p)
	all[fN2p] = T(fN2p).Int(n2p)
	all[fS0wpN0p] = T(fS0wpN0p).Int(s0w).Int(s0p).Int(n0p)
	all[fS0pN0wp] = T(fS0pN0wp).Int(s0p).Int(n0w).Int(n0p)
	all[fS0wN0w] = T(fS0wN0w).Int(s0w).Int(n0w)
	all[fS0pN0p] = T(fS0pN0p).Int(s0p).Int(n0p)
	all[fN0pN1p] = T(fN0pN1p).Int(n0p).Int(n1p)
	all[fN0pN1pN2p] = T(fN0pN1pN2p).Int(n0p).Int(n1p).Int(n2p)
	all[fS0pN0pN1p] = T(fS0pN0pN1p).Int(s0p).Int(n0p).Int(n1p)
	all[fS0hpS0pN0p] = T(fS0hpS0pN0p).Int(s0hp).Int(s0p).Int(n0p)
	all[fS0pS0rpN0p] = T(fS0pS0rpN0p).Int(s0p).Int(s0rp).Int(n0p)
	all[fS0pN0pN0lp] = T(fS0pN0pN0lp).Int(s0p).Int(n0p).Int(n0lp)
	all[fS0pd] = T(fS0pd).Int(s0p).Int(d)
	all[fN0pd] = T(fN0pd).Int(n0p).Int(d)
	all[fS0pN0pd] = T(fS0pN0pd).Int(s0p).Int(n0p).Int(d)
	all[fS0pvr] = T(fS0pvr).Int(s0p).Int(s0vr)
	all[fS0wvl] = T(fS0wvl).Int(s0w).Int(s0vl)
	all[fS0pvl] = T(fS0pvl).Int(s0p).Int(s0vl)
	all[fN0pvl] = T(fN0pvl).Int(n0p).Int(n0vl)
	all[fS0hw] = T(fS0hw).Int(ws.word(s0h))
	all[fS0hp] = T(fS0hp).Int(s0hp)
	all[fS0l] = T(fS0l).Int(lab(s0))
	all[fS0lw] = T(fS0lw).Int(ws.word(s0l))
	all[fS0lp] = T(fS0lp).Int(s0lp)
	all[fS0ll] = T(fS0ll).Int(lab(s0l))
	all[fS0rl] = T(fS0rl).Int(lab(s0r))
	all[fN0lw] = T(fN0lw).Int(ws.word(n0l))
	all[fN0lp] = T(fN0lp).Int(n0lp)
	all[fN0ll] = T(fN0ll).Int(lab(n0l))
	all[fS0l2w] = T(fS0l2w).Int(ws.word(s0l2))
	all[fS0l2p] = T(fS0l2p).Int(ws.tag(s0l2))
	all[fS0l2l] = T(fS0l2l).Int(lab(s0l2))
	all[fS0r2w] = T(fS0r2w).Int(ws.word(s0r2))
	all[fS0r2p] = T(fS0r2p).Int(ws.tag(s0r2))
	all[fS0r2l] = T(fS0r2l).Int(lab(s0r2))
	all[fN0l2w] = T(fN0l2w).Int(ws.word(n0l2))
	all[fN0l2p] = T(fN0l2p).Int(ws.tag(n0l2))
	all[fN0l2l] = T(fN0l2l).Int(lab(n0l2))
	all[fS0pS0lpS0l2p] = T(fS0pS0lpS0l2p).Int(s0p).Int(s0lp).Int(ws.tag(s0l2))
	all[fS0pS0rpS0r2p] = T(fS0pS0rpS0r2p).Int(s0p).Int(s0rp).Int(ws.tag(s0r2))
	all[fS0pS0hpS0h2p] = T(fS0pS0hpS0h2p).Int(s0p).Int(s0hp).Int(ws.tag(s0h2))
	all[fN0pN0lpN0l2p] = T(fN0pN0lpN0l2p).Int(n0p).Int(n0lp).Int(ws.tag(n0l2))
	all[fS0psr] = T(fS0psr).Int(s0p).Int(s0sr)
	all[fS0wsl] = T(fS0wsl).Int(s0w).Int(s0sl)
	all[fS0psl] = T(fS0psl).Int(s0p).Int(s0sl)
	all[fN0psl] = T(fN0psl).Int(n0p).Int(n0sl)
	all[fS1p] = T(fS1p).Int(ws.tag(s1))
	all[fS1w] = T(fS1w).Int(ws.word(s1))
	all[fS1pS0pN0p] = T(fS1pS0pN0p).Int(ws.tag(s1)).Int(s0p).Int(n0p)
	all[fS0hasHeadS0pN0p] = T(fS0hasHeadS0pN0p).Int(hasHead).Int(s0p).Int(n0p)
	all[fBias] = T(fBias)
	all[fN0wpN1p] = T(fN0wpN1p).Int(n0w).Int(n0p).Int(n1p)
	all[fS1pS0pDist] = T(fS1pS0pDist).Int(ws.tag(s1)).Int(s0p).Int(distBucket(s0 - s1))
	all[fS0rlS0pN0p] = T(fS0rlS0pN0p).Int(lab(s0r)).Int(s0p).Int(n0p)
	all[fN0llN0p] = T(fN0llN0p).Int(lab(n0l)).Int(n0p)
	all[fS0lN0p] = T(fS0lN0p).Int(lab(s0)).Int(n0p)
	s0c, s0c6 := ws.cluster(s0)
	n0c, n0c6 := ws.cluster(n0)
	n1c, _ := ws.cluster(n1)
	all[fS0c] = T(fS0c).Int(s0c)
	all[fN0c] = T(fN0c).Int(n0c)
	all[fN1c] = T(fN1c).Int(n1c)
	all[fS0c6N0p] = T(fS0c6N0p).Int(s0c6).Int(n0p)
	all[fS0pN0c6] = T(fS0pN0c6).Int(s0p).Int(n0c6)
	all[fS0c6N0c6] = T(fS0c6N0c6).Int(s0c6).Int(n0c6)
	all[fS0cN0c] = T(fS0cN0c).Int(s0c).Int(n0c)
}

// moveTemplates are the features of the transition kind, relTemplates
// those of an arc's relation.
var (
	// relOnly are templates of the relation models alone: the stack
	// top's head tells relations apart but not moves.
	relOnly       = []uint8{fN0l2l, fS0hp, fS0hw, fS0hpS0pN0p}
	moveTemplates = without(templateRange(0, numTemplates), relOnly...)
	relTemplates  = []uint8{
		fN0ll, fN0l2l, fBias, fS0c, fN0psl, fS0l, fS0hp, fS0pN0pN1p, fS0psr, fS0hw, fS1w, fS0hpS0pN0p, fS0psl, fS0ll, fN0wpN1p, fS0pN0p, fS0w, fS0wsl, fS0pN0pd, fS0hasHeadS0pN0p, fS0c6N0p, fS0p, fN0p,
	}
)

func without(ts []uint8, drop ...uint8) []uint8 {
	return slices.DeleteFunc(ts, func(t uint8) bool { return slices.Contains(drop, t) })
}

func templateRange(lo, hi int) []uint8 {
	var ts []uint8
	for t := lo; t < hi; t++ {
		ts = append(ts, uint8(t))
	}
	return ts
}

// gather appends all[t] for the templates ts to buf.
func gather(buf []linear.Feature, all *[numTemplates]linear.Feature, ts []uint8) []linear.Feature {
	for _, t := range ts {
		buf = append(buf, all[t])
	}
	return buf
}
