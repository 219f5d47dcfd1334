"""Compares two built sites file by file: what a change that should not change the site (a
refactoring, a dependency update) must leave the same. Word files are compared part by part,
leaving out the creation and modification times python-docx stamps into docProps/core.xml.

    python -m scripts.checks.compare_sites SITE_BEFORE SITE_AFTER [--ignore-line REGEX ...]

Lines matching an --ignore-line pattern are dropped from text files before comparing (an
intended change, such as one added <script> element). Prints every difference; exits 1 if any."""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from pathlib import Path

TEXT = {".html", ".js", ".json", ".css", ".xml", ".txt", ".svg"}


def _docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def differences(before: Path, after: Path, ignore: list[re.Pattern] = ()) -> list[str]:
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    def text(path: Path) -> list[str]:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        return [ln for ln in lines if not any(rx.search(ln) for rx in ignore)]

    old, new = files(before), files(after)
    out = [f"只在前一个网站里：{rel}" for rel in sorted(old - new)]
    out += [f"只在后一个网站里：{rel}" for rel in sorted(new - old)]
    for rel in sorted(old & new):
        a, b = before / rel, after / rel
        if rel.endswith(".docx"):
            same = _docx_parts(a) == _docx_parts(b)
        elif Path(rel).suffix in TEXT:
            same = text(a) == text(b)
        else:
            same = a.read_bytes() == b.read_bytes()
        if not same:
            out.append(f"内容不同：{rel}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m scripts.checks.compare_sites", description="逐个文件比较两个生成的网站"
    )
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--ignore-line", action="append", default=[], help="比较文本文件时忽略匹配这个正则的行")
    args = ap.parse_args(argv)
    found = differences(args.before, args.after, [re.compile(p) for p in args.ignore_line])
    for line in found:
        print(line)
    print(f"共 {len(found)} 处不同" if found else "两个网站相同", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
