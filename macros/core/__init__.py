"""The engine's ground floor, used by every other part: reading files once with their encoding
checked (files), YAML data and its Chinese error messages (datafile), front matter and its
schema (frontmatter, pagemeta), content errors (errors), project paths, article anchors and
links (paths), Chinese numerals (cnnum), pasted-character checks (charcheck), pinyin order (sorting)."""
