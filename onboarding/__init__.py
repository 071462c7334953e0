"""Onboarding: the rules of use every user acknowledges and the curated prompt library.

Both are files maintained by admins (``rules/rules.md``, ``prompts/*.yaml``); this package reads
and validates them. Errors name file, line and field in German.
"""

from pathlib import Path

from .errors import OnboardingFileError, PromptFileError, PromptRenderError, RulesFileError
from .prompt import Prompt, PromptVariable
from .prompt_library import PromptLibrary
from .rules import RulesOfUse

#: The starter library shipped with SafeGPT.
BUILTIN_PROMPTS_DIR = Path(__file__).parent / "prompts"
#: The rules of use shipped with SafeGPT (admins adapt them to their organisation).
BUILTIN_RULES_PATH = Path(__file__).parent / "rules" / "rules.md"

__all__ = [
    "BUILTIN_PROMPTS_DIR",
    "BUILTIN_RULES_PATH",
    "OnboardingFileError",
    "Prompt",
    "PromptFileError",
    "PromptLibrary",
    "PromptRenderError",
    "PromptVariable",
    "RulesFileError",
    "RulesOfUse",
]
