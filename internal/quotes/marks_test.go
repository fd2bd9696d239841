package quotes

import (
	"strings"
	"testing"
)

func TestFindSegments(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // segment texts
	}{
		{"straight", `He said "yes" and "no."`, []string{`"yes"`, `"no."`}},
		{"curly", `He said “yes,” she said “no.”`, []string{`“yes,”`, `“no.”`}},
		{"nested double", `"The "United States" is not," he wrote.`, []string{`"The "United States" is not,"`}},
		{"nested single", `"He said, 'Let's talk.' " Then.`, []string{`"He said, 'Let's talk.' "`}},
		{"stray opener keeps inner pair", `He said "hello and "bye" now`, []string{`"bye"`}},
		{"stray closer", `He said bye" now "ok"`, []string{`"ok"`}},
		{"unbalanced dropped at paragraph end", "\"never closed\nNext paragraph.", nil},
		// A quote over several paragraphs is one segment, whether the next
		// paragraph reopens it or only closes it.
		{"continued paragraph", "\"First part.\n\"Second part.\"", []string{"\"First part.\n\"Second part.\""}},
		{"three paragraphs", "\"One.\n\n\"Two.\n\n\"Three.\" he said", []string{"\"One.\n\n\"Two.\n\n\"Three.\""}},
		{"closed in next paragraph", "He said, \"First part.\n\nSecond part.\" Then \"x\"", []string{"\"First part.\n\nSecond part.\"", `"x"`}},
		{"stray closer starts paragraph", "He left.\nSecond part.\" Then \"x\"", []string{`"x"`}},
		{"no space after close", `"Q1,"he said`, []string{`"Q1,"`}},
		{"opening mark glued to a comma", `Wilkins said," [He] liked the flash". Then "x"`, []string{`" [He] liked the flash"`, `"x"`}},
		{"closing mark after a comma stays closing", `"We are ready," he said, "and able."`, []string{`"We are ready,"`, `"and able."`}},
		{"guillemets", `Il a dit «oui».`, []string{`«oui»`}},
		{"doubled single marks", `He said ‘‘yes,’’ and ''no'' and “mixed,’’ then ‘’also.”`, []string{`‘‘yes,’’`, `''no''`, `“mixed,’’`, `‘’also.”`}},
		{"a lone apostrophe stays text", `The students' union said "no."`, []string{`"no."`}},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range findSegments(tt.text) {
				got = append(got, tt.text[s.start:s.end])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
