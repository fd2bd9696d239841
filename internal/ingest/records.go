package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

// record is one item of a JSONL or CSV collection, before checks.
type record struct {
	id, url, title, date, text, lang, byline, outlet string
}

// document checks a record and makes a document of it. A bad date is a
// warning (the document is kept without a date); no text is an error.
func (r *Reader) document(s source, line int, rec record) (*model.Document, error) {
	if !utf8.ValidString(rec.text) || !utf8.ValidString(rec.title) {
		// Past the part of the stream the encoding was chosen from.
		r.warnf(s.name, line, "", errors.New("invalid UTF-8 replaced"))
		rec.text = strings.ToValidUTF8(rec.text, "\uFFFD")
		rec.title = strings.ToValidUTF8(rec.title, "\uFFFD")
	}
	text := normalizeText(rec.text)
	if text == "" {
		return nil, errors.New("no text")
	}
	d := &model.Document{
		ExtID:  strings.TrimSpace(rec.id),
		URL:    strings.TrimSpace(rec.url),
		Title:  rec.title,
		Byline: rec.byline,
		Outlet: strings.TrimSpace(rec.outlet),
		Lang:   strings.ToLower(strings.TrimSpace(rec.lang)),
		Text:   text,
		Origin: s.name,
	}
	if strings.TrimSpace(rec.date) != "" {
		t, err := parseDate(rec.date)
		if err != nil {
			r.warnf(s.name, line, "", fmt.Errorf("%w; kept without a date", err))
		} else {
			d.Published = t
		}
	}
	finish(d)
	return d, nil
}

// jsonRecord accepts the analyze contract ({"id","date","title","text",
// "url"}) and the rest of parley's own document JSON.
type jsonRecord struct {
	ID     json.RawMessage `json:"id"`
	URL    string          `json:"url"`
	Title  string          `json:"title"`
	Date   string          `json:"date"`
	Text   *string         `json:"text"`
	Lang   string          `json:"lang"`
	Byline string          `json:"byline"`
	Outlet string          `json:"outlet"`
}

func (r *Reader) readJSONL(s source, in io.Reader, emit func(*model.Document) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	good, bad := 0, 0
	for line := 1; ; line++ {
		b, err := readLine(br, r.maxBytes)
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, ErrTooLarge) {
				r.warnf(s.name, line, "", err)
				bad++
				continue
			}
			return fmt.Errorf("%s:%d: %w", s.name, line, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			d, perr := r.jsonLine(s, line, t)
			if perr != nil {
				r.warnf(s.name, line, "", perr)
				bad++
			} else {
				good++
				if err := emit(d); err != nil {
					return err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	return collectionResult(s.name, good, bad)
}

func (r *Reader) jsonLine(s source, line int, b []byte) (*model.Document, error) {
	var jr jsonRecord
	if err := json.Unmarshal(b, &jr); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", jsonReason(err))
	}
	if jr.Text == nil {
		return nil, errors.New(`no "text" field`)
	}
	id, err := jsonID(jr.ID)
	if err != nil {
		return nil, err
	}
	return r.document(s, line, record{id: id, url: jr.URL, title: jr.Title, date: jr.Date,
		text: *jr.Text, lang: jr.Lang, byline: jr.Byline, outlet: jr.Outlet})
}

// jsonReason shortens encoding/json errors to what a user can act on.
func jsonReason(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("field %q is a JSON %s, want %s", te.Field, te.Value, te.Type)
	}
	return err
}

// jsonID accepts string and number ids.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" is %s, want a string or a number`, raw)
}

// readLine reads one line of at most max bytes; a longer one is skipped
// and reported with ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == nil {
				err = fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, max)
			}
			return nil, err
		}
		return buf, err
	}
}

// collectionResult fails a collection with no good record: empty, or most
// likely not the format its name says.
func collectionResult(name string, good, bad int) error {
	if good == 0 && bad == 0 {
		return fmt.Errorf("%s: empty (no records)", name)
	}
	if good == 0 {
		return fmt.Errorf("%s: no valid records (%d invalid)", name, bad)
	}
	return nil
}

// csvColumns maps header names to record fields; "text" is required.
var csvColumns = map[string]func(*record, string){
	"id":     func(r *record, v string) { r.id = v },
	"url":    func(r *record, v string) { r.url = v },
	"link":   func(r *record, v string) { r.url = v },
	"title":  func(r *record, v string) { r.title = v },
	"date":   func(r *record, v string) { r.date = v },
	"text":   func(r *record, v string) { r.text = v },
	"lang":   func(r *record, v string) { r.lang = v },
	"byline": func(r *record, v string) { r.byline = v },
	"author": func(r *record, v string) { r.byline = v },
	"outlet": func(r *record, v string) { r.outlet = v },
}

func (r *Reader) readCSV(s source, in io.Reader, emit func(*model.Document) error) error {
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1 // checked here, to name the line and go on
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: empty", s.name)
	}
	if err != nil {
		return fmt.Errorf("%s: header: %w", s.name, csvReason(err))
	}
	setters := make([]func(*record, string), len(header))
	hasText := false
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		setters[i] = csvColumns[h]
		hasText = hasText || h == "text"
	}
	if !hasText {
		return fmt.Errorf("%s:1: no \"text\" column in header (%s)", s.name, strings.Join(header, ","))
	}
	good, bad := 0, 0
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The csv reader resumes at the next line after a syntax error.
			r.warnf(s.name, pe.StartLine, "", csvReason(err))
			bad++
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(fields) != len(header) {
			r.warnf(s.name, line, "", fmt.Errorf("%d fields, header has %d", len(fields), len(header)))
			bad++
			continue
		}
		var rec record
		for i, v := range fields {
			if setters[i] != nil {
				setters[i](&rec, v)
			}
		}
		d, err := r.document(s, line, rec)
		if err != nil {
			r.warnf(s.name, line, "", err)
			bad++
			continue
		}
		good++
		if err := emit(d); err != nil {
			return err
		}
	}
	return collectionResult(s.name, good, bad)
}

// csvReason drops the position encoding/csv puts in its messages, since
// ours names the line already.
func csvReason(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("column %s: %w", strconv.Itoa(pe.Column), pe.Err)
	}
	return err
}
