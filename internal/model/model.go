// Package model is the document model that every pipeline step passes along:
// ingest fills the metadata and text, nlp adds sentences and entities, the
// coders add events, quotes and issue tags, and the store persists it all.
//
// Offsets: Span fields inside the pipeline are UTF-8 byte offsets into
// Document.Text, because that is what Go slices use. Outside tools (JSON, CSV,
// the store) get Offsets fields instead: Unicode code-point offsets, which is
// what Python, JavaScript and most annotation tools mean by "character
// offset". Document.FillOffsets computes them once analysis is done.
package model

import (
	"time"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes covered.
func (s Span) Len() int { return s.End - s.Start }

// Document is one news item as it travels through the pipeline.
type Document struct {
	ID           int64     `json:"-"`             // store key, 0 until stored
	ExtID        string    `json:"id,omitempty"`  // identifier given by the source (JSONL id, feed GUID)
	URL          string    `json:"url,omitempty"` // where it was found
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Title        string    `json:"title,omitempty"`
	Byline       string    `json:"byline,omitempty"`
	Outlet       string    `json:"outlet,omitempty"` // publisher: host name or feed title
	Published    time.Time `json:"date,omitempty"`   // zero when unknown
	Lang         string    `json:"lang,omitempty"`   // ISO 639-1, "" when undetected
	Text         string    `json:"text"`
	Origin       string    `json:"origin,omitempty"` // the source argument it came from (file, feed, URL)

	Sentences []Sentence `json:"-"`
	Entities  []Entity   `json:"entities,omitempty"`
	Events    []Event    `json:"events,omitempty"`
	Quotes    []Quote    `json:"quotes,omitempty"`
	Issues    []string   `json:"issues,omitempty"`
	Notes     []string   `json:"notes,omitempty"` // caveats from analysis, e.g. "no document date"
	// Analyzed names the analysis (pipeline version) that filled the derived
	// fields above; "" when the document has not been analysed.
	Analyzed string `json:"-"`
}

// FillOffsets sets the code-point Offsets of every entity, event, actor,
// quote and speaker from its byte Span.
func (d *Document) FillOffsets() {
	conv := newRuneIndex(d.Text)
	for i := range d.Entities {
		d.Entities[i].Offsets = conv.span(d.Entities[i].Span)
		d.Entities[i].MentionOffsets = conv.span(d.Entities[i].Mention)
	}
	for i := range d.Events {
		e := &d.Events[i]
		e.Offsets = conv.span(e.Span)
		e.Source.Offsets = conv.span(e.Source.Span)
		e.Target.Offsets = conv.span(e.Target.Span)
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		q.Offsets = conv.span(q.Span)
		q.Speaker.Offsets = conv.span(q.Speaker.Span)
		q.PartOffsets = nil
		for _, p := range q.Parts {
			q.PartOffsets = append(q.PartOffsets, conv.span(p))
		}
	}
}

// runeIndex converts byte offsets of one text to code-point offsets; for
// ASCII-only text the two are the same and no table is built.
type runeIndex struct {
	text  string
	ascii bool
	runes []int32 // runes[b] = code points before byte b, for b in [0, len(text)]
}

func newRuneIndex(text string) *runeIndex {
	ri := &runeIndex{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ri.ascii = false
			break
		}
	}
	if !ri.ascii {
		ri.runes = make([]int32, len(text)+1)
		n, next := int32(0), 0
		for b := range text {
			// Bytes inside a multi-byte rune map to the rune that holds them.
			for ; next < b; next++ {
				ri.runes[next] = n - 1
			}
			ri.runes[b] = n
			next = b + 1
			n++
		}
		for ; next < len(text); next++ {
			ri.runes[next] = n - 1
		}
		ri.runes[len(text)] = n
	}
	return ri
}

func (ri *runeIndex) offset(b int) int {
	b = max(0, min(b, len(ri.text)))
	if ri.ascii {
		return b
	}
	return int(ri.runes[b])
}

func (ri *runeIndex) span(s Span) Span {
	return Span{Start: ri.offset(s.Start), End: ri.offset(s.End)}
}

// Sentence is a run of tokens; Span covers it in Document.Text.
type Sentence struct {
	Span   Span
	Tokens []Token
}

// Token is one word with its analysis. Head is the 1-based index of the
// governing token within the sentence (0 = root), as in CoNLL-U.
type Token struct {
	Text   string
	Span   Span
	Lemma  string
	UPOS   string
	XPOS   string
	Head   int
	Deprel string
	// SpaceAfter is false when the next token follows without whitespace.
	SpaceAfter bool
}

// Entity is a named-entity mention. Text, Span and First/Last are the
// name ("Volodymyr Zelensky"); Mention and MentionFirst/MentionLast are
// the whole noun phrase it heads ("Ukrainian President Volodymyr
// Zelensky", "Mark Tedeschi , QC"), which holds the name.
type Entity struct {
	Text     string `json:"text"`
	Type     string `json:"type"` // PERSON, ORG, GPE, LOC, NORP
	Span     Span   `json:"-"`
	Offsets  Span   `json:"span"`
	Sentence int    `json:"sentence"`
	// Token range [First, Last] of the name within the sentence, 0-based.
	First int `json:"-"`
	Last  int `json:"-"`
	// The whole mention: token range and byte span, and code points
	// (filled by FillOffsets).
	MentionFirst   int  `json:"-"`
	MentionLast    int  `json:"-"`
	Mention        Span `json:"-"`
	MentionOffsets Span `json:"mention_span"`
}

// Actor is a participant as the coders resolve it.
type Actor struct {
	Text    string `json:"text"`           // the words in the sentence
	Code    string `json:"code,omitempty"` // CAMEO-style code, e.g. UKRGOV
	Name    string `json:"name,omitempty"` // canonical name, e.g. "Volodymyr Zelensky"
	Span    Span   `json:"-"`
	Offsets Span   `json:"span"`
	// CountryInferred: the code's country is not in the words but the one
	// the document is about ("Congress" in a story about the United States).
	CountryInferred bool `json:"country_inferred,omitempty"`
}

// Plover is the PLOVER reading of an event.
type Plover struct {
	Type    string `json:"type"`
	Mode    string `json:"mode,omitempty"`
	Context string `json:"context,omitempty"`
}

// Modality values for Event.Modality.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Intended     = "intended"
	Hypothetical = "hypothetical"
)

// Event is one coded "who did what to whom", with its evidence.
type Event struct {
	Sentence    string   `json:"sentence"`
	SentenceIdx int      `json:"sentence_index"`
	Source      Actor    `json:"source"`
	Target      Actor    `json:"target"`
	CAMEO       string   `json:"cameo"`
	CAMEOLabel  string   `json:"cameo_label,omitempty"`
	Plover      Plover   `json:"plover"`
	Goldstein   float64  `json:"goldstein"`
	QuadClass   int      `json:"quad_class"`
	Modality    string   `json:"modality"`
	Date        string   `json:"date,omitempty"` // YYYY-MM-DD the event happened, when resolvable
	Verb        string   `json:"verb,omitempty"` // the predicate that triggered it
	Span        Span     `json:"-"`
	Offsets     Span     `json:"span"`
	Issues      []string `json:"issues,omitempty"`
	// Set when read back from the store:
	DocumentID   int64  `json:"document_id,omitempty"`
	DocumentDate string `json:"document_date,omitempty"`
	DocumentURL  string `json:"document_url,omitempty"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Text        string `json:"text"`
	Name        string `json:"name,omitempty"`
	Honorific   string `json:"honorific,omitempty"`
	Title       string `json:"title,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Code        string `json:"code,omitempty"`
	Unnamed     bool   `json:"unnamed,omitempty"` // "a senior official said"
	// Key identifies the person across documents (name variants folded).
	Key     string `json:"key,omitempty"`
	Span    Span   `json:"-"`
	Offsets Span   `json:"span"`
}

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
)

// Quote is an attributed statement.
type Quote struct {
	Speaker Speaker `json:"speaker"`
	Text    string  `json:"text"`
	Kind    string  `json:"kind"`
	Cue     string  `json:"cue"`
	Span    Span    `json:"-"`
	Offsets Span    `json:"span"`
	// Parts are the quoted pieces of a split quote ("A," he said, "B."),
	// each with its marks; empty when the quote is one piece (Span).
	Parts       []Span   `json:"-"`
	PartOffsets []Span   `json:"parts,omitempty"`
	Issues      []string `json:"issues,omitempty"`
	Sentence    int      `json:"sentence_index"`
	// Set when read back from the store:
	Outlets     int    `json:"outlets,omitempty"` // distinct outlets carrying this quote
	DocumentID  int64  `json:"document_id,omitempty"`
	DocumentURL string `json:"document_url,omitempty"`
}
