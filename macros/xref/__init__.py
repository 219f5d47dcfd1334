"""Cross-references: citation recognition (citations), the citation graph and its checks
(graph), quotations checked against the article (quotations), citations linked in HTML
(links), and the index views — backlinks, citation index, topics, unresolved (views)."""
