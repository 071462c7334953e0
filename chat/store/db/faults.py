"""Tell a database that is down or locked apart from a bug.

Used where SafeGPT keeps working without the database for a while (a chat turn, history writes): such
errors are expected during an outage and handled; anything else is a bug and propagates. Log only the
exception's type — SQLAlchemy's messages contain the statement and its parameters.
"""

from __future__ import annotations

from sqlalchemy import exc


def database_unavailable(error: BaseException) -> bool:
    """True for "cannot reach / cannot lock the database now": server down, connection lost, SQLite locked,
    pool exhausted. Retrying later is the right answer to these."""
    if isinstance(error, (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)):
        return True
    return isinstance(error, exc.DBAPIError) and bool(error.connection_invalidated)
