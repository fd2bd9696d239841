package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/nlp/conllu"
)

func TestNLPCommand(t *testing.T) {
	old := chunkBytes
	chunkBytes = 200 // several chunks, to check offsets across them
	defer func() { chunkBytes = old }()
	para := "Ukrainian President Volodymyr Zelensky met the Turkish foreign minister in Ankara on Friday. “We are ready,” he said.\n\n"
	text := "Überschrift\n\n" + strings.Repeat(para, 4)
	code, out, errs := run(t, text, "nlp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sents []*conllu.Sentence
	if err := conllu.Read(strings.NewReader(out), "stdout", func(s *conllu.Sentence) error {
		if err := s.Validate(); err != nil {
			return err
		}
		sents = append(sents, s)
		return nil
	}); err != nil {
		t.Fatalf("output is not valid CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 9 {
		t.Fatalf("%d sentences, want 9", len(sents))
	}
	runes := []rune(text)
	roots, persons := 0, 0
	for i, s := range sents {
		if got := s.Meta("sent_id"); got != strconv.Itoa(i+1) {
			t.Errorf("sentence %d has sent_id %q", i+1, got)
		}
		for _, w := range s.Words {
			r := conllu.MiscValue(w.Misc, "TokenRange")
			a, b, _ := strings.Cut(r, ":")
			start, _ := strconv.Atoi(a)
			end, _ := strconv.Atoi(b)
			if end > len(runes) || start >= end || string(runes[start:end]) != w.Form {
				t.Fatalf("sentence %d word %q: TokenRange %s does not point at it", i+1, w.Form, r)
			}
			if w.Head == 0 {
				roots++
			}
			if w.Form == "Zelensky" && strings.HasSuffix(conllu.MiscValue(w.Misc, "NER"), "PERSON") {
				persons++
			}
		}
	}
	if roots != len(sents) {
		t.Errorf("%d roots in %d sentences", roots, len(sents))
	}
	if persons != 4 {
		t.Errorf("Zelensky tagged PERSON %d times of 4", persons)
	}
}

func TestNLPCommandOddInput(t *testing.T) {
	for name, in := range map[string]string{
		"empty":         "",
		"blank":         "\n\n   \n",
		"invalid utf-8": "Talks \xff\xfe resumed.\x00\x01 Done",
		"one long run":  strings.Repeat("word ", 20000),
		"other script":  "Переговоры возобновились в Женеве. 和平谈判",
	} {
		code, out, errs := run(t, in, "nlp")
		if code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, errs)
		}
		if err := conllu.Read(bytes.NewReader([]byte(out)), name, func(s *conllu.Sentence) error { return s.Validate() }); err != nil {
			t.Errorf("%s: invalid output: %v", name, err)
		}
	}
	if code, _, _ := run(t, "", "nlp", "file.txt"); code != 2 {
		t.Errorf("argument accepted: exit %d", code)
	}
}
