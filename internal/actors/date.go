package actors

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// day is a calendar date as YYYYMMDD, so that dates compare as integers.
// Zero means "open" (no bound) in a role or code interval.
type day int

func dayOf(t time.Time) day {
	if t.IsZero() {
		return 0
	}
	return day(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

func (d day) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// span is a closed interval of days; a zero bound is open.
type span struct{ from, to day }

func (s span) contains(d day) bool {
	return (s.from == 0 || d >= s.from) && (s.to == 0 || d <= s.to)
}

// endsBefore reports whether the interval is over by day d.
func (s span) endsBefore(d day) bool { return s.to != 0 && s.to < d }

// validDay checks a calendar date, leap years included.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseISODay reads YYYY-MM-DD, YYYY-MM or YYYY. A partial date means its
// first day when end is false and its last day when end is true, so that a
// role known only to the month ("2019-05..") covers the whole month.
func parseISODay(s string, end bool) (day, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return 0, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
		}
		nums[i] = n
	}
	y, m, d := nums[0], 1, 1
	if end {
		m, d = 12, 31
	}
	if len(nums) > 1 {
		m = nums[1]
		if end {
			d = 31
			if m >= 1 && m <= 12 {
				d = time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			}
		}
	}
	if len(nums) > 2 {
		d = nums[2]
	}
	if !validDay(y, m, d) {
		return 0, fmt.Errorf("no such date %q", s)
	}
	return day(y*10000 + m*100 + d), nil
}

// parseRange reads "FROM..TO" with either side optionally empty.
func parseRange(s string) (span, error) {
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		return span{}, fmt.Errorf("bad date range %q (want FROM..TO, FROM.. or ..TO)", s)
	}
	var r span
	var err error
	if from != "" {
		if r.from, err = parseISODay(from, false); err != nil {
			return span{}, err
		}
	}
	if to != "" {
		if r.to, err = parseISODay(to, true); err != nil {
			return span{}, err
		}
	}
	if r.from != 0 && r.to != 0 && r.to < r.from {
		return span{}, fmt.Errorf("date range %q ends before it starts", s)
	}
	return r, nil
}
