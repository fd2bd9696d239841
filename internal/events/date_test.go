package events

import (
	"strings"
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	// Wednesday 2024-03-13.
	ref := time.Date(2024, 3, 13, 15, 4, 0, 0, time.UTC)
	tests := []struct {
		expr   string
		future bool
		want   string // "" = not a date
	}{
		{"yesterday", false, "2024-03-12"},
		{"today", false, "2024-03-13"},
		{"tomorrow", true, "2024-03-14"},
		{"Friday", false, "2024-03-08"},
		{"Friday", true, "2024-03-15"},
		{"Wednesday", false, "2024-03-13"},
		{"last Wednesday", false, "2024-03-06"},
		{"last Tuesday", false, "2024-03-12"},
		{"next Monday", false, "2024-03-18"},
		{"March 3", false, "2024-03-03"},
		{"3 March", false, "2024-03-03"},
		{"March 3rd", false, "2024-03-03"},
		{"Dec. 25", false, "2023-12-25"},
		{"Dec. 25", true, "2024-12-25"},
		{"March 20", false, "2023-03-20"},
		{"March 20", true, "2024-03-20"},
		{"June 14 , 2019", false, "2019-06-14"},
		{"February 29 2023", false, ""},
		{"February 30", false, ""},
		{"May", false, ""},
		{"may 40", false, ""},
		{"last week", false, ""},
		{"March 3 troops", false, ""},
	}
	for _, tt := range tests {
		got, ok := ResolveDate(strings.Fields(tt.expr), ref, tt.future)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("ResolveDate(%q, future=%v) = %q, want %q", tt.expr, tt.future, s, tt.want)
		}
	}
}
