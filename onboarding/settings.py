"""Settings of onboarding: the ``[onboarding]`` section of the SafeGPT configuration."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

#: The starter library shipped with SafeGPT.
BUILTIN_PROMPTS_DIR = Path(__file__).parent / "prompts"
#: The rules of use shipped with SafeGPT (admins adapt them to their organisation).
BUILTIN_RULES_PATH = Path(__file__).parent / "rules" / "rules.md"


class OnboardingSettings(BaseModel):
    """``[onboarding]``: rules of use and prompt library (files maintained by admins), consultation-hour ratings."""

    model_config = ConfigDict(extra="forbid")

    rules_file: Path = BUILTIN_RULES_PATH
    prompts_dir: Path = BUILTIN_PROMPTS_DIR
    # Rating aggregates are shown only from this many ratings on (no conclusions about single people).
    consultation_min_ratings: int = Field(default=5, ge=1)
