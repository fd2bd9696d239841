package ner

import (
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// DocumentMentions tags the sentences of one document (each given as
// words) and then tags again, where they recur untagged, the people (full
// name and surname alone: "Paul Dewar" ... "Dewar said") and acronyms
// defined in parentheses ("the World Health Organisation ( WHO )" ...
// "WHO says"). News repeats names, and the later, shorter mentions are the
// ones a sentence-level tagger misses. (Doing the same for every place and
// organisation cost more precision than it gained recall on GUM.)
func (r *Recognizer) DocumentMentions(sents [][]string) [][]Mention {
	out := make([][]Mention, len(sents))
	for i, words := range sents {
		out[i] = r.Mentions(words)
	}
	names := map[string]string{} // name (words joined by spaces) -> type
	for i, ms := range out {
		for _, m := range ms {
			if acr := acronymAfter(sents[i], m); acr != "" && m.Type != NORP {
				names[acr] = m.Type
			}
			if m.Type != PERSON {
				continue
			}
			words := trimName(sents[i][m.First : m.Last+1])
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			names[key] = PERSON
			// A surname: not "I" (from "Isabel and I") nor a word mostly
			// written in lower case.
			if last := words[len(words)-1]; len(words) >= 2 && len(last) >= 2 && isCapitalized(last) && !r.lex.mostlyLower(strings.ToLower(last)) {
				names[last] = PERSON
			}
		}
	}
	if len(names) == 0 {
		return out
	}
	for i, words := range sents {
		out[i] = propagate(words, out[i], names)
	}
	return out
}

// acronymAfter returns the all-capitals word in parentheses right after
// m ("Johnson Space Center ( JSC )"), or "".
func acronymAfter(words []string, m Mention) string {
	i := m.Last + 1
	if i+2 >= len(words) || words[i] != "(" || words[i+2] != ")" {
		return ""
	}
	w := words[i+1]
	if len(w) < 2 || len(w) > 8 {
		return ""
	}
	for j := 0; j < len(w); j++ {
		if w[j] < 'A' || w[j] > 'Z' {
			return ""
		}
	}
	return w
}

// trimName drops a leading determiner, titles and a trailing possessive:
// "the Kennedy Space Center" -> Kennedy Space Center, "President Obama 's"
// -> Obama.
func trimName(words []string) []string {
	for len(words) > 0 && (isDeterminer(words[0]) || gazClass(words[0]) == gzTitle) {
		words = words[1:]
	}
	for len(words) > 0 && isPossessive(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

func isDeterminer(w string) bool { return w == "the" || w == "The" }

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

func isCapitalized(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// propagate adds mentions for untagged occurrences of known names, longest
// first, with a following possessive included as GUM does.
func propagate(words []string, ms []Mention, names map[string]string) []Mention {
	covered := make([]bool, len(words))
	for _, m := range ms {
		for i := m.First; i <= m.Last; i++ {
			covered[i] = true
		}
	}
	const maxLen = 6
	for i := 0; i < len(words); i++ {
		if covered[i] || !isCapitalized(words[i]) {
			continue
		}
		for n := min(maxLen, len(words)-i); n >= 1; n-- {
			free := true
			for j := i; j < i+n; j++ {
				free = free && !covered[j]
			}
			if !free {
				continue
			}
			t, ok := names[strings.Join(words[i:i+n], " ")]
			// Only a whole capitalised run: "Johnson" in "Johnson Space
			// Center" is not the person Johnson.
			if !ok || i > 0 && isCapitalized(words[i-1]) || i+n < len(words) && isCapitalized(words[i+n]) {
				continue
			}
			last := i + n - 1
			if last+1 < len(words) && isPossessive(words[last+1]) && !covered[last+1] {
				last++
			}
			ms = append(ms, Mention{First: i, Last: last, Type: t})
			for j := i; j <= last; j++ {
				covered[j] = true
			}
			i = last
			break
		}
	}
	sortMentions(ms)
	return ms
}

// RecognizeDocument sets doc.Entities from doc.Sentences, with the
// document-level consistency of DocumentMentions.
func (r *Recognizer) RecognizeDocument(doc *model.Document) {
	sents := make([][]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		sents[i] = words(s)
	}
	doc.Entities = doc.Entities[:0]
	for i, ms := range r.DocumentMentions(sents) {
		doc.Entities = append(doc.Entities, entities(i, doc.Sentences[i], ms, doc.Text)...)
	}
}
