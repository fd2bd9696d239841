package parser

import (
	"strings"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// words holds the hashed word forms and tags of a sentence; index n is the
// root.
type words struct {
	w, p []uint64
}

var (
	rootW = linear.HashString("-ROOT-w")
	rootP = linear.HashString("-ROOT-p")
	noneW = linear.HashString("-NONE-w")
	noneP = linear.HashString("-NONE-p")
)

func (ws *words) reset(toks []model.Token) {
	ws.w = ws.w[:0]
	ws.p = ws.p[:0]
	for i := range toks {
		ws.w = append(ws.w, linear.HashString(strings.ToLower(toks[i].Text)))
		ws.p = append(ws.p, uint64(linear.Template(0).Str(toks[i].UPOS).Str(toks[i].XPOS)))
	}
	ws.w = append(ws.w, rootW)
	ws.p = append(ws.p, rootP)
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
	fS0wp = iota
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0h2w
	fS0h2p
	fS0hl
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
	fS0wsr
	fS0psr
	fS0wsl
	fS0psl
	fN0wsl
	fN0psl
	// Beyond Zhang and Nivre: the item below the stack top, and whether
	// the stack top already has a head (which decides REDUCE vs LEFT).
	fS1p
	fS1w
	fS1pS0pN0p
	fS0hasHeadS0pN0p
	fBias
	fN0wN1w
	fN0wpN1p
	fS1pS0pDist
	fS0llS0pN0p
	fS0rlS0pN0p
	fN0llN0p
	fS0lN0p
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

// features appends the features of s to buf: the rich non-local feature set
// of Zhang and Nivre (2011) plus a few for arc-eager's stack.
func features(buf []linear.Feature, s *state, ws *words) []linear.Feature {
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
	n2w, n2p := ws.word(n2), ws.tag(n2)
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

	return append(buf,
		T(fS0wp).Int(s0w).Int(s0p),
		T(fS0w).Int(s0w),
		T(fS0p).Int(s0p),
		T(fN0wp).Int(n0w).Int(n0p),
		T(fN0w).Int(n0w),
		T(fN0p).Int(n0p),
		T(fN1wp).Int(n1w).Int(n1p),
		T(fN1w).Int(n1w),
		T(fN1p).Int(n1p),
		T(fN2wp).Int(n2w).Int(n2p),
		T(fN2w).Int(n2w),
		T(fN2p).Int(n2p),
		T(fS0wpN0wp).Int(s0w).Int(s0p).Int(n0w).Int(n0p),
		T(fS0wpN0w).Int(s0w).Int(s0p).Int(n0w),
		T(fS0wN0wp).Int(s0w).Int(n0w).Int(n0p),
		T(fS0wpN0p).Int(s0w).Int(s0p).Int(n0p),
		T(fS0pN0wp).Int(s0p).Int(n0w).Int(n0p),
		T(fS0wN0w).Int(s0w).Int(n0w),
		T(fS0pN0p).Int(s0p).Int(n0p),
		T(fN0pN1p).Int(n0p).Int(n1p),
		T(fN0pN1pN2p).Int(n0p).Int(n1p).Int(n2p),
		T(fS0pN0pN1p).Int(s0p).Int(n0p).Int(n1p),
		T(fS0hpS0pN0p).Int(s0hp).Int(s0p).Int(n0p),
		T(fS0pS0lpN0p).Int(s0p).Int(s0lp).Int(n0p),
		T(fS0pS0rpN0p).Int(s0p).Int(s0rp).Int(n0p),
		T(fS0pN0pN0lp).Int(s0p).Int(n0p).Int(n0lp),
		T(fS0wd).Int(s0w).Int(d),
		T(fS0pd).Int(s0p).Int(d),
		T(fN0wd).Int(n0w).Int(d),
		T(fN0pd).Int(n0p).Int(d),
		T(fS0wN0wd).Int(s0w).Int(n0w).Int(d),
		T(fS0pN0pd).Int(s0p).Int(n0p).Int(d),
		T(fS0wvr).Int(s0w).Int(s0vr),
		T(fS0pvr).Int(s0p).Int(s0vr),
		T(fS0wvl).Int(s0w).Int(s0vl),
		T(fS0pvl).Int(s0p).Int(s0vl),
		T(fN0wvl).Int(n0w).Int(n0vl),
		T(fN0pvl).Int(n0p).Int(n0vl),
		T(fS0hw).Int(ws.word(s0h)),
		T(fS0hp).Int(s0hp),
		T(fS0l).Int(lab(s0)),
		T(fS0lw).Int(ws.word(s0l)),
		T(fS0lp).Int(s0lp),
		T(fS0ll).Int(lab(s0l)),
		T(fS0rw).Int(ws.word(s0r)),
		T(fS0rp).Int(s0rp),
		T(fS0rl).Int(lab(s0r)),
		T(fN0lw).Int(ws.word(n0l)),
		T(fN0lp).Int(n0lp),
		T(fN0ll).Int(lab(n0l)),
		T(fS0h2w).Int(ws.word(s0h2)),
		T(fS0h2p).Int(ws.tag(s0h2)),
		T(fS0hl).Int(lab(s0h)),
		T(fS0l2w).Int(ws.word(s0l2)),
		T(fS0l2p).Int(ws.tag(s0l2)),
		T(fS0l2l).Int(lab(s0l2)),
		T(fS0r2w).Int(ws.word(s0r2)),
		T(fS0r2p).Int(ws.tag(s0r2)),
		T(fS0r2l).Int(lab(s0r2)),
		T(fN0l2w).Int(ws.word(n0l2)),
		T(fN0l2p).Int(ws.tag(n0l2)),
		T(fN0l2l).Int(lab(n0l2)),
		T(fS0pS0lpS0l2p).Int(s0p).Int(s0lp).Int(ws.tag(s0l2)),
		T(fS0pS0rpS0r2p).Int(s0p).Int(s0rp).Int(ws.tag(s0r2)),
		T(fS0pS0hpS0h2p).Int(s0p).Int(s0hp).Int(ws.tag(s0h2)),
		T(fN0pN0lpN0l2p).Int(n0p).Int(n0lp).Int(ws.tag(n0l2)),
		T(fS0wsr).Int(s0w).Int(s0sr),
		T(fS0psr).Int(s0p).Int(s0sr),
		T(fS0wsl).Int(s0w).Int(s0sl),
		T(fS0psl).Int(s0p).Int(s0sl),
		T(fN0wsl).Int(n0w).Int(n0sl),
		T(fN0psl).Int(n0p).Int(n0sl),
		T(fS1p).Int(ws.tag(s1)),
		T(fS1w).Int(ws.word(s1)),
		T(fS1pS0pN0p).Int(ws.tag(s1)).Int(s0p).Int(n0p),
		T(fS0hasHeadS0pN0p).Int(hasHead).Int(s0p).Int(n0p),
		T(fBias),
		T(fN0wN1w).Int(n0w).Int(n1w),
		T(fN0wpN1p).Int(n0w).Int(n0p).Int(n1p),
		T(fS1pS0pDist).Int(ws.tag(s1)).Int(s0p).Int(distBucket(s0-s1)),
		T(fS0llS0pN0p).Int(lab(s0l)).Int(s0p).Int(n0p),
		T(fS0rlS0pN0p).Int(lab(s0r)).Int(s0p).Int(n0p),
		T(fN0llN0p).Int(lab(n0l)).Int(n0p),
		T(fS0lN0p).Int(lab(s0)).Int(n0p),
	)
}
