"""The laws: the reviewed law list (lawlist), source adapters that read a law into one model
(sources/), the importer that renders law pages and checks them against their source
(importer), law pages read back (lawpage), the registry of laws and articles (registry),
amendment decisions and 新旧对照 (amendment), the review queue after a re-import (review), the
catalogue table (catalogue) and the blocks added under each article (augment)."""
