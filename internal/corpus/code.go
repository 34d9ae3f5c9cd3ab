package corpus

import (
	"strconv"
	"strings"
)

// Code snippets shown in some implementation sections. $CLASS, $YEARS, $NUM
// and $YEAR are replaced; everything else is literal.
var snippets = []struct{ lang, text string }{
	{"yaml", `# retention rules for $CLASS
document_class: $CLASS
retention:
  years: $YEARS
  trigger: contract_end
  legal_hold: true
storage:
  format: PDF/A-2b
  replicas: 2
`},
	{"json", `{
  "class": "$CLASS",
  "metadata": {
    "number": "C-$NUM",
    "office": "$NUM2"
  },
  "retention_years": $YEARS
}
`},
	{"sql", `SELECT d.doc_number, d.archived_at
FROM archive_documents d
LEFT JOIN erp_records e ON e.doc_number = d.doc_number
WHERE e.doc_number IS NULL
  AND d.document_class = '$CLASS'
  AND d.archived_at >= DATE '$YEAR-01-01';
`},
	{"bash", `curl -s -H "Authorization: Bearer $TOKEN" \
  "https://archive.internal/api/v2/search?class=$CLASS&q=number:C-$NUM" \
  | jq '.hits[] | {id, title, archived_at}'
`},
	{"xml", `<profile name="$CLASS">
  <separator type="barcode" symbology="QR"/>
  <ocr languages="eng,jpn,rus"/>
  <export format="PDF/A-2b" retention-years="$YEARS"/>
</profile>
`},
	{"python", `import hashlib

def verify(path, expected):
    """Compare a migrated file with the checksum exported from the old archive."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest() == expected

# batch $NUM, class $CLASS
`},
}

var docClasses = strings.Fields(`contract invoice hr_file policy_file claim_file loan_file well_log drawing patient_record lease_contract board_minutes customs_declaration tax_return building_permit subscriber_contract delivery_note`)

func (g *gen) code() {
	s := snippets[g.r.IntN(len(snippets))]
	text := strings.NewReplacer(
		"$CLASS", pick(g.r, docClasses),
		"$YEARS", strconv.Itoa(3+g.r.IntN(73)),
		"$NUM2", strconv.Itoa(100+g.r.IntN(900)),
		"$NUM", strconv.Itoa(10000+g.r.IntN(90000)),
		"$YEAR", strconv.Itoa(g.c.goYear()),
	).Replace(s.text)
	g.put("```" + s.lang + "\n")
	g.put(text)
	g.put("```\n\n")
}
