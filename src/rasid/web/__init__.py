"""The web surfaces of rasid: a JSON API and Arabic (RTL) pages over a store.

>>> from rasid.web import serve
>>> serve("rasid.db", "127.0.0.1", 8000, token="s3cret")      # doctest: +SKIP

The app (FastAPI, templates) is imported when first asked for, so that a writer using
:mod:`rasid.web.search` to keep the search index current does not load the server.
"""

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
