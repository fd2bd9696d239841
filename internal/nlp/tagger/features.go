package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// word holds the precomputed hashes of one token, so that building the
// features of a position only mixes integers.
type word struct {
	form, lower, shape, amb uint64
	ambLower                uint64 // ambiguity class of the lowercased form
	lastPart                uint64 // last part of a hyphenated word
	cap                     uint64 // 1 if the word starts with an upper-case letter
	only                    int32  // the class of a frequent unambiguous form, else -1

	pre [3]uint64
	suf [5]uint64
	clu [len(cluPrefixes)]uint64 // prefixes of the word's cluster path
}

// cluPrefixes are the lengths of the cluster path prefixes used as
// features: short ones are coarse word classes, the whole path (0) the
// finest.
var cluPrefixes = [...]int{4, 6, 10, 0}

// noCluster stands for the path of a word without one.
var noCluster = linear.HashString("-NOCLU-")

// pad marks positions before the start and after the end of a sentence.
const pad = 2

var (
	startWord = padWord("-START-")
	endWord   = padWord("-END-")
)

func padWord(s string) word {
	h := linear.HashString(s)
	return word{form: h, lower: h, shape: h, amb: h, ambLower: h, lastPart: h, cap: 2, only: -1,
		pre: [3]uint64{h, h, h}, suf: [5]uint64{h, h, h, h, h}, clu: [4]uint64{h, h, h, h}}
}

// analyse fills w for the token text s; cl may be nil.
func (lx lexicon) analyse(s string, cl *cluster.Clusters) word {
	lower := strings.ToLower(s)
	w := word{form: linear.HashString(s), lower: linear.HashString(lower), shape: linear.HashString(shape(s))}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		w.cap = 1
	}
	// The exact form's ambiguity class, else the lowercased form's.
	w.only = -1
	el, okl := lx["\x00"+lower]
	if okl {
		w.amb, w.ambLower = el.amb, el.amb
	}
	if e, ok := lx[s]; ok {
		w.amb, w.only = e.amb, e.only
	}
	if i := strings.LastIndexByte(lower, '-'); i >= 0 {
		w.lastPart = linear.HashString(lower[i+1:])
	}
	for n := 1; n <= len(w.pre); n++ {
		w.pre[n-1] = linear.HashString(prefix(lower, n))
	}
	for n := 1; n <= len(w.suf); n++ {
		w.suf[n-1] = linear.HashString(suffix(lower, n))
	}
	if cl != nil {
		path := cl.Path(lower)
		for i, n := range cluPrefixes {
			switch {
			case path == "":
				w.clu[i] = noCluster
			case n == 0 || n > len(path):
				w.clu[i] = linear.HashString(path)
			default:
				w.clu[i] = linear.HashString(path[:n])
			}
		}
	}
	return w
}

// prefix returns the first n runes of s (all of s if shorter).
func prefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// suffix returns the last n runes of s (all of s if shorter).
func suffix(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// shape maps letters to X/x and digits to d, keeping other characters and
// cutting runs of one class at two: "McCain" -> "XxXx", "1990s" -> "ddx".
func shape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= 2 {
			b.WriteRune(c)
		}
		if b.Len() > 16 {
			break
		}
	}
	return b.String()
}

// Feature template ids. Append only: ids are part of the trained model.
const (
	fBias = iota
	fLower
	fForm
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fShape
	fPrev
	fPrev2
	fPrevLower
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fSufM1
	fSufP1
	fAmb
	fAmbP1
	fAmbP2
	fBigramM1
	fBigramP1
	fPrevAmbP1
	fShapeM1P1
	fPrevSuf
	_ // retired
	fLowerAmbP1
	fAmbM1
	fSuf5
	fPre3
	fAmbLower
	fLastPart
	fShapeFirst
	fPrevLowerP1
	// Second pass: the first pass's tags around the position.
	fFirstCur
	fFirstP1
	fFirstP1P2
	fFirstM1CurP1
	fPrevFirstP1
	fLowerFirstP1
	fFirstCurAmb
	fCapContext
	fCapLower
	fClu4
	fClu6
	fClu10
	fClu
	fCluM1
	fCluP1
	fPrevClu6
)

// features appends the features of position i of ws (which is padded with
// pad words on each side, so i counts from pad) given the two previous
// tags. In the second pass, first holds the first pass's classes, padded
// like ws.
func features(buf []linear.Feature, ws []word, i int, prevTag, prev2Tag int32, first []int32) []linear.Feature {
	T := linear.Template
	w := &ws[i]
	prev, prev2 := tagHash(prevTag), tagHash(prev2Tag)
	if first != nil {
		f0, fm1, fp1, fp2 := tagHash(first[i]), tagHash(first[i-1]), tagHash(first[i+1]), tagHash(first[i+2])
		buf = append(buf,
			T(fFirstCur).Int(f0),
			T(fFirstP1).Int(fp1),
			T(fFirstP1P2).Int(fp1).Int(fp2),
			T(fFirstM1CurP1).Int(fm1).Int(f0).Int(fp1),
			T(fPrevFirstP1).Int(prev).Int(fp1),
			T(fLowerFirstP1).Int(w.lower).Int(fp1),
			T(fFirstCurAmb).Int(f0).Int(w.amb),
		)
	}
	buf = append(buf,
		T(fBias),
		T(fLower).Int(w.lower),
		T(fForm).Int(w.form),
		T(fSuf1).Int(w.suf[0]),
		T(fSuf2).Int(w.suf[1]),
		T(fSuf3).Int(w.suf[2]),
		T(fSuf4).Int(w.suf[3]),
		T(fPre1).Int(w.pre[0]),
		T(fPre2).Int(w.pre[1]),
		T(fShape).Int(w.shape),
		T(fPrev).Int(prev),
		T(fPrev2).Int(prev).Int(prev2),
		T(fPrevLower).Int(prev).Int(w.lower),
		T(fLowerM1).Int(ws[i-1].lower),
		T(fLowerM2).Int(ws[i-2].lower),
		T(fLowerP1).Int(ws[i+1].lower),
		T(fLowerP2).Int(ws[i+2].lower),
		T(fSufM1).Int(ws[i-1].suf[2]),
		T(fSufP1).Int(ws[i+1].suf[2]),
		T(fAmb).Int(w.amb),
		T(fAmbP1).Int(ws[i+1].amb),
		T(fAmbP2).Int(ws[i+1].amb).Int(ws[i+2].amb),
		T(fBigramM1).Int(ws[i-1].lower).Int(w.lower),
		T(fBigramP1).Int(w.lower).Int(ws[i+1].lower),
		T(fPrevAmbP1).Int(prev).Int(ws[i+1].amb),
		T(fShapeM1P1).Int(ws[i-1].shape).Int(w.shape).Int(ws[i+1].shape),
		T(fPrevSuf).Int(prev).Int(w.suf[2]),
		T(fLowerAmbP1).Int(w.lower).Int(ws[i+1].amb),
		T(fAmbM1).Int(ws[i-1].amb).Int(w.amb),
		T(fSuf5).Int(w.suf[4]),
		T(fPre3).Int(w.pre[2]),
		T(fAmbLower).Int(w.ambLower),
		T(fLastPart).Int(w.lastPart),
		T(fShapeFirst).Int(w.shape).Int(uint64(min(i-pad, 1))),
		T(fPrevLowerP1).Int(prev).Int(ws[i+1].lower),
		T(fCapContext).Int(ws[i-1].cap).Int(w.cap).Int(ws[i+1].cap),
		T(fCapLower).Int(ws[i-1].cap).Int(w.lower),
	)
	if w.clu[3] != 0 { // clusters in use
		buf = append(buf,
			T(fClu4).Int(w.clu[0]),
			T(fClu6).Int(w.clu[1]),
			T(fClu10).Int(w.clu[2]),
			T(fClu).Int(w.clu[3]),
			T(fCluM1).Int(ws[i-1].clu[3]),
			T(fCluP1).Int(ws[i+1].clu[3]),
			T(fPrevClu6).Int(prev).Int(w.clu[1]),
		)
	}
	return buf
}

// tagHash turns a tag class (negative for none) into a feature value.
func tagHash(c int32) uint64 { return uint64(int64(c) + 2) }
