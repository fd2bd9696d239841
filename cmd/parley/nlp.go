package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/nlp/conllu"
)

func init() {
	commands = append(commands, command{name: "nlp", summary: "print the language analysis of text on stdin as CoNLL-U", run: runNLP})
}

// chunkBytes is how much text is analysed at a time: input is cut at
// paragraph breaks (blank lines) once a chunk is this large, so memory stays
// bounded whatever the size of the input.
var chunkBytes = 256 << 10 // a variable so tests can exercise chunking

func runNLP(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("nlp", "< text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: parley nlp reads text on stdin; unexpected arguments %q", errUsage, fs.Args())
	}
	an, err := nlp.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(a.stdout)
	defer w.Flush()
	sentID, runeBase := 0, 0
	flush := func(text string) error {
		if strings.TrimSpace(text) == "" {
			runeBase += utf8.RuneCountInString(text)
			return nil
		}
		doc := &model.Document{Text: text}
		an.Analyze(doc)
		if err := writeCoNLLU(w, doc, &sentID, runeBase); err != nil {
			return err
		}
		runeBase += utf8.RuneCountInString(text)
		return ctx.Err()
	}
	r := bufio.NewReader(a.stdin)
	var chunk strings.Builder
	for {
		line, err := r.ReadString('\n')
		chunk.WriteString(line)
		if (strings.TrimSpace(line) == "" && chunk.Len() >= chunkBytes) || chunk.Len() >= 4*chunkBytes {
			// A paragraph break, or a run without one grown too long.
			if ferr := flush(chunk.String()); ferr != nil {
				return ferr
			}
			chunk.Reset()
		}
		if err == io.EOF {
			return flush(chunk.String())
		}
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
	}
}

// writeCoNLLU writes doc's sentences. MISC carries SpaceAfter=No,
// TokenRange=start:end (code points into the whole input) and NER=B-TYPE /
// I-TYPE for entity tokens.
func writeCoNLLU(w io.Writer, doc *model.Document, sentID *int, runeBase int) error {
	ner := map[[2]int]string{}
	for _, e := range doc.Entities {
		for i := e.First; i <= e.Last; i++ {
			tag := "I-"
			if i == e.First {
				tag = "B-"
			}
			ner[[2]int{e.Sentence, i}] = tag + e.Type
		}
	}
	// Code-point offsets of each token, computed incrementally: tokens come
	// in text order.
	pos, runes := 0, 0
	at := func(b int) int {
		runes += utf8.RuneCountInString(doc.Text[pos:b])
		pos = b
		return runeBase + runes
	}
	for si, s := range doc.Sentences {
		*sentID++
		cs := &conllu.Sentence{Comments: []string{
			"sent_id = " + strconv.Itoa(*sentID),
			"text = " + strings.Join(strings.Fields(doc.Text[s.Span.Start:s.Span.End]), " "),
		}}
		for i, t := range s.Tokens {
			var misc []string
			if !t.SpaceAfter {
				misc = append(misc, "SpaceAfter=No")
			}
			start := at(t.Span.Start)
			end := at(t.Span.End)
			misc = append(misc, fmt.Sprintf("TokenRange=%d:%d", start, end))
			if tag, ok := ner[[2]int{si, i}]; ok {
				misc = append(misc, "NER="+tag)
			}
			cs.Words = append(cs.Words, conllu.Word{
				ID: i + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: "_",
				Head: t.Head, Deprel: t.Deprel, Deps: "_", Misc: strings.Join(misc, "|"),
			})
		}
		if err := conllu.Write(w, cs); err != nil {
			return err
		}
	}
	return nil
}
