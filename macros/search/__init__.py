"""The site's search: the data the browser script needs — vocabulary, article 要点, law names,
traditional → simplified table (data) — and the index prebuilt at build time (index)."""
