package refdata

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/nlp/conllu"
)

// EWTFiles are the files of ../shared/data/ud-english-ewt. The tagger and
// parser are trained on the train file: the documents of the dev and test
// files are text they have not seen.
var EWTFiles = []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu", "en_ewt-ud-train.conllu"}

// EWTDocuments reads the documents of the given genres ("weblog",
// "newsgroup", "email", "answers", "reviews": the prefix of a "# newdoc id")
// from EWTFiles. File is the CoNLL-U file name, URL "ud-ewt:" and the
// document id, Text its sentences as ReadEWTDocuments joins them.
func EWTDocuments(genres ...string) ([]WikinewsArticle, error) {
	want := map[string]bool{}
	for _, g := range genres {
		want[g] = true
	}
	var out []WikinewsArticle
	for _, name := range EWTFiles {
		p, err := Path("ud-english-ewt", name)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read ewt: %w", err)
		}
		docs, err := ReadEWTDocuments(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			genre, _, _ := strings.Cut(strings.TrimPrefix(d.URL, EWTPrefix), "-")
			if want[genre] {
				out = append(out, d)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

// EWTPrefix starts the URL of an EWT document.
const EWTPrefix = "ud-ewt:"

// ReadEWTDocuments splits a UD CoNLL-U file into its documents ("# newdoc
// id = ...") and rebuilds each text as ReadGUMText does: the "# text" of each
// sentence, joined by a space, and by a blank line where a sentence opens a
// paragraph ("# newpar" or "# newpar id = ..."). name is used in error
// messages and, without its directory, as File.
func ReadEWTDocuments(r io.Reader, name string) ([]WikinewsArticle, error) {
	var out []WikinewsArticle
	var b strings.Builder
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = b.String()
		}
		b.Reset()
	}
	err := conllu.Read(r, name, func(s *conllu.Sentence) error {
		text := s.Meta("text")
		if text == "" {
			return fmt.Errorf("%s:%d: sentence without a \"# text\" comment", name, s.Line)
		}
		if id := s.Meta("newdoc id"); id != "" {
			flush()
			out = append(out, WikinewsArticle{URL: EWTPrefix + id, File: filepath.Base(name)})
		} else if len(out) == 0 {
			return fmt.Errorf("%s:%d: sentence before the first \"# newdoc id\"", name, s.Line)
		} else {
			sep := " "
			for _, c := range s.Comments {
				if c == "newpar" || strings.HasPrefix(c, "newpar ") {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
		}
		b.WriteString(text)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read ewt documents: %w", err)
	}
	flush()
	return out, nil
}
