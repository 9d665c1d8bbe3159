"""No module of the extractor assigns one top-level name twice.

Rules are module-level compiled patterns with short private names (`_SENTENCE_START`,
`_ARTICLE_BEFORE`); a second assignment further down a long module silently replaces the
first for every function that reads it, which ruff does not report for plain assignments.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted([*(ROOT / "extractors").rglob("*.py"), *(ROOT / "factwatch").rglob("*.py")])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_assigned_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id != "__all__"
    )
    assert not [name for name, n in names.items() if n > 1]


def test_the_check_sees_a_name_assigned_twice(tmp_path: Path) -> None:
    module = tmp_path / "twice.py"
    module.write_text("import re\n_A = re.compile('a')\n\ndef f():\n    return _A\n\n_A = 1\n")
    with pytest.raises(AssertionError):
        test_no_top_level_name_is_assigned_twice(module)
