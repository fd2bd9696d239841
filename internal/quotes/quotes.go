// Package quotes finds who said what in a document: direct quotes (straight
// and curly marks, quotes over several sentences, split quotes), indirect
// speech ("X said that ...") and attributions ("according to X"), each with
// its speaker as a structured record (name, honorific, title, affiliation,
// actor code), pronouns and back-references resolved within the document.
//
// It reads Document.Text and, when the document has been analysed, its
// sentences, tags, dependency parse and entities (and the actor mentions
// given with WithActors): the speaker is the subject of the report verb the
// parse links to the quote, read with the scanner's phrase reader; without
// a parse, or when the parse links the quote to no report verb, hand-written
// rules over a light scan of the text decide. Both are documented in
// docs/quotes.md; Evaluate measures them against hand-annotated Wikinews
// articles (testdata/wikinews-quotes.jsonl).
package quotes

import (
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
)

type config struct {
	indirect bool
	mentions []actors.Mention
	// rank, when set, gives each quote its speaker from its candidates and
	// the rules' choice; false drops the quote.
	rank func(c *quoteCase, rule model.Speaker, ruleOK bool) (model.Speaker, bool)
}

// Option configures Extract.
type Option func(*config)

// DirectOnly leaves out indirect speech and "according to" attributions.
func DirectOnly() Option { return func(c *config) { c.indirect = false } }

// WithActors gives the actor mentions resolved for the document (package
// actors): a speaker whose words, or whose antecedent, a mention covers gets
// that mention's code.
func WithActors(ms []actors.Mention) Option {
	return func(c *config) { c.mentions = ms }
}

// Extract returns the quotes of doc in text order.
func Extract(doc *model.Document, opts ...Option) []model.Quote {
	cfg := config{indirect: true}
	for _, o := range opts {
		o(&cfg)
	}
	sc := newScan(doc)
	ix := sc.index()
	atts := map[int]attribution{}
	failed := map[int]string{} // quotes without a speaker, for the ranker
	var quoted []int
	for si, s := range sc.sents {
		for qi := s[0]; qi < s[1]; qi++ {
			if sc.items[qi].kind != itQuote {
				continue
			}
			if a, ok := sc.attribute(si, qi, atts); ok {
				atts[qi] = a
				quoted = append(quoted, qi)
			} else if cfg.rank != nil && !sc.isNaming(qi, s[0]) {
				// The ranker may find a speaker where the rules found
				// none (kept out of atts, which later rules read).
				if a.via != viaNone {
					a.via = viaFail
				}
				failed[qi] = a.via
				quoted = append(quoted, qi)
			}
		}
	}
	var out []model.Quote
	var last model.Speaker // the last named speaker and the sentence of the quote
	lastSent := -2
	for k := 0; k < len(quoted); k++ {
		qi := quoted[k]
		a, ok := atts[qi]
		var sp model.Speaker
		if ok {
			sp = ix.speaker(a.m)
		} else {
			a.via = failed[qi]
		}
		if sp.Name == "" && !sp.Unnamed && ok {
			// A pronoun our resolver leaves open: the actor resolution
			// may know whom it refers to.
			if r, ok := sc.actorReferent(doc, cfg.mentions, sp.Span); ok {
				text, span := sp.Text, sp.Span
				if own := ix.answering(a.m.from); own == "" || r.kind != mName || !ix.match(r.name, own) {
					sp = ix.speaker(r)
					sp.Text, sp.Span = text, span
				}
			}
		}
		// "The Wooster professor added": a description that names nobody
		// earlier, right after a named speaker's quote, is that speaker.
		if si := sc.sentOf(qi); sp.Unnamed && a.m.definite && roleNouns[lastHead(a.m.desc)] && !plural(a.m.desc) && si-lastSent <= 1 && last.Name != "" {
			text, span := sp.Text, sp.Span
			sp = last
			sp.Text, sp.Span = text, span
		}
		if cfg.rank != nil {
			si := sc.sentOf(qi)
			c := sc.quoteCase(ix, si, qi, sp, sp.Name != "" || sp.Unnamed, a.via, last)
			var ok bool
			if sp, ok = cfg.rank(&c, sp, sp.Name != "" || sp.Unnamed); !ok {
				continue
			}
		}
		if sp.Name == "" && !sp.Unnamed {
			continue // a pronoun we could not resolve: no invented speaker
		}
		if sp.Name != "" {
			last, lastSent = sp, sc.sentOf(qi)
		}
		parts := []int{qi}
		// A split quote: the next quote follows right after this one's
		// attribution and has the same speaker.
		for k+1 < len(quoted) {
			nq := quoted[k+1]
			last := atts[parts[len(parts)-1]]
			na := atts[nq]
			// The next piece must lean on this attribution: a bare
			// continuation, or the same phrase read as its speaker.
			sameAttr := na.via == viaCont || na.via == viaPre && na.m.from == last.m.from && na.m.to == last.m.to
			// `"...;" read the statement; "..."`: the sentence goes on
			// after the attribution to the second piece, whatever the
			// rules found for it alone.
			goesOn := na.via != viaPost && sc.isPunct(last.end-1, ";")
			if last.via != viaPost || last.end != nq || !sameAttr && !goesOn || sc.para[sc.sentOf(nq)] != sc.para[sc.sentOf(qi)] {
				break
			}
			if !goesOn {
				if ns := ix.speaker(atts[nq].m); ns.Name != sp.Name || ns.Unnamed != sp.Unnamed {
					break
				}
			}
			parts = append(parts, nq)
			atts[nq] = attribution{m: last.m, cue: last.cue, via: atts[nq].via, end: atts[nq].end}
			k++
		}
		out = append(out, sc.quote(doc, sp, a, parts))
	}
	if cfg.indirect {
		out = append(out, sc.indirect(doc, ix)...)
	}
	for i := range out {
		if sp := &out[i].Speaker; sp.Name != "" && !sp.Unnamed {
			sp.Key = Key(sp.Name)
		}
	}
	if len(cfg.mentions) > 0 {
		codes(doc, out, cfg.mentions)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

func (sc *scan) quote(doc *model.Document, sp model.Speaker, a attribution, parts []int) model.Quote {
	q := model.Quote{Speaker: sp, Kind: model.Direct, Cue: strings.ToLower(a.cue)}
	var texts []string
	for _, p := range parts {
		it := sc.items[p]
		texts = append(texts, strings.TrimSpace(quoteInner(it.text)))
		if len(parts) > 1 {
			q.Parts = append(q.Parts, model.Span{Start: it.s, End: it.e})
		}
	}
	q.Text = strings.Join(texts, " ")
	q.Span = model.Span{Start: sc.items[parts[0]].s, End: sc.items[parts[len(parts)-1]].e}
	q.Sentence = sentenceIndex(doc, sc, q.Span.Start, parts[0])
	return q
}

// sentenceIndex is the index of the document sentence holding byte offset
// b when the document has sentences, else the scanner's own sentence.
func sentenceIndex(doc *model.Document, sc *scan, b, item int) int {
	if len(doc.Sentences) > 0 {
		i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].Span.End > b })
		if i < len(doc.Sentences) {
			return i
		}
		return len(doc.Sentences) - 1
	}
	return sc.sentOf(item)
}

// codes gives speakers the code of the actor mention covering them, or of a
// mention with the same name.
func codes(doc *model.Document, qs []model.Quote, ms []actors.Mention) {
	type coded struct {
		span       model.Span
		code, name string
		key        []string // keyTokens(name), computed once
		person     bool     // a person, or a reference to one
	}
	var cs []coded
	for _, m := range ms {
		if m.Code == "" || m.Sentence < 0 || m.Sentence >= len(doc.Sentences) {
			continue
		}
		toks := doc.Sentences[m.Sentence].Tokens
		if m.First < 0 || m.Last >= len(toks) || m.First > m.Last {
			continue
		}
		person := m.Kind == actors.KindPerson || m.Kind == actors.KindSurname || m.Kind == actors.KindPronoun || m.Kind == actors.KindNominal
		cs = append(cs, coded{model.Span{Start: toks[m.First].Span.Start, End: toks[m.Last].Span.End}, m.Code, m.Name, keyTokens(m.Name), person})
	}
	for i := range qs {
		sp := &qs[i].Speaker
		key := keyTokens(sp.Name)
		for _, c := range cs {
			// The mention over the speaker's words (or their affiliation),
			// unless it is another person (the actor resolution took "he"
			// for someone else).
			if c.span.Start >= sp.Span.End || sp.Span.Start >= c.span.End {
				continue
			}
			if other := c.person && sp.Name != "" && c.name != "" && !matchTokens(c.key, key); !other {
				sp.Code = c.code
				break
			}
		}
		if sp.Code != "" || sp.Name == "" {
			continue
		}
		for _, c := range cs {
			if c.name != "" && matchTokens(c.key, key) {
				sp.Code = c.code
				break
			}
		}
	}
}

// actorReferent returns the named mention that the actor resolution links
// the words at span to (a pronoun's or a title's antecedent), read with the
// scanner's phrase reader.
func (sc *scan) actorReferent(doc *model.Document, ms []actors.Mention, span model.Span) (mention, bool) {
	for _, m := range ms {
		if m.Antecedent < 0 || m.Antecedent >= len(ms) || m.Sentence < 0 || m.Sentence >= len(doc.Sentences) {
			continue
		}
		toks := doc.Sentences[m.Sentence].Tokens
		if m.First < 0 || m.Last >= len(toks) || m.First > m.Last {
			continue
		}
		if toks[m.First].Span.Start >= span.End || toks[m.Last].Span.End <= span.Start {
			continue
		}
		root := ms[m.Antecedent]
		if root.Sentence < 0 || root.Sentence >= len(doc.Sentences) {
			return mention{}, false
		}
		rt := doc.Sentences[root.Sentence].Tokens
		if root.First < 0 || root.Last >= len(rt) || root.First > root.Last {
			return mention{}, false
		}
		from, to := sc.itemRange(rt[root.First].Span.Start, rt[root.Last].Span.End)
		if from < 0 {
			return mention{}, false
		}
		if r, _, ok := sc.mentionRight(from, to); ok && r.kind == mName {
			return r, true
		}
		return mention{}, false
	}
	return mention{}, false
}
