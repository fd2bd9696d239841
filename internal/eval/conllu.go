// Package eval scores predicted analyses against gold reference data.
package eval

import (
	"fmt"
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// Parse counts the agreement of predicted tags and trees with gold ones,
// word by word, in the manner of the CoNLL 2018 shared task with gold
// tokenisation: every word counts, punctuation included; LAS compares the
// universal relation only (the subtype after ":" is ignored). Words whose
// gold UPOS is PUNCT are also counted apart for scores without punctuation,
// and LASFull compares relations including subtypes.
type Parse struct {
	Sentences, Words                     int
	UPOS, XPOS, UAS, LAS, LASFull        int
	NoPunctWords, NoPunctUAS, NoPunctLAS int
}

// Add counts one sentence. gold and pred must hold the same words.
func (p *Parse) Add(gold, pred []model.Token) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("eval: %d predicted words for %d gold words", len(pred), len(gold))
	}
	p.Sentences++
	for i, g := range gold {
		q := pred[i]
		p.Words++
		if q.UPOS == g.UPOS {
			p.UPOS++
		}
		if q.XPOS == g.XPOS {
			p.XPOS++
		}
		head := q.Head == g.Head
		label := universal(q.Deprel) == universal(g.Deprel)
		punct := g.UPOS == "PUNCT"
		if !punct {
			p.NoPunctWords++
		}
		if head {
			p.UAS++
			if label {
				p.LAS++
			}
			if q.Deprel == g.Deprel {
				p.LASFull++
			}
			if !punct {
				p.NoPunctUAS++
				if label {
					p.NoPunctLAS++
				}
			}
		}
	}
	return nil
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// ParseReport is Parse as percentages, for display and JSON.
type ParseReport struct {
	Sentences  int     `json:"sentences"`
	Words      int     `json:"words"`
	UPOS       float64 `json:"upos"`
	XPOS       float64 `json:"xpos"`
	UAS        float64 `json:"uas"`
	LAS        float64 `json:"las"`
	LASFull    float64 `json:"las_full_labels"`
	UASNoPunct float64 `json:"uas_no_punct"`
	LASNoPunct float64 `json:"las_no_punct"`
}

// Report converts the counts to percentages.
func (p *Parse) Report() ParseReport {
	return ParseReport{
		Sentences: p.Sentences, Words: p.Words,
		UPOS: pct(p.UPOS, p.Words), XPOS: pct(p.XPOS, p.Words),
		UAS: pct(p.UAS, p.Words), LAS: pct(p.LAS, p.Words), LASFull: pct(p.LASFull, p.Words),
		UASNoPunct: pct(p.NoPunctUAS, p.NoPunctWords), LASNoPunct: pct(p.NoPunctLAS, p.NoPunctWords),
	}
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}
