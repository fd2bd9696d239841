package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes. ASCII is looked up in a table because the tokenizer
// runs over every byte of every document; other runes go through unicode.
const (
	cSpace   uint8 = 1 << iota // whitespace and control characters
	cNewline                   // '\n' (also a space)
	cLetter
	cDigit
	cUpper
	cLower
)

var asciiClass [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		var k uint8
		switch {
		case c == '\n':
			k = cSpace | cNewline
		case c <= ' ' || c == 0x7f:
			k = cSpace
		case c >= 'a' && c <= 'z':
			k = cLetter | cLower
		case c >= 'A' && c <= 'Z':
			k = cLetter | cUpper
		case c >= '0' && c <= '9':
			k = cDigit
		}
		asciiClass[c] = k
	}
}

// class returns the class bits of r. Invalid UTF-8 (utf8.RuneError) is a
// symbol: it becomes part of a token so that no input byte is silently lost.
func class(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	return classSlow(r)
}

func classSlow(r rune) uint8 {
	switch {
	case r == '\u2028' || r == '\u2029':
		return cSpace | cNewline
	case unicode.IsSpace(r), unicode.IsControl(r), r == '\u200b', r == '\ufeff':
		return cSpace
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return cLetter | cUpper
	case unicode.IsLower(r):
		return cLetter | cLower
	case unicode.IsLetter(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r):
		return cLetter
	case unicode.IsDigit(r):
		return cDigit
	}
	return 0
}

// classAt returns the class and size of the rune at s[i].
func classAt(s string, i int) (uint8, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return classSlow(r), size
}

// decode returns the rune at s[i] and its size, with an ASCII fast path.
func decode(s string, i int) (r rune, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return decodeSlow(s[i:])
}

func decodeSlow(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// decodeLast returns the rune ending at s[:i] and its size.
func decodeLast(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isWordClass(k uint8) bool { return k&(cLetter|cDigit) != 0 }

// isOpening reports punctuation that opens a quote or bracket.
func isOpening(r rune) bool {
	switch r {
	case '(', '[', '{', '“', '‘', '«', '‹', '„', '¿', '¡':
		return true
	}
	return false
}

// isClosing reports punctuation that may close a quote or bracket. Straight
// quotes are both opening and closing; the caller decides by spacing.
func isClosing(r rune) bool {
	switch r {
	case ')', ']', '}', '”', '’', '»', '›', '"', '\'':
		return true
	}
	return false
}

// isTerminal reports sentence-final punctuation.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '‒', '―', '‐', '‑', '−':
		return true
	}
	return false
}
