"""The extractor on the dev set (shared/dev), scored with the README's matching rules.

The thresholds are the issue's bar: 0.95 micro F1 and 0.95 on date labels and statuses
(this version reaches 0.97, 0.99 and 0.99).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factwatch.evaluate import EvalReport, evaluate

pytestmark = pytest.mark.shared

MIN_MICRO_F1 = 0.95  # reached: 0.97
MIN_STATUS_ACCURACY = 0.95  # reached: 0.99
MIN_DATE_ACCURACY = 0.95  # reached: 0.99


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> EvalReport:
    return evaluate(shared_dir / "dev" / "gold")


def test_dev_micro_f1(report: EvalReport) -> None:
    assert report.f1 >= MIN_MICRO_F1, report.to_text(details=False)


def test_dev_attributes(report: EvalReport) -> None:
    assert report.attribute("status").accuracy >= MIN_STATUS_ACCURACY
    assert report.attribute("date").accuracy >= MIN_DATE_ACCURACY


def test_every_dev_article_is_read_without_error(report: EvalReport) -> None:
    errors = [(a.article, a.error) for a in report.articles if a.error]
    assert not errors


def test_report_renders(report: EvalReport) -> None:
    data = report.to_json()
    assert {t["type"] for t in data["types"]} >= {"production", "executive"}
    assert "micro" in data and report.to_text().splitlines()[0].startswith("type")
