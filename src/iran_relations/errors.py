"""The one root of every error the library raises on purpose, so a caller can catch them all.

Each concrete error also keeps the built-in class it has always been (``UnknownID`` is a
``KeyError``, ``LoadError`` and ``PartialDateError`` are ``ValueError``s), so existing ``except``
clauses keep working. The command line maps any of them to exit status 2 with a one-line message.
"""

from __future__ import annotations

__all__ = ["IranRelationsError"]


class IranRelationsError(Exception):
    """Base of LoadError, DescriptorError, UnknownID and PartialDateError."""
