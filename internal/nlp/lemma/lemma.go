// Package lemma gives English lemmas following UD English EWT conventions
// ("was" -> be, "countries" -> country, "n't" -> not, "me" -> I), guided by
// the token's UPOS and, when present, its Penn XPOS.
//
// It is rule based: a hand-written table of irregular forms plus suffix
// rules with e-restoration ("making" -> make, "stopped" -> stop). The
// tables are plain Go maps built at init (a few tens of KB), so there is
// nothing to load and everything is safe for concurrent use.
package lemma

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

// Tokens sets Lemma on every token in place.
func Tokens(toks []model.Token) {
	for i := range toks {
		toks[i].Lemma = Lemma(toks[i].Text, toks[i].UPOS, toks[i].XPOS)
	}
}

// Lemma returns the lemma of form. upos and xpos may be empty; without
// them only case-insensitive irregular forms and closed-class words are
// recognised and the form is returned otherwise.
func Lemma(form, upos, xpos string) string {
	if form == "" {
		return form
	}
	low := lower(form)
	switch upos {
	case "PUNCT", "SYM", "X":
		return form
	case "NUM", "INTJ":
		return low
	case "PROPN":
		return properLemma(form, xpos)
	case "PRON", "DET":
		if low == "her" && xpos == "PRP" {
			return "she"
		}
		if l, ok := pronouns[low]; ok {
			return l
		}
		if low == "i" {
			return "I"
		}
		return low
	case "PART":
		if l, ok := particles[low]; ok {
			return l
		}
		return low
	case "AUX":
		if low == "'d" || low == "d" {
			if xpos == "MD" {
				return "would"
			}
			return "have"
		}
		if l, ok := auxiliaries[low]; ok {
			return l
		}
		return low
	case "VERB":
		return verbLemma(low, xpos)
	case "NOUN":
		return nounLemma(low, xpos)
	case "ADJ":
		if form != low && upperCount(form) == 1 {
			return form // "American", "United": EWT keeps the capital
		}
		return adjLemma(low, xpos)
	case "ADV":
		if l, ok := adverbs[low]; ok {
			return l
		}
		switch xpos {
		case "RBR":
			return adjLemma(low, "JJR") // later -> late
		case "RBS":
			return adjLemma(low, "JJS")
		}
		return low
	case "ADP", "CCONJ", "SCONJ":
		return low
	}
	// No tag: only what is unambiguous.
	if l, ok := auxiliaries[low]; ok && low != "'s" && low != "s" {
		return l
	}
	if l, ok := irregularVerbs[low]; ok {
		return l
	}
	return form
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// properLemma singularises plural proper nouns ("States" -> State,
// "Americans" -> American), as EWT does.
func properLemma(form, xpos string) string {
	if xpos == "NNPS" && len(form) > 3 && strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss") {
		return form[:len(form)-1]
	}
	return form
}

// nounLemma singularises plural nouns and lower-cases them, as EWT does
// even for acronyms ("IDs" -> id).
func nounLemma(low, xpos string) string {
	base := low
	if l, ok := irregularNouns[low]; ok {
		return l
	}
	if xpos != "" && xpos != "NNS" {
		return base
	}
	n := len(base)
	if strings.HasSuffix(base, "men") && n > 5 && base != "specimen" && base != "abdomen" {
		return base[:n-3] + "man" // chairmen, businessmen
	}
	if n < 3 || base[n-1] != 's' {
		return base
	}
	switch {
	case strings.HasSuffix(low, "ss") || strings.HasSuffix(low, "us") || strings.HasSuffix(low, "is") || strings.HasSuffix(low, "'s"):
		return base
	case strings.HasSuffix(low, "ies") && n > 4:
		return base[:n-3] + "y"
	case strings.HasSuffix(low, "sses") || strings.HasSuffix(low, "xes") || strings.HasSuffix(low, "ches") ||
		strings.HasSuffix(low, "shes") || strings.HasSuffix(low, "zzes"):
		return base[:n-2]
	case strings.HasSuffix(low, "uses") && !strings.HasSuffix(low, "ouses") && !strings.HasSuffix(low, "auses") && n > 5:
		return base[:n-2] // viruses, bonuses
	case strings.HasSuffix(low, "oes") && n > 5:
		return base[:n-2] // heroes, potatoes
	}
	return base[:n-1]
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// verbLemma uses xpos (VBD, VBN, VBG, VBZ) to know the inflection when it
// is there, and guesses from the ending otherwise.
func verbLemma(low, xpos string) string {
	if l, ok := irregularVerbs[low]; ok {
		return l
	}
	if _, ok := baseVerbsLikeInflected[low]; ok {
		return low
	}
	n := len(low)
	switch xpos {
	case "VB", "VBP":
		return low
	case "VBZ":
		return stripS(low)
	case "VBG":
		if strings.HasSuffix(low, "ing") && n > 4 {
			return restore(low[:n-3])
		}
		return low
	case "VBD", "VBN":
		return stripEd(low)
	}
	switch {
	case strings.HasSuffix(low, "ing") && n > 5:
		return restore(low[:n-3])
	case strings.HasSuffix(low, "ed") && n > 4:
		return stripEd(low)
	case strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && n > 3:
		return stripS(low)
	}
	return low
}

func stripS(w string) string {
	n := len(w)
	switch {
	case n < 3 || w[n-1] != 's':
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "zzes") || strings.HasSuffix(w, "oes"):
		return w[:n-2]
	}
	return w[:n-1]
}

func stripEd(w string) string {
	n := len(w)
	switch {
	case !strings.HasSuffix(w, "ed") || n < 4:
		return w
	case strings.HasSuffix(w, "ied"):
		if n <= 4 {
			return w[:n-1] // died, tied
		}
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "eed"):
		return w[:n-1] // agreed, guaranteed
	}
	return restore(w[:n-2])
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// restore turns a stem left by removing -ing or -ed into the base form:
// undoubling ("stopp" -> stop) and putting back a silent e ("mak" ->
// make). The rules are heuristics tuned on EWT; irregularVerbs and
// baseVerbsLikeInflected catch the common exceptions.
func restore(s string) string {
	if l, ok := stemExceptions[s]; ok {
		return l
	}
	n := len(s)
	if n < 2 {
		return s
	}
	last, prev := s[n-1], s[n-2]
	if last == prev && !isVowel(last) {
		switch last {
		case 's', 'z', 'f':
			return s
		case 'l':
			// British doubling: cancelled, travelled, controlled.
			if n >= 6 && (prev == 'l' && (s[n-3] == 'e' || s[n-3] == 'o')) {
				return s[:n-1]
			}
			return s
		}
		return s[:n-1]
	}
	vowelBefore := isVowel(prev) && (n < 3 || !isVowel(s[n-3]))
	switch last {
	case 'v', 'z', 'c', 'u':
		return s + "e"
	case 'g':
		if !isVowel(prev) && prev != 'n' {
			return s + "e" // judge, charge
		}
		if prev == 'n' && n >= 5 && (s[n-3] == 'a' || s[n-3] == 'e') && s[n-4] != 'o' {
			return s + "e" // change, arrange, challenge
		}
	case 'l':
		if !isVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w' {
			return s + "e" // handle, settle
		}
		if vowelBefore && prev != 'e' && (prev != 'a' || n <= 4) {
			return s + "e" // smile, rule, scale
		}
	case 's':
		if vowelBefore && prev != 'u' {
			return s + "e" // close, raise, rise; "-us" stems are in stemExceptions
		}
	case 'r':
		if (prev == 'a' || prev == 'i' || prev == 'u') && !isVowel(s[max(n-3, 0)]) {
			return s + "e" // declare, require, secure
		}
	case 'k':
		if vowelBefore && n >= 3 && prev != 'c' {
			return s + "e" // make, like, provoke
		}
	case 'd':
		if vowelBefore && n >= 3 {
			return s + "e" // decide, provide, include
		}
	case 't':
		switch {
		case prev == 'a' && n >= 3 && s[n-3] != 'e' && s[n-3] != 'o' && s[n-3] != 'a':
			return s + "e" // create, negotiate
		case prev == 'u' && vowelBefore:
			return s + "e" // execute, contribute
		case prev == 'o' && vowelBefore && n <= 6:
			return s + "e" // vote, note, promote
		case prev == 'e' && n >= 3 && s[n-3] == 'l':
			return s + "e" // complete, delete
		}
	case 'm':
		if vowelBefore && prev != 'e' {
			return s + "e" // name, assume, welcome
		}
	case 'n':
		if prev == 'i' && vowelBefore {
			return s + "e" // define, combine
		}
	case 'p':
		if vowelBefore && n <= 5 {
			return s + "e" // hope, shape, escape
		}
	case 'b':
		if prev == 'i' {
			return s + "e" // describe
		}
	}
	return s
}

func adjLemma(low, xpos string) string {
	if l, ok := irregularAdjectives[low]; ok {
		return l
	}
	n := len(low)
	switch xpos {
	case "JJR":
		if strings.HasSuffix(low, "ier") && n > 4 {
			return low[:n-3] + "y"
		}
		if strings.HasSuffix(low, "er") && n > 4 {
			return restoreAdj(low[:n-2])
		}
	case "JJS":
		if strings.HasSuffix(low, "iest") && n > 5 {
			return low[:n-4] + "y"
		}
		if strings.HasSuffix(low, "est") && n > 5 {
			return restoreAdj(low[:n-3])
		}
	}
	return low
}

// restoreAdj is restore for comparatives, which need fewer cases: "bigg"
// -> big, "larg" -> large, "simpl" -> simple, "wid" -> wide.
func restoreAdj(s string) string {
	n := len(s)
	if n >= 2 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && s[n-1] != 'l' && s[n-1] != 's' {
		return s[:n-1]
	}
	if n >= 3 && isVowel(s[n-2]) && !isVowel(s[n-3]) && !isVowel(s[n-1]) && s[n-1] != 'w' && s[n-1] != 'y' && s[n-1] != 'r' && s[n-1] != 'n' && s[n-1] != 'g' && s[n-1] != 'h' && s[n-1] != 'k' {
		return s + "e" // wide, late, close, nice
	}
	return restore(s)
}
