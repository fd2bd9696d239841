package ingest

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"
)

// Kind is what a source holds.
type Kind string

// Source kinds.
const (
	Unknown  Kind = ""
	Text     Kind = "text"
	Markdown Kind = "markdown"
	HTML     Kind = "html"
	JSONL    Kind = "jsonl"
	CSV      Kind = "csv"
	Feed     Kind = "feed" // RSS 2.0, RSS 1.0 or Atom
	OPML     Kind = "opml"
)

// sniffLen is how much of a source Detect looks at.
const sniffLen = 1024

// Detect tells what a source is from its name (a file path or URL), its HTTP
// Content-Type ("" for files) and its first bytes. A declared content type
// wins over the name, except that XML and plain-text types are sniffed
// (feeds are often served as text/xml or text/plain). Unknown means not a
// text source: PDF, images, archives, other binary data.
func Detect(name, contentType string, head []byte) Kind {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err != nil {
			mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
		}
		switch {
		case mt == "text/html" || mt == "application/xhtml+xml":
			if k := sniffMarkup(head); k == Feed || k == OPML {
				return k
			}
			return HTML
		case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/rdf+xml":
			return Feed
		case mt == "text/x-opml" || mt == "application/x-opml" || mt == "text/x-opml+xml":
			return OPML
		case mt == "text/markdown" || mt == "text/x-markdown":
			return Markdown
		case mt == "text/csv":
			return CSV
		case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/x-jsonlines" || mt == "application/json":
			return JSONL
		case mt == "text/xml" || mt == "application/xml" || strings.HasSuffix(mt, "+xml"):
			if k := sniffMarkup(head); k != Unknown {
				return k
			}
			return Unknown
		case strings.HasPrefix(mt, "text/"):
			if k := sniffMarkup(head); k != Unknown {
				return k
			}
			if k := byExtension(name); k != Unknown {
				return k
			}
			return Text
		case mt == "application/octet-stream" || mt == "binary/octet-stream":
			// Says nothing: fall through to the name and the content.
		default:
			return Unknown
		}
	}
	if k := byExtension(name); k != Unknown {
		if k == Feed || k == OPML {
			// .xml and friends are checked for what they really hold:
			// another XML vocabulary (a sitemap, a config) is not a source.
			if s := sniffMarkup(head); s != Unknown || rootElement(head) != "" {
				return s
			}
		}
		return k
	}
	return sniffContent(head)
}

// byExtension maps a file name or URL path to a kind, Unknown if the
// extension says nothing.
func byExtension(name string) Kind {
	if i := strings.IndexAny(name, "?#"); i >= 0 && isURL(name) {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson":
		return JSONL
	case ".csv":
		return CSV
	case ".rss", ".atom", ".rdf", ".xml":
		return Feed
	case ".opml":
		return OPML
	}
	return Unknown
}

// sniffContent guesses the kind of unnamed content.
func sniffContent(head []byte) Kind {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return Text // UTF-16 with a byte-order mark; decode converts it
	}
	if k := sniffMarkup(head); k != Unknown {
		return k
	}
	t := bytes.TrimLeft(trimBOM(head), " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		return JSONL
	}
	if len(t) == 0 {
		return Text
	}
	if ct := http.DetectContentType(head); strings.HasPrefix(ct, "text/plain") {
		return Text
	}
	if utf8.Valid(head) || looksLikeLegacyText(head) {
		return Text
	}
	return Unknown
}

// looksLikeLegacyText accepts single-byte encoded text (windows-1251,
// ISO-8859-1...): no NUL bytes and few control characters.
func looksLikeLegacyText(b []byte) bool {
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			ctrl++
		}
	}
	return ctrl*100 <= len(b)
}

// sniffMarkup recognises feeds, OPML and HTML by their first element.
func sniffMarkup(head []byte) Kind {
	switch rootElement(head) {
	case "rss", "feed", "rdf:rdf", "rdf":
		return Feed
	case "opml":
		return OPML
	case "html", "head", "body", "!doctype":
		return HTML
	}
	return Unknown
}

// rootElement returns the lower-cased name of the first element in b,
// skipping the XML declaration, comments and processing instructions;
// "!doctype" for an HTML doctype. "" when b does not start with markup.
func rootElement(b []byte) string {
	b = trimBOM(b)
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) < 2 || b[0] != '<' {
			return ""
		}
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return ""
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return ""
			}
			b = b[i+3:]
		case len(b) >= 9 && strings.EqualFold(string(b[:9]), "<!doctype"):
			rest := strings.ToLower(string(b[9:min(len(b), 40)]))
			if strings.HasPrefix(strings.TrimSpace(rest), "html") {
				return "!doctype"
			}
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return ""
			}
			b = b[i+1:]
		default:
			end := 1
			for end < len(b) && !strings.ContainsRune(" \t\r\n/>", rune(b[end])) {
				end++
			}
			return strings.ToLower(string(b[1:end]))
		}
	}
}

func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// peekReader lets a source be sniffed before it is read.
type peekReader struct {
	*bufio.Reader
}

func newPeekReader(r io.Reader) peekReader {
	return peekReader{bufio.NewReaderSize(r, 64<<10)}
}

func (p peekReader) peek() []byte {
	b, _ := p.Peek(sniffLen) // a short source gives what there is
	return b
}
