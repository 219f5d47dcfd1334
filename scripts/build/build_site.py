"""Build the static site without ever leaving a half-built one in place.

    python -m scripts.build.build_site [--site-dir site]     (make build)

MkDocs empties the site folder before it renders, so a build that fails halfway would leave a
broken site where a good one was (on the intranet server, or in the folder copied to a USB
stick). This builds into a new folder beside it and swaps it in only when the build succeeded."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(site_dir: Path, project: Path = ROOT) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(new)], cwd=project, env=env)
    if result.returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        kept = "原来的网站保持不变" if site_dir.exists() else "没有生成网站"
        print(f"\n构建失败（见上面的错误信息），{kept}：{site_dir}", file=sys.stderr)
        return result.returncode
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"网站已生成：{site_dir}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--site-dir", type=Path, default=ROOT / "site")
    ap.add_argument("--project", type=Path, default=ROOT, help="项目目录（mkdocs.yml 所在的目录）")
    args = ap.parse_args()
    return build(args.site_dir, args.project)


if __name__ == "__main__":
    sys.exit(main())
