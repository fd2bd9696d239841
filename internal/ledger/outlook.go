package ledger

import (
	"fmt"
	"math"
	"sort"
)

// Obs is one thread's history for survival analysis: how long it has been
// followed (days) and whether it was resolved then (false = still open, or
// expired: censored).
type Obs struct {
	Days     float64
	Resolved bool
}

// Curve is a Kaplan-Meier estimate of the share of threads still
// unresolved after t days.
type Curve struct {
	times  []float64 // distinct resolution times, ascending
	atRisk []int     // threads followed at least that long
	events []int     // resolutions at that time
	n      int
}

// KaplanMeier estimates the survival curve of obs.
func KaplanMeier(obs []Obs) *Curve {
	o := append([]Obs(nil), obs...)
	// At equal times, resolutions come before censorings (the usual convention).
	sort.Slice(o, func(i, j int) bool {
		if o[i].Days != o[j].Days {
			return o[i].Days < o[j].Days
		}
		return o[i].Resolved && !o[j].Resolved
	})
	c := &Curve{n: len(o)}
	for i := 0; i < len(o); {
		j, d := i, 0
		for j < len(o) && o[j].Days == o[i].Days {
			if o[j].Resolved {
				d++
			}
			j++
		}
		if d > 0 {
			c.times = append(c.times, o[i].Days)
			c.atRisk = append(c.atRisk, len(o)-i)
			c.events = append(c.events, d)
		}
		i = j
	}
	return c
}

// S is the estimated share of threads unresolved after t days.
func (c *Curve) S(t float64) float64 {
	s := 1.0
	for i, ti := range c.times {
		if ti > t {
			break
		}
		s *= 1 - float64(c.events[i])/float64(c.atRisk[i])
	}
	return s
}

// z is the normal quantile of a two-sided 95% interval.
const z = 1.959963984540054

// Conditional estimates the probability that a thread unresolved after age
// days is resolved within the next within days, with a 95% confidence
// interval (Greenwood variance on the log-log scale). ok is false when no
// thread of the history was followed that long.
func (c *Curve) Conditional(age, within float64) (p, lo, hi float64, ok bool) {
	r, v := 1.0, 0.0
	riskAtAge := 0
	for i, ti := range c.times {
		if ti <= age {
			continue
		}
		if riskAtAge == 0 {
			riskAtAge = c.atRisk[i]
		}
		if ti > age+within {
			break
		}
		n, d := float64(c.atRisk[i]), float64(c.events[i])
		r *= 1 - d/n
		if n > d {
			v += d / (n * (n - d))
		}
	}
	if c.S(age) == 0 {
		return 0, 0, 0, false
	}
	switch {
	case r == 1:
		// No resolution observed in the window: the interval's upper end
		// follows the rule of three on those at risk.
		if riskAtAge == 0 {
			return 0, 0, 0, false
		}
		return 0, 0, math.Min(1, 3/float64(riskAtAge)), true
	case r == 0:
		return 1, math.Max(0, 1-3/float64(max(riskAtAge, 1))), 1, true
	}
	// log-log interval for r: r^exp(±z·sqrt(v)/log r)
	se := math.Sqrt(v) / math.Abs(math.Log(r))
	rLo, rHi := math.Pow(r, math.Exp(z*se)), math.Pow(r, math.Exp(-z*se))
	return 1 - r, 1 - rHi, 1 - rLo, true
}

// Outlook is the empirical answer to "will this thread be resolved soon?".
type Outlook struct {
	Class      string  `json:"class"`    // which history it is drawn from
	N          int     `json:"n"`        // threads of that class in the history
	Resolved   int     `json:"resolved"` // of which resolved
	AgeDays    int     `json:"age_days"`
	WithinDays int     `json:"within_days"`
	P          float64 `json:"p"`
	Low        float64 `json:"low"`
	High       float64 `json:"high"`
	Median     float64 `json:"median_days,omitempty"` // median time to resolution, when reached
	Enough     bool    `json:"enough"`
	Note       string  `json:"note"`
}

// Minimum history for an outlook: fewer threads or resolutions than this
// and the honest answer is "not enough history".
const (
	MinThreads     = 10
	MinResolutions = 3
)

// class groups comparable threads: the kind of ask and its subject, and
// whether both sides are governments (e.g. meeting requests between heads
// of state).
func classOf(t *Thread) string {
	c := t.Kind + " " + t.Subject
	if isGov(t.From.Code) && isGov(t.To.Code) {
		c += " between governments"
	}
	return c
}

func isGov(code string) bool { return len(code) >= 6 && code[3:6] == "GOV" }

// Observe turns a thread into a survival observation.
func Observe(t *Thread) Obs {
	return Obs{Days: float64(t.AgeDays), Resolved: t.Status == Fulfilled || t.Status == Rejected}
}

// Forecast estimates the chance that thread t is resolved within the next
// within days, from the threads of the same class in history (which may
// include t itself, as censored).
func Forecast(history []*Thread, t *Thread, within int) Outlook {
	out := Outlook{Class: classOf(t), AgeDays: t.AgeDays, WithinDays: within}
	var obs []Obs
	for _, h := range history {
		if classOf(h) == out.Class {
			o := Observe(h)
			obs = append(obs, o)
			if o.Resolved {
				out.Resolved++
			}
		}
	}
	out.N = len(obs)
	if out.N < MinThreads || out.Resolved < MinResolutions {
		out.Note = fmt.Sprintf("not enough history (n=%d, resolved=%d)", out.N, out.Resolved)
		return out
	}
	c := KaplanMeier(obs)
	for _, ti := range c.times {
		if c.S(ti) <= 0.5 {
			out.Median = ti
			break
		}
	}
	p, lo, hi, ok := c.Conditional(float64(t.AgeDays), float64(within))
	if !ok {
		out.Note = fmt.Sprintf("not enough history: no thread of this class stayed open %d days (n=%d)", t.AgeDays, out.N)
		return out
	}
	out.P, out.Low, out.High, out.Enough = p, lo, hi, true
	out.Note = fmt.Sprintf("%.0f%% (95%% CI %.0f-%.0f%%) chance of resolution within %d days, from %d threads (%d resolved)",
		100*p, 100*lo, 100*hi, within, out.N, out.Resolved)
	return out
}
