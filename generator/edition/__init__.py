"""Edition: what a site edition may show (the filter) and what a public repository may hold (the guard)."""
