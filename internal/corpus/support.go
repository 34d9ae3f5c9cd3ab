package corpus

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"time"
)

// SupportExport writes a helpdesk ticket export shaped like Zendesk's CSV
// (see content/support.csv) with rows tickets spread over the customers,
// opened in the year before end. Most tickets are solved within days; a
// few stay open, some of them severe, so that the derived health of a
// large library is a mix of green, amber and red.
func SupportExport(customers []string, rows int, seed int64, end time.Time) []byte {
	r := newRand(seed, 15)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"Id", "Subject", "Status", "Priority", "Requester", "Organization", "Created at", "Updated at", "Solved at", "Satisfaction Score"})
	priorities := []string{"Low", "Normal", "High", "Urgent"}
	const layout = "2006-01-02 15:04:05 -0700"
	for i := range rows {
		opened := end.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour))))
		prio := priorities[weighted(r, []int{40, 45, 12, 3})]
		status, solved, rating := "open", "", "Unoffered"
		if r.IntN(100) < 95 {
			s := opened.Add(time.Duration(r.Int64N(int64(10 * 24 * time.Hour))))
			if s.Before(end) {
				status, solved = "solved", s.Format(layout)
				rating = []string{"Good", "Good", "Good", "Good", "Bad", "Offered"}[r.IntN(6)]
			}
		}
		w.Write([]string{
			strconv.Itoa(100000 + i), "Ticket " + strconv.Itoa(i), status, prio, "Requester " + strconv.Itoa(r.IntN(5000)),
			customers[r.IntN(len(customers))], opened.Format(layout), opened.Format(layout), solved, rating,
		})
	}
	w.Flush()
	return b.Bytes()
}
