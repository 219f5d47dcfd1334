# The two commands of README.md: `make serve` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NODE_DEPS := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-all handbook check fix-encoding test lint format install install-dev chromium print-deps libreoffice pdftotext check-links import-laws check-laws bench-build bench-search bench-scale clean

serve: install
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

# The site and its printed handbooks (PDF, linked from the home page), built into a new folder
# and swapped in only on success: a failed build keeps the old site. TOWNSHIP=<id> builds the
# township of data/townships/<id>.yml into dist/<id>/ instead of site/.
build: install print-deps
	$(BIN)/python -m scripts.build.build_site $(if $(TOWNSHIP),--township $(TOWNSHIP),--site-dir site)

# Every township of data/townships/: dist/<id>/ (site and handbooks) and dist/<id>.zip (USB stick).
build-all: install print-deps
	$(BIN)/python -m scripts.build.build_site --all

# Only the handbooks (PDF), into handbook/ (handbook/<id>/ with TOWNSHIP=<id>), with page counts and time.
handbook: install print-deps
	$(BIN)/python -m scripts.build.handbook $(if $(TOWNSHIP),--township $(TOWNSHIP))

# Every content problem at once (front matter, data files, citations, law text, law changes to review).
check: install-dev
	$(BIN)/python -m macros.cli.check

# Content files saved in GBK (Notepad, WPS) converted to UTF-8, after showing them and asking.
fix-encoding: install
	$(BIN)/python -m macros.cli.fixencoding

test: install-dev print-deps libreoffice pdftotext $(NODE_DEPS)
	$(BIN)/pytest

# Lint and format check (ruff) of everything, type check (mypy) of the engine; `make format` fixes the format.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The engine (macros/) is installed in editable mode: MkDocs finds its plugin (zhishiku) by name.
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt requirements-importer.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-importer.txt
	touch $@

# Browser tests drive Debian's chromium (Playwright's own browser download cannot work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "正在安装 Debian 的 chromium（浏览器测试需要）……"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

# The handbooks are printed by chromium, in Chinese: it needs a CJK font (Debian's Noto CJK).
print-deps: chromium
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  echo "正在安装 Debian 的 fonts-noto-cjk（打印手册的中文字体）……"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q fonts-noto-cjk; }

# The Word files are tested as they print: LibreOffice renders them to PDF (Debian's
# libreoffice-writer-nogui), with a Chinese font to lay the text out in (fonts-noto-cjk).
libreoffice:
	@{ command -v soffice >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; } || { \
	  echo "正在安装 Debian 的 libreoffice-writer-nogui 和 fonts-noto-cjk（Word 文件的排版测试需要）……"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q libreoffice-writer-nogui fonts-noto-cjk; }

# The handbook and township tests read the printed PDFs' text with poppler's pdftotext
# (Debian's poppler-utils), which a fresh machine may lack.
pdftotext:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  echo "正在安装 Debian 的 poppler-utils（手册测试读 PDF 文字用的 pdftotext）……"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q poppler-utils; }

# axe-core for the accessibility test, at the versions of package-lock.json; npm comes from
# Debian when the machine has none.
$(NODE_DEPS): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "正在安装 Debian 的 nodejs 和 npm（无障碍测试需要）……"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q nodejs npm; }
	npm ci --no-audit --no-fund
	touch $@

# Every internal link and #anchor of the built site (site/) resolves.
check-links: build
	$(BIN)/python -m scripts.checks.check_links site

import-laws: install-dev
	$(BIN)/python -m macros.cli.lawimport

check-laws: install-dev
	$(BIN)/python -m macros.cli.lawimport --check

bench-build: install
	$(BIN)/python -m scripts.bench.bench_build

clean:
	rm -rf site dist handbook $(VENV) node_modules

# Search quality and speed on the reception questions (scripts/bench/questions/).
bench-search: install-dev chromium
	$(BIN)/python -m scripts.bench.bench_search

# Build time, site and index size, search readiness and latency: the site as it is, with 10×
# its law text, and with every law of the database (scripts/bench/bench_scale.py; temp copies only).
bench-scale: install-dev chromium
	$(BIN)/python -m scripts.bench.bench_scale
