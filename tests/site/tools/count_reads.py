"""Builds a project in this process with every file opening counted, and prints how many times
each Markdown and YAML file of the project was opened for reading (JSON). Used by
tests/site/test_read_once.py; a subprocess, so the counting hook touches nothing else.

    python tests/site/tools/count_reads.py PROJECT SITE_DIR
"""
import builtins, io, json, os, sys
from collections import Counter
from pathlib import Path
root = Path(sys.argv[1]).resolve()
out = sys.argv[2]
reads = Counter()
real_open = io.open


def counting_open(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, os.PathLike)) and "r" in mode and "+" not in mode:
        p = Path(file).resolve()
        if p.suffix in (".md", ".yaml", ".yml") and root in p.parents:
            reads[p.relative_to(root).as_posix()] += 1
    return real_open(file, mode, *args, **kwargs)


builtins.open = io.open = counting_open
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config
os.chdir(root)
build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=out))
print(json.dumps(reads))
