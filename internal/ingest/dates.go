package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the forms found in feeds (RFC 822 and its variants), page
// metadata (ISO 8601) and hand-made collections. Weekday names are removed
// before matching, and zone abbreviations replaced by offsets.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 Z07:00",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006",
	"Jan 2 2006",
	"January 2 2006",
	"Jan 2 15:04:05 2006",
}

// zoneOffsets replaces the zone abbreviations seen in RSS dates, which Go
// would otherwise read as UTC under another name.
var zoneOffsets = strings.NewReplacer(
	" UT", " +0000", " GMT", " +0000", " UTC", " +0000", " Z", " +0000",
	" EST", " -0500", " EDT", " -0400", " CST", " -0600", " CDT", " -0500",
	" MST", " -0700", " MDT", " -0600", " PST", " -0800", " PDT", " -0700",
	" BST", " +0100", " CET", " +0100", " CEST", " +0200", " MSK", " +0300",
)

var (
	leadingWeekday = regexp.MustCompile(`^(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
	zoneSuffix     = regexp.MustCompile(`\s+(UT|GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK)$`)
	colonOffset    = regexp.MustCompile(`\s([+-]\d\d):(\d\d)$`)
)

var errNoDate = errors.New("empty date")

// parseDate reads a date in any of dateLayouts. Dates without a zone are
// taken as UTC. Years outside 1900-2200 are refused as misreadings.
func parseDate(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, errNoDate
	}
	n := leadingWeekday.ReplaceAllString(s, "")
	if m := zoneSuffix.FindString(n); m != "" {
		n = strings.TrimSuffix(n, m) + zoneOffsets.Replace(" "+strings.TrimSpace(m))
	}
	n = colonOffset.ReplaceAllString(n, " $1$2")
	for _, l := range dateLayouts {
		t, err := time.Parse(l, n)
		if err != nil {
			continue
		}
		if y := t.Year(); y < 1900 || y > 2200 {
			return time.Time{}, fmt.Errorf("unlikely date %q", s)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("unreadable date %q", s)
}
