"""The web surfaces of rasid: a JSON API and Arabic (RTL) pages over a store.

>>> from rasid.web import serve
>>> serve("rasid.db", "127.0.0.1", 8000, token="s3cret")      # doctest: +SKIP
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
