package quotes

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

// collect returns the ranker's cases of text, extracted on bare text, with
// the rules' choice of each.
func collect(t *testing.T, text string) []quoteCase {
	t.Helper()
	var cs []quoteCase
	Extract(&model.Document{Text: text}, DirectOnly(), func(c *config) {
		c.rank = func(q *quoteCase, rule model.Speaker, ok bool) (model.Speaker, bool) {
			cs = append(cs, *q)
			return rule, ok
		}
	})
	return cs
}

func names(c quoteCase) []string {
	var out []string
	for _, cd := range c.cands {
		out = append(out, predName(cd.sp))
	}
	return out
}

func TestQuoteCandidates(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ruleOK bool
		want   []string // candidate names, in order: the rules' choice first
	}{
		{
			name:   "rule, pronoun merged with its antecedent, a later name",
			text:   `Mayor Maria Lopez spoke on Monday. "We will rebuild," she said. Police chief Tom Hart disagreed.`,
			ruleOK: true,
			want:   []string{"Maria Lopez", "Tom Hart"},
		},
		{
			name:   "no rule: a name two sentences before is a candidate",
			text:   "Ann Berg met reporters.\n\nThe river rose.\n\n\"Nothing is left.\"",
			ruleOK: false,
			want:   []string{"Ann Berg"},
		},
		{
			name:   "no rule: a name three sentences before in another paragraph is not",
			text:   "Ann Berg met reporters.\n\nThe river rose. The road closed.\n\n\"Nothing is left.\"",
			ruleOK: false,
			want:   nil,
		},
		{
			name:   "description and a name in the paragraph",
			text:   `A local official said the town was flooded. Ann Berg of the Red Cross agreed. "Nothing is left," she said.`,
			ruleOK: true,
			want:   []string{"Ann Berg", "(unnamed) A local official"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := collect(t, tc.text)
			if len(cs) != 1 {
				t.Fatalf("%d cases, want 1", len(cs))
			}
			if cs[0].ruleOK != tc.ruleOK {
				t.Errorf("ruleOK %v, want %v", cs[0].ruleOK, tc.ruleOK)
			}
			if got := names(cs[0]); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("candidates %q, want %q", got, tc.want)
			}
		})
	}
}

// The perceptron learns to pick the labelled candidate, and "no speaker"
// when no candidate is right.
func TestTrainRanker(t *testing.T) {
	cs := collect(t, `Mayor Maria Lopez spoke on Monday. "We will rebuild," she said. Police chief Tom Hart disagreed.`)
	if len(cs) != 1 || len(cs[0].cands) != 2 {
		t.Fatalf("want one case with two candidates, got %v", cs)
	}
	for _, gold := range []int{1, 0, -1} {
		m, err := trainRanker([]labelled{{c: cs[0], gold: gold, matched: true}}, 5)
		if err != nil {
			t.Fatal(err)
		}
		k, ok := choose(m, &cs[0], 0)
		if !ok {
			k = -1
		}
		if k != gold {
			t.Errorf("trained for %d, chose %d", gold, k)
		}
	}
}

func TestWithRankerBackoff(t *testing.T) {
	text := `Mayor Maria Lopez spoke on Monday. "We will rebuild," she said. Police chief Tom Hart disagreed.`
	cs := collect(t, text)
	// A model trained to prefer Tom Hart speaks for him, unless the rules
	// keep their choice (BackoffOnly).
	m, err := trainRanker([]labelled{{c: cs[0], gold: 1, matched: true}}, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		opts []RankerOption
		want string
	}{{nil, "Tom Hart"}, {[]RankerOption{BackoffOnly()}, "Maria Lopez"}} {
		qs := Extract(&model.Document{Text: text}, DirectOnly(), WithRanker(m, tc.opts...))
		if len(qs) != 1 || qs[0].Speaker.Name != tc.want {
			t.Errorf("options %d: quotes %+v, want one by %s", len(tc.opts), qs, tc.want)
		}
	}
	// A margin no candidate reaches drops the quote.
	if qs := Extract(&model.Document{Text: text}, DirectOnly(), WithRanker(m, Margin(1e9))); len(qs) != 0 {
		t.Errorf("margin 1e9: %d quotes, want none", len(qs))
	}
}

func TestCrossValidateFolds(t *testing.T) {
	if _, err := CrossValidate(nil, nil, nil, 1, 1, 0); err == nil || !strings.Contains(err.Error(), "1 folds") {
		t.Errorf("1 fold: error %v, want one naming the folds", err)
	}
}
