"""Onboarding: the rules of use every user acknowledges and the curated prompt library.

Both are files maintained by admins (``rules/rules.md``, ``prompts/*.yaml``); this package reads
and validates them. Errors name file, line and field in German.
"""

from .errors import OnboardingFileError, PromptFileError, PromptRenderError, RulesFileError
from .prompt import Prompt, PromptVariable
from .prompt_library import PromptLibrary
from .rules import RulesOfUse
from .settings import BUILTIN_PROMPTS_DIR, BUILTIN_RULES_PATH, OnboardingSettings

# The database side (``onboarding.store``, ``onboarding.catalog``: SQLAlchemy) and the consultation export are
# imported where they are used, so that reading the settings loads no database code.

__all__ = [
    "BUILTIN_PROMPTS_DIR",
    "BUILTIN_RULES_PATH",
    "OnboardingFileError",
    "OnboardingSettings",
    "Prompt",
    "PromptFileError",
    "PromptLibrary",
    "PromptRenderError",
    "PromptVariable",
    "RulesFileError",
    "RulesOfUse",
]
