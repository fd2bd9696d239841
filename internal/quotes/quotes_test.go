package quotes

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
)

// want describes one expected quote: its text (without marks, parts joined
// by a space), kind, and speaker fields ("" = not checked, except Name).
type want struct {
	text, kind, name, title, affiliation string
	unnamed                              bool
}

func TestExtractPatterns(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"post-posed inverted with title",
			`"We will not give up," said Defence Minister Ben Wallace.`,
			[]want{{text: "We will not give up,", name: "Ben Wallace", title: "Defence Minister"}}},
		{"post-posed name then verb",
			`Ben Wallace arrived on Monday. "We will not give up," Wallace said on Monday.`,
			[]want{{text: "We will not give up,", name: "Ben Wallace"}}},
		{"pre-posed with colon",
			`Ursula von der Leyen said: "Europe stands with Ukraine."`,
			[]want{{text: "Europe stands with Ukraine.", name: "Ursula von der Leyen"}}},
		{"pronoun resolved to the previous subject",
			`Foreign Minister Sergei Lavrov met his counterpart in Ankara. "The talks were useful," he told reporters.`,
			[]want{{text: "The talks were useful,", name: "Sergei Lavrov", title: "Foreign Minister"}}},
		{"she skips a man",
			`Prime Minister Kaja Kallas met President Joe Biden. Biden praised Estonia. She said, "Thank you."`,
			[]want{{text: "Thank you.", name: "Kaja Kallas"}}},
		{"unnamed source",
			`"No decision has been taken," a senior official said.`,
			[]want{{text: "No decision has been taken,", unnamed: true}}},
		{"back-reference to a title",
			`Foreign Minister Sergei Lavrov spoke in Moscow. The minister said the talks were "productive".`,
			[]want{{text: "productive", name: "Sergei Lavrov"}}},
		{"split quote is one quote",
			`"First," she said, "second." Then she left.`,
			nil}, // no antecedent for "she": no invented speaker
		{"split quote with speaker",
			`"The first part," said Anna Smith, a lawyer for the family, "and the second part."`,
			[]want{{text: "The first part, and the second part.", name: "Anna Smith", title: "lawyer", affiliation: "family"}}},
		{"quote over several sentences",
			`"One. Two. Three," said Ivan Petrov.`,
			[]want{{text: "One. Two. Three,", name: "Ivan Petrov"}}},
		{"continuation after the attribution sentence",
			`"We are ready," explains Dr. Jane Doe, Professor of Law at Oxford University. "We have always been ready."`,
			[]want{{text: "We are ready, We have always been ready.", name: "Jane Doe", title: "Professor of Law", affiliation: "Oxford University"}}},
		{"posted on Telegram",
			`Ramzan Kadyrov posted on Telegram: "The operation continues."`,
			[]want{{text: "The operation continues.", name: "Ramzan Kadyrov"}}},
		{"curly quotes",
			`“It is over,” said Maria Zakharova.`,
			[]want{{text: "It is over,", name: "Maria Zakharova"}}},
		{"question with asked",
			`"Where is the money?" asked Senator Bernie Sanders.`,
			[]want{{text: "Where is the money?", name: "Bernie Sanders", title: "Senator"}}},
		{"appositive between name and verb",
			`"This is unprecedented," Jane Doe, a professor at Oxford University, told the BBC.`,
			[]want{{text: "This is unprecedented,", name: "Jane Doe", title: "professor", affiliation: "Oxford University"}}},
		{"organisation back-reference",
			`Russia's Foreign Ministry summoned the envoy. "This is a provocation," the ministry said in a statement.`,
			[]want{{text: "This is a provocation,", name: "Foreign Ministry"}}},
		{"transliteration variants meet",
			`President Volodymyr Zelensky spoke on Monday. "We will rebuild," Zelenskyy said.`,
			[]want{{text: "We will rebuild,", name: "Volodymyr Zelensky", title: "President"}}},
		{"according to",
			`According to Amnesty International spokesperson Jane Roe, the camp is "overcrowded".`,
			[]want{{text: "overcrowded", name: "Jane Roe"}}},
		{"title of a work is not a quote",
			`The film "Argo" won an Oscar, and a campaign called "Stop the Steal" began.`,
			nil},
		{"term being talked about",
			`The word "pandemic" is often misused.`,
			nil},
		{"partial quote with stance verb",
			`Opposition leader Jeremy Corbyn called the move a "smash and grab on our democracy".`,
			[]want{{text: "smash and grab on our democracy", name: "Jeremy Corbyn", title: "Opposition leader"}}},
		{"passive without agent is a term",
			`The country was called the "breadbasket" of Africa.`,
			nil},
		{"passive with agent",
			`Smith, who was described as "dangerous" by the police, fled.`,
			[]want{{text: "dangerous", unnamed: true}}},
		{"indirect speech with that",
			`Sergei Lavrov said that Moscow was ready for talks.`,
			[]want{{text: "Moscow was ready for talks", kind: model.Indirect, name: "Sergei Lavrov"}}},
		{"indirect speech after told",
			`Sergei Lavrov told reporters the talks had failed.`,
			[]want{{text: "the talks had failed", kind: model.Indirect, name: "Sergei Lavrov"}}},
		{"according to, clause after",
			`According to the United Nations, 2,000 people have fled the town.`,
			[]want{{text: "2,000 people have fled the town", kind: model.Indirect, name: "United Nations"}}},
		{"colon at the end of the paragraph",
			"Prime Minister Mark Rutte said:\n\n\"We will not pay.\"",
			[]want{{text: "We will not pay.", name: "Mark Rutte"}}},
		{"owner of a statement",
			`The Kremlin's response: "This is an unfriendly act."`,
			[]want{{text: "This is an unfriendly act.", name: "Kremlin"}}},
		{"less common speech verb",
			`Finance Minister Olaf Scholz conceded the plan was "not perfect".`,
			[]want{{text: "not perfect", name: "Olaf Scholz"}}},
		{"not reported speech",
			`Observers note several indicators. The president announced a new plan.`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(&model.Document{Text: tt.doc})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(got), len(tt.want), dump(got))
			}
			for i, w := range tt.want {
				q := got[i]
				kind := w.kind
				if kind == "" {
					kind = model.Direct
				}
				sp := q.Speaker
				if q.Text != w.text || q.Kind != kind || sp.Name != w.name || sp.Unnamed != w.unnamed ||
					w.title != "" && sp.Title != w.title || w.affiliation != "" && sp.Affiliation != w.affiliation {
					t.Errorf("quote %d:\n got %s\nwant %+v", i, dump(got[i:i+1]), w)
				}
			}
		})
	}
}

func dump(qs []model.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.Kind + " " + q.Cue + " " + `"` + q.Text + `" speaker=` + q.Speaker.Text + " name=" + q.Speaker.Name +
			" title=" + q.Speaker.Title + " aff=" + q.Speaker.Affiliation)
		if q.Speaker.Unnamed {
			b.WriteString(" unnamed")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestExtractSpans(t *testing.T) {
	text := `He left. "Là-bas," said Zoë Ånström, "c’est fini."`
	qs := Extract(&model.Document{Text: text}, DirectOnly())
	if len(qs) != 1 {
		t.Fatalf("got %d quotes:\n%s", len(qs), dump(qs))
	}
	q := qs[0]
	if got := text[q.Span.Start:q.Span.End]; got != `"Là-bas," said Zoë Ånström, "c’est fini."` {
		t.Errorf("span covers %q", got)
	}
	if len(q.Parts) != 2 || text[q.Parts[0].Start:q.Parts[0].End] != `"Là-bas,"` || text[q.Parts[1].Start:q.Parts[1].End] != `"c’est fini."` {
		t.Errorf("parts %+v", q.Parts)
	}
	if got := text[q.Speaker.Span.Start:q.Speaker.Span.End]; got != "Zoë Ånström" {
		t.Errorf("speaker span covers %q", got)
	}
}

func TestWithActors(t *testing.T) {
	text := `"We will rebuild," said Volodymyr Zelensky.`
	// One sentence whose tokens are enough to place the actor mention.
	i := strings.Index(text, "Volodymyr")
	j := strings.Index(text, "Zelensky") + len("Zelensky")
	doc := &model.Document{Text: text, Sentences: []model.Sentence{{
		Span: model.Span{Start: 0, End: len(text)},
		Tokens: []model.Token{
			{Text: "Volodymyr", Span: model.Span{Start: i, End: i + len("Volodymyr")}},
			{Text: "Zelensky", Span: model.Span{Start: j - len("Zelensky"), End: j}},
		},
	}}}
	ms := []actors.Mention{{Sentence: 0, First: 0, Last: 1, Code: "UKRGOV", Name: "Volodymyr Zelensky", Antecedent: -1}}
	qs := Extract(doc, WithActors(ms))
	if len(qs) != 1 || qs[0].Speaker.Code != "UKRGOV" {
		t.Fatalf("got %s code=%q", dump(qs), qs[0].Speaker.Code)
	}
	if qs := Extract(doc); qs[0].Speaker.Code != "" {
		t.Errorf("code %q without actors", qs[0].Speaker.Code)
	}
}
