package main

import (
	"fmt"
	"io"
	"time"
)

// progress redraws one status line on a terminal, at most ten times a
// second; it is silent when output is not a terminal.
type progress struct {
	w     io.Writer
	on    bool
	last  time.Time
	drawn bool
}

func (a *app) progress() *progress { return &progress{w: a.stderr, on: a.terminal} }

func (p *progress) update(format string, args ...any) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.drawn = true
	fmt.Fprintf(p.w, "\r\033[K"+format, args...)
}

// clear erases the status line so that messages print on a clean line.
func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
		p.last = time.Time{}
	}
}
