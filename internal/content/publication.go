package content

import (
	"strconv"
	"time"

	"github.com/refpack/refpack/internal/config"
	"github.com/refpack/refpack/internal/diag"
)

// Unpublished tells why a case study is not on the public site at a date;
// the zero value means it is.
type Unpublished int

const (
	Published Unpublished = iota
	NoConsent             // require_consent and no [consent]
	Withdrawn             // [consent] public = false: packs only
	Expired               // the consent expired on or before the date
	IsDraft
)

// ForWantOfConsent reports whether the customer's consent, not the author,
// keeps the case off the site; its client is then private (README, "What
// is private").
func (u Unpublished) ForWantOfConsent() bool {
	return u == NoConsent || u == Withdrawn || u == Expired
}

// Publication applies the publication rule (README, "Consent: which cases
// are published") at the build date at: not a draft, and, when the case
// has a [consent] (or the site requires one), public = true with expires
// after at. Consent is checked before the draft flag so that a build
// showing drafts still leaves out a draft whose customer has not agreed.
func (c *Case) Publication(at time.Time, site *config.Site) Unpublished {
	switch cs := c.Consent; {
	case cs == nil && site.RequireConsent:
		return NoConsent
	case cs != nil && !cs.Public:
		return Withdrawn
	case cs != nil && !cs.Expires.IsZero() && !at.Before(cs.Expires):
		return Expired
	case c.Draft:
		return IsDraft
	}
	return Published
}

// PublicCases returns the cases that a build at the date at puts on the
// site, in library order; drafts too when drafts is set.
func (lib *Library) PublicCases(at time.Time, drafts bool) []*Case {
	out := make([]*Case, 0, len(lib.Cases))
	for _, c := range lib.Cases {
		if u := c.Publication(at, lib.Site); u == Published || drafts && u == IsDraft {
			out = append(out, c)
		}
	}
	return out
}

// ConsentProblems are check's warnings about consents at the date at:
// consents that expire within consent_warning_days, and cases that are no
// longer published for want of consent.
func (lib *Library) ConsentProblems(at time.Time) []diag.Problem {
	var problems diag.List
	warnUntil := at.AddDate(0, 0, lib.Site.ConsentWarningDays)
	for _, c := range lib.Cases {
		cs := c.Consent
		if c.ConsentOf != "" {
			// Warned about at the case that holds the consent.
			if u := c.Publication(at, lib.Site); u == Expired || u == Withdrawn {
				problems.Warnf(c.Path, 0, 0, "the consent in %s does not let this translation be published either (packs only)", c.ConsentOf)
			}
			continue
		}
		switch c.Publication(at, lib.Site) {
		case Expired:
			problems.Warnf(c.Path, cs.ExpiresLine, cs.ExpiresCol, "consent expired on %s: the case is no longer published (packs only) until the customer renews it",
				cs.Expires.Format(time.DateOnly))
		case Withdrawn:
			if !c.Draft {
				problems.Warnf(c.Path, cs.Line, 0, "[consent] public = false: the case is not published (packs only)")
			}
		case NoConsent:
			if !c.Draft {
				problems.Warnf(c.Path, 0, 0, "no [consent], and site.toml has require_consent = true: the case is not published (packs only)")
			}
		case Published:
			if cs != nil && !cs.Expires.IsZero() && !cs.Expires.After(warnUntil) {
				days := int(cs.Expires.Sub(at).Hours() / 24)
				problems.Warnf(c.Path, cs.ExpiresLine, cs.ExpiresCol, "consent expires on %s, in %s: ask the customer to renew it, or the case leaves the site on that date",
					cs.Expires.Format(time.DateOnly), dayCount(days))
			}
		}
	}
	problems.Sort()
	return problems.Problems
}

func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}
