// Package ner finds named entities (PERSON, ORG, GPE, LOC, NORP) in
// tokenized sentences.
//
// PERSON, ORG, GPE and LOC come from two greedy averaged-perceptron
// taggers with BILOU tags over word, shape, affix, context, capitalised-run,
// gazetteer and case-lexicon features (no part-of-speech tags: they did not
// help). The "outer" tagger finds the largest name mentions ("NASA
// Administrator Charles Bolden"), the "inner" one the smallest ("NASA"), so
// that names nested inside others are found too, as GUM annotates them.
// Spans follow GUM: a leading "the", titles and a possessive "'s" belong to
// the mention. A few rules then correct the taggers (a lone country is
// never a person, "City , State" is one place, headlines are trimmed) and
// DocumentMentions tags recurring names again.
//
// NORP (nationalities, religious and political groups) has no training
// data; it comes from the team's own gazetteer, for words outside the
// tagged names.
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

// Types are the name types the taggers find.
var Types = []string{PERSON, ORG, GPE, LOC}

// description is the tagger's type for descriptions that contain a name
// (see Sentence.Descriptions); they are not returned.
const description = "DESC"

// tagTypes are the types of the tagger classes, in class order.
var tagTypes = append(slices.Clone(Types), description)

// classes are "O" then B-, I-, L-, U- for each tag type.
var classes = func() []string {
	cs := []string{"O"}
	for _, t := range tagTypes {
		cs = append(cs, "B-"+t, "I-"+t, "L-"+t, "U-"+t)
	}
	return cs
}()

// BILOU parts of a class id c > 0: (c-1)%4.
const (
	partB = iota
	partI
	partL
	partU
)

func part(c int) int     { return (c - 1) % 4 }
func typeOf(c int) int   { return (c - 1) / 4 }
func class(t, p int) int { return 1 + 4*t + p }

// allowed reports whether class c may follow class prev (-1 at the start);
// last is true for the final token of the sentence.
func allowed(prev, c int, last bool) bool {
	inside := prev > 0 && (part(prev) == partB || part(prev) == partI)
	if c == 0 {
		return !inside
	}
	switch part(c) {
	case partB:
		return !inside && !last
	case partI:
		return inside && typeOf(prev) == typeOf(c) && !last
	case partL:
		return inside && typeOf(prev) == typeOf(c)
	}
	return !inside // U
}

// Layer names and their embedded models.
const (
	layerOuter = iota
	layerInner
	numLayers
)

var layerNames = [numLayers]string{"outer", "inner"}

//go:embed model/outer.lin
var outerModel []byte

//go:embed model/inner.lin
var innerModel []byte

//go:embed model/case.lex
var caseLexicon []byte

// Recognizer tags sentences. It is immutable and safe for concurrent use.
type Recognizer struct {
	layers [numLayers]*linear.Model
	lex    *Lexicon
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
		defaultRec, defaultErr = Load(bytes.NewReader(outerModel), bytes.NewReader(innerModel), bytes.NewReader(caseLexicon))
	})
	return defaultRec, defaultErr
}

// Load reads a recognizer from its model files: the two layers and the
// case lexicon.
func Load(outer, inner, lex io.Reader) (*Recognizer, error) {
	l, err := ReadLexicon(lex, "ner case lexicon")
	if err != nil {
		return nil, err
	}
	r := &Recognizer{lex: l}
	for i, src := range []io.Reader{outer, inner} {
		m, err := linear.ReadModel(src)
		if err != nil {
			return nil, fmt.Errorf("ner %s model: %w", layerNames[i], err)
		}
		if !slices.Equal(m.Classes(), classes) {
			return nil, fmt.Errorf("ner %s model: classes %v, want %v", layerNames[i], m.Classes(), classes)
		}
		r.layers[i] = m
	}
	return r, nil
}

// scratch holds per-call buffers.
type scratch struct {
	info   []tokenInfo
	feats  []linear.Feature
	scores []float32
	tags   []int
}

var scratchPool = sync.Pool{New: func() any { return &scratch{scores: make([]float32, len(classes))} }}

// Mentions returns the entities of a sentence given as words: the tagged
// names of both layers (distinct spans, possibly nested) and NORP words
// outside them, ordered by start, longer first.
func (r *Recognizer) Mentions(words []string) []Mention {
	if len(words) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.info) < len(words) {
		sc.info = make([]tokenInfo, len(words))
		sc.tags = make([]int, len(words))
	}
	info := sc.info[:len(words)]
	analyse(words, info, r.lex)
	var out []Mention
	for _, m := range r.layers {
		for _, mn := range decode(m, info, sc) {
			if mn.Type != description && !sameSpan(out, mn) {
				out = append(out, mn)
			}
		}
	}
	for i, m := range out {
		out[i].Type = gazetteerType(words, m)
	}
	if isHeadline(words) {
		out = trimHeadline(words, out, r.lex)
	}
	out = joinPlaces(words, out)
	out = addNORP(words, out)
	sortMentions(out)
	return out
}

// joinPlaces extends a place followed by a comma and a listed state or
// country to cover both ("Seattle , Washington", "Sydney , Australia"),
// as GUM does; the state or country stays a mention of its own.
func joinPlaces(words []string, ms []Mention) []Mention {
	for i, a := range ms {
		if a.Type != GPE && a.Type != LOC || a.Last+2 >= len(words) || words[a.Last+1] != "," {
			continue
		}
		for _, b := range ms {
			if b.First == a.Last+2 && b.First == b.Last && b.Type == GPE && inSet(countries, words[b.First]) {
				ms[i].Last = b.Last
				break
			}
		}
	}
	return ms
}

// isHeadline reports title-cased text: at least four words of four
// letters or more, three quarters of them capitalised.
func isHeadline(words []string) bool {
	n, caps := 0, 0
	for _, w := range words {
		if !isWordLike(w) || len(w) < 4 {
			continue
		}
		n++
		if isCapitalized(w) {
			caps++
		}
	}
	return n >= 4 && caps*4 >= n*3
}

// trimHeadline cuts each mention of a title-cased sentence before its
// first word that is lower case in running text ("Zelensky Pursues White
// House Meeting" -> "Zelensky"), since capitals there do not mark names.
// Titles ("President") may stay; a mention left empty is dropped.
func trimHeadline(words []string, ms []Mention, lex *Lexicon) []Mention {
	out := ms[:0]
	for _, m := range ms {
		for i := m.First; i <= m.Last; i++ {
			w := words[i]
			if isCapitalized(w) && gazClass(w) != gzTitle && lex.mostlyLower(strings.ToLower(w)) {
				m.Last = i - 1
				break
			}
		}
		if m.Last >= m.First {
			out = append(out, m)
		}
	}
	return out
}

// gazetteerType corrects a PERSON that is just a listed country, state or
// city (GPE) or continent (LOC), with at most a leading "the" and a
// trailing possessive: the tagger, trained on little news, sometimes calls
// "Ukraine's" a person. ORG is left alone: GUM calls a country acting as
// a government ("Canada said") an organization.
func gazetteerType(words []string, m Mention) string {
	name := trimName(words[m.First : m.Last+1])
	if m.Type != PERSON || len(name) != 1 || inSet(givenNames, name[0]) || name[0] == "Washington" || name[0] == "Jordan" {
		return m.Type // also a person's name
	}
	switch gazClass(name[0]) {
	case gzCountry:
		return GPE
	case gzContinent:
		return LOC
	}
	return m.Type
}

// sortMentions orders mentions by start, longer first.
func sortMentions(ms []Mention) {
	slices.SortFunc(ms, func(a, b Mention) int {
		if a.First != b.First {
			return a.First - b.First
		}
		return b.Last - a.Last
	})
}

// sameSpan reports whether ms has a mention with m's span (of any type):
// when the layers disagree on the type the outer layer, first, wins.
func sameSpan(ms []Mention, m Mention) bool {
	for _, x := range ms {
		if x.First == m.First && x.Last == m.Last {
			return true
		}
	}
	return false
}

// decode tags info greedily with m and returns the mentions.
func decode(m linear.Scorer, info []tokenInfo, sc *scratch) []Mention {
	tags := sc.tags[:len(info)]
	prev, prev2 := -1, -1
	for i := range info {
		sc.feats = features(sc.feats[:0], info, i, prev, prev2)
		m.Score(sc.feats, sc.scores)
		tags[i] = best(sc.scores, prev, i == len(info)-1)
		prev2, prev = prev, tags[i]
	}
	return mentionsOf(tags)
}

// best returns the highest-scoring class allowed after prev.
func best(scores []float32, prev int, last bool) int {
	bc := -1
	for c, s := range scores[:len(classes)] {
		if allowed(prev, c, last) && (bc < 0 || s > scores[bc]) {
			bc = c
		}
	}
	return bc
}

// mentionsOf turns a valid BILOU tag sequence into mentions.
func mentionsOf(tags []int) []Mention {
	var out []Mention
	start := -1
	for i, c := range tags {
		if c == 0 {
			continue
		}
		switch part(c) {
		case partB:
			start = i
		case partL:
			if start >= 0 {
				out = append(out, Mention{First: start, Last: i, Type: tagTypes[typeOf(c)]})
			}
			start = -1
		case partU:
			out = append(out, Mention{First: i, Last: i, Type: tagTypes[typeOf(c)]})
		}
	}
	return out
}

// tagsOf encodes non-overlapping mentions as BILOU class ids.
func tagsOf(n int, ms []Mention) []int {
	tags := make([]int, n)
	for _, m := range ms {
		t := slices.Index(tagTypes, m.Type)
		if m.First == m.Last {
			tags[m.First] = class(t, partU)
			continue
		}
		tags[m.First] = class(t, partB)
		for i := m.First + 1; i < m.Last; i++ {
			tags[i] = class(t, partI)
		}
		tags[m.Last] = class(t, partL)
	}
	return tags
}

// addNORP adds runs of NORP gazetteer words that no mention covers
// ("Ukrainian", "Sunni Muslims").
func addNORP(words []string, ms []Mention) []Mention {
	covered := func(i int) bool {
		for _, m := range ms {
			if m.First <= i && i <= m.Last {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(words); i++ {
		if !inSet(norpWords, words[i]) || covered(i) {
			continue
		}
		j := i
		for j+1 < len(words) && inSet(norpWords, words[j+1]) && !covered(j+1) {
			j++
		}
		ms = append(ms, Mention{First: i, Last: j, Type: NORP})
		i = j
	}
	return ms
}

// Recognize returns the entities of sentence s (index sentIdx in its
// document) with byte spans and text. RecognizeDocument is better for
// whole documents: it also finds repeated names.
func (r *Recognizer) Recognize(sentIdx int, s model.Sentence) []model.Entity {
	return entities(sentIdx, s, r.Mentions(words(s)), "")
}

func words(s model.Sentence) []string {
	w := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		w[i] = t.Text
	}
	return w
}

// entities converts mentions to model entities. Text is text[Span] when
// the document text is given, else the tokens joined with single spaces
// where the original had space (SpaceAfter).
func entities(sentIdx int, s model.Sentence, ms []Mention, text string) []model.Entity {
	out := make([]model.Entity, 0, len(ms))
	for _, m := range ms {
		span := model.Span{Start: s.Tokens[m.First].Span.Start, End: s.Tokens[m.Last].Span.End}
		var t string
		if text != "" && span.End <= len(text) {
			t = text[span.Start:span.End]
		} else {
			var b strings.Builder
			for i := m.First; i <= m.Last; i++ {
				b.WriteString(s.Tokens[i].Text)
				if i < m.Last && s.Tokens[i].SpaceAfter {
					b.WriteByte(' ')
				}
			}
			t = b.String()
		}
		out = append(out, model.Entity{Text: t, Type: m.Type, Sentence: sentIdx, First: m.First, Last: m.Last, Span: span})
	}
	return out
}
