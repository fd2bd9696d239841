// Package export writes events in the layouts other tools already load:
// GDELT 2.0 event tables and PLOVER JSON records.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// GDELTColumns is the GDELT 2.0 event table layout (61 columns).
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT writes events as a GDELT 2.0 event table (CSV with a header row).
// Columns parley does not know (ethnicity, religion, geography, tone) are
// left empty; each event counts as one mention in one article.
type GDELT struct {
	w     *csv.Writer
	added string
}

// NewGDELT starts a table on w; added is the DATEADDED stamp.
func NewGDELT(w io.Writer, added time.Time) (*GDELT, error) {
	g := &GDELT{w: csv.NewWriter(w), added: added.UTC().Format("20060102150405")}
	return g, g.w.Write(GDELTColumns)
}

// Write adds one event; id numbers it (GLOBALEVENTID), url is its source.
func (g *GDELT) Write(id int64, e model.Event, url string) error {
	day := e.Date
	if day == "" {
		day = e.DocumentDate
	}
	var sqlDate, monthYear, year, fraction string
	if t, err := time.Parse("2006-01-02", day); err == nil {
		sqlDate, monthYear, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
		fraction = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay()-1)/365, 'f', 4, 64)
	}
	row := []string{strconv.FormatInt(id, 10), sqlDate, monthYear, year, fraction}
	row = append(row, gdeltActor(e.Source)...)
	row = append(row, gdeltActor(e.Target)...)
	base, root := e.CAMEO, e.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(root) > 2 {
		root = root[:2]
	}
	row = append(row, "1", e.CAMEO, base, root, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), "1", "1", "1", "")
	row = append(row, make([]string, 24)...) // three geography blocks of 8
	row = append(row, g.added, url)
	return g.w.Write(row)
}

// Flush writes buffered rows and reports any write error.
func (g *GDELT) Flush() error {
	g.w.Flush()
	return g.w.Error()
}

// gdeltActor splits a CAMEO actor code into the GDELT actor columns:
// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code.
func gdeltActor(a model.Actor) []string {
	code := strings.ToUpper(a.Code)
	name := strings.ToUpper(a.Name)
	if name == "" {
		name = strings.ToUpper(a.Text)
	}
	out := []string{code, name, "", "", "", "", "", "", "", ""}
	if code == "" {
		return out
	}
	var parts []string
	for i := 0; i+3 <= len(code); i += 3 {
		parts = append(parts, code[i:i+3])
	}
	if len(parts) == 0 {
		return out
	}
	types := parts
	switch parts[0] {
	case "IGO", "NGO", "MNC", "NGM":
		// Organisations: IGOUNO is type IGO, known group UNO.
		out[7] = parts[0]
		if len(parts) > 1 {
			out[3] = parts[1]
		}
		types = nil
	default:
		out[2] = parts[0]
		types = parts[1:]
	}
	for i := 0; i < len(types) && i < 3; i++ {
		out[7+i] = types[i]
	}
	return out
}

// PloverEntity is an actor or recipient of a PLOVER record.
type PloverEntity struct {
	Code       string `json:"code,omitempty"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text,omitempty"`
	Identifier string `json:"identifier_text,omitempty"`
}

// PloverTextInfo locates the coded sentence in its story.
type PloverTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

// PloverRecord is one event in the PLOVER data exchange format (PLOVER
// manual, chapter 6), newline-delimited JSON.
type PloverRecord struct {
	ID         string         `json:"id"`
	Date       string         `json:"date"`
	Actor      []PloverEntity `json:"actor"`
	Recipient  []PloverEntity `json:"recipient,omitempty"`
	Event      []string       `json:"event"`
	Mode       []string       `json:"mode,omitempty"`
	Context    []string       `json:"context,omitempty"`
	QuadCode   int            `json:"quad_code"`
	EventScale float64        `json:"event_scale"`
	EventText  []string       `json:"event_text,omitempty"`
	Text       string         `json:"text"`
	TextInfo   PloverTextInfo `json:"text_info"`
	CiteInfo   string         `json:"cite_info,omitempty"`
	Coder      string         `json:"coder"`
	CodedDate  string         `json:"coded_date"`
	Comment    string         `json:"comment,omitempty"` // CAMEO code and modality
}

// Plover converts an event. Events whose CAMEO code has no PLOVER reading
// (plain statements, 01x) are reported with ok false.
func Plover(id string, e model.Event, url string, coded time.Time) (rec PloverRecord, ok bool) {
	if e.Plover.Type == "" {
		return rec, false
	}
	day := e.Date
	if day == "" {
		day = e.DocumentDate
	}
	rec = PloverRecord{
		ID: id, Date: day, Event: []string{e.Plover.Type},
		Actor: []PloverEntity{ploverEntity(e.Source)}, QuadCode: e.QuadClass, EventScale: e.Goldstein,
		Text: e.Sentence, TextInfo: PloverTextInfo{Sequence: e.SentenceIdx, Start: e.Offsets.Start, End: e.Offsets.End},
		CiteInfo: url, Coder: "parley", CodedDate: coded.UTC().Format("2006-01-02"),
		Comment: fmt.Sprintf("CAMEO %s, %s", e.CAMEO, e.Modality),
	}
	if e.Verb != "" {
		rec.EventText = []string{e.Verb}
	}
	if e.Target.Code != "" || e.Target.Text != "" {
		rec.Recipient = []PloverEntity{ploverEntity(e.Target)}
	}
	if e.Plover.Mode != "" {
		rec.Mode = []string{e.Plover.Mode}
	}
	if e.Plover.Context != "" {
		rec.Context = strings.Split(e.Plover.Context, ",")
	}
	return rec, true
}

func ploverEntity(a model.Actor) PloverEntity {
	p := PloverEntity{EntityText: a.Text, Identifier: a.Name}
	if len(a.Code) >= 3 {
		p.Code, p.Sector = a.Code[:3], a.Code[3:]
	}
	return p
}
