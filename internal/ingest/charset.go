package ingest

import (
	"bytes"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decode converts body to UTF-8. It trusts, in order: a byte-order mark,
// the charset of the HTTP Content-Type, the one the document declares (HTML
// <meta>, XML declaration), then valid UTF-8, then a statistical guess. A
// declared UTF-8 that the bytes contradict is ignored, since misconfigured
// servers are common. The note is non-empty when the encoding was guessed.
func decode(body []byte, contentType string, k Kind) (text, note string) {
	if e := bomEncoding(body); e != nil {
		return convert(body, e), ""
	}
	labels := []string{headerCharset(contentType)}
	switch k {
	case HTML:
		labels = append(labels, metaCharset(body))
	case Feed, OPML:
		labels = append(labels, xmlCharset(body))
	}
	valid := utf8.Valid(body)
	for _, l := range labels {
		if l == "" {
			continue
		}
		e, name := charset.Lookup(l)
		if e == nil {
			continue
		}
		if name == "utf-8" && !valid {
			continue
		}
		return convert(body, e), ""
	}
	if valid {
		return string(body), ""
	}
	if e, name := guessCharset(body, k == HTML); e != nil {
		return convert(body, e), "encoding guessed: " + name
	}
	return convert(body, charmap.Windows1252), "encoding guessed: windows-1252"
}

// convert decodes b with e; the result is always valid UTF-8.
func convert(b []byte, e encoding.Encoding) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		// Decoders replace bad input rather than fail; keep a safe result
		// if one ever does.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

func bomEncoding(b []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return unicode.UTF8BOM
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// metaCharset finds <meta charset> or <meta http-equiv=Content-Type> in the
// head of an HTML document.
func metaCharset(b []byte) string {
	if len(b) > 8192 {
		b = b[:8192]
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var httpEquiv, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					return strings.TrimSpace(string(v))
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if httpEquiv == "content-type" {
				if cs := headerCharset(content); cs != "" {
					return cs
				}
			}
		}
	}
}

var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

func xmlCharset(b []byte) string {
	if len(b) > 512 {
		b = b[:512]
	}
	if m := xmlDeclEncoding.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// guessCharset asks a statistical detector (a port of ICU's) for the
// encoding of text that is not valid UTF-8.
func guessCharset(b []byte, isHTML bool) (encoding.Encoding, string) {
	d := chardet.NewTextDetector()
	if isHTML {
		d = chardet.NewHtmlDetector()
	}
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	res, err := d.DetectBest(b)
	if err != nil || res.Confidence < 20 || strings.EqualFold(res.Charset, "UTF-8") {
		return nil, ""
	}
	e, name := charset.Lookup(res.Charset)
	if e == nil {
		return nil, ""
	}
	return e, name
}

// utf8Stream converts a streamed collection to UTF-8, choosing the encoding
// from its first 64 KiB: a byte-order mark, else a guess if those bytes are
// not valid UTF-8.
func utf8Stream(in peekReader) io.Reader {
	head, _ := in.Peek(64 << 10)
	if e := bomEncoding(head); e != nil {
		return transform.NewReader(in, e.NewDecoder())
	}
	// A multi-byte character may be cut at the end of the window.
	for i := 0; i < 3 && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if utf8.Valid(head) {
		return in
	}
	e, _ := guessCharset(head, false)
	if e == nil {
		e = charmap.Windows1252
	}
	return transform.NewReader(in, e.NewDecoder())
}
