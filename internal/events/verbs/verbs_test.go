package verbs

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/cameo"
)

const sample = `<!-- a test dictionary
spanning lines -->
&MONEY
+DOLLAR
+EURO_
+SWISS_FRANC

&AUX_
+HAVE
+HAS

&BOTH
+&MONEY
+GOLD

--- GIVE [070] ---
GIVE {GAVE GIVEN GIVING GIVES}
DONATE  # regular
@DONATION [070]
!DEMONSTRATE [140]
+HAND_OVER [071]
- * &MONEY [071]
- $ WAS_ * TO + [0331:033]
- &AUX_ * (TO {MEDICAL TEAMS}) [073]
- * &BOTH [---]
`

func TestLoadSample(t *testing.T) {
	d, err := Load(strings.NewReader(sample), "sample.verbs", WithCodeCheck(cameo.Valid))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		form string
		code string
	}{
		{"gave", "070"}, {"GIVES", "070"}, {"donated", "070"}, {"donating", "070"}, {"handing", "071"}, {"HAND", "071"}, {"OVER", ""},
	}
	for _, tt := range tests {
		vs := d.Lookup(tt.form)
		switch {
		case tt.code == "" && len(vs) != 0:
			t.Errorf("Lookup(%s) = %v, want none", tt.form, vs)
		case tt.code != "" && (len(vs) != 1 || vs[0].Effective().Fwd != tt.code):
			t.Errorf("Lookup(%s) = %v, want one verb coding %s", tt.form, vs, tt.code)
		}
	}
	if v := d.Lookup("handed")[0]; strings.Join(v.Words, " ") != "HAND OVER" || v.Head != 0 {
		t.Errorf("HAND_OVER read as %+v", v)
	}
	if v := d.Lookup("donations"); len(v) != 1 || !v[0].Noun {
		t.Errorf("@DONATION read as %+v", v)
	}
	if v := d.Lookup("demonstrated"); len(v) != 1 || !v[0].Intransitive || v[0].Noun || v[0].Effective().Fwd != "140" {
		t.Errorf("!DEMONSTRATE read as %+v", v)
	}
	money := d.Synsets["MONEY"]
	if got := len(money.Phrases); got != 5 { // DOLLAR(S), EURO, SWISS FRANC(S)
		t.Errorf("&MONEY has %d phrases, want 5: %v", got, money.Phrases)
	}
	if got := len(d.Synsets["AUX"].Phrases); got != 2 {
		t.Errorf("&AUX_ (no plurals) has %d phrases, want 2", got)
	}
	if got := len(d.Synsets["BOTH"].Phrases); got != 7 {
		t.Errorf("&BOTH has %d phrases, want 7 (GOLD, GOLDS and &MONEY's 5)", got)
	}
	b := d.Blocks[0]
	if len(b.Patterns) != 4 {
		t.Fatalf("%d patterns, want 4", len(b.Patterns))
	}
	// Longest first: "$ WAS_ * TO +" has four elements.
	p := b.Patterns[0]
	if p.Len() != 4 || !p.TightVerb || p.Code != (Code{"0331", "033"}) || p.Pre[0].Kind != Source || p.Post[1].Kind != Target {
		t.Errorf("first pattern = %+v", p)
	}
	last := b.Patterns[3]
	if !last.Code.None() {
		t.Errorf("[---] read as %v", last.Code)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"pattern outside block", "- * FOO [010]\n", "sample:1: pattern outside a verb block"},
		{"no code", "--- A ---\nA\n- * FOO\n", "sample:3: pattern \"* FOO\" has no [code]"},
		{"no verb", "--- A ---\nA\n- FOO [010]\n", "sample:3: pattern \"FOO [010]\" has no verb"},
		{"two verbs", "--- A ---\nA\n- * FOO * [010]\n", "two verbs"},
		{"unknown code", "--- A ---\nA [999]\n", "sample:2: unknown event code 999"},
		{"bad code", "--- A ---\nA\n- * B [01!]\n", "sample:3: bad code [01!]"},
		{"unbalanced", "--- A ---\nA\n- * (TO B [010]\n", "sample:3: unbalanced brackets"},
		{"set cycle", "&A\n+&B\n&B\n+&A\n", "contains itself"},
		{"undefined nested set", "&A\n+&NOPE\n", "sample:1: undefined synonym set &NOPE"},
		{"set twice", "&A\n+X\n&A\n+Y\n", "sample:3: synonym set &A defined twice"},
		{"stray line", "HELLO\n", "sample:1: cannot read \"HELLO\""},
		{"two words", "--- A ---\nLASH OUT\n", "sample:2: verb line \"LASH OUT\""},
		{"unclosed comment", "<!-- x\n", "unterminated"},
		{"disjunction", "--- A ---\nA\n- * {B | C} [010]\n", "sample:3: disjunctive"},
		{"operator in set", "&A\n+$\n", "sample:2: synonym \"$\""},
		{"forms mismatch", "--- A ---\n+CUT_OFF {CUTS}\n", "does not have the words"},
		{"intransitive noun", "--- A ---\n@!A\n", "sample:2: verb line \"@!A\": a nominal predicate (@) cannot be intransitive (!)"},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.text), "sample", WithCodeCheck(cameo.Valid))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestLenientAndUndefinedSets(t *testing.T) {
	text := "--- A [010] ---\nA\n- * &NOPE [011]\n- * B [01!]\n- * C [012]\n"
	d, err := Load(strings.NewReader(text), "x", Lenient())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks[0].Patterns) != 1 || len(d.Warnings) != 2 {
		t.Errorf("patterns %d, warnings %q; want 1 pattern and 2 warnings", len(d.Blocks[0].Patterns), d.Warnings)
	}
	for _, w := range d.Warnings {
		if !strings.HasPrefix(w, "x:") {
			t.Errorf("warning %q lacks file:line", w)
		}
	}
	// Undefined sets are dropped with a warning even when strict, as PETRARCH does.
	if _, err := Load(strings.NewReader("--- A ---\nA\n- * &NOPE [011]\n"), "x"); err != nil {
		t.Errorf("undefined set in a pattern: %v", err)
	}
}

func TestDiscards(t *testing.T) {
	d, err := LoadDiscards(strings.NewReader("# c\nBASEBALL\n+World Golf Championships # x\nAFRICAN NATIONS CUP\n"), "d")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		story  bool
		phrase string
	}{
		{"THE WORLD GOLF CHAMPIONSHIPS BEGAN", true, "WORLD GOLF CHAMPIONSHIPS"},
		{"RESTORE BASEBALL TIES", false, "BASEBALL"},
		{"THE AFRICAN NATIONS MET", false, ""},
	}
	for _, tt := range tests {
		p, story, ok := d.Match(strings.Fields(tt.text))
		if p != tt.phrase || story != tt.story || ok != (tt.phrase != "") {
			t.Errorf("Match(%q) = %q %v %v", tt.text, p, story, ok)
		}
	}
	if _, err := LoadDiscards(strings.NewReader("OK\n[BAD]\n"), "d"); err == nil || !strings.Contains(err.Error(), "d:2:") {
		t.Errorf("bad discard line: %v", err)
	}
}

// FuzzLoad checks that no input makes the loader panic, and that errors
// always name the file.
func FuzzLoad(f *testing.F) {
	f.Add(sample)
	f.Add("--- A [010:011] ---\n+X_Y {+XS_Y}\n- % _* ^ $_+ [---]\n~ a (b) = c\n")
	f.Add("&A_\n+B_\n+&A\n")
	f.Add("--- A [140] ---\n!B\n@C\n!@D\n")
	f.Fuzz(func(t *testing.T, text string) {
		for _, opts := range [][]Option{nil, {Lenient()}} {
			_, err := Load(strings.NewReader(text), "fuzz", opts...)
			if err != nil && !strings.HasPrefix(err.Error(), "fuzz") {
				t.Errorf("error without file name: %v", err)
			}
		}
	})
}

func FuzzLoadDiscards(f *testing.F) {
	f.Add("+A B\nC # d\n<!-- e -->\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, err := LoadDiscards(strings.NewReader(text), "fuzz")
		if err == nil {
			d.Match([]string{"A", "B"})
		}
	})
}
