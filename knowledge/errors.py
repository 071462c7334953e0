"""Exceptions of the knowledge base. Messages are German and tell the admin what to do."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class; ``str(error)`` is a German message a user can act on (never document text)."""


class UnsupportedFormat(KnowledgeError):
    """The file type cannot be ingested."""


class WrongContent(UnsupportedFormat):
    """The file's content does not match its suffix (e.g. a program renamed ``.pdf``)."""


class FileTooComplex(KnowledgeError):
    """The file would need too much memory or time to open (zip bomb, absurd page count)."""


class StorageFull(KnowledgeError):
    """The disk filled up while writing; the previous state of the knowledge base is unchanged."""


class EmptyDocument(KnowledgeError):
    """The file contains no readable text (e.g. a scanned PDF without a text layer)."""


class DocumentNotFound(KnowledgeError):
    """No document with this id is in the knowledge base."""


class ReindexRequired(KnowledgeError):
    """The index was built with another embedder; ``kb reindex`` must run first."""
