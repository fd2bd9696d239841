package events

import (
	"strconv"
	"strings"
	"time"
)

var weekdays = map[string]time.Weekday{
	"SUNDAY": time.Sunday, "MONDAY": time.Monday, "TUESDAY": time.Tuesday, "WEDNESDAY": time.Wednesday,
	"THURSDAY": time.Thursday, "FRIDAY": time.Friday, "SATURDAY": time.Saturday,
}

var months = map[string]time.Month{
	"JANUARY": 1, "JAN": 1, "FEBRUARY": 2, "FEB": 2, "MARCH": 3, "MAR": 3, "APRIL": 4, "APR": 4,
	"MAY": 5, "JUNE": 6, "JUN": 6, "JULY": 7, "JUL": 7, "AUGUST": 8, "AUG": 8, "SEPTEMBER": 9,
	"SEPT": 9, "SEP": 9, "OCTOBER": 10, "OCT": 10, "NOVEMBER": 11, "NOV": 11, "DECEMBER": 12, "DEC": 12,
}

// ResolveDate reads a date expression (upper-case words, as tokenized) and
// places it against the document date ref. It accepts "YESTERDAY",
// "TODAY", "TONIGHT", "TOMORROW", a weekday with optional "LAST"/"NEXT"/
// "THIS", and a day of a month in either order with an optional year
// ("MARCH 3", "3 MARCH", "MARCH 3RD , 2020"). A bare weekday or a date
// without a year is taken as the latest one on or before ref, or the
// first one on or after ref when future is set (a verb in the future or
// intended). The whole of words must be the expression.
func ResolveDate(words []string, ref time.Time, future bool) (time.Time, bool) {
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	w := make([]string, 0, len(words))
	for _, x := range words {
		w = append(w, strings.TrimSuffix(strings.ToUpper(x), "."))
	}
	switch len(w) {
	case 1:
		switch w[0] {
		case "YESTERDAY":
			return ref.AddDate(0, 0, -1), true
		case "TODAY", "TONIGHT":
			return ref, true
		case "TOMORROW":
			return ref.AddDate(0, 0, 1), true
		}
		if wd, ok := weekdays[w[0]]; ok {
			return weekday(ref, wd, future, false), true
		}
	case 2:
		if wd, ok := weekdays[w[1]]; ok {
			switch w[0] {
			case "LAST":
				return weekday(ref, wd, false, true), true
			case "NEXT":
				return weekday(ref, wd, true, true), true
			case "THIS":
				return weekday(ref, wd, future, false), true
			}
		}
	}
	return monthDay(w, ref, future)
}

// weekday finds wd before (or after, with future) ref; strict excludes ref.
func weekday(ref time.Time, wd time.Weekday, future, strict bool) time.Time {
	step := -1
	if future {
		step = 1
	}
	d := ref
	if strict {
		d = d.AddDate(0, 0, step)
	}
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, step)
	}
	return d
}

func monthDay(w []string, ref time.Time, future bool) (time.Time, bool) {
	if len(w) < 2 || len(w) > 4 {
		return time.Time{}, false
	}
	var m time.Month
	var day int
	var ok bool
	if m, ok = months[w[0]]; ok {
		day, ok = dayNumber(w[1])
	} else if m, ok = months[w[1]]; ok {
		day, ok = dayNumber(w[0])
	}
	if !ok {
		return time.Time{}, false
	}
	year := 0
	switch rest := w[2:]; {
	case len(rest) == 0:
	case len(rest) == 1 && rest[0] != ",", len(rest) == 2 && rest[0] == ",":
		y, err := strconv.Atoi(rest[len(rest)-1])
		if err != nil || y < 1000 || y > 9999 {
			return time.Time{}, false
		}
		year = y
	default:
		return time.Time{}, false
	}
	if year != 0 {
		d := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
		return d, d.Day() == day
	}
	d := time.Date(ref.Year(), m, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return time.Time{}, false // February 30
	}
	switch {
	case !future && d.After(ref):
		d = d.AddDate(-1, 0, 0)
	case future && d.Before(ref):
		d = d.AddDate(1, 0, 0)
	}
	return d, true
}

func dayNumber(s string) (int, bool) {
	for _, suf := range []string{"ST", "ND", "RD", "TH"} {
		s = strings.TrimSuffix(s, suf)
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}
