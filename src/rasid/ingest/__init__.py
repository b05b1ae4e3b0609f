"""Where documents come from: files, folders, standard input, JSONL records.

Readers yield :class:`rasid.model.Document` values, or :class:`rasid.model.Rejection`
values for input that cannot even be split into documents (a JSONL line that is not
JSON, a binary file). They never raise for one bad document: a batch goes on.
"""

from .files import iter_documents, read_records

__all__ = ["iter_documents", "read_records"]
