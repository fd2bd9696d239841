package ingest

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/lang"
	"github.com/parleyhq/parley/internal/model"
)

// textDocument makes a document of a plain-text file: the first line is the
// title when it reads like a headline, else the file name is.
func textDocument(text, name string) *model.Document {
	text = paragraphs(normalizeText(text))
	d := &model.Document{Title: fileTitle(name), Text: text}
	// A first line that reads like a title is the title only when text
	// follows it: a one-line text is the text.
	first, rest, _ := strings.Cut(text, "\n")
	if rest = strings.TrimLeft(rest, "\n"); rest != "" && isHeadline(first) {
		d.Title = first
		d.Text = rest
	}
	return d
}

// fileTitle is a file's base name without its extension.
func fileTitle(name string) string {
	if isURL(name) {
		if u, err := url.Parse(name); err == nil {
			name = u.Path
		}
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// isHeadline reports whether a line reads like a title: short, with
// letters, not ending like a sentence.
func isHeadline(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 || len(strings.Fields(s)) > 25 {
		return false
	}
	// A sentence may end inside its closing quote: `said "No."`.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"'”’)»"))
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// normalizeText makes text the way the pipeline expects it: "\n" line ends,
// no trailing or repeated blanks, paragraphs separated by exactly one blank
// line, no leading or trailing blank lines.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.FieldsFunc(line, isSpace), " ")
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// isSpace is horizontal white space, including no-break and other Unicode
// spaces, but not line breaks.
func isSpace(r rune) bool {
	return r != '\n' && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff')
}

// paragraphs turns text written one paragraph per line (no blank lines, as
// in many exports) into blank-line separated paragraphs, which the sentence
// splitter relies on. Hard-wrapped text (short lines of similar length) is
// left alone: its line breaks are not paragraph breaks.
func paragraphs(s string) string {
	if strings.Contains(s, "\n\n") || !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	long, ended := 0, 0
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 100 {
			long++
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune(".!?\"”’»)", last) {
			ended++
		}
	}
	if long*4 < len(lines) && ended*2 < len(lines) {
		return s
	}
	return strings.Join(lines, "\n\n")
}

// finish fills what every document gets whatever its source: language and,
// failing anything better, the outlet from the host name.
func finish(d *model.Document) {
	d.Title = strings.Join(strings.Fields(d.Title), " ")
	d.Byline = strings.Join(strings.Fields(d.Byline), " ")
	if d.Lang == "" {
		d.Lang = lang.Detect(d.Title + "\n\n" + d.Text)
	}
	if d.Outlet == "" {
		u := d.CanonicalURL
		if u == "" {
			u = d.URL
		}
		d.Outlet = hostOutlet(u)
	}
}

// hostOutlet is the host name of a URL without "www.".
func hostOutlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
