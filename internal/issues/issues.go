// Package issues tags sentences, events, quotes and documents with what is
// at stake (territory, ceasefire, sanctions, ...) from a taxonomy of phrases
// that an analyst can read and edit (taxonomy.txt, format in docs/issues.md).
package issues

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/parleyhq/parley/internal/model"
)

//go:embed taxonomy.txt
var defaultTaxonomy string

// Issue is one entry of the taxonomy.
type Issue struct {
	ID    string
	Label string
}

// step is one word of a pattern.
type step struct {
	word   string
	prefix bool // word* : any word starting with word
	gap    int  // how many words may come before this one (0 = adjacent)
}

type pattern struct {
	issue int // index into Taxonomy.Issues
	steps []step
}

// Taxonomy is a loaded set of issues and their patterns. It is immutable
// and safe for concurrent use.
type Taxonomy struct {
	Issues []Issue
	// byFirst indexes patterns by their first word; prefixed first words
	// are kept apart because they cannot be looked up exactly.
	byFirst  map[string][]pattern
	byPrefix []pattern
}

// Default returns the taxonomy shipped with parley.
func Default() *Taxonomy {
	t, err := Parse(strings.NewReader(defaultTaxonomy), "taxonomy.txt")
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return t
}

// Load reads a taxonomy file.
func Load(path string) (*Taxonomy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load issues %s: %w", path, err)
	}
	defer f.Close()
	return Parse(f, path)
}

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Parse reads a taxonomy; errors name the file and line.
func Parse(r io.Reader, name string) (*Taxonomy, error) {
	t := &Taxonomy{byFirst: map[string][]pattern{}}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	line := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") {
			end := strings.Index(text, "]")
			if end < 0 {
				return nil, fail("issue header %q has no closing ]", text)
			}
			id, label := text[1:end], strings.TrimSpace(text[end+1:])
			if !idRe.MatchString(id) {
				return nil, fail("issue id %q must be lower_snake_case", id)
			}
			if label == "" {
				return nil, fail("issue %s has no label", id)
			}
			if seen[id] {
				return nil, fail("issue %s defined twice", id)
			}
			seen[id] = true
			t.Issues = append(t.Issues, Issue{ID: id, Label: label})
			continue
		}
		if len(t.Issues) == 0 {
			return nil, fail("pattern %q comes before any [issue] header", text)
		}
		p, err := parsePattern(text)
		if err != nil {
			return nil, fail("%v", err)
		}
		p.issue = len(t.Issues) - 1
		if p.steps[0].prefix {
			t.byPrefix = append(t.byPrefix, p)
		} else {
			t.byFirst[p.steps[0].word] = append(t.byFirst[p.steps[0].word], p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if len(t.Issues) == 0 {
		return nil, fmt.Errorf("%s: no issues defined", name)
	}
	return t, nil
}

func parsePattern(text string) (pattern, error) {
	var p pattern
	gap := 0
	for _, f := range strings.Fields(text) {
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 1 || n > 10 {
				return p, fmt.Errorf("gap %q: want ~1 to ~10", f)
			}
			if len(p.steps) == 0 {
				return p, fmt.Errorf("pattern %q starts with a gap", text)
			}
			gap = n
			continue
		}
		s := step{word: strings.ToLower(f), gap: gap}
		gap = 0
		if strings.HasSuffix(s.word, "*") {
			s.prefix, s.word = true, strings.TrimSuffix(s.word, "*")
		}
		if s.word == "" || strings.ContainsAny(s.word, "*~[]") {
			return p, fmt.Errorf("bad word %q in pattern %q", f, text)
		}
		p.steps = append(p.steps, s)
	}
	if gap > 0 {
		return p, fmt.Errorf("pattern %q ends with a gap", text)
	}
	if len(p.steps) == 0 {
		return p, fmt.Errorf("empty pattern")
	}
	return p, nil
}

// Match returns the ids of the issues that words (lower-cased) mention, in
// taxonomy order.
func (t *Taxonomy) Match(words []string) []string {
	var hit []bool
	mark := func(p pattern, i int) {
		if !hit[p.issue] && matchAt(p.steps, words, i) {
			hit[p.issue] = true
		}
	}
	hit = make([]bool, len(t.Issues))
	for i, w := range words {
		for _, p := range t.byFirst[w] {
			mark(p, i)
		}
		for _, p := range t.byPrefix {
			if strings.HasPrefix(w, p.steps[0].word) {
				mark(p, i)
			}
		}
	}
	var out []string
	for i, h := range hit {
		if h {
			out = append(out, t.Issues[i].ID)
		}
	}
	return out
}

// matchAt reports whether steps match words starting at word i.
func matchAt(steps []step, words []string, i int) bool {
	if !stepMatches(steps[0], words[i]) {
		return false
	}
	if len(steps) == 1 {
		return true
	}
	next := steps[1]
	for j := i + 1; j <= i+1+next.gap && j < len(words); j++ {
		if matchAt(steps[1:], words, j) {
			return true
		}
	}
	return false
}

func stepMatches(s step, w string) bool {
	if s.prefix {
		return strings.HasPrefix(w, s.word)
	}
	return w == s.word
}

// Words splits text into lower-cased words the way patterns see them:
// letters, digits and inner hyphens/apostrophes.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
}

// Tag sets the issues of doc's events, quotes and the document itself from
// the sentences and quotes they come from.
func (t *Taxonomy) Tag(doc *model.Document) {
	bySentence := make([][]string, len(doc.Sentences))
	var all []string
	for i, s := range doc.Sentences {
		bySentence[i] = t.Match(Words(doc.Text[s.Span.Start:s.Span.End]))
		all = append(all, bySentence[i]...)
	}
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.SentenceIdx >= 0 && e.SentenceIdx < len(bySentence) {
			e.Issues = bySentence[e.SentenceIdx]
		}
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Issues = t.Match(Words(doc.Quotes[i].Text))
	}
	if len(doc.Sentences) == 0 {
		all = t.Match(Words(doc.Title + "\n" + doc.Text))
	}
	doc.Issues = t.ordered(all)
}

// ordered returns the distinct ids of ids in taxonomy order.
func (t *Taxonomy) ordered(ids []string) []string {
	var out []string
	for _, is := range t.Issues {
		if slices.Contains(ids, is.ID) {
			out = append(out, is.ID)
		}
	}
	return out
}
