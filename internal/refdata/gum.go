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

// WikinewsGUM reads the Wikinews documents of the GUM corpus
// (../shared/data/gum/dep/GUM_news_*.conllu and GUM_interview_*.conllu) as
// articles: File is the CoNLL-U file name, URL the document's source URL,
// Text its sentences as ReadGUMText joins them.
func WikinewsGUM() ([]WikinewsArticle, error) {
	return GUMDocuments("news", "interview")
}

// GUMDocuments reads the GUM documents of the given genres ("news", "bio",
// ...) as WikinewsGUM reads the Wikinews ones.
func GUMDocuments(genres ...string) ([]WikinewsArticle, error) {
	dir, err := Path("gum", "dep")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, g := range genres {
		m, err := filepath.Glob(filepath.Join(dir, "GUM_"+g+"_*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("read gum: %w", err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	out := make([]WikinewsArticle, 0, len(files))
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read gum: %w", err)
		}
		a, err := ReadGUMText(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// ReadGUMText reads one GUM CoNLL-U document and rebuilds its text: the
// "# text" of each sentence, joined by a space, and by a blank line where a
// sentence opens a paragraph ("# newpar"). The title and URL come from the
// "# meta::title" and "# meta::sourceURL" comments. name is used in error
// messages and, without its directory, as File.
func ReadGUMText(r io.Reader, name string) (WikinewsArticle, error) {
	a := WikinewsArticle{File: filepath.Base(name)}
	var b strings.Builder
	n := 0
	err := conllu.Read(r, name, func(s *conllu.Sentence) error {
		text := s.Meta("text")
		if text == "" {
			return fmt.Errorf("%s:%d: sentence without a \"# text\" comment", name, s.Line)
		}
		if u := s.Meta("meta::sourceURL"); u != "" && a.URL == "" {
			a.URL = u
		}
		if t := s.Meta("meta::title"); t != "" && a.Title == "" {
			a.Title = t
		}
		if n > 0 {
			sep := " "
			for _, c := range s.Comments {
				if strings.TrimSpace(c) == "newpar" {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
		}
		b.WriteString(text)
		n++
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("read gum text: %w", err)
	}
	if a.URL == "" {
		return a, fmt.Errorf("%s: no \"# meta::sourceURL\" comment", name)
	}
	a.Text = b.String()
	return a, nil
}
