// Package ledger follows requests, proposals, offers, demands, threats and
// stated intentions between actors until they are answered: a thread opens
// with the first such event on a subject (a meeting, a ceasefire, aid...) and
// later events accept, fulfil or reject it, or note a non-answer.
package ledger

import (
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// Thread statuses.
const (
	Open      = "open"
	Accepted  = "accepted"  // the other side agreed, not yet done
	Fulfilled = "fulfilled" // it happened: met, delivered, signed, released
	Rejected  = "rejected"
	Expired   = "expired" // no activity for longer than the expiry
)

// Roles of events in a thread.
const (
	Opens     = "opens"
	Repeats   = "repeats" // the same ask again
	Accepts   = "accepts"
	Fulfils   = "fulfils"
	Rejects   = "rejects"
	NonAnswer = "non-answer" // declined comment, no confirmation
)

// Step is one event of a thread with its role.
type Step struct {
	Role  string      `json:"role"`
	Date  string      `json:"date"`
	Event model.Event `json:"event"`
}

// Party is one side of a thread.
type Party struct {
	Key  string `json:"key"`  // what identifies the side: country or organisation code
	Code string `json:"code"` // the most specific code seen, e.g. UKRGOV
	Name string `json:"name"`
}

// Thread is an ask and what became of it.
type Thread struct {
	Kind         string    `json:"kind"` // request, demand, proposal, offer, intention, threat
	Subject      string    `json:"subject"`
	From         Party     `json:"from"`
	To           Party     `json:"to"`
	Status       string    `json:"status"`
	OpenedAt     time.Time `json:"opened_at"`
	LastActivity time.Time `json:"last_activity"`
	ResolvedAt   time.Time `json:"resolved_at,omitzero"`
	AgeDays      int       `json:"age_days"` // opened to resolution, or to the as-of date
	Evidence     []Step    `json:"evidence"`
}

// Config tunes thread building.
type Config struct {
	// Expiry closes a thread with no activity for this long (default 90 days).
	Expiry time.Duration
	// AsOf is the date ages are measured to (default: now).
	AsOf time.Time
}

// Build turns events (any order) into threads, oldest first.
func Build(events []model.Event, cfg Config) []*Thread {
	if cfg.Expiry <= 0 {
		cfg.Expiry = 90 * 24 * time.Hour
	}
	if cfg.AsOf.IsZero() {
		cfg.AsOf = time.Now().UTC()
	}
	type dated struct {
		e model.Event
		t time.Time
	}
	var evs []dated
	for _, e := range events {
		if t, ok := eventTime(e); ok {
			evs = append(evs, dated{e, t})
		}
	}
	// Within a day, asks come before answers: an article often reports the
	// silence ("no confirmation yet") before the request it answers.
	opens := func(e model.Event) bool { return classify(e.CAMEO).role == Opens }
	sort.SliceStable(evs, func(i, j int) bool {
		if !evs[i].t.Equal(evs[j].t) {
			return evs[i].t.Before(evs[j].t)
		}
		return opens(evs[i].e) && !opens(evs[j].e)
	})

	var threads []*Thread
	// latest returns the most recent live thread that ok accepts.
	latest := func(at time.Time, ok func(*Thread) bool) *Thread {
		for i := len(threads) - 1; i >= 0; i-- {
			t := threads[i]
			if (t.Status == Open || t.Status == Accepted) && at.Sub(t.LastActivity) <= cfg.Expiry && ok(t) {
				return t
			}
		}
		return nil
	}
	for _, d := range evs {
		e, at := d.e, d.t
		from, to := party(e.Source), party(e.Target)
		if from.Key == "" || to.Key == "" || from.Key == to.Key {
			continue
		}
		c := classify(e.CAMEO)
		if c.role == "" {
			continue
		}
		about := func(t *Thread) bool { return c.subject == "" || t.Subject == c.subject }
		// asked: a thread that this event's source was asked (or threatened) by its target.
		asked := func(t *Thread) bool {
			return about(t) && t.From.Key == to.Key && t.To.Key == from.Key && t.Kind != "threat"
		}
		// own: a thread this event's source opened towards its target.
		own := func(t *Thread) bool { return about(t) && t.From.Key == from.Key && t.To.Key == to.Key }
		step := Step{Role: c.role, Date: at.Format("2006-01-02"), Event: e}
		if c.mayAccept && latest(at, asked) != nil {
			c.role, step.Role = Accepts, Accepts
		}
		if c.role == Opens {
			if e.Modality == model.Negated || e.Modality == model.Hypothetical {
				continue
			}
			if t := latest(at, own); t != nil {
				step.Role = Repeats
				t.add(step, at)
				continue
			}
			threads = append(threads, &Thread{Kind: c.kind, Subject: c.subject, From: from, To: to,
				Status: Open, OpenedAt: at, LastActivity: at, Evidence: []Step{step}})
			continue
		}
		// The asked side answers. A meeting or a delivery may be reported from
		// either side, and a threat is carried out by its author; a
		// non-answer may be reported as the asker's (no confirmation came).
		t := latest(at, asked)
		if t == nil && c.role == Fulfils {
			t = latest(at, func(t *Thread) bool {
				return own(t) || (about(t) && t.Kind != "threat" && t.From.Key == to.Key && t.To.Key == from.Key)
			})
		}
		if t == nil && c.role == NonAnswer {
			t = latest(at, own)
		}
		if t == nil || e.Modality == model.Hypothetical {
			continue
		}
		if e.Modality == model.Negated {
			if c.role != Accepts && c.role != Fulfils {
				continue
			}
			// "X did not agree to meet" is a rejection, not an acceptance.
			step.Role = Rejects
		} else if c.role == Fulfils && e.Modality == model.Intended {
			step.Role = Accepts // "will meet" agrees; it has not happened yet
		}
		t.add(step, at)
		switch step.Role {
		case Accepts:
			t.Status = Accepted
		case Fulfils:
			t.Status, t.ResolvedAt = Fulfilled, at
		case Rejects:
			t.Status, t.ResolvedAt = Rejected, at
		}
	}
	for _, t := range threads {
		end := cfg.AsOf
		if !t.ResolvedAt.IsZero() {
			end = t.ResolvedAt
		} else if cfg.AsOf.Sub(t.LastActivity) > cfg.Expiry {
			t.Status = Expired
			end = t.LastActivity.Add(cfg.Expiry)
		}
		t.AgeDays = int(end.Sub(t.OpenedAt).Hours() / 24)
	}
	return threads
}

func (t *Thread) add(s Step, at time.Time) {
	t.Evidence = append(t.Evidence, s)
	if at.After(t.LastActivity) {
		t.LastActivity = at
	}
	if s.Event.Source.Code != "" && len(s.Event.Source.Code) > len(t.From.Code) && party(s.Event.Source).Key == t.From.Key {
		t.From.Code = s.Event.Source.Code
	}
}

// eventTime is when the event happened: its resolved date, else its
// document's date.
func eventTime(e model.Event) (time.Time, bool) {
	for _, s := range []string{e.Date, e.DocumentDate} {
		if len(s) >= 10 {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// party identifies a side: the country (first three letters of a state
// actor's code) or the whole code for organisations, so that Zelensky
// (UKRGOV) and Kyiv (UKR) are one side.
func party(a model.Actor) Party {
	code := strings.ToUpper(a.Code)
	key := code
	if len(code) >= 3 && !nonState[code[:3]] {
		key = code[:3]
	}
	name := a.Name
	if name == "" {
		name = a.Text
	}
	return Party{Key: key, Code: code, Name: name}
}

// nonState are CAMEO prefixes that are not countries.
var nonState = map[string]bool{"IGO": true, "NGO": true, "MNC": true, "IMG": true, "INT": true, "UIS": true, "NGM": true}
