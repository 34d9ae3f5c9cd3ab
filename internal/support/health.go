package support

import (
	"math"
	"time"
)

// Healths in increasing order of concern, as in [reference] health.
const (
	Green = "green"
	Amber = "amber"
	Red   = "red"
)

// Worse returns the more concerning of two healths ("" counts as green).
func Worse(a, b string) string {
	rank := func(h string) int {
		switch h {
		case Red:
			return 2
		case Amber:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	if a == "" {
		return Green
	}
	return a
}

// RatingWindow is how far back satisfaction ratings count.
const RatingWindow = 90

// MinRatings is how many ratings the window needs before satisfaction can
// turn a customer amber: one bad rating of two says little.
const MinRatings = 3

// Kind is which rule of README, "Support health from the helpdesk", a
// reason comes from.
type Kind int

const (
	// SevereOpen: severe tickets open; red when the oldest is older than
	// red_after_days, else amber.
	SevereOpen Kind = iota
	// LongOpen: other tickets open longer than amber_after_days.
	LongOpen
	// LowSatisfaction: the share of good ratings is under min_satisfaction.
	LowSatisfaction
)

// Reason explains a derived health; Text words it in a language.
type Reason struct {
	Kind   Kind
	Health string // what this reason alone makes the customer
	Count  int    // tickets (SevereOpen, LongOpen) or ratings (LowSatisfaction)
	Days   int    // age of the oldest of them, in days
	Limit  int    // the threshold in days that was passed (red_after_days or amber_after_days)
	Good   int    // good ratings (LowSatisfaction)
	Share  float64
	Min    float64 // min_satisfaction
}

// Health is a customer's derived support health at a date, with every
// reason that is not green.
type Health struct {
	Health  string
	Reasons []Reason
}

// Snapshot is the derived health of every customer of an export at one
// date. The zero value (no export) says green for everyone.
type Snapshot struct {
	health map[string]Health // by Key and by every spelling of the export
}

// At derives every customer's health at the date at, once per date:
// ranking every prospect of a library, or writing every pack, asks for the
// same date again and again.
func (e *Export) At(at time.Time) Snapshot {
	if e == nil {
		return Snapshot{}
	}
	d := day(at.Unix())
	e.mu.Lock()
	defer e.mu.Unlock()
	if s, ok := e.snapshots[d]; ok {
		return s
	}
	byTickets := make(map[*[]ticket]Health, len(e.customers))
	s := Snapshot{health: make(map[string]Health, len(e.tickets))}
	for name, ts := range e.tickets {
		h, ok := byTickets[ts]
		if !ok {
			h = e.derive(*ts, d)
			byTickets[ts] = h
		}
		s.health[name] = h
	}
	if e.snapshots == nil {
		e.snapshots = map[int32]Snapshot{}
	}
	e.snapshots[d] = s
	return s
}

// Health is the support health of the customer named name (a case's
// support_id, else its client). A customer without tickets is green.
func (s Snapshot) Health(name string) Health {
	if h, ok := s.health[name]; ok {
		return h
	}
	if s.health != nil {
		if h, ok := s.health[Key(name)]; ok {
			return h
		}
	}
	return Health{Health: Green}
}

// derive applies the three rules of README, "Support health from the
// helpdesk", to a customer's tickets on the day today.
func (e *Export) derive(ts []ticket, today int32) Health {
	h := Health{Health: Green}
	var severe, long, rated, goodN int
	oldestSevere, oldestLong := -1, -1
	for _, t := range ts {
		if t.opened > today {
			continue // not yet opened at the date
		}
		if t.closed == 0 || t.closed > today {
			age := int(today - t.opened)
			switch {
			case t.severe:
				severe++
				oldestSevere = max(oldestSevere, age)
			case age > e.cfg.AmberAfterDays:
				long++
				oldestLong = max(oldestLong, age)
			}
		}
		if t.rating != unrated {
			// A rating is given when a ticket is solved.
			when := t.closed
			if when == 0 {
				when = t.opened
			}
			if when <= today && today-when < RatingWindow {
				rated++
				if t.rating == good {
					goodN++
				}
			}
		}
	}
	if severe > 0 {
		r := Reason{Kind: SevereOpen, Health: Amber, Count: severe, Days: oldestSevere}
		if oldestSevere > e.cfg.RedAfterDays {
			r.Health, r.Limit = Red, e.cfg.RedAfterDays
		}
		h.add(r)
	}
	if long > 0 {
		h.add(Reason{Kind: LongOpen, Health: Amber, Count: long, Days: oldestLong, Limit: e.cfg.AmberAfterDays})
	}
	if rated >= MinRatings {
		share := float64(goodN) / float64(rated)
		// Compare in tenths of a per cent, so that float rounding cannot put
		// 4 good ratings of 5 under a minimum of 0.8.
		if math.Round(share*1000) < math.Round(e.cfg.MinSatisfaction*1000) {
			h.add(Reason{Kind: LowSatisfaction, Health: Amber, Count: rated, Good: goodN, Share: share, Min: e.cfg.MinSatisfaction})
		}
	}
	return h
}

func (h *Health) add(r Reason) {
	h.Health = Worse(h.Health, r.Health)
	h.Reasons = append(h.Reasons, r)
}

// Texts words every reason in lang. memo, when not nil, keeps the words of
// each reason for the next call: a ranking words the same reasons for many
// references.
func (h Health) Texts(lang string, memo map[Reason]string) []string {
	out := make([]string, len(h.Reasons))
	for i, r := range h.Reasons {
		s, ok := memo[r]
		if !ok {
			s = r.Text(lang)
			if memo != nil {
				memo[r] = s
			}
		}
		out[i] = s
	}
	return out
}
