// Package verbs loads verb-pattern dictionaries: the PETRARCH-2 format
// (CAMEO.2.0.txt), the older PETRARCH-1/TABARI format
// (PETR.Validate.verbs.txt) and parley's own default dictionary, which is
// written in the same syntax (see docs/verbs.md). It also loads discard
// lists.
//
// A dictionary is a set of synonym sets ("&NAME" followed by "+phrase"
// lines) and verb blocks:
//
//	--- NAME [code] ---          block header; code is the block default
//	VERB {IRREGULAR FORMS} [code] verbs of the block, one a line
//	+VERB_PARTICLE {...} [code]   multi-word verb; "+" marks the verb word
//	@NOUN {...} [code]            nominal predicate (parley extension)
//	!VERB {...} [code]            codes only without a direct object (parley extension)
//	- WORDS * WORDS [code]        pattern: "*" is the verb
//
// Pattern elements: plain words, "&SYNSET", "$" (source actor), "+" (target
// actor), "%" (compound actor: each member is source and target of the
// others), "^" (skip an actor). Words joined by "_" must be consecutive;
// words separated by blanks may have others between them. "(...)" and
// "{...}" group prepositional and noun phrases in PETRARCH-2 files; the
// coder matches their words in order. Codes are "[fwd]", "[fwd:rev]" (a
// second event from target to source) or "[---]" (no event).
package verbs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Code is what a verb or pattern codes: a forward event (source->target)
// and optionally a reverse one (target->source). Empty means none.
type Code struct {
	Fwd, Rev string
}

// None reports whether the code makes no event.
func (c Code) None() bool { return c.Fwd == "" && c.Rev == "" }

func (c Code) String() string {
	if c.Rev == "" {
		if c.Fwd == "" {
			return "---"
		}
		return c.Fwd
	}
	return c.Fwd + ":" + c.Rev
}

// ElemKind is the kind of one pattern element.
type ElemKind uint8

// Pattern element kinds.
const (
	Word     ElemKind = iota // a literal word (uppercase)
	Synset                   // one phrase of a synonym set
	Source                   // $
	Target                   // +
	Compound                 // %
	Skip                     // ^
)

// Elem is one element of a pattern side.
type Elem struct {
	Kind ElemKind
	Text string // the word, or the synset name without "&"
	// Tight means the element must directly follow the previous element
	// (the verb, for the first element after "*").
	Tight bool
}

// Pattern is one "- ... * ... [code]" line.
type Pattern struct {
	Pre  []Elem // before the verb, in text order
	Post []Elem // after the verb, in text order
	// TightVerb: the last Pre element is joined to the verb ("WAS_ *").
	TightVerb bool
	Code      Code
	Line      int
}

// Len is the number of elements, used to try longer patterns first.
func (p *Pattern) Len() int { return len(p.Pre) + len(p.Post) }

// Block is a set of synonymous verbs sharing patterns.
type Block struct {
	Name     string
	Code     Code // default for verbs without their own
	Patterns []*Pattern
	Line     int
}

// Verb is one verb entry: a single word or a multi-word phrase.
type Verb struct {
	// Words of the phrase, uppercase; Words[Head] is the verb itself.
	Words []string
	Head  int
	Forms []string // inflected forms of the head word (including the base)
	Code  Code     // own code; falls back to Block.Code when unset
	Set   bool     // Code was given on the line
	Block *Block
	Line  int
	// Noun marks a nominal predicate ("@PURSUIT"), a parley extension:
	// the coder looks for it among nouns, not verbs.
	Noun bool
	// Intransitive marks a verb that codes only without a direct object
	// ("!DEMONSTRATE": protesters demonstrated, not "demonstrated
	// agility"), a parley extension.
	Intransitive bool
}

// Effective is the code the verb makes when no pattern matches.
func (v *Verb) Effective() Code {
	if v.Set {
		return v.Code
	}
	return v.Block.Code
}

// Transform is a PETRARCH-2 "~" line, kept for reference: parley applies
// its own reported-speech rules instead (see package events).
type Transform struct {
	Text string
	Line int
}

// Dictionary is a loaded verb dictionary.
type Dictionary struct {
	Name string // file name, for messages
	// byForm maps an uppercase word form (any inflection) to the verbs
	// whose head has that form.
	byForm     map[string][]*Verb
	lower      map[string]bool // the keys of byForm in lower case
	Blocks     []*Block
	Synsets    map[string]*Set
	Transforms []Transform
	// Warnings are lines that were dropped, each with file:line: patterns
	// using an undefined synonym set (PETRARCH drops them too) and, when
	// loading with Lenient, lines that could not be read.
	Warnings []string
}

// Set is a synonym set.
type Set struct {
	Name    string
	Phrases [][]string // each phrase is consecutive words, uppercase
	Line    int

	noPlural bool
}

// Lookup returns the verbs whose head word has the given form (any case).
func (d *Dictionary) Lookup(form string) []*Verb {
	return d.byForm[strings.ToUpper(form)]
}

// HasForm reports whether a verb has the form w, given in lower case. It
// lets a coder skip sentences without a dictionary word cheaply.
func (d *Dictionary) HasForm(w string) bool { return d.lower[w] }

// Verbs returns the number of verb entries.
func (d *Dictionary) Verbs() int {
	n := 0
	seen := map[*Verb]bool{}
	for _, vs := range d.byForm {
		for _, v := range vs {
			if !seen[v] {
				seen[v] = true
				n++
			}
		}
	}
	return n
}

// Option changes how a dictionary is loaded.
type Option func(*loader)

// WithCodeCheck makes every event code pass valid (e.g. cameo.Valid);
// a code that does not is an error naming file:line. Without it any code
// of letters, digits and "+" is accepted: the PETRARCH validation
// dictionary uses WEIS-era and made-up codes on purpose.
func WithCodeCheck(valid func(string) bool) Option {
	return func(l *loader) { l.valid = valid }
}

// Lenient turns unreadable lines into Warnings instead of errors. Use it
// for third-party files with a few broken lines (CAMEO.2.0.txt has some);
// parley's own dictionaries load strictly.
func Lenient() Option {
	return func(l *loader) { l.lenient = true }
}

// LoadFile reads a dictionary file.
func LoadFile(path string, opts ...Option) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load verbs %s: %w", path, err)
	}
	defer f.Close()
	return Load(f, path, opts...)
}

// Load reads a dictionary; name is used in error messages.
func Load(r io.Reader, name string, opts ...Option) (*Dictionary, error) {
	l := &loader{d: &Dictionary{Name: name, byForm: map[string][]*Verb{}, Synsets: map[string]*Set{}}}
	for _, o := range opts {
		o(l)
	}
	if err := l.read(r); err != nil {
		return nil, err
	}
	if err := l.finish(); err != nil {
		return nil, err
	}
	return l.d, nil
}

type rawPattern struct {
	text  string
	block *Block
	line  int
}

type loader struct {
	d       *Dictionary
	valid   func(string) bool
	lenient bool

	block    *Block
	set      *Set
	patterns []rawPattern // resolved after all synsets are known
	setRefs  map[string][]string
}

func (l *loader) errf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", l.d.Name, line, fmt.Sprintf(format, args...))
}

func (l *loader) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	inComment := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		line, inComment = stripXMLComments(line, inComment)
		// "#" comments, and ";" ones inherited from KEDS/TABARI.
		if i := strings.IndexAny(line, "#;"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := l.line(line, n); err != nil {
			if !l.lenient {
				return err
			}
			l.d.Warnings = append(l.d.Warnings, err.Error()+"; skipped")
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", l.d.Name, err)
	}
	if inComment {
		return fmt.Errorf("%s: unterminated <!-- comment", l.d.Name)
	}
	return nil
}

// stripXMLComments removes <!-- ... --> comments, which may span lines.
func stripXMLComments(line string, in bool) (string, bool) {
	var b strings.Builder
	for {
		if in {
			i := strings.Index(line, "-->")
			if i < 0 {
				return b.String(), true
			}
			line = line[i+3:]
			in = false
			continue
		}
		i := strings.Index(line, "<!")
		if i < 0 {
			b.WriteString(line)
			return b.String(), false
		}
		b.WriteString(line[:i])
		line = line[i+2:]
		in = true
	}
}

func (l *loader) line(line string, n int) error {
	switch {
	case strings.HasPrefix(line, "---"):
		return l.header(line, n)
	case line[0] == '&':
		// "&AUXVERB1_": the "_" only says "no plurals"; patterns name the
		// set without it.
		raw := strings.TrimSpace(line[1:])
		name := strings.TrimRight(raw, "_")
		if name == "" || strings.ContainsAny(name, " \t[]{}") {
			return l.errf(n, "bad synonym set name %q", line)
		}
		if _, dup := l.d.Synsets[name]; dup {
			return l.errf(n, "synonym set &%s defined twice", name)
		}
		l.set = &Set{Name: name, Line: n, noPlural: strings.HasSuffix(raw, "_")}
		l.d.Synsets[name] = l.set
		l.block = nil
		return nil
	case line[0] == '~':
		if !strings.Contains(line, "=") {
			return l.errf(n, "transformation without \"=\": %q", line)
		}
		l.d.Transforms = append(l.d.Transforms, Transform{Text: line, Line: n})
		return nil
	case line[0] == '+' && l.set != nil:
		return l.member(line[1:], n)
	case line[0] == '-':
		if l.block == nil {
			return l.errf(n, "pattern outside a verb block")
		}
		l.patterns = append(l.patterns, rawPattern{text: strings.TrimSpace(line[1:]), block: l.block, line: n})
		return nil
	case l.block != nil:
		l.set = nil
		return l.verb(line, n)
	}
	return l.errf(n, "cannot read %q: not a block header, synonym set, verb or pattern", line)
}

func (l *loader) header(line string, n int) error {
	body := strings.TrimSpace(strings.Trim(line, "-"))
	name, rest, _ := strings.Cut(body, "[")
	l.block = &Block{Name: strings.TrimSpace(name), Line: n}
	if rest != "" {
		// "--- DELAY [120] [031:031] ---": PETRARCH takes the first code.
		c, _, ok := strings.Cut(rest, "]")
		if !ok {
			return l.errf(n, "unclosed [ in block header %q", line)
		}
		code, err := l.code(c, n)
		if err != nil {
			return err
		}
		l.block.Code = code
	}
	if l.block.Name == "" {
		return l.errf(n, "block header without a name: %q", line)
	}
	l.set = nil
	l.d.Blocks = append(l.d.Blocks, l.block)
	return nil
}

func (l *loader) member(text string, n int) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return l.errf(n, "empty synonym")
	}
	noPlural := l.set.noPlural || strings.HasSuffix(text, "_")
	text = strings.TrimRight(text, "_")
	if strings.HasPrefix(text, "&") {
		if l.setRefs == nil {
			l.setRefs = map[string][]string{}
		}
		l.setRefs[l.set.Name] = append(l.setRefs[l.set.Name], strings.TrimRight(text[1:], "_"))
		return nil
	}
	if strings.ContainsAny(text, "$%^*[]{}()&") {
		return l.errf(n, "synonym %q: only words are allowed in a synonym set", text)
	}
	words := splitWords(text)
	l.set.Phrases = append(l.set.Phrases, words)
	if !noPlural {
		pl := append([]string(nil), words...)
		pl[len(pl)-1] = plural(pl[len(pl)-1])
		l.set.Phrases = append(l.set.Phrases, pl)
	}
	return nil
}

func (l *loader) verb(line string, n int) error {
	rest := line
	var code Code
	set := false
	if i := strings.IndexByte(rest, '['); i >= 0 {
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			return l.errf(n, "unclosed [ in %q", line)
		}
		c, err := l.code(rest[i+1:i+j], n)
		if err != nil {
			return err
		}
		code, set = c, true
		if strings.TrimSpace(rest[i+j+1:]) != "" {
			return l.errf(n, "text after the code in %q", line)
		}
		rest = rest[:i]
	}
	var forms []string
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest, '}')
		if j < i {
			return l.errf(n, "unclosed { in %q", line)
		}
		forms = strings.Fields(strings.ReplaceAll(rest[i+1:j], ",", " "))
		if strings.TrimSpace(rest[j+1:]) != "" {
			return l.errf(n, "text after the forms in %q", line)
		}
		rest = rest[:i]
	}
	fields := strings.Fields(rest)
	if len(fields) != 1 {
		return l.errf(n, "verb line %q: want one word or _-joined phrase", line)
	}
	word, noun := strings.CutPrefix(fields[0], "@")
	word, intransitive := strings.CutPrefix(word, "!")
	if noun && intransitive {
		return l.errf(n, "verb line %q: a nominal predicate (@) cannot be intransitive (!)", line)
	}
	v, err := parseVerbPhrase(word)
	if err != nil {
		return l.errf(n, "%v", err)
	}
	v.Code, v.Set, v.Block, v.Line, v.Noun, v.Intransitive = code, set, l.block, n, noun, intransitive
	v.Forms = []string{v.Words[v.Head]}
	if len(forms) == 0 {
		v.Forms = append(v.Forms, regularForms(v.Words[v.Head])...)
	}
	for _, f := range forms {
		// Irregular forms of multi-word verbs repeat the phrase:
		// {+BREAKS_DOWN +BROKE_DOWN}; keep the verb word.
		fv, err := parseVerbPhrase(f)
		if err != nil {
			return l.errf(n, "form %q: %v", f, err)
		}
		if len(fv.Words) != len(v.Words) {
			return l.errf(n, "form %q does not have the words of %s", f, fields[0])
		}
		v.Forms = append(v.Forms, fv.Words[fv.Head])
	}
	seen := map[string]bool{}
	for _, f := range v.Forms {
		if !seen[f] {
			seen[f] = true
			l.d.byForm[f] = append(l.d.byForm[f], v)
		}
	}
	return nil
}

// parseVerbPhrase reads "SAY", "+CORDON_OFF", "WIRE_+TAP".
func parseVerbPhrase(s string) (*Verb, error) {
	parts := strings.Split(strings.Trim(s, "_"), "_")
	v := &Verb{Head: -1}
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			if v.Head >= 0 {
				return nil, fmt.Errorf("verb %q marks two words with +", s)
			}
			v.Head = i
			p = p[1:]
		}
		if p == "" || !isWord(p) {
			return nil, fmt.Errorf("verb %q: bad word %q", s, p)
		}
		v.Words = append(v.Words, strings.ToUpper(p))
	}
	if v.Head < 0 {
		if len(v.Words) > 1 {
			return nil, fmt.Errorf("multi-word verb %q does not mark its verb with +", s)
		}
		v.Head = 0
	}
	return v, nil
}

func isWord(s string) bool {
	for _, r := range s {
		if strings.ContainsRune("$%^*[]{}()&+~", r) || r == ' ' || r == '\t' {
			return false
		}
	}
	return true
}

func (l *loader) code(s string, n int) (Code, error) {
	s = strings.TrimSpace(s)
	fwd, rev, _ := strings.Cut(s, ":")
	var c Code
	for i, part := range []string{fwd, rev} {
		part = strings.TrimSpace(part)
		if part == "---" || part == "" {
			continue
		}
		for _, r := range part {
			if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '+') {
				return c, l.errf(n, "bad code [%s]", s)
			}
		}
		if l.valid != nil && !l.valid(part) {
			return c, l.errf(n, "unknown event code %s", part)
		}
		if i == 0 {
			c.Fwd = part
		} else {
			c.Rev = part
		}
	}
	return c, nil
}

// finish resolves nested synonym sets and parses the patterns.
func (l *loader) finish() error {
	if err := l.expandSets(); err != nil {
		return err
	}
	l.d.lower = make(map[string]bool, len(l.d.byForm))
	for f := range l.d.byForm {
		l.d.lower[strings.ToLower(f)] = true
	}
	for _, rp := range l.patterns {
		p, undefined, err := l.pattern(rp.text, rp.line)
		if err != nil {
			if !l.lenient {
				return err
			}
			l.d.Warnings = append(l.d.Warnings, err.Error()+"; skipped")
			continue
		}
		if undefined != "" {
			l.d.Warnings = append(l.d.Warnings, fmt.Sprintf("%s:%d: pattern uses undefined synonym set &%s; dropped", l.d.Name, rp.line, undefined))
			continue
		}
		rp.block.Patterns = append(rp.block.Patterns, p)
	}
	for _, b := range l.d.Blocks {
		// Longer patterns first; file order among equals.
		sort.SliceStable(b.Patterns, func(i, j int) bool { return b.Patterns[i].Len() > b.Patterns[j].Len() })
	}
	return nil
}

// expandSets inlines synonym sets named inside other sets, rejecting cycles.
func (l *loader) expandSets() error {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var visit func(name string, line int) error
	visit = func(name string, line int) error {
		s, ok := l.d.Synsets[name]
		if !ok {
			return l.errf(line, "undefined synonym set &%s", name)
		}
		switch state[name] {
		case visiting:
			return l.errf(s.Line, "synonym set &%s contains itself", name)
		case done:
			return nil
		}
		state[name] = visiting
		for _, ref := range l.setRefs[name] {
			if err := visit(ref, s.Line); err != nil {
				return err
			}
			s.Phrases = append(s.Phrases, l.d.Synsets[ref].Phrases...)
		}
		state[name] = done
		return nil
	}
	names := make([]string, 0, len(l.setRefs))
	for n := range l.setRefs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := visit(n, l.d.Synsets[n].Line); err != nil {
			return err
		}
	}
	return nil
}

// pattern parses the text after "- ". It returns the name of an undefined
// synonym set instead of an error, since PETRARCH drops such patterns.
func (l *loader) pattern(text string, n int) (*Pattern, string, error) {
	i := strings.IndexByte(text, '[')
	j := strings.LastIndexByte(text, ']')
	if i < 0 || j < i {
		return nil, "", l.errf(n, "pattern %q has no [code]", text)
	}
	if strings.TrimSpace(text[j+1:]) != "" {
		return nil, "", l.errf(n, "text after the code in pattern %q", text)
	}
	code, err := l.code(text[i+1:j], n)
	if err != nil {
		return nil, "", err
	}
	p := &Pattern{Code: code, Line: n}
	body := text[:i]
	if strings.Contains(body, "|") {
		return nil, "", l.errf(n, "disjunctive sets (|) are not supported; use a synonym set")
	}
	// Grouping brackets only shape PETRARCH-2's tree matching; keep their
	// words in order.
	if depth := bracketDepth(body); depth != 0 {
		return nil, "", l.errf(n, "unbalanced brackets in pattern %q", text)
	}
	body = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(body)
	// "**" is the verb in some PETRARCH files; CAMEO.2.0.txt also has a
	// "*SCEPTICAL" that can only mean "* SCEPTICAL".
	body = strings.ReplaceAll(body, "**", "*")
	body = strings.ReplaceAll(" "+body, " *", " * ")
	verbs := 0
	side := &p.Pre
	// A "_" joins two elements, also across a blank ("WAS_ *").
	joinNext := false
	for _, field := range strings.Fields(body) {
		parts := strings.Split(field, "_")
		for k, part := range parts {
			if part == "" {
				continue
			}
			tight := joinNext || k > 0
			joinNext = false
			if part == "*" {
				verbs++
				if verbs > 1 {
					return nil, "", l.errf(n, "pattern %q has two verbs (*)", text)
				}
				p.TightVerb = tight && len(p.Pre) > 0
				side = &p.Post
				continue
			}
			e, undefined, err := l.elem(part, n)
			if err != nil {
				return nil, "", err
			}
			if undefined != "" {
				return nil, undefined, nil
			}
			e.Tight = tight
			*side = append(*side, e)
		}
		joinNext = strings.HasSuffix(field, "_")
	}
	if verbs == 0 {
		return nil, "", l.errf(n, "pattern %q has no verb (*)", text)
	}
	return p, "", nil
}

func bracketDepth(s string) int {
	d := 0
	for _, r := range s {
		switch r {
		case '(', '{':
			d++
		case ')', '}':
			d--
			if d < 0 {
				return d
			}
		}
	}
	return d
}

func (l *loader) elem(s string, n int) (Elem, string, error) {
	switch s {
	case "$":
		return Elem{Kind: Source}, "", nil
	case "+":
		return Elem{Kind: Target}, "", nil
	case "%":
		return Elem{Kind: Compound}, "", nil
	case "^":
		return Elem{Kind: Skip}, "", nil
	}
	if s[0] == '&' {
		name := strings.TrimRight(s[1:], "_")
		if _, ok := l.d.Synsets[name]; !ok {
			return Elem{}, name, nil
		}
		return Elem{Kind: Synset, Text: name}, "", nil
	}
	if !isWord(s) {
		return Elem{}, "", l.errf(n, "bad pattern word %q", s)
	}
	return Elem{Kind: Word, Text: strings.ToUpper(s)}, "", nil
}

func splitWords(s string) []string {
	return strings.Fields(strings.ToUpper(strings.ReplaceAll(s, "_", " ")))
}

// plural forms a regular English plural as PETRARCH does.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "X"):
		return w + "ES"
	}
	return w + "S"
}

// regularForms returns the -S, -ED and -ING forms of a regular verb.
func regularForms(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "E"):
		return []string{w + "S", w + "D", w[:n-1] + "ING"}
	case strings.HasSuffix(w, "Y") && n > 1 && !strings.ContainsRune("AEIOU", rune(w[n-2])):
		return []string{w[:n-1] + "IES", w[:n-1] + "IED", w + "ING"}
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "X"):
		return []string{w + "ES", w + "ED", w + "ING"}
	}
	return []string{w + "S", w + "ED", w + "ING"}
}
