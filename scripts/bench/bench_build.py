"""Build-time cost of the cross-references: builds the real site with and without them
(KB_CROSS_REFERENCES=false: the zhishiku plugin's cross_references option) and prints the
median of several builds each.

    .venv/bin/python -m scripts.bench.bench_build [--runs 3]      (make bench-build)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_seconds(xref: str, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_CROSS_REFERENCES="true" if xref == "on" else "false")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build_seconds("on", Path(tmp) / "warm")  # warm caches (jieba, bytecode)
        times = {mode: [] for mode in ("off", "on")}
        for _ in range(args.runs):
            for mode in times:  # interleave to share machine noise
                times[mode].append(build_seconds(mode, Path(tmp) / mode))
    off, on = statistics.median(times["off"]), statistics.median(times["on"])
    print(f"without cross-references: {off:.2f} s (median of {args.runs})")
    print(f"with cross-references:    {on:.2f} s (median of {args.runs})")
    print(f"overhead:                 {100 * (on - off) / off:+.1f} %")


if __name__ == "__main__":
    main()
