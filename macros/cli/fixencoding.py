"""`make fix-encoding`: converts the content files that are not UTF-8 (a GBK page saved by
Notepad or WPS) to UTF-8, after showing each one's first lines as they will read, and asking.

    python -m macros.cli.fixencoding [--yes] [--project .]

Looks at every text file a build reads: docs/ (.md, .yaml, .yml), data/, mkdocs.yml. A file that
is not text at all is named and left alone. Nothing is written unless the editor says yes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.files import guess_encoding
from ..core.paths import ProjectPaths
from . import project_root

TEXT_SUFFIXES = {".md", ".yaml", ".yml"}
PREVIEW_LINES = 3


def candidates(paths: ProjectPaths) -> list[Path]:
    files = [p for p in sorted(paths.docs.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES]
    files += sorted(paths.data.glob("*.yaml")) if paths.data.is_dir() else []
    files += sorted(paths.townships.glob("*.yml")) if paths.townships.is_dir() else []
    return files + ([paths.config] if paths.config.exists() else [])


def not_utf8(paths: ProjectPaths) -> list[tuple[Path, str | None]]:
    """(file, its encoding — None for a file that is not text) for every file that is not UTF-8."""
    out = []
    for path in candidates(paths):
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append((path, guess_encoding(raw)))
    return out


def main(argv: list[str] | None = None, answer=input) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m macros.cli.fixencoding", description="把不是 UTF-8 编码的内容文件转成 UTF-8"
    )
    ap.add_argument("--project", type=Path, help="项目目录（mkdocs.yml 所在的目录，默认当前目录）")
    ap.add_argument("--yes", action="store_true", help="不询问，直接转换")
    args = ap.parse_args(argv)
    paths = ProjectPaths.at(project_root(args.project))
    found = not_utf8(paths)
    convertible = [(p, enc) for p, enc in found if enc is not None]
    for path, enc in found:
        shown = paths.shown(path)
        if enc is None:
            print(f"{shown}：不是文本文件（可能是 Word 文档、图片或损坏的文件），没有转换；请删除它或换成文本文件")
            continue
        lines = path.read_bytes().decode(enc, errors="replace").split("\n")[:PREVIEW_LINES]
        print(f"{shown}：现在是 {enc.upper()} 编码，转换后前几行是：")
        for line in lines:
            print(f"    {line}")
    if not convertible:
        print("没有需要转换编码的文件。" if not found else "没有可以转换的文件。")
        return 0
    if not args.yes:
        reply = answer(f"把以上 {len(convertible)} 个文件转成 UTF-8？请确认上面显示的文字正常（y/N）：")
        if reply.strip().lower() not in ("y", "yes", "是"):
            print("没有转换任何文件。")
            return 1
    for path, enc in convertible:
        text = path.read_bytes().decode(enc)
        path.write_text(text, encoding="utf-8")
        print(f"已转换：{paths.shown(path)}（{enc.upper()} → UTF-8）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
