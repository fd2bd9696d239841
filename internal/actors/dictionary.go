package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// kind is what a dictionary entry stands for.
type kind uint8

const (
	kCountry kind = iota + 1 // country or region name, adjective, demonym
	kCapital                 // a capital used as metonym: codes as the country
	kBody                    // a seat of power or institution: codes as CTYGOV, USAMIL ...
	kOrg                     // international or non-state organisation
	kAgent                   // sector agent: troops, officials, police
	kTitle                   // an office held by one person: president, foreign minister
	kPerson                  // a named person with dated roles
	kActor                   // an actor entry read from a PETRARCH dictionary
)

func (k kind) String() string {
	switch k {
	case kCountry:
		return "country"
	case kCapital:
		return "capital"
	case kBody:
		return "body"
	case kOrg:
		return "org"
	case kAgent:
		return "agent"
	case kTitle:
		return "title"
	case kPerson:
		return "person"
	case kActor:
		return "actor"
	}
	return "?"
}

// datedCode is a code valid over an interval; Title names the office for
// person roles.
type datedCode struct {
	code  string
	title string
	span  span
	dated bool // false for an unrestricted PETRARCH code
}

// entry is one actor, agent or title of the dictionary.
type entry struct {
	kind kind
	name string // canonical name, e.g. "Volodymyr Zelensky", "Ukraine"
	code string // fixed code: country, org, body, agent segment
	// codes are dated codes: person roles, PETRARCH date-restricted codes,
	// organisations whose status changed (the Taliban in 2021).
	codes    []datedCode
	country  string // person's nationality; the country of a capital or body
	gender   byte   // 'm', 'f' or 0
	prefix   bool   // agent code goes before the actor code (PETRARCH "NGO~")
	refers   []string
	compound []string // PETRARCH compound codes (FRO/BIL/SAM) beyond the first
	from     string   // file:line where the entry was defined
}

// codeAt chooses the entry's code for a document date (0 = undated).
func (e *entry) codeAt(d day) (code, title string) {
	if len(e.codes) == 0 {
		return e.code, ""
	}
	if e.kind == kPerson {
		return e.personCode(d)
	}
	if d == 0 {
		c := latest(e.codes)
		return c.code, c.title
	}
	// PETRARCH's rule: the first date-restricted code that covers the date,
	// else the first unrestricted code, else the null code.
	for _, c := range e.codes {
		if c.dated && c.span.contains(d) {
			return c.code, c.title
		}
	}
	for _, c := range e.codes {
		if !c.dated {
			return c.code, c.title
		}
	}
	if e.code != "" {
		return e.code, ""
	}
	return nullCode, ""
}

// personCode applies the dated roles of a person: the first role covering
// the date; after a role has ended and none covers the date, the person is
// former elite (CTYELI); before any role, the bare country code.
func (e *entry) personCode(d day) (string, string) {
	if d == 0 {
		c := latest(e.codes)
		return c.code, c.title
	}
	ended := false
	for _, c := range e.codes {
		if c.span.contains(d) {
			return c.code, c.title
		}
		if c.span.endsBefore(d) {
			ended = true
		}
	}
	if ended {
		return e.country + "ELI", ""
	}
	return e.country, ""
}

// latest is the code whose interval reaches furthest (an open end is
// furthest of all), for undated documents.
func latest(cs []datedCode) datedCode {
	best := cs[0]
	for _, c := range cs[1:] {
		if best.span.to != 0 && (c.span.to == 0 || c.span.to > best.span.to) {
			best = c
		}
	}
	return best
}

// node is a trie node keyed by folded words.
type node struct {
	next  map[string]*node
	cands []cand
}

// cand is an entry reachable at a trie node, with the case rules of the
// phrase's words and the words as written.
type cand struct {
	e     *entry
	rules []caseRule
	words []string
	adj   bool // a country adjective or demonym, not the name
}

func (n *node) child(k string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[k]
	if c == nil {
		c = &node{}
		n.next[k] = c
	}
	return c
}

// Dictionary maps phrases to actors, agents and titles. It is safe for
// concurrent use once loaded.
type Dictionary struct {
	root     node
	entries  []*entry
	warnings []string
	discards *Discards
	issues   *Issues
}

// Stats counts what a dictionary holds.
type Stats struct {
	Countries     int `json:"countries"`
	Regions       int `json:"regions"`
	Capitals      int `json:"capitals"`
	Bodies        int `json:"bodies"`
	Organizations int `json:"organizations"`
	Agents        int `json:"agents"`
	Titles        int `json:"titles"`
	Persons       int `json:"persons"`
	Roles         int `json:"roles"`
	Actors        int `json:"petrarch_actors"`
	Phrases       int `json:"phrases"`
	Discards      int `json:"discards"`
	Issues        int `json:"issue_phrases"`
}

// Stats counts the entries by kind.
func (d *Dictionary) Stats() Stats {
	var s Stats
	for _, e := range d.entries {
		switch e.kind {
		case kCountry:
			if regionCodes[e.code] {
				s.Regions++
			} else {
				s.Countries++
			}
		case kCapital:
			s.Capitals++
		case kBody:
			s.Bodies++
		case kOrg:
			s.Organizations++
		case kAgent:
			s.Agents++
		case kTitle:
			s.Titles++
		case kPerson:
			s.Persons++
			s.Roles += len(e.codes)
		case kActor:
			s.Actors++
		}
	}
	var count func(n *node)
	count = func(n *node) {
		s.Phrases += len(n.cands)
		for _, c := range n.next {
			count(c)
		}
	}
	count(&d.root)
	if d.discards != nil {
		s.Discards = len(d.discards.items)
	}
	if d.issues != nil {
		s.Issues = len(d.issues.Phrases)
	}
	return s
}

// Warnings lists the repairs made while reading legacy PETRARCH files
// (file:line and what was done), in file order.
func (d *Dictionary) Warnings() []string { return d.warnings }

// Discards returns the discard list loaded from PETRARCH files, or nil.
func (d *Dictionary) Discards() *Discards { return d.discards }

// Issues returns the issue phrases loaded from a PETRARCH issues file, or nil.
func (d *Dictionary) Issues() *Issues { return d.issues }

// add files an entry under each of its phrases. phrases come with their
// case rules already decided by the reader.
func (d *Dictionary) add(e *entry, phrases []phrase) {
	d.entries = append(d.entries, e)
	for _, p := range phrases {
		ws := splitWords(p.text)
		if len(ws) == 0 {
			continue
		}
		n := &d.root
		texts := make([]string, len(ws))
		for i, w := range ws {
			n = n.child(w.key)
			texts[i] = w.text
		}
		n.cands = append(n.cands, cand{e: e, rules: p.rules(ws), words: texts, adj: p.adj})
	}
}

// phrase is a dictionary phrase with the way its case rules are decided.
type phrase struct {
	text string
	// legacy: the phrase comes from an all-caps PETRARCH file, where case
	// says nothing. Then a lone word of up to three letters must match
	// exactly (US, UN), the last word of an actor name needs a capital, and
	// agents match in any case.
	legacy    bool
	legacyCap bool
	adj       bool // country adjective or demonym
}

func (p phrase) rules(ws []word) []caseRule {
	rs := make([]caseRule, len(ws))
	if !p.legacy {
		for i, w := range ws {
			rs[i] = ruleFor(w.text)
		}
		return rs
	}
	if !p.legacyCap {
		return rs
	}
	if len(ws) == 1 && len([]rune(ws[0].text)) <= 3 && hasLetter(ws[0].text) {
		rs[0] = caseExact
		return rs
	}
	for i := len(ws) - 1; i >= 0; i-- {
		if hasLetter(ws[i].text) && ws[i].text != "'s" {
			rs[i] = caseUpper
			break
		}
	}
	return rs
}

func hasLetter(s string) bool {
	for _, r := range s {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 127 {
			return true
		}
	}
	return false
}

//go:embed data/*.dict
var defaultFS embed.FS

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
	defaultErr  error
)

// Default returns the dictionaries built into parley, loaded once.
func Default() (*Dictionary, error) {
	defaultOnce.Do(func() {
		b := newBuilder(config{})
		if err := b.ownFS(defaultFS, "data", layerDefault); err != nil {
			defaultErr = fmt.Errorf("default dictionaries: %w", err)
			return
		}
		defaultDict, defaultErr = b.build()
	})
	return defaultDict, defaultErr
}

// Option changes how Load reads a folder.
type Option func(*config)

type config struct {
	noDefaults bool
	strict     bool
}

// WithoutDefaults loads only the folder, not the built-in dictionaries.
func WithoutDefaults() Option { return func(c *config) { c.noDefaults = true } }

// Strict makes the legacy quirks of PETRARCH files (dates with extra digits,
// lower-case codes, "}" for "]") errors instead of repaired warnings.
func Strict() Option { return func(c *config) { c.strict = true } }

// Load reads the dictionaries of a folder on top of the built-in ones (see
// WithoutDefaults). The folder may hold own-format files (*.dict) and
// PETRARCH/TABARI files, told apart by name: *actors*.txt, *agents*.txt,
// *discards*.txt and *issue*.txt. Own-format records replace built-in
// records of the same kind and name, so an analyst can end a role or correct
// a person without editing the defaults; PETRARCH phrases are tried before
// built-in ones.
func Load(dir string, opts ...Option) (*Dictionary, error) {
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load dictionaries %s: %w", dir, err)
	}
	var paths []string
	for _, f := range files {
		if !f.IsDir() && !strings.HasPrefix(f.Name(), ".") {
			paths = append(paths, filepath.Join(dir, f.Name()))
		}
	}
	d, err := LoadFiles(paths, opts...)
	if err != nil {
		return nil, fmt.Errorf("load dictionaries %s: %w", dir, err)
	}
	return d, nil
}

// LoadFiles is Load over the named files rather than a whole folder (a
// PETRARCH validation suite names the dictionaries it is coded with).
// Files that are not dictionaries by name are skipped.
func LoadFiles(paths []string, opts ...Option) (*Dictionary, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	b := newBuilder(c)
	if !c.noDefaults {
		if err := b.ownFS(defaultFS, "data", layerDefault); err != nil {
			return nil, fmt.Errorf("default dictionaries: %w", err)
		}
	}
	n := 0
	for _, p := range paths {
		k, err := fileKind(p)
		if err != nil {
			return nil, err
		}
		if k == "" {
			continue
		}
		n++
		if err := b.file(p, k); err != nil {
			return nil, err
		}
	}
	if n == 0 {
		return nil, errors.New("no dictionary files (*.dict, *actors*.txt, *agents*.txt, *discards*.txt, *issue*.txt)")
	}
	return b.build()
}

// fileKind tells a dictionary file's format from its name, or "" for files
// that are not dictionaries (READMEs, licences).
func fileKind(p string) (string, error) {
	name := strings.ToLower(filepath.Base(p))
	switch {
	case strings.HasSuffix(name, ".dict"):
		return "own", nil
	case !strings.HasSuffix(name, ".txt"):
		return "", nil
	case strings.Contains(name, "actors"):
		return "actors", nil
	case strings.Contains(name, "agents"):
		return "agents", nil
	case strings.Contains(name, "discard"):
		return "discards", nil
	case strings.Contains(name, "issue"):
		return "issues", nil
	}
	return "", nil
}

type layer int

const (
	layerDefault layer = iota
	layerUser
)

// builder collects records from several files before the trie is built,
// so that user records can replace default ones.
type builder struct {
	cfg       config
	own       []*record       // own-format records in load order
	byKey     map[string]int  // kind+name -> index into own
	countries map[string]bool // country codes defined so far
	legacy    []phrased       // PETRARCH entries, user layer
	warnings  []string
	discards  *Discards
	issues    *Issues
}

// phrased is an entry with the phrases that name it.
type phrased struct {
	e       *entry
	phrases []phrase
}

func newBuilder(c config) *builder {
	return &builder{cfg: c, byKey: map[string]int{}, countries: map[string]bool{}}
}

// ownFS reads every *.dict file of an fs.FS folder, in name order.
func (b *builder) ownFS(fsys fs.FS, dir string, l layer) error {
	names, err := fs.Glob(fsys, path.Join(dir, "*.dict"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return err
		}
		if err := b.ownData(path.Base(n), data, l); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) file(p, k string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("load dictionary %s: %w", p, err)
	}
	switch k {
	case "own":
		return b.ownData(p, data, layerUser)
	case "actors":
		return b.petrarchActors(p, data)
	case "agents":
		return b.petrarchAgents(p, data)
	case "discards":
		ds, err := readDiscards(p, data)
		if err != nil {
			return err
		}
		if b.discards == nil {
			b.discards = &Discards{}
		}
		b.discards.items = append(b.discards.items, ds.items...)
		return nil
	case "issues":
		is, err := readIssues(p, data, b.warn)
		if err != nil {
			return err
		}
		if b.issues == nil {
			b.issues = &Issues{}
		}
		b.issues.Phrases = append(b.issues.Phrases, is.Phrases...)
		b.issues.Exclusions = append(b.issues.Exclusions, is.Exclusions...)
		return nil
	}
	return fmt.Errorf("load dictionary %s: unknown kind %q", p, k)
}

// warn records a repaired legacy quirk, or fails in strict mode.
func (b *builder) warn(where, msg string) error {
	if b.cfg.strict {
		return fmt.Errorf("%s: %s", where, msg)
	}
	b.warnings = append(b.warnings, where+": "+msg)
	return nil
}

func (b *builder) build() (*Dictionary, error) {
	for _, r := range b.own {
		if r != nil {
			if err := r.check(b.countries); err != nil {
				return nil, err
			}
		}
	}
	d := &Dictionary{warnings: b.warnings, discards: b.discards, issues: b.issues}
	// User PETRARCH phrases first: the first candidate whose case fits wins.
	for _, l := range b.legacy {
		d.add(l.e, l.phrases)
	}
	// Own records: user records were placed over the defaults they replace;
	// new user records come after, so add those of the user layer first.
	for _, want := range []layer{layerUser, layerDefault} {
		for _, r := range b.own {
			if r == nil || r.layer != want {
				continue
			}
			for _, p := range r.entries() {
				d.add(p.e, p.phrases)
			}
		}
	}
	if len(d.entries) == 0 {
		return nil, errors.New("no dictionary entries loaded")
	}
	return d, nil
}
