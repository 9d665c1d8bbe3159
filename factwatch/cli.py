"""`factwatch` — the user's entry point.

Exit codes: 0 ok; 2 bad input (a file that cannot be read, an unsupported language,
a bad option value): one clear line each on stderr, the rest of the run goes on;
1 an unexpected failure (shown with its traceback only with --verbose).

Runs are in-process by default (fast, quiet). When PREFECT_API_URL is set, `rerun`
and `monitor` run as Prefect flows against that server, calling the same pipeline
functions as tasks (see README, "Prefect").
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factwatch.config import Settings

if TYPE_CHECKING:
    from factwatch.pipeline import ArticleOutcome

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

log = logging.getLogger("factwatch")


class UsageError(Exception):
    """A user mistake that is not about one article: one line, exit code 2."""


# --------------------------------------------------------------------------- output


def _emit_json(obj: Any, out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _problem(line: str) -> None:
    sys.stderr.write(f"factwatch: {line}\n")


def _print_outcome(outcome: ArticleOutcome, *, json_mode: bool, out: TextIO) -> None:
    from factwatch.render import change_summary, fact_summary

    if outcome.problem:
        _problem(outcome.problem)
        return
    if json_mode:
        for change in outcome.changes:
            _emit_json(change.to_json(), out)
        return
    where = outcome.where
    if outcome.duplicate:
        out.write(f"{where}: already recorded (same text): nothing changed, nothing to alert\n")
        return
    out.write(f"\n{where} — {len(outcome.facts)} facts\n")
    for fact in outcome.facts:
        out.write(f"  • {fact.type.value:<16} {fact_summary(fact)}  [{fact.confidence:.2f}]\n")
        out.write(f"      “{fact.evidence.sentence.strip()}”\n")
    if not outcome.changes:
        out.write("  changes: none\n")
        return
    out.write(f"  changes ({len(outcome.changes)}):\n")
    for change in outcome.changes:
        flag = "alert" if change.alert else "     "
        out.write(
            f"    {change.kind.value:<9} {flag}  {change.type.value:<16} {change_summary(change)}\n"
        )


# --------------------------------------------------------------------------- commands


def _open_store(db_url: str) -> Any:
    from factwatch.store import Store

    return Store.open(db_url)


def _router(settings: Settings) -> Any:
    from alerts.routing import load_router

    return load_router(settings.routing)


def cmd_rerun(args: argparse.Namespace, settings: Settings) -> int:
    if settings.uses_prefect_server and not args.in_process:
        from flows.rerun import rerun

        outcomes = rerun(
            paths=[str(p) for p in args.paths],
            db_url=settings.db_url,
            published=args.published,
            publisher=args.publisher,
        )
        for outcome in outcomes:
            _print_outcome(outcome, json_mode=args.json, out=sys.stdout)
        return EXIT_BAD_INPUT if any(o.problem for o in outcomes) else EXIT_OK

    from alerts.dispatcher import dispatch
    from factwatch.pipeline import ingest, load_articles

    store = _open_store(settings.db_url)
    try:
        router = _router(settings)
        items = load_articles(args.paths, published=args.published, publisher=args.publisher)
        outcomes = ingest(
            store,
            items,
            route=router.route,
            on_outcome=lambda o: _print_outcome(o, json_mode=args.json, out=sys.stdout),
        )
        if not args.no_alerts:
            # stdout carries only change objects with --json: console alerts go to stderr
            report = dispatch(
                store, router, json_mode=args.json, console_file=sys.stderr if args.json else None
            )
            for line in report.problems:
                _problem(line)
            if not args.json:
                sys.stdout.write(f"\n{report.summary()}\n")
    finally:
        store.close()
    return EXIT_BAD_INPUT if any(o.problem for o in outcomes) else EXIT_OK


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from factwatch.pipeline import ArticleOutcome, extract_articles, load_articles
    from factwatch.render import fact_summary

    items = load_articles([args.path], published=args.published, publisher=args.publisher)
    item = items[0]
    if isinstance(item, ArticleOutcome):
        _problem(item.problem or "cannot read")
        return EXIT_BAD_INPUT
    result = extract_articles([item])[0]
    if not isinstance(result, list):
        _problem(result.problem or "extraction failed")
        return EXIT_BAD_INPUT
    for fact in result:
        if args.json:
            _emit_json(fact.to_json(), sys.stdout)
        else:
            sys.stdout.write(
                f"{fact.type.value:<16} {fact_summary(fact)}  [{fact.confidence:.2f}]\n"
            )
            sys.stdout.write(
                f"    “{fact.evidence.sentence.strip()}” @{fact.evidence.start}-{fact.evidence.end}\n"
            )
    if not args.json and not result:
        sys.stdout.write("no facts found\n")
    return EXIT_OK


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    from factwatch.model import FuzzyDate

    try:
        return FuzzyDate.from_label(value).end
    except ValueError:
        raise UsageError(f"--as-of {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD") from None


def cmd_facts(args: argparse.Namespace, settings: Settings) -> int:
    from factwatch.model import FactType
    from factwatch.render import fact_summary

    fact_type = None
    if args.type:
        try:
            fact_type = FactType(args.type)
        except ValueError:
            kinds = ", ".join(t.value for t in FactType)
            raise UsageError(f"--type {args.type!r}: one of {kinds}") from None
    as_of = _as_of(args.as_of)
    store = _open_store(settings.db_url)
    try:
        facts = store.current_facts(type=fact_type, model=args.model, plant=args.plant, as_of=as_of)
    finally:
        store.close()
    for fact in facts:
        if args.json:
            _emit_json(fact.to_json(), sys.stdout)
        else:
            src = fact.source.path or fact.source.url or ""
            sys.stdout.write(
                f"{fact.type.value:<16} {fact_summary(fact)}  ({fact.source.published}, {src})\n"
            )
    if not facts and not args.json:
        sys.stdout.write("no facts stored" + (" as of that date" if as_of else "") + "\n")
    return EXIT_OK


def cmd_history(args: argparse.Namespace, settings: Settings) -> int:
    if not args.model and not args.plant:
        raise UsageError("history: give --model and/or --plant")
    store = _open_store(settings.db_url)
    try:
        rows = store.history(model=args.model, plant=args.plant)
    finally:
        store.close()
    for row in rows:
        if args.json:
            _emit_json(row.to_json(), sys.stdout)
        else:
            sys.stdout.write(f"{row}\n")
    if not rows and not args.json:
        sys.stdout.write("nothing recorded for that model or plant\n")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from factwatch.evaluate import evaluate

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise UsageError(f"{gold}: not a directory of gold files")
    report = evaluate(gold, articles_dir=Path(args.articles) if args.articles else None)
    if args.json:
        _emit_json(report.to_json(), sys.stdout)
    else:
        sys.stdout.write(report.to_text() + "\n")
    if args.timelines:
        from factwatch.timelines import run_timelines

        timelines = Path(args.timelines)
        treport = run_timelines(
            timelines,
            articles_dir=Path(args.articles) if args.articles else gold.parent / "articles",
        )
        if args.json:
            _emit_json(treport.to_json(), sys.stdout)
        else:
            sys.stdout.write("\n" + treport.to_text() + "\n")
    return EXIT_OK


def cmd_monitor(args: argparse.Namespace, settings: Settings) -> int:
    from flows.monitor import run_monitor_once, serve_monitor

    sources = Path(args.sources) if args.sources else settings.sources
    if not args.once:
        return serve_monitor(sources=sources, db_url=settings.db_url)
    summary = run_monitor_once(
        sources=sources,
        db_url=settings.db_url,
        json_mode=args.json,
        use_prefect=settings.uses_prefect_server and not args.in_process,
    )
    for line in summary.problems:
        _problem(line)
    if args.json:
        for change in summary.changes:
            _emit_json(change.to_json(), sys.stdout)
    else:
        sys.stdout.write(summary.to_text() + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factwatch",
        description="Watch automotive news for plant, model, start-of-production and capacity changes.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log details and tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common_db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help="store URL (default: FACTWATCH_DB_URL or .factwatch/factwatch.db)",
        )

    def article_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--published",
            metavar="DATE",
            help="publication date for files without the 'date … —' header",
        )
        p.add_argument("--publisher", metavar="NAME", help="publisher for files without the header")

    p = sub.add_parser(
        "rerun", help="rerun article files in order into the store; print facts, changes, alerts"
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    common_db(p)
    article_opts(p)
    p.add_argument("--json", action="store_true", help="changes as JSON, one object per line")
    p.add_argument(
        "--no-alerts", action="store_true", help="store changes but do not deliver alerts now"
    )
    p.add_argument(
        "--in-process", action="store_true", help="ignore PREFECT_API_URL and run in this process"
    )
    p.set_defaults(func=cmd_rerun)

    p = sub.add_parser("extract", help="extract facts from one article (no store)")
    p.add_argument("path", type=Path, metavar="PATH")
    article_opts(p)
    p.add_argument("--json", action="store_true", help="facts as JSON, one object per line")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("facts", help="current facts in the store")
    common_db(p)
    p.add_argument(
        "--type",
        metavar="T",
        help="production, plant_capacity, plant_workforce, plant_status, investment, executive, agreement",
    )
    p.add_argument("--model", metavar="M")
    p.add_argument("--plant", metavar="P", help="plant name, city, region or operator")
    p.add_argument(
        "--as-of", metavar="DATE", help="the state as known from articles published up to DATE"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("history", help="one model or plant over time")
    common_db(p)
    p.add_argument("--model", metavar="M")
    p.add_argument("--plant", metavar="P")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("eval", help="score the extractor against gold files (layout of shared/dev)")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument(
        "--articles", metavar="DIR", help="articles directory (default: GOLD_DIR/../articles)"
    )
    p.add_argument(
        "--timelines", metavar="DIR", help="also run the timelines in DIR and score their changes"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("monitor", help="poll the feeds, extract, diff, store and alert")
    common_db(p)
    p.add_argument(
        "--once", action="store_true", help="one poll, then exit (default: serve on the schedule)"
    )
    p.add_argument(
        "--sources",
        metavar="FILE",
        help="feeds file (default: FACTWATCH_SOURCES or seeds/feeds.yaml)",
    )
    p.add_argument("--json", action="store_true", help="changes as JSON, one object per line")
    p.add_argument(
        "--in-process", action="store_true", help="ignore PREFECT_API_URL and run in this process"
    )
    p.set_defaults(func=cmd_monitor)
    return parser


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        for noisy in ("prefect", "httpx", "httpcore", "alembic", "sqlalchemy", "trafilatura"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    settings = Settings.from_env()
    if getattr(args, "db", None):
        settings = Settings(
            db_url=args.db,
            sources=settings.sources,
            routing=settings.routing,
            prefect_api_url=settings.prefect_api_url,
        )
    try:
        return int(args.func(args, settings))
    except UsageError as exc:
        _problem(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _problem("interrupted")
        return 130
    except Exception as exc:
        if args.verbose:
            raise
        from factwatch.errors import user_message

        message = user_message(exc)
        if message is not None:
            _problem(message)
            return EXIT_BAD_INPUT
        _problem(f"unexpected error: {type(exc).__name__}: {exc} (run with --verbose for details)")
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
