"""Everything onboarding needs at run time, built once from the settings: the rules of use, the prompt
library (files + published database prompts) and the stores.

Rules file and prompt folder are loaded strictly: a broken file stops the server start with file, line and
field (``OnboardingFileError``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from onboarding import Prompt, PromptLibrary, RulesOfUse
from onboarding.settings import OnboardingSettings
from onboarding.store import Acknowledgements, Consultations, PromptStore, PromptVersion, StoredPrompt

#: Shown first as starters; the rest of the library is reached by search and slash commands.
POPULAR = ("gespraechsnotiz-strukturieren", "elternbrief-leichte-sprache", "email-an-kostentraeger",
           "protokoll-zusammenfassen", "fachtext-vereinfachen")


@dataclass(frozen=True)
class FileOverride:
    """How a file prompt stands against its browser edits (for the admin page)."""

    file: Prompt
    stored: StoredPrompt | None
    shown: Prompt | None                 # what chat users get; None: not offered (retired or not published)

    @property
    def source(self) -> str:
        """``file`` (the repository version applies), ``browser`` (an edit overrides it) or ``retired``."""
        if self.stored is not None and self.stored.status == "retired":
            return "retired"
        if self.shown is not None and self.shown is not self.file:
            return "browser"
        return "file"


class PromptCatalog:
    """The library chat users see: file prompts, their browser edits, and published database prompts.

    A file prompt stays the base. A browser edit of it is stored as a database version and, once published,
    is shown instead of the file while its version number is higher than the file's (a newer file version
    from the repository wins again). Retiring a file prompt in the browser hides it; reverting brings the
    file version back. A proposed prompt never shadows a file prompt (ids are made unique when proposed).
    """

    def __init__(self, files: PromptLibrary, store: PromptStore) -> None:
        self.files = files
        self.store = store

    def _resolve(self, file: Prompt, stored: StoredPrompt | None, published: PromptVersion | None) -> Prompt | None:
        if stored is None:
            return file if file.is_published else None
        if stored.status == "retired":
            return None
        if published is not None and published.version > file.version:
            return self.store.to_prompt(stored, published, base=file)
        return file if file.is_published else None

    def _state(self) -> tuple[list[FileOverride], list[Prompt]]:
        """(file prompts with their browser state, published prompts that exist only in the database)."""
        stored = {s.prompt_id: s for s in self.store.list()}
        published = {s.prompt_id: (s, v) for s, v in self.store.published()}
        files = [FileOverride(f, stored.get(f.id), self._resolve(f, stored.get(f.id),
                                                                 published.get(f.id, (None, None))[1]))
                 for f in self.files.all()]
        taken = self.taken_ids()
        db_only = [self.store.to_prompt(s, v) for pid, (s, v) in published.items() if pid not in taken]
        return files, db_only

    def overrides(self) -> list[FileOverride]:
        """Every file prompt with its database entry (if any) and what the chat shows for it."""
        return self._state()[0]

    def library(self) -> PromptLibrary:
        files, db_only = self._state()
        return PromptLibrary([o.shown for o in files if o.shown is not None] + db_only)

    def taken_ids(self) -> set[str]:
        return {p.id for p in self.files.all()}

    def published(self) -> tuple[Prompt, ...]:
        return self.library().published()

    def get(self, prompt_id: str) -> Prompt | None:
        """A published prompt by id (file or database)."""
        return self.library().get(prompt_id)

    def search(self, text: str = "", category: str | None = None) -> tuple[Prompt, ...]:
        return self.library().search(text, category)

    def categories(self) -> tuple[str, ...]:
        return self.library().categories()

    def popular(self, limit: int = 5) -> list[Prompt]:
        library = self.library()
        chosen = [library.get(i) for i in POPULAR if library.get(i) is not None]
        for prompt in library.published():
            if len(chosen) >= limit:
                break
            if prompt not in chosen:
                chosen.append(prompt)
        return chosen[:limit]


class OnboardingArea:
    def __init__(self, settings: OnboardingSettings, engine: Engine) -> None:
        self.settings = settings
        self.rules = RulesOfUse.load(settings.rules_file)
        self.files = PromptLibrary.load(settings.prompts_dir, strict=True)
        self.acknowledgements = Acknowledgements(engine)
        self.prompt_store = PromptStore(engine)
        self.consultations = Consultations(engine, settings.consultation_min_ratings)
        self.catalog = PromptCatalog(self.files, self.prompt_store)

    def needs_acknowledgement(self, username: str) -> bool:
        return self.rules.needs_acknowledgement(self.acknowledgements.latest_version(username))
