package ledger

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

func ev(date, src, tgt, code, modality string) model.Event {
	return model.Event{
		Date: date, CAMEO: code, Modality: modality,
		Source: model.Actor{Code: src, Name: src}, Target: model.Actor{Code: tgt, Name: tgt},
	}
}

var asOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

func TestThreads(t *testing.T) {
	cases := []struct {
		name     string
		events   []model.Event
		statuses []string // one per thread, in opening order
		roles    [][]string
	}{
		{
			name: "request to meet, no answer but a declined comment",
			events: []model.Event{
				ev("2025-06-01", "UKRGOV", "USAGOV", "026", model.Asserted),
				ev("2025-06-02", "USAGOV", "UKR", "011", model.Asserted),
			},
			statuses: []string{Open},
			roles:    [][]string{{Opens, NonAnswer}},
		},
		{
			name: "a same-day non-answer reported before the request still answers it",
			events: []model.Event{
				ev("2025-06-01", "USAGOV", "UKR", "011", model.Asserted),
				ev("2025-06-01", "UKRGOV", "USAGOV", "026", model.Asserted),
			},
			statuses: []string{Open},
			roles:    [][]string{{Opens, NonAnswer}},
		},
		{
			name: "request to meet, agreed, then the visit happens",
			events: []model.Event{
				ev("2025-06-01", "UKRGOV", "USAGOV", "026", model.Asserted),
				ev("2025-06-05", "USAGOV", "UKRGOV", "036", model.Intended),
				ev("2025-06-20", "UKRGOV", "USAGOV", "042", model.Asserted),
			},
			statuses: []string{Fulfilled},
			roles:    [][]string{{Opens, Accepts, Fulfils}},
		},
		{
			name: "demand for ceasefire rejected; unrelated attack ignored",
			events: []model.Event{
				ev("2025-05-01", "IGOUNO", "RUSGOV", "107", model.Asserted),
				ev("2025-05-02", "RUSMIL", "UKR", "190", model.Asserted),
				ev("2025-05-03", "RUSGOV", "IGOUNO", "1246", model.Asserted),
			},
			statuses: []string{Rejected},
			roles:    [][]string{{Opens, Rejects}},
		},
		{
			name: "repeated ask is one thread; negated and hypothetical asks open nothing",
			events: []model.Event{
				ev("2025-06-01", "ISRGOV", "EGY", "028", model.Asserted),
				ev("2025-06-03", "ISR", "EGYGOV", "028", model.Asserted),
				ev("2025-06-04", "TUR", "GRC", "026", model.Negated),
				ev("2025-06-04", "TUR", "GRC", "026", model.Hypothetical),
			},
			statuses: []string{Open},
			roles:    [][]string{{Opens, Repeats}},
		},
		{
			name: "threat carried out by its author, not by the threatened side",
			events: []model.Event{
				ev("2025-06-01", "USAGOV", "IRNGOV", "138", model.Asserted),
				ev("2025-06-02", "IRNMIL", "USA", "190", model.Asserted),
				ev("2025-06-10", "USAMIL", "IRN", "195", model.Asserted),
			},
			statuses: []string{Fulfilled},
			roles:    [][]string{{Opens, Fulfils}},
		},
		{
			name: "an ask goes quiet for longer than the expiry",
			events: []model.Event{
				ev("2025-01-01", "FRAGOV", "DEUGOV", "0232", model.Asserted),
			},
			statuses: []string{Expired},
			roles:    [][]string{{Opens}},
		},
		{
			name: "an ask the code does not narrow down, agreed to",
			events: []model.Event{
				ev("2025-06-01", "ISRGOV", "ITA", "020", model.Asserted),
				ev("2025-06-03", "ITAGOV", "ISRGOV", "030", model.Asserted),
			},
			statuses: []string{Accepted},
			roles:    [][]string{{Opens, Accepts}},
		},
		{
			name: "an unspecified demand rejected; an agreement that answers nothing opens nothing",
			events: []model.Event{
				ev("2025-06-01", "DEUGOV", "RUS", "100", model.Asserted),
				ev("2025-06-02", "TUR", "LBY", "030", model.Asserted),
				ev("2025-06-04", "RUSGOV", "DEU", "120", model.Asserted),
			},
			statuses: []string{Rejected},
			roles:    [][]string{{Opens, Rejects}},
		},
		{
			name: "refusing to agree is a rejection",
			events: []model.Event{
				ev("2025-06-01", "UKRGOV", "RUSGOV", "0253", model.Asserted),
				ev("2025-06-02", "RUSGOV", "UKRGOV", "0353", model.Negated),
			},
			statuses: []string{Rejected},
			roles:    [][]string{{Opens, Rejects}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			threads := Build(c.events, Config{AsOf: asOf})
			if len(threads) != len(c.statuses) {
				t.Fatalf("%d threads, want %d: %+v", len(threads), len(c.statuses), threads)
			}
			for i, th := range threads {
				if th.Status != c.statuses[i] {
					t.Errorf("thread %d status %s, want %s", i, th.Status, c.statuses[i])
				}
				var roles []string
				for _, s := range th.Evidence {
					roles = append(roles, s.Role)
				}
				if len(roles) != len(c.roles[i]) {
					t.Fatalf("thread %d roles %v, want %v", i, roles, c.roles[i])
				}
				for j := range roles {
					if roles[j] != c.roles[i][j] {
						t.Errorf("thread %d roles %v, want %v", i, roles, c.roles[i])
					}
				}
			}
		})
	}
}

func TestThreadAgeAndSides(t *testing.T) {
	threads := Build([]model.Event{
		{DocumentDate: "2025-06-10", CAMEO: "026", Modality: model.Asserted,
			Source: model.Actor{Code: "UKRGOV", Name: "Volodymyr Zelensky"}, Target: model.Actor{Code: "USAGOV", Text: "the White House"}},
	}, Config{AsOf: asOf})
	if len(threads) != 1 {
		t.Fatalf("%d threads", len(threads))
	}
	th := threads[0]
	if th.AgeDays != 20 || th.Subject != "meeting" || th.Kind != "request" {
		t.Fatalf("thread %+v", th)
	}
	if th.From.Key != "UKR" || th.To.Key != "USA" || th.To.Name != "the White House" {
		t.Fatalf("sides %+v -> %+v", th.From, th.To)
	}
}

func TestKaplanMeierByHand(t *testing.T) {
	// Durations 1, 2, 2, 3+ (censored), 4: S(1)=4/5, S(2)=4/5*1/3... worked out:
	// t=1: n=5 d=1 -> 0.8; t=2: n=4 d=2 -> 0.4; t=4: n=1 d=1 -> 0.
	c := KaplanMeier([]Obs{{1, true}, {2, true}, {2, true}, {3, false}, {4, true}})
	for _, x := range []struct{ t, s float64 }{{0.5, 1}, {1, 0.8}, {2, 0.4}, {3, 0.4}, {4, 0}} {
		if got := c.S(x.t); math.Abs(got-x.s) > 1e-12 {
			t.Errorf("S(%v) = %v, want %v", x.t, got, x.s)
		}
	}
	// P(resolved within 2 more days | open after 1 day) = 1 - S(3)/S(1) = 0.5.
	p, lo, hi, ok := c.Conditional(1, 2)
	if !ok || math.Abs(p-0.5) > 1e-12 || !(lo < p && p < hi) {
		t.Fatalf("conditional p=%v [%v,%v] ok=%v", p, lo, hi, ok)
	}
	if _, _, _, ok := c.Conditional(5, 10); ok {
		t.Fatal("no thread stayed open 5 days, yet an estimate was given")
	}
}

// With exponential times to resolution (rate lambda) and random
// censoring, the estimator must recover the known survival curve, the
// memoryless conditional probability 1-exp(-lambda*N) at any age, and its
// 95% intervals must cover the truth about 95% of the time.
func TestKaplanMeierSyntheticHistories(t *testing.T) {
	const lambda = 1.0 / 30 // mean 30 days to resolution
	r := rand.New(rand.NewSource(7))
	history := func(n int) []Obs {
		obs := make([]Obs, n)
		for i := range obs {
			life := r.ExpFloat64() / lambda
			cens := r.Float64() * 120 // followed for up to 120 days
			obs[i] = Obs{Days: math.Min(life, cens), Resolved: life <= cens}
		}
		return obs
	}
	big := KaplanMeier(history(5000))
	for _, d := range []float64{10, 30, 60} {
		if got, want := big.S(d), math.Exp(-lambda*d); math.Abs(got-want) > 0.03 {
			t.Errorf("S(%v) = %.3f, want %.3f", d, got, want)
		}
	}
	truth := 1 - math.Exp(-lambda*14)
	p, _, _, _ := big.Conditional(20, 14)
	if math.Abs(p-truth) > 0.03 {
		t.Errorf("P(within 14 | age 20) = %.3f, want %.3f", p, truth)
	}
	covered, runs := 0, 400
	for i := 0; i < runs; i++ {
		_, lo, hi, ok := KaplanMeier(history(200)).Conditional(20, 14)
		if ok && lo <= truth && truth <= hi {
			covered++
		}
	}
	if rate := float64(covered) / float64(runs); rate < 0.90 || rate > 0.99 {
		t.Errorf("95%% intervals covered the truth in %.1f%% of runs", 100*rate)
	}
}

func TestForecastNeedsHistory(t *testing.T) {
	open := &Thread{Kind: "request", Subject: "meeting", Status: Open, AgeDays: 5,
		From: Party{Code: "UKRGOV"}, To: Party{Code: "USAGOV"}}
	o := Forecast([]*Thread{open}, open, 30)
	if o.Enough || o.Note != "not enough history (n=1, resolved=0)" {
		t.Fatalf("outlook from one thread: %+v", o)
	}
	// A history of 40 such threads, half fulfilled within 10 days.
	var hist []*Thread
	for i := 0; i < 40; i++ {
		h := *open
		h.AgeDays = 3 + i%10
		if i%2 == 0 {
			h.Status = Fulfilled
		}
		hist = append(hist, &h)
	}
	o = Forecast(append(hist, open), open, 30)
	if !o.Enough || o.N != 41 || o.Resolved != 20 || o.Class != "request meeting between governments" {
		t.Fatalf("outlook %+v", o)
	}
	if !(o.Low <= o.P && o.P <= o.High) || o.P <= 0 {
		t.Fatalf("outlook interval %+v", o)
	}
}
