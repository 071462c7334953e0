"""Everything onboarding needs at run time, built once from the settings: the rules of use, the prompt
library (files + published database prompts) and the stores.

Rules file and prompt folder are loaded strictly: a broken file stops the server start with file, line and
field (``OnboardingFileError``).
"""

from __future__ import annotations

from sqlalchemy import Engine

from chat.onboarding_store import Acknowledgements, Consultations, PromptStore
from chat.settings import OnboardingSettings
from onboarding import Prompt, PromptLibrary, RulesOfUse

#: Shown first as starters; the rest of the library is reached by search and slash commands.
POPULAR = ("gespraechsnotiz-strukturieren", "elternbrief-leichte-sprache", "email-an-kostentraeger",
           "protokoll-zusammenfassen", "fachtext-vereinfachen")


class PromptCatalog:
    """The library chat users see: published file prompts plus published prompts from the database.

    A database prompt never shadows a file prompt (ids are made unique when proposed).
    """

    def __init__(self, files: PromptLibrary, store: PromptStore) -> None:
        self.files = files
        self.store = store

    def library(self) -> PromptLibrary:
        file_prompts = list(self.files.published())
        taken = {p.id for p in self.files.all()}
        db_prompts = [p for p in self.store.published_prompts() if p.id not in taken]
        return PromptLibrary([*file_prompts, *db_prompts])

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
