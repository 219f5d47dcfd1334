"""Quiz pages for every module that has questions: `python -m macros.cli.quizpages` checks the
bank and prints counts; with --write-pages it also writes the missing practice, paper and answer
key pages (a new module's pages are three short stubs calling the quiz macros)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.quiz_model import TYPE_NAMES, QuizBank, module_pages
from ..core.paths import ProjectPaths
from ..site import load_site, read_extra
from . import project_root

_STUBS = {
    "practice": '---\ntitle: {title} · 练习\n---\n\n# {title} · 练习\n\n{{{{ quiz("{slug}") }}}}\n',
    "paper": "---\ntitle: {title} · 试卷（打印版）\nsearch:\n  exclude: true\n---\n\n"
    '# {title} · 试卷\n\n{{{{ quiz_paper("{slug}") }}}}\n',
    "key": "---\ntitle: {title} · 参考答案（打印版）\nsearch:\n  exclude: true\n---\n\n"
    '# {title} · 参考答案\n\n{{{{ quiz_key("{slug}") }}}}\n',
}


def write_missing_pages(bank: QuizBank, docs_dir: Path) -> list[str]:
    written = []
    for m in bank.modules.values():
        for kind, rel in module_pages(m.slug).items():
            target = docs_dir / rel
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_STUBS[kind].format(title=m.title, slug=m.slug), encoding="utf-8")
                written.append(rel)
    return written


def main(argv: list[str]) -> int:
    paths = ProjectPaths.at(project_root())
    site, problems = load_site(paths, read_extra(paths.config), scan_citations=False)
    bank = site.bank
    if bank is None:
        for p in problems:
            print(f"错误：{p}", file=sys.stderr)
        return 1
    docs_dir = paths.docs
    if "--write-pages" in argv:
        for rel in write_missing_pages(bank, docs_dir):
            print(f"已生成 docs/{rel}")
    total = 0
    for m in bank.modules.values():
        types = {t: sum(cq.q.type == t for cq in m.questions) for t in TYPE_NAMES}
        print(f"{m.slug}: {len(m.questions)} 题（" + "，".join(f"{TYPE_NAMES[t]} {n}" for t, n in types.items()) + "）")
        total += len(m.questions)
    print(f"合计 {total} 题")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
