package content

// TranslationGroups joins case studies linked by translation_of, which tell
// one customer's story: group[i] is the same for every translation of
// cases[i] (the index of one of them) and differs between customers. A
// translation_of naming no case in cases joins nothing.
func TranslationGroups(cases []*Case) []int {
	bySlug := make(map[string]int, len(cases))
	for i, c := range cases {
		bySlug[c.Slug] = i
	}
	parent := make([]int, len(cases))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, c := range cases {
		if j, ok := bySlug[c.TranslationOf]; ok && c.TranslationOf != "" {
			parent[find(i)] = find(j)
		}
	}
	for i := range parent {
		parent[i] = find(i)
	}
	return parent
}
