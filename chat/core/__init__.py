"""The UI-free conversation: pseudonymise → retrieve → build prompt → route → stream → restore.

    from chat.core.pipeline import Pipeline          # built by chat.wiring.SafeGPT
    async for event in pipeline.answer(conversation, text): ...   # events from chat.core.events

Modules: ``pipeline`` (the answer loop), ``events`` (what it yields), ``routing`` (which model may receive which
data class), ``prompting`` (the messages a model receives), ``attachments`` (files attached to a message),
``presentation`` (events as Markdown text), ``messages`` / ``upload_messages`` (German texts).
Imports no Chainlit, FastAPI or SQLAlchemy; the Chainlit handlers (``chat.ui``), ``safegpt ask`` (``chat.cli``)
and the ``/v1`` API (``chat.web.api``) are its callers. Kept free of eager imports so that
``chat.settings`` can use ``chat.core.routing`` without loading the pipeline.
"""
