"""Usage tables. Deliberately without any column that could identify a person or a chat."""

from sqlalchemy import Column, Date, Integer, String, Table, Text, UniqueConstraint

from chat.store.db.schema import metadata

usage_events = Table(
    "usage_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),               # coarse time bucket only
    Column("kind", String(20), nullable=False),        # answer | feedback | feedback_reason
    Column("model", String(120), nullable=False, default=""),
    Column("outcome", String(40), nullable=False, default="ok"),  # ok | model_unavailable | refused_policy | input_rejected
    Column("prompt_tokens", Integer, nullable=False, default=0),
    Column("completion_tokens", Integer, nullable=False, default=0),
    Column("latency_ms", Integer, nullable=False, default=0),
    Column("feedback", Integer, nullable=True),        # +1 helpful, -1 not helpful
    # kind feedback_reason: a chat.core.feedback.FeedbackReason code, chosen from buttons (never free text)
    Column("feedback_reason", String(40), nullable=True),
    Column("pii_counts", Text, nullable=False, default="{}"),   # JSON {"PERSON": 2}
    Column("prompt_id", String(120), nullable=True),
    Column("sources", Text, nullable=False, default="[]"),     # JSON list of cited source file names
    Column("no_source", Integer, nullable=False, default=0),   # 1: nothing relevant found in the guidelines
    Column("department", String(120), nullable=True),
)

# Distinct contributors per department and month, only to apply the k threshold. The member value is an
# HMAC with a per-month random key that is never stored beside it, and the table shares no column with
# usage_events, so no event can be tied to a person.
department_members = Table(
    "department_members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("department", String(120), nullable=False),
    Column("month", String(7), nullable=False),
    Column("member", String(64), nullable=False),
    UniqueConstraint("department", "month", "member", name="uq_department_member"),
)

# The current month's random HMAC key for department_members; keys of past months are deleted, after
# which nobody can test whether a given person contributed in that month.
usage_month_keys = Table(
    "usage_month_keys",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("key", String(64), nullable=False),
)
