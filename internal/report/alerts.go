package report

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/refpack/refpack/internal/match"
)

// Currencies returns the currencies of m in alphabetical order.
func Currencies(m map[string]int64) []string {
	return slices.Sorted(maps.Keys(m))
}

// alerts lists what someone must do this week: promises broken for more
// than a month hurt the customers who help us most, so they come first;
// then follow-ups (a prospect waiting), health, consent, prospects about to
// visit without a good match, and overused references.
func alerts(r *Report, t Text) []Alert {
	var out []Alert
	for _, o := range r.Programme.OldObligations {
		out = append(out, Alert{Kind: "obligation", Case: o.Case, Prospect: o.Prospect, days: o.DaysOpen,
			Message: t.T("alert_obligation", "case", cmp.Or(o.CaseName, o.Case), "days", t.N("days", o.DaysOpen),
				"prospect", cmp.Or(o.ProspectName, o.Prospect), "bonus", o.Bonus, "n", fmt.Sprint(o.N))})
	}
	for _, f := range r.Programme.FollowUps {
		key := "alert_follow_up"
		if f.DaysOverdue == 0 {
			key = "alert_follow_up_0"
		}
		out = append(out, Alert{Kind: "follow_up", Case: f.Case, Prospect: f.Prospect, days: f.DaysOverdue,
			Message: t.T(key, "prospect", cmp.Or(f.ProspectName, f.Prospect), "case", cmp.Or(f.CaseName, f.Case),
				"date", t.Date(f.Date), "days", t.N("days", f.DaysOverdue), "n", fmt.Sprint(f.N))})
	}
	for _, ref := range r.References {
		c := ref.Case
		active := !c.Draft && cmp.Or(c.Status, "live") == "live" && (c.Reference.Visit || c.Reference.Call)
		why := ""
		if len(ref.Health.Reasons) > 0 {
			why = t.T("why", "reasons", t.List(ref.Health.Reasons))
		}
		switch {
		case ref.Health.Level == "red" && active:
			out = append(out, Alert{Kind: "health", Case: c.Slug, days: 2, Message: t.T("alert_health_red", "case", ref.Name, "why", why)})
		case ref.Health.Level == "amber" && active && ref.Asks > 0:
			out = append(out, Alert{Kind: "health", Case: c.Slug, days: 1, Message: t.T("alert_health_amber", "case", ref.Name, "times", t.N("times", ref.Asks), "why", why)})
		}
	}
	for _, ref := range r.References {
		if ref.Consent == nil || ref.Consent.Expires.IsZero() || !ref.Consent.Public {
			continue
		}
		left := Days(r.Date, ref.Consent.Expires)
		warn := r.consentWarningDays
		switch {
		case left <= 0:
			out = append(out, Alert{Kind: "consent", Case: ref.Case.Slug, days: -left + warn,
				Message: t.T("alert_consent_gone", "case", ref.Name, "date", t.Date(ref.Consent.Expires))})
		case left <= warn:
			out = append(out, Alert{Kind: "consent", Case: ref.Case.Slug, days: warn - left,
				Message: t.T("alert_consent_soon", "case", ref.Name, "date", t.Date(ref.Consent.Expires))})
		}
	}
	for _, w := range r.Demand.Weak {
		p := w.Prospect
		if p.VisitDate.IsZero() || p.VisitDate.Before(r.Date) || Days(r.Date, p.VisitDate) > SoonDays {
			continue
		}
		a := Alert{Kind: "weak_match", Prospect: p.Slug, days: SoonDays - Days(r.Date, p.VisitDate)}
		if w.Best == nil {
			a.Message = t.T("alert_weak_none", "prospect", p.Name, "date", t.Date(p.VisitDate))
		} else {
			a.Message = t.T("alert_weak", "prospect", p.Name, "date", t.Date(p.VisitDate), "score", t.Decimal(match.Round(w.Score)))
		}
		out = append(out, a)
	}
	for _, ref := range r.References {
		if ref.Willing && ref.Quota > 0 && ref.Asks >= ref.Quota {
			out = append(out, Alert{Kind: "quota", Case: ref.Case.Slug, days: ref.Asks - ref.Quota,
				Message: t.T("alert_quota", "case", ref.Name, "asks", t.N("asks", ref.Asks), "m", t.Int(ref.Quota))})
		}
	}
	slices.SortStableFunc(out, func(a, b Alert) int {
		return cmp.Or(cmp.Compare(slices.Index(AlertKinds, a.Kind), slices.Index(AlertKinds, b.Kind)), cmp.Compare(b.days, a.days))
	})
	return out
}
