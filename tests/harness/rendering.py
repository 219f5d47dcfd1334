"""Word files as a person sees them printed: rendered to PDF by LibreOffice (Debian's
libreoffice-writer-nogui, `soffice --headless --convert-to pdf`, installed by `make test`),
then read back with pdfplumber: each page's text lines with their position in millimetres, and
the ruled lines (borders) with their width and colour. The tests assert on this, not on the XML
the engine wrote."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MM = 72 / 25.4  # PDF points per millimetre
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def render_pdfs(docx_files: Iterable[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert every .docx to PDF in one LibreOffice run, with a user profile of its own (so
    parallel runs do not share one); returns docx → pdf."""
    files = list(docx_files)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not Path(SOFFICE).exists():
        raise AssertionError("没有找到 soffice：请先安装 Debian 的 libreoffice-writer-nogui（make test 会自动安装）")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        # Same-named files (a template and a form of one slug) would overwrite each other.
        by_folder: dict[Path, list[Path]] = {}
        for f in files:
            by_folder.setdefault(f.parent, []).append(f)
        result = {}
        for i, (folder, group) in enumerate(sorted(by_folder.items())):
            target = out_dir / f"{i:02d}-{folder.name}"
            target.mkdir(exist_ok=True)
            cmd = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
            run = subprocess.run(
                [*cmd, "--outdir", str(target), *map(str, group)], capture_output=True, text=True, timeout=600
            )
            for f in group:
                pdf = target / (f.stem + ".pdf")
                if not pdf.exists():
                    raise AssertionError(f"LibreOffice 没有把 {f.name} 转成 PDF：\n{run.stdout}\n{run.stderr}")
                result[f] = pdf
    return result


@dataclass
class Line:
    """One line of text on a page (characters whose tops are within 1 mm of each other)."""

    text: str
    top: float  # mm from the top edge of the page
    bottom: float
    x0: float  # mm from the left edge
    x1: float
    chars: list[dict] = field(repr=False, default_factory=list)

    @property
    def red(self) -> bool:
        return any(_is_red(c.get("non_stroking_color")) for c in self.chars)


@dataclass
class Rule:
    """A horizontal ruled line (a border), in mm, its thickness in points."""

    y: float
    x0: float
    x1: float
    width_pt: float
    red: bool

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass
class Page:
    number: int
    width: float  # mm
    height: float
    lines: list[Line]
    rules: list[Rule]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def find(self, start: str) -> Line:
        hits = [line for line in self.lines if line.text.startswith(start)]
        if not hits:
            raise AssertionError(f"第 {self.number} 页没有以“{start}”开头的行：\n{self.text}")
        return hits[0]


def _is_red(color) -> bool:
    if not color or not isinstance(color, tuple | list) or len(color) != 3:
        return False
    r, g, b = color
    return r > 0.8 and g < 0.2 and b < 0.2


def read_pdf(pdf: Path) -> list[Page]:
    import pdfplumber

    pages = []
    with pdfplumber.open(str(pdf)) as doc:
        for n, p in enumerate(doc.pages, start=1):
            chars = sorted((c for c in p.chars if c["text"].strip()), key=lambda c: (round(c["top"]), c["x0"]))
            rows: list[list[dict]] = []
            for c in chars:
                if rows and abs(rows[-1][0]["top"] - c["top"]) < MM:
                    rows[-1].append(c)
                else:
                    rows.append([c])
            lines = []
            for row in rows:
                row.sort(key=lambda c: c["x0"])
                lines.append(
                    Line(
                        "".join(c["text"] for c in row),
                        min(c["top"] for c in row) / MM,
                        max(c["bottom"] for c in row) / MM,
                        row[0]["x0"] / MM,
                        row[-1]["x1"] / MM,
                        row,
                    )
                )
            lines.sort(key=lambda line: line.top)
            rules = []
            for e in [*p.lines, *p.rects]:
                if abs(e["bottom"] - e["top"]) < 2 and e["x1"] - e["x0"] > 20 * MM:
                    thick = e.get("linewidth") or (e["bottom"] - e["top"])
                    color = e.get("stroking_color") or e.get("non_stroking_color")
                    rules.append(Rule(e["top"] / MM, e["x0"] / MM, e["x1"] / MM, float(thick), _is_red(color)))
            rules.sort(key=lambda r: r.y)
            pages.append(Page(n, float(p.width) / MM, float(p.height) / MM, lines, rules))
    return pages
