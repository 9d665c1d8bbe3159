"""Turning expected failures into one line for the user.

Each part has its own error base (ArticleError, FetchError, StoreError, AlertError,
SourcesError, KnowledgeBaseError, …); the CLI asks `user_message` whether an
exception is a user's mistake or environment problem worth one line (exit 2)
rather than a bug (exit 1, traceback with --verbose).
"""

from __future__ import annotations

__all__ = ["user_message"]

_USER_ERROR_NAMES = {
    "ArticleError",
    "SourcesError",
    "RoutingError",
    "RoutingConfigError",
    "FeedError",
    "PageError",
    "ConfigError",
    "KnowledgeBaseError",
    "StoreError",
    "ArgumentError",  # sqlalchemy: a malformed database URL
    "NoSuchModuleError",  # sqlalchemy: a database URL naming an unknown dialect
}


def user_message(exc: BaseException) -> str | None:
    """One line for an expected failure, or None for a bug."""
    for klass in type(exc).__mro__:
        if klass.__name__ in _USER_ERROR_NAMES:
            text = str(exc).strip().splitlines()
            return text[0] if text else klass.__name__
    if type(exc).__module__.startswith("sqlalchemy") and type(exc).__name__ == "OperationalError":
        first = str(exc).splitlines()[0]
        return f"cannot use the store: {first}"
    return None
