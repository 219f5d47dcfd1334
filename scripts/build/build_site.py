"""Build the static site, with its printed handbooks, without ever leaving a half-built one in place.

    python -m scripts.build.build_site [--site-dir site]                  (make build)
    python -m scripts.build.build_site --township qingshi                 (make build TOWNSHIP=qingshi)
    python -m scripts.build.build_site --all                              (make build-all)

MkDocs empties the site folder before it renders, so a build that fails halfway would leave a
broken site where a good one was (on the intranet server, or in the folder copied to a USB
stick). This builds into a new folder beside it and swaps it in only when the build — site and
handbooks — succeeded.

Without --township the settings are mkdocs.yml's (extra.township) and the site goes to site/.
With --township ID they are data/townships/ID.yml's (a small file that inherits mkdocs.yml) and
the site goes to dist/ID/; --all builds every township that way and packs each site into
dist/ID.zip for a USB stick. A township file is checked first: what is wrong is said in Chinese,
naming the file, before MkDocs reads it."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = "dist"


def config_for(project: Path, township: str | None) -> Path | None:
    """The config file to build (mkdocs.yml, or the township's file), after checking a township
    file; None, with the problems printed, when it cannot be built."""
    from macros.content.referrals import load_referrals
    from macros.content.township import check_township_file, township_file
    from macros.core.errors import ContentError
    from macros.core.paths import ProjectPaths

    paths = ProjectPaths.at(project)
    if township is None:
        return paths.config
    try:
        path = township_file(paths, township)
        offices = load_referrals(paths.referrals)
    except ContentError as e:
        print(e, file=sys.stderr)
        return None
    problems = check_township_file(path, paths, list(offices))
    if problems:
        print(f"乡镇设置文件有 {len(problems)} 处问题，没有构建：", file=sys.stderr)
        for i, p in enumerate(problems, start=1):
            print(f"{i:>3}. {p}", file=sys.stderr)
        return None
    return path


def build(
    site_dir: Path,
    project: Path = ROOT,
    config: Path | None = None,
    handbooks: bool = True,
    log=print,
    announce: bool = True,
) -> int:
    """Build the site (and print its handbooks) into site_dir; 0 on success. announce: say
    where the site is (not when it is only a step, as in make handbook)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_HANDBOOKS="true" if handbooks else "false")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(new)]
    if config is not None:
        command += ["-f", str(config)]
    result = subprocess.run(command, cwd=project, env=env)
    failed = result.returncode != 0
    if not failed and handbooks:
        from .handbook import print_handbooks

        try:
            print_handbooks(new, log=log)
        except Exception as e:  # noqa: BLE001 — any failure to print keeps the old site
            print(f"\n打印手册失败：{e}", file=sys.stderr)
            failed = True
    if failed:
        shutil.rmtree(new, ignore_errors=True)
        kept = "原来的网站保持不变" if site_dir.exists() else "没有生成网站"
        print(f"\n构建失败（见上面的错误信息），{kept}：{site_dir}", file=sys.stderr)
        return result.returncode or 1
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    if announce:
        log(f"网站已生成：{site_dir}")
    return 0


def pack(site_dir: Path, archive: Path) -> Path:
    """The site as a zip for a USB stick: one folder named like the site folder; unpack it
    and double-click index.html inside."""
    tmp = archive.with_name(f".{archive.name}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                z.write(path, Path(site_dir.name) / path.relative_to(site_dir))
    tmp.replace(archive)
    return archive


def blank_phone_summary(project: Path, townships: list[str]) -> list[str]:
    """'qingshi（青石镇）：12 个单位' for every township whose referral phones are not all filled in."""
    from macros.content.referrals import load_referrals
    from macros.content.township import township_file, township_settings
    from macros.core.paths import ProjectPaths
    from macros.site import read_extra

    paths = ProjectPaths.at(project)
    offices = load_referrals(paths.referrals)
    out = []
    for tid in townships:
        local = township_settings(read_extra(township_file(paths, tid)), list(offices))
        blank = local.offices_without_phone(offices)
        if blank:
            out.append(f"{tid}（{local.name}）：{len(blank)} 个单位")
    return out


def build_all(project: Path, dist: Path, handbooks: bool = True) -> int:
    from macros.content.township import township_files
    from macros.core.paths import ProjectPaths

    townships = list(township_files(ProjectPaths.at(project)))
    if not townships:
        print(f"{project / 'data' / 'townships'} 里还没有乡镇的设置文件（<id>.yml），没有可构建的乡镇", file=sys.stderr)
        return 1
    failed = []
    for tid in townships:
        start = time.perf_counter()
        print(f"\n==== {tid} ====")
        config = config_for(project, tid)
        if config is None or build(dist / tid, project, config=config, handbooks=handbooks) != 0:
            failed.append(tid)
            continue
        archive = pack(dist / tid, dist / f"{tid}.zip")
        print(f"{tid}：网站 {dist / tid}，U 盘用的压缩包 {archive}（{time.perf_counter() - start:.0f} s）")
    print(f"\n共 {len(townships)} 个乡镇，成功 {len(townships) - len(failed)} 个。")
    blank = blank_phone_summary(project, [t for t in townships if t not in failed])
    if blank:
        print("以下乡镇还有转办电话没有填写（网站的转办目录页会提醒工作人员）：\n  " + "\n  ".join(blank))
    if failed:
        print(f"构建失败的乡镇：{'、'.join(failed)}（原因见上面的信息）", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--township", help="乡镇 id：按 data/townships/<id>.yml 构建，输出到 dist/<id>/")
    which.add_argument("--all", action="store_true", help="data/townships/ 里的每个乡镇，各自输出并打包成 zip")
    ap.add_argument("--site-dir", type=Path, help="输出文件夹（默认 site/，有 --township 时 dist/<id>/）")
    ap.add_argument("--no-handbooks", action="store_true", help="只生成网站，不打印手册（不需要 chromium）")
    ap.add_argument("--project", type=Path, default=ROOT, help="项目目录（mkdocs.yml 所在的目录）")
    args = ap.parse_args()
    project = args.project.resolve()
    handbooks = not args.no_handbooks
    if args.all:
        return build_all(project, args.site_dir or project / DIST, handbooks)
    config = config_for(project, args.township)
    if config is None:
        return 1
    site_dir = args.site_dir or (project / DIST / args.township if args.township else project / "site")
    return build(site_dir, project, config=config, handbooks=handbooks)


if __name__ == "__main__":
    sys.exit(main())
