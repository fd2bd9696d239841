package refdata

import (
	"strings"
	"testing"
)

func TestReadGUMText(t *testing.T) {
	const doc = `# newdoc id = GUM_news_x
# meta::sourceURL = https://en.wikinews.org/wiki/X
# meta::title = X happens
# newpar
# text = X happens
1	X	X	PROPN	NNP	_	2	nsubj	_	_
2	happens	happen	VERB	VBZ	_	0	root	_	_

# newpar
# text = He said "yes."
1	He	he	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	"	"	PUNCT	OQ	_	4	punct	_	SpaceAfter=No
4	yes	yes	INTJ	UH	_	2	ccomp	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	SpaceAfter=No
6	"	"	PUNCT	''	_	2	punct	_	_

# text = Then he left.
1	Then	then	ADV	RB	_	3	advmod	_	_
2	he	he	PRON	PRP	_	3	nsubj	_	_
3	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`
	a, err := ReadGUMText(strings.NewReader(doc), "dir/GUM_news_x.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := "X happens\n\nHe said \"yes.\" Then he left."
	if a.Text != want || a.URL != "https://en.wikinews.org/wiki/X" || a.File != "GUM_news_x.conllu" || a.Title != "X happens" {
		t.Errorf("got %+v, want text %q", a, want)
	}
	for _, bad := range []struct{ doc, want string }{
		{"# meta::sourceURL = u\n1\tX\tX\tX\tX\t_\t0\troot\t_\t_\n\n", "without a \"# text\""},
		{"# text = X\n1\tX\tX\tX\tX\t_\t0\troot\t_\t_\n\n", "no \"# meta::sourceURL\""},
	} {
		if _, err := ReadGUMText(strings.NewReader(bad.doc), "b.conllu"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadGUMText(%q): error %v, want %q", bad.doc, err, bad.want)
		}
	}
}

func TestWikinewsGUM(t *testing.T) {
	as, err := WikinewsGUM()
	if err != nil {
		t.Skipf("reference data not available: %v", err)
	}
	if len(as) < 20 {
		t.Fatalf("%d GUM Wikinews documents, want at least 20", len(as))
	}
	for _, a := range as {
		if !strings.HasPrefix(a.URL, "https://en.wikinews.org/") || a.Text == "" {
			t.Errorf("%s: url %q, %d bytes of text", a.File, a.URL, len(a.Text))
		}
	}
	bios, err := GUMDocuments("bio")
	if err != nil {
		t.Fatal(err)
	}
	if len(bios) < 18 {
		t.Fatalf("%d GUM biographies, want at least 18", len(bios))
	}
	for _, a := range bios {
		if !strings.HasPrefix(a.File, "GUM_bio_") || !strings.Contains(a.URL, "wikipedia.org/") {
			t.Errorf("%s: url %q", a.File, a.URL)
		}
	}
}

func FuzzReadGUMText(f *testing.F) {
	f.Add("# meta::sourceURL = u\n# text = A b.\n1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n\n")
	f.Add("# newpar\n# text = x\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n# newpar\n# text = y\n1\ty\ty\tX\tX\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ReadGUMText(strings.NewReader(in), "fuzz.conllu")
		if err == nil && (a.URL == "" || a.Text == "") {
			t.Fatalf("no error but url %q, text %q", a.URL, a.Text)
		}
	})
}
