package quotes

import (
	"unicode"
	"unicode/utf8"
)

// segment is one top-level quoted span of the text: [start, end) in bytes,
// quote marks included. Quotes nested inside it are part of it.
type segment struct {
	start, end int
	// open marks a segment that was never closed at the end of its
	// paragraph: the quote may go on in the next paragraph.
	open bool
	// tail marks the start of a paragraph up to its first mark, a closing
	// one with nothing open: the end of a quote opened in an earlier
	// paragraph.
	tail bool
}

// maxNesting bounds quote nesting; deeper marks are treated as text.
const maxNesting = 8

type mark struct {
	pos, size int
	dir       int // +1 opens, -1 closes, 0 either
	// afterColon: a straight mark right after a comma or colon, which
	// opens when no quote is open ("Wilkins said," [Warhol] liked ...").
	afterColon bool
}

// findSegments pairs the double quote marks of text (straight ", curly “ ”,
// low „, guillemets « », and two single marks written for one double mark)
// into top-level segments. Straight marks get their
// direction from the characters around them; marks that cannot be paired are
// ignored, so unbalanced input yields fewer segments, never a bogus one that
// crosses a paragraph. Runs in time linear in len(text).
func findSegments(text string) []segment {
	var out []segment
	for _, para := range paragraphs(text) {
		out = appendParagraph(out, text, para[0], para[1])
	}
	// A quote over several paragraphs is one segment, from its first
	// opening mark to its closing mark, whether the next paragraph reopens
	// it with a mark or only closes it. An unclosed quote that does not go
	// on into the next paragraph is dropped, as is a closing mark that ends
	// no quote.
	for i := range out {
		if !out[i].open {
			continue
		}
		next := nextParagraphStart(text, out[i].end)
		if next >= 0 && i+1 < len(out) && out[i+1].start == next {
			out[i+1].start, out[i+1].tail = out[i].start, false
		}
		out[i].start = -1
	}
	kept := out[:0]
	for _, s := range out {
		if s.start >= 0 && !s.tail {
			kept = append(kept, s)
		}
	}
	return kept
}

// paragraphs splits text at newlines into [start, end) byte ranges.
func paragraphs(text string) [][2]int {
	var ps [][2]int
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				ps = append(ps, [2]int{start, i})
			}
			start = i + 1
		}
	}
	return ps
}

func nextParagraphStart(text string, from int) int {
	i := from
	for i < len(text) && text[i] != '\n' {
		i++
	}
	for i < len(text) && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	if i >= len(text) {
		return -1
	}
	return i
}

func appendParagraph(out []segment, text string, start, end int) []segment {
	var marks []mark
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		// Two single marks written for a double one (‘‘ ’’ '' ‘’).
		if singleMark(r) && i+n < end {
			if r2, n2 := utf8.DecodeRuneInString(text[i+n:]); singleMark(r2) {
				dir := 0
				switch {
				case r == '‘' && r2 == '‘':
					dir = +1
				case r == '’' && r2 == '’':
					dir = -1
				default:
					dir = neighbourDir(text, i, n+n2, start, end)
				}
				marks = append(marks, mark{i, n + n2, dir, false})
				i += n + n2
				continue
			}
		}
		switch r {
		case '“', '„', '«':
			marks = append(marks, mark{i, n, +1, false})
		case '”', '»':
			marks = append(marks, mark{i, n, -1, false})
		case '"':
			marks = append(marks, mark{i, n, straightDir(text, i, start, end), i > start && (text[i-1] == ',' || text[i-1] == ':')})
		}
		i += n
	}
	var stack []mark
	var inner []segment // closed pairs nested in a still-open quote
	deeper := 0         // opening marks beyond maxNesting, paired but not kept
	for _, m := range marks {
		opens := m.dir > 0 || (m.dir == 0 || m.afterColon) && len(stack) == 0
		if opens {
			if len(stack) < maxNesting {
				stack = append(stack, m)
			} else {
				deeper++
			}
			continue
		}
		if deeper > 0 {
			deeper--
			continue
		}
		if len(stack) == 0 {
			// A stray closing mark; when it is the paragraph's first mark
			// it may end a quote opened in an earlier paragraph.
			if len(out) > 0 && out[len(out)-1].open {
				if firstMark(marks, m) {
					p := start
					for p < m.pos && unicode.IsSpace(rune(text[p])) {
						p++
					}
					out = append(out, segment{start: p, end: m.pos + m.size, tail: true})
				}
			}
			continue
		}
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		seg := segment{start: o.pos, end: m.pos + m.size}
		if len(stack) == 0 {
			out = append(out, seg)
			inner = inner[:0]
		} else if len(stack) == 1 {
			inner = append(inner, seg)
		}
	}
	if len(stack) > 0 {
		// The outermost quote is unclosed: its inner pairs stand on their own,
		// and the outer one may continue into the next paragraph.
		out = append(out, inner...)
		e := end
		for e > stack[0].pos && unicode.IsSpace(rune(text[e-1])) {
			e--
		}
		if e > stack[0].pos+stack[0].size && len(inner) == 0 {
			out = append(out, segment{start: stack[0].pos, end: e, open: true})
		}
	}
	return out
}

// firstMark: m is the first mark of its paragraph.
func firstMark(marks []mark, m mark) bool { return len(marks) > 0 && marks[0].pos == m.pos }

func singleMark(r rune) bool { return r == '\'' || r == '‘' || r == '’' }

// straightDir guesses whether the straight quote at i opens (+1) or closes
// (-1) from its neighbours: a mark after a space and before a word opens, a
// mark after a word and before a space or punctuation closes; 0 when the
// neighbours do not tell.
func straightDir(text string, i, start, end int) int {
	return neighbourDir(text, i, 1, start, end)
}

// neighbourDir is straightDir for a mark of size bytes at i.
func neighbourDir(text string, i, size, start, end int) int {
	var prev, next rune = ' ', ' '
	if i > start {
		prev, _ = utf8.DecodeLastRuneInString(text[start:i])
	}
	if i+size < end {
		next, _ = utf8.DecodeRuneInString(text[i+size : end])
	}
	prevSpace := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '—' || prev == '–'
	nextSpace := unicode.IsSpace(next) || next == ')' || next == ']' || next == '}'
	nextPunct := next == '.' || next == ',' || next == ';' || next == ':' || next == '!' || next == '?' || next == '—' || next == '–'
	switch {
	case prevSpace && !nextSpace && !nextPunct:
		return +1
	case !prevSpace && (nextSpace || nextPunct):
		return -1
	case i+size >= end && !prevSpace:
		return -1
	}
	return 0
}
