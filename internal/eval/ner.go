// Package eval scores analyses against reference annotations.
package eval

import (
	"slices"
	"sort"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/ner"
)

// Count holds true positives, false positives and false negatives.
type Count struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there is nothing to find.
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *Count) add(o Count) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// NERScore is exact-span, typed scoring of entity mentions.
type NERScore struct {
	Overall Count
	ByType  map[string]Count
	// Described counts the names under a common noun ("rapper Kanye
	// West"), which GUM's scored set leaves out: TP the names predicted
	// with their span and type, FN the others. Not part of Overall.
	Described Count
}

// NEREvalType maps an entity type to the type it is scored as: GPE and
// LOC both count as PLACE (the references do not tell them apart); NORP
// has no reference annotation and is not scored ("" = skip).
func NEREvalType(t string) string {
	switch t {
	case ner.GPE, ner.LOC:
		return "PLACE"
	case ner.NORP:
		return ""
	}
	return t
}

// ProperNounHeaded returns the mentions of ms whose head is a proper noun
// by the tags and tree of toks (ner.HeadedByProperNoun): GUM's scored
// set. GUM's gold mentions are selected so by the gold analysis; a
// prediction is selected by the analysis the recognizer saw, so that a
// mention it finds outside the set (a name under a common noun, "the
// rapper Kanye West", headed by "rapper") is neither right nor wrong,
// exactly as the gold mention is not scored. No gold information is
// used.
func ProperNounHeaded(toks []model.Token, ms []ner.Mention) []ner.Mention {
	out := make([]ner.Mention, 0, len(ms))
	for _, m := range ms {
		if ner.HeadedByProperNoun(toks, m.First, m.Last) {
			out = append(out, m)
		}
	}
	return out
}

type key struct {
	first, last int
	typ         string
}

// Add scores the predicted mentions of one sentence against the gold ones.
// A prediction is right when a gold mention has the same span and scored
// type; each gold mention matches at most one prediction.
func (s *NERScore) Add(gold, pred []ner.Mention) {
	if s.ByType == nil {
		s.ByType = map[string]Count{}
	}
	want := map[key]int{}
	for _, m := range gold {
		if t := NEREvalType(m.Type); t != "" {
			want[key{m.First, m.Last, t}]++
		}
	}
	var c = map[string]Count{}
	for _, m := range pred {
		t := NEREvalType(m.Type)
		if t == "" {
			continue
		}
		k := key{m.First, m.Last, t}
		x := c[t]
		if want[k] > 0 {
			want[k]--
			x.TP++
		} else {
			x.FP++
		}
		c[t] = x
	}
	for k, n := range want {
		x := c[k.typ]
		x.FN += n
		c[k.typ] = x
	}
	for t, x := range c {
		bt := s.ByType[t]
		bt.add(x)
		s.ByType[t] = bt
		s.Overall.add(x)
	}
}

// AddDescribed counts, for the described mentions of one sentence (their
// name in NameFirst, NameLast), whether a prediction has the name as its
// name, with the scored type. Predictions are not filtered: a name under
// a common noun is outside the scored set either way.
func (s *NERScore) AddDescribed(described, pred []ner.Mention) {
	for _, d := range described {
		found := slices.ContainsFunc(pred, func(m ner.Mention) bool {
			return m.NameFirst == d.NameFirst && m.NameLast == d.NameLast && NEREvalType(m.Type) == NEREvalType(d.Type)
		})
		if found {
			s.Described.TP++
		} else {
			s.Described.FN++
		}
	}
}

// Types lists the scored types in order.
func (s *NERScore) Types() []string {
	var ts []string
	for t := range s.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}
