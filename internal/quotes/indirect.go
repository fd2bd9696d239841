package quotes

import (
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// Verbs that report speech with a bare clause ("X said the talks failed");
// the other speech verbs need "that" to count as reported speech, so that
// "X announced a plan" or "observers note several indicators" are not taken.
var bareClauseCues = set(`said says say told tells stated states claimed claims insisted insists argued
	argues added adds`)

// Verbs that report speech with "that" ("X warned that ..."); other speech
// cues of direct quotes ("found", "ruled", "called") do not report speech.
var thatClauseCues = set(`said says say told tells stated states claimed claims insisted insists argued
	argues added adds explained explains noted notes warned warns announced announces confirmed
	confirms denied denies acknowledged acknowledges admitted admits alleged alleges maintained
	maintains reported reports wrote writes tweeted tweets posted suggested suggests indicated
	indicates stressed stresses emphasized emphasised conceded concedes revealed reveals
	informed assured reminded replied responded testified predicted`)

// Verbs whose first object is the listener: "told reporters that".
var listenerCues = set(`told tells informed assured warned urged reminded`)

// indirect finds reported speech in sentences without direct quotes:
// "X said (that) CLAUSE", "X told Y (that) CLAUSE", "According to X,
// CLAUSE" and "CLAUSE, according to X."
func (sc *scan) indirect(doc *model.Document, ix *docIndex) []model.Quote {
	if sc.deps != nil {
		return sc.parseIndirect(doc, ix)
	}
	var out []model.Quote
	for si, s := range sc.sents {
		ss, se := s[0], s[1]
		hasQuote := false
		for i := ss; i < se; i++ {
			if sc.items[i].kind == itQuote {
				hasQuote = true
				break
			}
		}
		if hasQuote {
			continue
		}
		if q, ok := sc.reported(doc, ix, si, ss, se); ok {
			out = append(out, q)
		}
	}
	return out
}

func (sc *scan) reported(doc *model.Document, ix *docIndex, si, ss, se int) (model.Quote, bool) {
	end := se
	for end > ss && sc.items[end-1].kind == itPunct {
		end--
	}
	// According to X, CLAUSE. / CLAUSE, according to X.
	for k := ss; k+1 < end; k++ {
		if sc.items[k].low != "according" || sc.items[k+1].low != "to" {
			continue
		}
		m, after, ok := sc.mentionRight(k+2, end)
		if !ok {
			return model.Quote{}, false
		}
		if sc.isPunct(after, ",") {
			after++
		}
		switch {
		case k == ss && sc.isPunct(after-1, ",") && after < end:
			return sc.indirectQuote(doc, ix, m, "according to", after, end, si)
		case k > ss+2 && sc.isPunct(k-1, ",") && after >= end:
			return sc.indirectQuote(doc, ix, m, "according to", ss, k-1, si)
		}
		return model.Quote{}, false
	}
	for c := ss + 1; c < end; c++ {
		w := sc.items[c]
		if !sc.isCue(c, ss) || !thatClauseCues[w.low] {
			continue
		}
		m, ok := sc.subjectBefore(c, ss)
		if !ok {
			continue
		}
		k := c + 1
		if listenerCues[w.low] {
			if o, ok := sc.word(k); ok && (o.low == "him" || o.low == "her" || o.low == "them" || o.low == "us" || o.low == "me") {
				k++
			} else if oe, ok := sc.npRight(k, end); ok {
				k = oe
			}
		}
		n, ok := sc.word(k)
		if !ok {
			return model.Quote{}, false
		}
		switch {
		case n.low == "that":
			k++
		case bareClauseCues[w.low] && (n.cap || isPronoun(n.low) || n.low == "the" || n.low == "a" || n.low == "an" || n.low == "there" || n.low == "it"):
		default:
			return model.Quote{}, false
		}
		if end-k < 3 {
			return model.Quote{}, false
		}
		return sc.indirectQuote(doc, ix, m, w.text, k, end, si)
	}
	return model.Quote{}, false
}

func (sc *scan) indirectQuote(doc *model.Document, ix *docIndex, m mention, cue string, from, to, si int) (model.Quote, bool) {
	sp := ix.speaker(m)
	if sp.Name == "" && !sp.Unnamed {
		return model.Quote{}, false
	}
	span := model.Span{Start: sc.items[from].s, End: sc.items[to-1].e}
	return model.Quote{
		Speaker:  sp,
		Text:     sc.text[span.Start:span.End],
		Kind:     model.Indirect,
		Cue:      strings.ToLower(cue),
		Span:     span,
		Sentence: sentenceIndex(doc, sc, span.Start, from),
	}, true
}
