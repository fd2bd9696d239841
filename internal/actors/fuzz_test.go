package actors

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

// The readers take outside files: whatever the bytes, they return a
// dictionary or an error, never panic. Run with e.g.
// go test -fuzz=FuzzPetrarchActors -fuzztime=30s ./internal/actors/

func fuzzBuilder() *builder { return newBuilder(config{noDefaults: true}) }

func FuzzOwnFormat(f *testing.F) {
	f.Add("country UKR Ukraine\n    adj Ukrainian\n    capital Kyiv\nperson A B\n    role UKRGOV 2019..2020-05 President\n")
	f.Add("agent MIL troops{}\n    also soldier\ntitle GOV president\n    refers President\n")
	f.Add("org IGOUNO UN\n    code IGOUNO ..2020\ndrop person X\n")
	f.Fuzz(func(t *testing.T, s string) {
		b := fuzzBuilder()
		if err := b.ownData("f.dict", []byte(s), layerUser); err != nil {
			return
		}
		if d, err := b.build(); err == nil {
			d.Resolve(newDoc(t, "2020-01-01", "Ukrainian troops met President A B in Kyiv."))
		}
	})
}

func FuzzPetrarchActors(f *testing.F) {
	f.Add("UNITED_STATES [USA]\n+U.S.\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB >990816]\n")
	f.Add("<!-- c\n# x -->\nA [B/C/D] [E 20010101-20020101] # note\n")
	f.Add("X [usa >201005011]\n+Y]_\n")
	f.Fuzz(func(t *testing.T, s string) {
		b := fuzzBuilder()
		if err := b.petrarchActors("f.actors.txt", []byte(s)); err != nil {
			return
		}
		if d, err := b.build(); err == nil {
			d.Resolve(newDoc(t, "2001-06-01", "The United States and Gollum met."))
		}
	})
}

func FuzzPetrarchAgents(f *testing.F) {
	f.Add("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nTROOPS {} [~MIL]\nHUMAN_RIGHTS_BODY [NGO~]\n")
	f.Add("!A! = X!B!\n!B! = Y\nZ!A! [~GOV]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n")
	f.Fuzz(func(t *testing.T, s string) {
		b := fuzzBuilder()
		if err := b.petrarchAgents("f.agents.txt", []byte(s)); err != nil {
			return
		}
		if d, err := b.build(); err == nil {
			d.Resolve(newDoc(t, "2001-06-01", "Congressmen and troops met."))
		}
	})
}

func FuzzIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"E\" TYPE=\"ALL\">\nn:oil v:spill [OIL]\npre+k [K]\n~olive oil\n~~x\n</ISSUE>\n")
	f.Fuzz(func(t *testing.T, s string) {
		is, err := readIssues("f.issue.txt", []byte(s), func(string, string) error { return nil })
		if err == nil && is == nil {
			t.Fatal("nil issues without an error")
		}
	})
}

func FuzzDiscards(f *testing.F) {
	f.Add("+Manchester United # x\nBASEBALL\nYEARS_LATER_\n", "They played baseball.")
	f.Fuzz(func(t *testing.T, s, text string) {
		ds, err := readDiscards("f.discards.txt", []byte(s))
		if err != nil {
			return
		}
		ds.Match(text)
	})
}

// FuzzResolve feeds arbitrary sentences to the resolver with the built-in
// dictionaries: tokens come from the test tokenizer, entities from a
// capitalised-word guess, so every path gets odd input.
func FuzzResolve(f *testing.F) {
	f.Add("Ukrainian President Volodymyr Zelensky said he met the U.S.-led coalition's envoy.")
	f.Add("Dr. Elena Korosteleva, former U.S. Ambassador to Ukraine of the the 's - - her")
	f.Add("'s 's the former ex- - President of")
	d, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := newDoc(t, "2020-01-01", s, s)
		// The first copy gets a parse (any tree, cycles included), derived
		// from the text, for the rules that read one.
		rels := []string{"nmod", "nmod:poss", "conj", "case", "nsubj", "amod", "compound"}
		toks := doc.Sentences[0].Tokens
		for i := range toks {
			toks[i].Head = (i*7 + len(s)) % (len(toks) + 1)
			toks[i].Deprel = rels[(i+len(toks[i].Text))%len(rels)]
			if toks[i].Deprel == "case" {
				toks[i].Text = "of"
			}
		}
		for si, sent := range doc.Sentences {
			for i, tk := range sent.Tokens {
				if isCapitalized(tk.Text) && si == 1 {
					doc.Entities = append(doc.Entities, model.Entity{Text: tk.Text, Type: "PERSON", Sentence: si, First: i, Last: i, Span: tk.Span})
				}
			}
		}
		ms := d.Resolve(doc)
		for i, m := range ms {
			if m.First < 0 || m.Last < m.First || m.Last >= len(doc.Sentences[m.Sentence].Tokens) ||
				m.Head < m.First || m.Head > m.Last {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			// References point back to a mention that names its actor.
			if m.Antecedent >= i || (m.Antecedent >= 0 && ms[m.Antecedent].Antecedent != -1) {
				t.Fatalf("bad antecedent %d of mention %d %+v in %q", m.Antecedent, i, m, s)
			}
			if strings.TrimSpace(m.Kind) == "" {
				t.Fatalf("mention without kind %+v", m)
			}
		}
	})
}
