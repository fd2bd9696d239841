package refdata

import (
	"slices"
	"strings"
	"testing"
)

func TestReadEWTDocuments(t *testing.T) {
	const file = `# newdoc id = weblog-a_1
# sent_id = weblog-a_1-0001
# newpar id = weblog-a_1-p0001
# text = From the AP comes this story :
1	From	from	ADP	IN	_	3	case	_	_
2	the	the	DET	DT	_	3	det	_	_
3	AP	AP	PROPN	NNP	_	4	obl	_	_
4	comes	come	VERB	VBZ	_	0	root	_	_
5	this	this	DET	DT	_	6	det	_	_
6	story	story	NOUN	NN	_	4	nsubj	_	_
7	:	:	PUNCT	:	_	4	punct	_	_

# sent_id = weblog-a_1-0002
# newpar id = weblog-a_1-p0002
# text = Bush said "no."
1	Bush	Bush	PROPN	NNP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	"	"	PUNCT	OQ	_	4	punct	_	SpaceAfter=No
4	no	no	INTJ	UH	_	2	ccomp	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	SpaceAfter=No
6	"	"	PUNCT	''	_	2	punct	_	_

# sent_id = weblog-a_1-0003
# text = He left.
1	He	he	PRON	PRP	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# newdoc id = email-b_2
# sent_id = email-b_2-0001
# text = Hi.
1	Hi	hi	INTJ	UH	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

`
	docs, err := ReadEWTDocuments(strings.NewReader(file), "dir/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []WikinewsArticle{
		{URL: "ud-ewt:weblog-a_1", File: "en_ewt-ud-dev.conllu", Text: "From the AP comes this story :\n\nBush said \"no.\" He left."},
		{URL: "ud-ewt:email-b_2", File: "en_ewt-ud-dev.conllu", Text: "Hi."},
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d: %+v", len(docs), len(want), docs)
	}
	for i := range want {
		if docs[i] != want[i] {
			t.Errorf("document %d: got %+v, want %+v", i, docs[i], want[i])
		}
	}
	for _, bad := range []struct{ doc, want string }{
		{"# newdoc id = x\n1\tX\tX\tX\tX\t_\t0\troot\t_\t_\n\n", "without a \"# text\""},
		{"# text = X\n1\tX\tX\tX\tX\t_\t0\troot\t_\t_\n\n", "before the first \"# newdoc id\""},
	} {
		if _, err := ReadEWTDocuments(strings.NewReader(bad.doc), "b.conllu"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadEWTDocuments(%q): error %v, want %q", bad.doc, err, bad.want)
		}
	}
}

func TestEWTDocuments(t *testing.T) {
	if _, err := Dir(); err != nil {
		t.Skipf("reference data not available: %v", err)
	}
	docs, err := EWTDocuments("weblog")
	if err != nil {
		t.Fatal(err)
	}
	// UD English EWT holds 28 weblog posts in its dev and test files, 45 in all.
	if len(docs) < 40 {
		t.Fatalf("%d EWT weblog posts, want at least 20", len(docs))
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.URL, EWTPrefix+"weblog-") || d.Text == "" || !slices.Contains(EWTFiles, d.File) {
			t.Errorf("%s in %s: %d bytes of text", d.URL, d.File, len(d.Text))
		}
	}
}

func FuzzReadEWTDocuments(f *testing.F) {
	f.Add("# newdoc id = a\n# text = A b.\n1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n\n")
	f.Add("# newdoc id = a\n# newpar id = p\n# text = x\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n# newpar\n# text = y\n1\ty\ty\tX\tX\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadEWTDocuments(strings.NewReader(in), "fuzz.conllu")
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.URL == EWTPrefix || d.Text == "" {
				t.Fatalf("no error but url %q, text %q", d.URL, d.Text)
			}
		}
	})
}
