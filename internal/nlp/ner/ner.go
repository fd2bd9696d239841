// Package ner finds named entities (PERSON, ORG, GPE, LOC, NORP) in
// tagged and parsed sentences.
//
// A mention, as GUM annotates it, is a noun phrase headed by a name: the
// projection of its head in the dependency tree ("Mark Tedeschi , QC",
// "Jason , who is our editor", "the Kennedy Space Center"). So the
// recognizer takes every proper noun (and capitalised word) that is not
// the continuation of another name as a candidate head, cuts a few
// candidate spans around it from the tree (mention.go), and an averaged
// perceptron over features of the head, the span, its place in the tree
// and the context types each candidate PERSON, ORG, PLACE or nothing. The
// best non-crossing candidates are kept; mentions may nest, as in GUM.
// Each mention also carries its name: the capitalised words around the
// head without titles, determiner and possessive ("Volodymyr Zelensky" in
// "Ukrainian President Volodymyr Zelensky").
//
// NORP (nationalities, religious and political groups) has no training
// data; it comes from the team's own gazetteer, for words outside the
// names.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Types are the name types the recognizer finds.
var Types = []string{PERSON, ORG, GPE, LOC}

// place is the typer's class for GPE and LOC, which the training data
// does not tell apart; PlaceType splits it by the name's words.
const place = "PLACE"

// classes are the typer's classes; 0 is "not a mention".
var classes = []string{"O", PERSON, ORG, place}

// spanClasses are the span chooser's classes: is a candidate span the
// mention of its head or not.
var spanClasses = []string{"O", "SPAN"}

//go:embed model/typer.lin
var typerModel []byte

//go:embed model/span.lin
var spanModel []byte

//go:embed model/case.lex
var caseLexicon []byte

// Recognizer finds mentions. It is immutable and safe for concurrent use.
type Recognizer struct {
	typer *linear.Model // the type of each name head (or none)
	span  *linear.Model // which candidate span is the head's mention
	lex   *Lexicon
}

var (
	defaultOnce sync.Once
	defaultRec  *Recognizer
	defaultErr  error
)

// Default returns the recognizer with the embedded models, loading them
// on first use.
func Default() (*Recognizer, error) {
	defaultOnce.Do(func() {
		defaultRec, defaultErr = Load(bytes.NewReader(typerModel), bytes.NewReader(spanModel), bytes.NewReader(caseLexicon))
	})
	return defaultRec, defaultErr
}

// Load reads a recognizer from its model files: the typer, the span
// chooser and the case lexicon.
func Load(typer, span, lex io.Reader) (*Recognizer, error) {
	l, err := ReadLexicon(lex, "ner case lexicon")
	if err != nil {
		return nil, err
	}
	r := &Recognizer{lex: l}
	for _, m := range []struct {
		name    string
		src     io.Reader
		classes []string
		dst     **linear.Model
	}{{"typer", typer, classes, &r.typer}, {"span", span, spanClasses, &r.span}} {
		lm, err := linear.ReadModel(m.src)
		if err != nil {
			return nil, fmt.Errorf("ner %s model: %w", m.name, err)
		}
		if !slices.Equal(lm.Classes(), m.classes) {
			return nil, fmt.Errorf("ner %s model: classes %v, want %v", m.name, lm.Classes(), m.classes)
		}
		*m.dst = lm
	}
	return r, nil
}

// scratch holds per-call buffers.
type scratch struct {
	tree   tree
	mark   []bool
	cands  []candidate
	feats  []linear.Feature
	scores []float32
	kept   []scored
}

type scored struct {
	c      candidate
	class  int
	margin float32 // score of the class over "not a mention"
}

var scratchPool = sync.Pool{New: func() any { return &scratch{scores: make([]float32, len(classes))} }}

// prepare analyses a sentence and returns its candidates, grouped by head
// with the base span (or the run, in a headline) first.
func (sc *scratch) prepare(toks []model.Token, lex *Lexicon) []candidate {
	sc.tree.reset(toks, lex)
	if cap(sc.mark) < len(toks) {
		sc.mark = make([]bool, len(toks))
	}
	sc.mark = sc.mark[:len(toks)]
	sc.cands = sc.tree.candidates(sc.cands[:0], sc.mark)
	return sc.cands
}

// headGroups calls fn with each head's candidates.
func headGroups(cands []candidate, fn func(group []candidate)) {
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].head == cands[i].head {
			j++
		}
		fn(cands[i:j])
		i = j
	}
}

// Mentions returns the entities of one sentence, whose tokens must carry
// UPOS tags and a dependency tree (Head, Deprel): the typed mentions,
// possibly nested, and NORP words outside their names, ordered by start,
// longer first.
func (r *Recognizer) Mentions(toks []model.Token) []Mention {
	return r.mentions(toks, nil)
}

// mentions is Mentions where a head whose name (the name words around
// it) is in known takes the class known gives, and a head the typer
// rejects is still typed when its name is in known or in the
// dictionaries, after all others.
func (r *Recognizer) mentions(toks []model.Token, known map[string]int) []Mention {
	if len(toks) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	cands := sc.prepare(toks, r.lex)
	sc.kept = sc.kept[:0]
	headGroups(cands, func(group []candidate) {
		sc.feats = typerFeatures(sc.feats[:0], &sc.tree, group[0])
		r.typer.Score(sc.feats, sc.scores)
		class, margin := bestClass(sc.scores)
		if margin <= 0 {
			name := sc.tree.nameAround(group[0])
			k, ok := known[name]
			if !ok {
				k = dictType(phraseClass(name))
				ok = k > 0
			}
			if !ok {
				return
			}
			class, margin = k, 0
		} else if known != nil {
			if k, ok := known[sc.tree.nameAround(group[0])]; ok {
				class = k
			}
		}
		best, own := -1, -1
		var bestScore, ownScore float32
		for i, c := range group {
			sc.feats = spanFeatures(sc.feats[:0], &sc.tree, c, class)
			r.span.Score(sc.feats, sc.scores)
			s := sc.scores[1] - sc.scores[0]
			if best < 0 || s > bestScore {
				best, bestScore = i, s
			}
			if c.kind != spanCoord && (own < 0 || s > ownScore) {
				own, ownScore = i, s
			}
		}
		sc.kept = append(sc.kept, scored{c: group[best], class: class, margin: margin})
		// GUM annotates a coordination of names and its first conjunct.
		if group[best].kind == spanCoord && own >= 0 {
			sc.kept = append(sc.kept, scored{c: group[own], class: class, margin: margin})
		}
	})
	slices.SortStableFunc(sc.kept, func(a, b scored) int {
		switch {
		case a.margin > b.margin:
			return -1
		case a.margin < b.margin:
			return 1
		}
		return 0
	})
	var out []Mention
	var chosen []candidate
	for _, k := range sc.kept {
		if !compatible(chosen, k.c) {
			continue
		}
		m := sc.tree.mention(k.c, classes[k.class])
		if m.NameFirst >= 0 && sameName(out, m) {
			continue
		}
		chosen = append(chosen, k.c)
		out = append(out, m)
	}
	out = addNORP(&sc.tree, out)
	sortMentions(out)
	return out
}

// bestClass returns the best class other than "not a mention" and its
// score over that.
func bestClass(scores []float32) (int, float32) {
	best := 1
	for k := 2; k < len(classes); k++ {
		if scores[k] > scores[best] {
			best = k
		}
	}
	return best, scores[best] - scores[0]
}

// compatible reports whether c may join the chosen candidates: a span not
// yet chosen that nests with or is disjoint from each of them, and at most
// one span per head besides a coordination ("Isabel" and "Isabel and I").
func compatible(chosen []candidate, c candidate) bool {
	for _, x := range chosen {
		if x.first == c.first && x.last == c.last {
			return false
		}
		if x.head == c.head && (x.kind == spanCoord) == (c.kind == spanCoord) {
			return false
		}
		crossing := x.first < c.first && c.first <= x.last && x.last < c.last ||
			c.first < x.first && x.first <= c.last && c.last < x.last
		if crossing {
			return false
		}
	}
	return true
}

// sameName reports whether ms has a mention with m's name and type ("As
// President Zelensky" and "President Zelensky" from different heads).
func sameName(ms []Mention, m Mention) bool {
	for _, x := range ms {
		if x.NameFirst == m.NameFirst && x.NameLast == m.NameLast && x.Type == m.Type {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by start, longer first.
func sortMentions(ms []Mention) {
	slices.SortFunc(ms, func(a, b Mention) int {
		if a.First != b.First {
			return a.First - b.First
		}
		if a.Last != b.Last {
			return b.Last - a.Last
		}
		return a.NameFirst - b.NameFirst
	})
}

// addNORP adds runs of NORP gazetteer words that no name covers
// ("Ukrainian", "Sunni Muslims").
func addNORP(t *tree, ms []Mention) []Mention {
	covered := func(i int) bool {
		for _, m := range ms {
			if m.Type != NORP && m.NameFirst <= i && i <= m.NameLast {
				return true
			}
		}
		return false
	}
	toks := t.toks
	for i := 0; i < len(toks); i++ {
		if !inSet(norpWords, toks[i].Text) || covered(i) {
			continue
		}
		j := i
		for j+1 < len(toks) && inSet(norpWords, toks[j+1].Text) && !covered(j+1) {
			j++
		}
		ms = append(ms, Mention{First: i, Last: j, NameFirst: i, NameLast: j, Type: NORP})
		i = j
	}
	return ms
}

// Recognize returns the entities of sentence s (index sentIdx in its
// document), whose tokens must be tagged and parsed.
func (r *Recognizer) Recognize(sentIdx int, s model.Sentence) []model.Entity {
	return entities(sentIdx, s, r.Mentions(s.Tokens), "")
}

// DocumentMentions returns the mentions of each sentence of a document
// (tagged and parsed tokens). One sense per discourse: news repeats names,
// and the typer misses or mistypes some of the occurrences, so a name is
// given, wherever its head is a candidate, the type it was given most
// often in the document (the first given of the commonest types); and the
// names that are a person's full name or surname elsewhere are PERSON
// ("Wilbur Ross" ... "Ross said").
func (r *Recognizer) DocumentMentions(sents [][]model.Token) [][]Mention {
	out := make([][]Mention, len(sents))
	persons := map[string]bool{}
	types := nameTypes{}
	for i, toks := range sents {
		out[i] = r.Mentions(toks)
		for _, m := range out[i] {
			if m.Type == NORP || m.NameFirst < 0 {
				continue
			}
			key := nameKey(toks, m)
			types.add(key, classOf(m.Type))
			if m.Type == PERSON && m.NameLast > m.NameFirst {
				persons[key] = true
				persons[toks[m.NameLast].Text] = true
			}
		}
	}
	known := types.commonest()
	for key := range persons {
		known[key] = classOf(PERSON)
	}
	for i, toks := range sents {
		out[i] = r.mentions(toks, known)
		for j, m := range out[i] {
			if m.Type != PERSON && m.Type != NORP && m.NameFirst >= 0 && persons[nameKey(toks, m)] {
				out[i][j].Type = PERSON
			}
		}
		out[i] = dropNestedPersons(out[i])
	}
	return out
}

// dropNestedPersons removes a PERSON whose name lies inside another
// PERSON's longer name: the parser sometimes splits a name ("Ambassador
// Marie" under "Ambassador Marie Yovanovitch"), and one person is one
// entity (5-fold CV +0.1 for each of seeds 1-5, docs/ner.md round 5).
func dropNestedPersons(ms []Mention) []Mention {
	nested := func(m Mention) bool {
		if m.Type != PERSON || m.NameFirst < 0 {
			return false
		}
		for _, o := range ms {
			if o.Type == PERSON && o.NameFirst >= 0 && o.NameFirst <= m.NameFirst && m.NameLast <= o.NameLast &&
				o.NameLast-o.NameFirst > m.NameLast-m.NameFirst {
				return true
			}
		}
		return false
	}
	out := ms[:0:0]
	for _, m := range ms {
		if !nested(m) {
			out = append(out, m)
		}
	}
	return out
}

// nameTypes counts, for each name, how often each class was given to it,
// in the order first given.
type nameTypes map[string][]classCount

type classCount struct{ class, n int }

func (nt nameTypes) add(name string, class int) {
	cs := nt[name]
	for i := range cs {
		if cs[i].class == class {
			cs[i].n++
			return
		}
	}
	nt[name] = append(cs, classCount{class, 1})
}

// commonest maps each name to the class given most often, the first given
// of those tied.
func (nt nameTypes) commonest() map[string]int {
	out := make(map[string]int, len(nt))
	for name, cs := range nt {
		best := cs[0]
		for _, c := range cs[1:] {
			if c.n > best.n {
				best = c
			}
		}
		out[name] = best.class
	}
	return out
}

// nameKey is the words of m's name joined by spaces.
func nameKey(toks []model.Token, m Mention) string {
	var b strings.Builder
	for i := m.NameFirst; i <= m.NameLast; i++ {
		if i > m.NameFirst {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

// RecognizeDocument sets doc.Entities from doc.Sentences, whose tokens
// must be tagged and parsed, as DocumentMentions finds them.
func (r *Recognizer) RecognizeDocument(doc *model.Document) {
	sents := make([][]model.Token, len(doc.Sentences))
	for i, s := range doc.Sentences {
		sents[i] = s.Tokens
	}
	doc.Entities = doc.Entities[:0]
	for i, ms := range r.DocumentMentions(sents) {
		doc.Entities = append(doc.Entities, entities(i, doc.Sentences[i], ms, doc.Text)...)
	}
}

// entities converts mentions to model entities: First, Last, Span and
// Text are the name, MentionFirst, MentionLast and Mention the whole
// mention. Text is text[Span] when the document text is given, else the
// tokens joined with single spaces where the original had space.
func entities(sentIdx int, s model.Sentence, ms []Mention, text string) []model.Entity {
	out := make([]model.Entity, 0, len(ms))
	span := func(first, last int) model.Span {
		return model.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
	}
	for _, m := range ms {
		if m.NameFirst < 0 {
			continue // a person described, not named
		}
		name := span(m.NameFirst, m.NameLast)
		var t string
		if text != "" && name.End <= len(text) {
			t = text[name.Start:name.End]
		} else {
			var b strings.Builder
			for i := m.NameFirst; i <= m.NameLast; i++ {
				b.WriteString(s.Tokens[i].Text)
				if i < m.NameLast && s.Tokens[i].SpaceAfter {
					b.WriteByte(' ')
				}
			}
			t = b.String()
		}
		out = append(out, model.Entity{
			Text: t, Type: m.Type, Sentence: sentIdx, First: m.NameFirst, Last: m.NameLast, Span: name,
			MentionFirst: m.First, MentionLast: m.Last, Mention: span(m.First, m.Last),
		})
	}
	return out
}
