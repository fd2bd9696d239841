package quotes

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// MinIoU is the overlap two quote spans need to count as the same quote:
// intersection over union of their character ranges.
const MinIoU = 0.5

// Score counts (quote span, speaker) pairs. A predicted direct quote piece
// matches a gold quote when their spans overlap with IoU >= MinIoU (each
// used once) and the speakers agree (SpeakerMatch).
type Score struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`    // span and speaker
	SpanOnly  int     `json:"span_match"` // span, whatever the speaker
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) add(o Score) {
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.Matched += o.Matched
	s.SpanOnly += o.SpanOnly
}

func (s *Score) finish() {
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.Predicted > 0 {
		s.Precision = float64(s.Matched) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Matched) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Report is the result of Evaluate: scores per split and over all articles.
type Report struct {
	Articles int        `json:"articles"`
	Dev      Score      `json:"dev"`
	Dev2     Score      `json:"dev2"`
	Test     Score      `json:"test"`
	Blind    Score      `json:"blind"`
	GUM      Score      `json:"gum"`
	GUMInt   Score      `json:"gumint"`
	GUMBio   Score      `json:"gumbio"`
	EWT      Score      `json:"ewt"`
	EWTTrain Score      `json:"ewttrain"`
	GUMOther Score      `json:"gumother"`
	All      Score      `json:"all"`
	Errors   []Mismatch `json:"errors,omitempty"`
}

// Split returns the score of the named split ("all" for every article).
func (r *Report) Split(name string) *Score {
	switch name {
	case SplitDev:
		return &r.Dev
	case SplitDev2:
		return &r.Dev2
	case SplitTest:
		return &r.Test
	case SplitBlind:
		return &r.Blind
	case SplitGUM:
		return &r.GUM
	case SplitGUMInterview:
		return &r.GUMInt
	case SplitGUMBio:
		return &r.GUMBio
	case SplitEWT:
		return &r.EWT
	case SplitEWTTrain:
		return &r.EWTTrain
	case SplitGUMOther:
		return &r.GUMOther
	}
	return &r.All
}

// Mismatch is one error: a gold quote missed, a predicted one not in the
// gold, or a quote found with the wrong speaker.
type Mismatch struct {
	URL     string `json:"url"`
	Split   string `json:"split"`
	Kind    string `json:"kind"` // missed, spurious, speaker
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Gold    string `json:"gold,omitempty"`
	Got     string `json:"got,omitempty"`
	Excerpt string `json:"excerpt"`
}

// TextSource returns an annotated article's text.
type TextSource func(file, url string) (string, bool)

// ReferenceTexts reads the texts the annotation file points into, from the
// reference data: the Wikinews CSV articles, GUM's news, interviews,
// biographies, academic papers, court transcripts and travel guides, and
// the weblog posts of UD English EWT.
func ReferenceTexts() (TextSource, error) {
	articles, err := refdata.Wikinews()
	if err != nil {
		return nil, err
	}
	gum, err := refdata.GUMDocuments("news", "interview", "bio", "academic", "court", "voyage")
	if err != nil {
		return nil, err
	}
	ewt, err := refdata.EWTDocuments("weblog")
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for _, a := range slices.Concat(articles, gum, ewt) {
		texts[a.File+" "+a.URL] = a.Text
	}
	return func(file, url string) (string, bool) {
		t, ok := texts[file+" "+url]
		return t, ok
	}, nil
}

// Analysis prepares a document before extraction as the pipeline does (fills
// its sentences, parse and entities) and returns the options that go with it
// (WithActors for the actor mentions it resolved).
type Analysis func(*model.Document) []Option

// Evaluate runs Extract on every annotated article and scores its direct
// quotes against the annotation. analyse, when not nil, runs on each
// document before extraction. It fails when an article is missing or its
// annotation does not fit the text.
func Evaluate(gold []GoldArticle, texts TextSource, analyse Analysis, opts ...Option) (Report, error) {
	var r Report
	opts = append(append([]Option(nil), opts...), DirectOnly())
	for _, a := range gold {
		x, err := loadArticle(a, texts, analyse, opts)
		if err != nil {
			return r, fmt.Errorf("evaluate quotes: %w", err)
		}
		s, errs := scoreArticle(a, x.doc, Extract(x.doc, x.opts...))
		r.Articles++
		r.Split(a.Split).add(s)
		r.All.add(s)
		r.Errors = append(r.Errors, errs...)
	}
	for _, name := range Splits {
		r.Split(name).finish()
	}
	r.All.finish()
	return r, nil
}

// loadArticle finds the text of annotated article a, checks the
// annotation against it and analyses it: the article's options are the
// analysis's, then opts.
func loadArticle(a GoldArticle, texts TextSource, analyse Analysis, opts []Option) (article, error) {
	text, ok := texts(a.File, a.URL)
	if !ok {
		return article{}, fmt.Errorf("%s not found in %s", a.URL, a.File)
	}
	if err := a.Check(text); err != nil {
		return article{}, err
	}
	doc := &model.Document{URL: a.URL, Text: text}
	var o []Option
	if analyse != nil {
		o = analyse(doc)
	}
	return article{a: a, doc: doc, opts: append(o, opts...)}, nil
}

type predPiece struct {
	span model.Span // code points
	sp   model.Speaker
	used bool
}

func scoreArticle(a GoldArticle, doc *model.Document, qs []model.Quote) (Score, []Mismatch) {
	doc.Quotes = qs
	doc.FillOffsets() // code-point offsets, as in the annotation
	var pieces []predPiece
	for _, q := range doc.Quotes {
		if q.Kind != model.Direct {
			continue
		}
		parts := q.PartOffsets
		if len(parts) == 0 {
			parts = []model.Span{q.Offsets}
		}
		for _, p := range parts {
			pieces = append(pieces, predPiece{span: p, sp: q.Speaker})
		}
	}
	s := Score{Gold: len(a.Quotes), Predicted: len(pieces)}
	var errs []Mismatch
	excerpt := func(sp model.Span) string {
		r := []rune(doc.Text)
		e := min(sp.End, sp.Start+60, len(r))
		return string(r[sp.Start:e])
	}
	for _, g := range a.Quotes {
		gs := model.Span{Start: g.Start, End: g.End}
		best, bestIoU := -1, 0.0
		for i, p := range pieces {
			if v := iou(gs, p.span); !p.used && v >= MinIoU && v > bestIoU {
				best, bestIoU = i, v
			}
		}
		mm := Mismatch{URL: a.URL, Split: a.Split, Start: g.Start, End: g.End, Gold: goldName(g), Excerpt: excerpt(gs)}
		if best < 0 {
			mm.Kind = "missed"
			errs = append(errs, mm)
			continue
		}
		pieces[best].used = true
		s.SpanOnly++
		if SpeakerMatch(g, pieces[best].sp) {
			s.Matched++
			continue
		}
		mm.Kind, mm.Got = "speaker", predName(pieces[best].sp)
		errs = append(errs, mm)
	}
	for _, p := range pieces {
		if !p.used {
			errs = append(errs, Mismatch{URL: a.URL, Split: a.Split, Kind: "spurious", Start: p.span.Start, End: p.span.End,
				Got: predName(p.sp), Excerpt: excerpt(p.span)})
		}
	}
	return s, errs
}

func goldName(g GoldQuote) string {
	if g.Unnamed {
		return "(unnamed) " + g.Speaker
	}
	return g.Speaker
}

func predName(sp model.Speaker) string {
	if sp.Unnamed {
		return "(unnamed) " + sp.Text
	}
	return sp.Name
}

// SpeakerMatch decides whether a predicted speaker is the annotated one: for
// named speakers, Match on the names (after Key normalisation); for unnamed
// sources, the prediction must be unnamed too and its description must have
// the same head noun ("a senior official" ~ "the official").
func SpeakerMatch(g GoldQuote, sp model.Speaker) bool {
	if g.Unnamed {
		return sp.Unnamed && headNoun(g.Speaker) != "" && headNoun(g.Speaker) == headNoun(sp.Text)
	}
	return sp.Name != "" && Match(g.Speaker, sp.Name)
}

// headNoun is the last word of a description before its modifiers ("a
// spokesman for 10 Downing Street" -> "spokesman"), singular.
func headNoun(desc string) string {
	head := ""
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		w = strings.Trim(w, ",.;:")
		if prepositions[w] || head != "" && strings.HasSuffix(w, "ing") || w == "registered" || w == "who" || w == "seemingly" {
			break
		}
		head = w
	}
	return strings.TrimSuffix(head, "s")
}

func iou(a, b model.Span) float64 {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi <= lo {
		return 0
	}
	union := max(a.End, b.End) - min(a.Start, b.Start)
	return float64(hi-lo) / float64(union)
}

// runeLen is the length of s in code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
