"""Persistence: articles, statements, targets and rejections in SQLite or PostgreSQL.

>>> store = open_store("rasid.db")        # doctest: +SKIP
>>> store.save(article)                   # doctest: +SKIP
True
"""

from .db import DEFAULT_DB_ENV, check_exists, database_exists, default_db_url, resolve_url
from .store import Store, open_store

__all__ = ["DEFAULT_DB_ENV", "Store", "check_exists", "database_exists", "default_db_url", "open_store",
           "resolve_url"]
