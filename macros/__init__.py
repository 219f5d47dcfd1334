"""乡镇党政办知识库's build engine. See macros/README.md for the layout:

core/ (files, errors, YAML and front matter, paths and anchors, numerals), laws/ (law list,
source adapters, importer, registry, amendments, review), xref/ (citations, graph, links,
quotations, index views), content/ (reception, referrals, township settings, glossary, quizzes,
templates and Word files), search/ (client data, prebuilt index), cli/ (python -m entry points),
site.py (the site model, read once), build.py (one build's steps) and adapter.py (the MkDocs
plugin: the only module that imports mkdocs)."""
