package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is the unit the dictionaries match on. Document tokens and
// dictionary phrases are both cut into words the same way, so that matching
// does not depend on how a tokenizer treats hyphens and possessives:
// "al-Qaeda" is al, -, qaeda whether it arrives as one token or three, and
// "Ukraine's" is ukraine, 's whether or not the tokenizer split it.
type word struct {
	text string // as written (apostrophes normalised)
	key  string // folded: lower case, no diacritics
}

// splitWords cuts a token or phrase into words: on spaces and underscores,
// around hyphens (kept as words of their own), and before a possessive 's or
// a trailing apostrophe. Leading and trailing brackets, quotes, commas and
// semicolons become words of their own, and so does a final full stop
// unless the word has inner ones (U.S.).
func splitWords(s string) []word {
	var out []word
	if strings.ContainsAny(s, "’‘`") {
		s = apostrophes.Replace(s)
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' }) {
		out = appendPiece(out, f)
	}
	return out
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "`", "'")

func appendPiece(out []word, f string) []word {
	// Opening punctuation.
	for f != "" && strings.ContainsRune(`("[{,;:`, rune(f[0])) {
		out = append(out, mkWord(f[:1]))
		f = f[1:]
	}
	// Closing punctuation, kept to append after the core.
	var tail []word
	for f != "" && strings.ContainsRune(`)"]},;:`, rune(f[len(f)-1])) {
		tail = append([]word{mkWord(f[len(f)-1:])}, tail...)
		f = f[:len(f)-1]
	}
	// A final full stop is punctuation unless the word is an abbreviation
	// with inner stops ("U.S."): "officials." is officials, ".".
	if len(f) > 1 && strings.HasSuffix(f, ".") && strings.Count(f, ".") == 1 {
		tail = append([]word{mkWord(".")}, tail...)
		f = f[:len(f)-1]
	}
	// Possessive.
	var poss string
	switch {
	case len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "'S")):
		poss, f = f[len(f)-2:], f[:len(f)-2]
	case len(f) > 1 && strings.HasSuffix(f, "'") && !strings.HasPrefix(f, "'"):
		poss, f = "'", f[:len(f)-1]
	}
	// Hyphens, except a leading or trailing one ("-led" stays whole).
	for {
		i := strings.IndexByte(f, '-')
		if i <= 0 || i == len(f)-1 {
			break
		}
		out = append(out, mkWord(f[:i]), mkWord("-"))
		f = f[i+1:]
	}
	if f != "" {
		out = append(out, mkWord(f))
	}
	if poss != "" {
		out = append(out, mkWord(poss))
	}
	return append(out, tail...)
}

func mkWord(s string) word { return word{text: s, key: fold(s)} }

// fold lower-cases s and strips the diacritics of Latin letters, so that
// "Erdoğan", "ERDOGAN" and "Erdogan" share a key.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if m, ok := latinFold[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// latinFold maps accented Latin letters (upper and lower case) to their
// plain lower-case form. It covers the letters that occur in the names of
// the default dictionaries and in the usual transliterations of news.
var latinFold = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎÀÁÂÃÄÅĀĂĄǍ",
		"ae": "æÆ",
		"c":  "çćĉċčÇĆĈĊČ",
		"d":  "ďđðĎĐÐ",
		"e":  "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"g":  "ĝğġģĜĞĠĢ",
		"h":  "ĥħĤĦ",
		"i":  "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ",
		"j":  "ĵĴ",
		"k":  "ķĶ",
		"l":  "ĺļľŀłĹĻĽĿŁ",
		"n":  "ñńņňÑŃŅŇ",
		"o":  "òóôõöøōŏőǒÒÓÔÕÖØŌŎŐǑ",
		"oe": "œŒ",
		"r":  "ŕŗřŔŖŘ",
		"s":  "śŝşšșŚŜŞŠȘ",
		"ss": "ß",
		"t":  "ţťŧțŢŤŦȚ",
		"th": "þÞ",
		"u":  "ùúûüũūŭůűųǔÙÚÛÜŨŪŬŮŰŲǓ",
		"w":  "ŵŴ",
		"y":  "ýÿŷÝŸŶ",
		"z":  "źżžŹŻŽ",
	}
	m := map[rune]string{}
	for plain, letters := range groups {
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()

// caseRule says how the case of a document word must agree with the
// dictionary word it matches.
type caseRule uint8

const (
	caseAny   caseRule = iota // "government", "prime minister"
	caseUpper                 // not all lower case: "Ukraine", "Nato"/"NATO", "ZELENSKY"
	caseExact                 // short acronyms: "US" but not "us", "UN" but not "un"
)

// ruleFor derives the case rule from how a word is written in an own-format
// dictionary: lower case matches any case, capitalised needs a capital, and
// acronyms of up to three letters must match exactly.
func ruleFor(w string) caseRule {
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case upper == 0:
		return caseAny
	case upper == letters && letters <= 3 && letters > 1:
		return caseExact
	default:
		return caseUpper
	}
}

// caseOK reports whether a document word may match a dictionary word.
func caseOK(rule caseRule, dict, doc string) bool {
	switch rule {
	case caseUpper:
		return !isLowerWord(doc)
	case caseExact:
		return strings.EqualFold(dict, doc) && !hasLower(doc)
	}
	return true
}

// isLowerWord reports whether s has letters and none of them is upper case.
func isLowerWord(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isCapitalized reports whether s starts with an upper-case letter.
func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// plural makes the regular plural of the last word of a phrase, the way
// PETRARCH does for agents: -y after a consonant becomes -ies; -s, -x, -z,
// -ch and -sh take -es; everything else takes -s.
func plural(phrase string) string {
	if phrase == "" {
		return ""
	}
	lower := strings.ToLower(phrase)
	n := len(lower)
	switch {
	case n > 1 && lower[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(lower[n-2])):
		return phrase[:n-1] + matchCase(phrase[n-1:], "ies")
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return phrase + matchCase(phrase[n-1:], "es")
	default:
		return phrase + matchCase(phrase[n-1:], "s")
	}
}

// matchCase upper-cases suffix when like is upper case (for PETRARCH's
// all-caps phrases).
func matchCase(like, suffix string) string {
	if like != strings.ToLower(like) {
		return strings.ToUpper(suffix)
	}
	return suffix
}
