package verbs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Discards are phrases that keep a sentence (or, with Story, the whole
// document) from being coded: sports results, entertainment, weather.
type Discards struct {
	Sentence [][]string // uppercase word sequences
	Story    [][]string
}

// LoadDiscardsFile reads a PETRARCH discard list: one phrase a line, "+"
// before story-level phrases, "#" comments.
func LoadDiscardsFile(path string) (*Discards, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load discards %s: %w", path, err)
	}
	defer f.Close()
	return LoadDiscards(f, path)
}

// LoadDiscards reads a discard list; name is used in error messages.
func LoadDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{}
	sc := bufio.NewScanner(r)
	in := false
	for n := 1; sc.Scan(); n++ {
		line, inComment := stripXMLComments(sc.Text(), in)
		in = inComment
		if i := strings.IndexAny(line, "#;"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		story := line[0] == '+'
		if story {
			line = line[1:]
		}
		if strings.ContainsAny(line, "[]{}$%^*&+") {
			return nil, fmt.Errorf("%s:%d: discard %q: only words are allowed", name, n, line)
		}
		words := splitWords(line)
		if len(words) == 0 {
			return nil, fmt.Errorf("%s:%d: empty discard phrase", name, n)
		}
		if story {
			d.Story = append(d.Story, words)
		} else {
			d.Sentence = append(d.Sentence, words)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// Match returns the first phrase found in words (uppercase), and whether
// it discards the whole story.
func (d *Discards) Match(words []string) (phrase string, story, ok bool) {
	if d == nil {
		return "", false, false
	}
	if p := findPhrase(words, d.Story); p != nil {
		return strings.Join(p, " "), true, true
	}
	if p := findPhrase(words, d.Sentence); p != nil {
		return strings.Join(p, " "), false, true
	}
	return "", false, false
}

func findPhrase(words []string, phrases [][]string) []string {
	for _, p := range phrases {
		for i := 0; i+len(p) <= len(words); i++ {
			if equalWords(words[i:i+len(p)], p) {
				return p
			}
		}
	}
	return nil
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
