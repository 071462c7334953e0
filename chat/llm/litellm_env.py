"""Import LiteLLM only through here: it must be configured for offline, text-free operation first.

LiteLLM fetches a price list from the internet at import time unless ``LITELLM_LOCAL_MODEL_COST_MAP`` is
set, and it can log or forward message text through callbacks. SafeGPT allows neither.
"""

from __future__ import annotations

import logging
import os

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_LOG", "ERROR")

import litellm  # noqa: E402

litellm.telemetry = False
litellm.turn_off_message_logging = True
litellm.redact_messages_in_exceptions = True
litellm.success_callback = []
litellm.failure_callback = []
litellm.callbacks = []
litellm.suppress_debug_info = True
litellm.drop_params = True
for _name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "litellm"):
    logging.getLogger(_name).setLevel(logging.ERROR)

__all__ = ["litellm"]
