"""Usage figures without employee surveillance.

Events carry no user identifier, no session identifier and no text: only the day, the model, token
counts, latency, outcome, feedback, counts of pseudonymised values per type, the prompt-library item,
cited source files, and optionally a department — which reports show only where at least k distinct
people contributed (counted in a separate, unlinkable table).
"""

from chat.store.usage.recorder import UsageRecorder
from chat.store.usage.report import UsageReport, build_report

__all__ = ["UsageRecorder", "UsageReport", "build_report"]
