"""The prompt library in the chat: starters, slash commands, search, guided questions for a prompt's
variables, running it through the normal pipeline turn, and proposing a new prompt.
"""

from __future__ import annotations

import asyncio
import logging

import chainlit as cl

from chat.core.pipeline import Conversation
from chat.core.proposals import protect_draft
from chat.ui import messages as chat_texts
from chat.ui.chat_turn import TurnResult, answer_in_chat
from chat.ui.consultation_ui import ask_rating, show_sessions
from chat.ui.guarded import register_action
from chat.ui.interaction import RUN_ACTION, ask, current_username, ends_task, explain_action, run_action
from chat.ui.onboarding_ui import explain_last, gate
from onboarding import Prompt
from onboarding import chat_messages as texts
from onboarding.chat_messages import EXPLAIN_LABEL
from chat.wiring import SafeGPT
from onboarding.store import PromptDraft, PromptValidationError

log = logging.getLogger(__name__)
# Action names double as the title of a chat in the history when a click is its first interaction: German.
SEARCH_ACTION = "Vorlagen suchen"
PROPOSE_ACTION = "Prompt vorschlagen"
CONSULTATION_ACTION = "KI-Sprechstunde"
MAX_BUTTONS = 12

CMD_SEARCH, CMD_PROPOSE, CMD_CONSULTATION, CMD_EXPLAIN = "prompts", "vorschlagen", "sprechstunde", "wie-funktioniert-das"
BUILTIN_COMMANDS = {
    CMD_SEARCH: ("search", texts.COMMAND_SEARCH),
    CMD_PROPOSE: ("lightbulb", texts.COMMAND_PROPOSE),
    CMD_CONSULTATION: ("users", texts.COMMAND_CONSULTATION),
    CMD_EXPLAIN: ("info", texts.COMMAND_EXPLAIN),
}


def register(app: SafeGPT) -> None:
    """The library's buttons (called by chat/ui/chainlit_app.py)."""
    register_action(app, RUN_ACTION, on_run)
    register_action(app, SEARCH_ACTION, on_search)
    register_action(app, PROPOSE_ACTION, on_propose)
    register_action(app, CONSULTATION_ACTION, on_consultation)


def catalog(app: SafeGPT):
    return app.onboarding.catalog


def commands(app: SafeGPT) -> list[dict]:
    builtin = [{"id": cid, "icon": icon, "description": desc, "button": False, "persistent": False}
               for cid, (icon, desc) in BUILTIN_COMMANDS.items()]
    library = [{"id": p.id, "icon": "file-text", "description": f"{p.title} ({p.category})", "button": False,
                "persistent": False} for p in catalog(app).published()]
    return builtin + library


async def set_commands(app: SafeGPT) -> None:
    await cl.context.emitter.set_commands(commands(app))


def starters(app: SafeGPT) -> list[cl.Starter]:
    items = [cl.Starter(label=p.title, message=p.title, command=p.id) for p in catalog(app).popular()]
    items.append(cl.Starter(label=EXPLAIN_LABEL, message=EXPLAIN_LABEL, command=CMD_EXPLAIN))
    return items


async def show_library_intro(app: SafeGPT) -> None:
    actions = [run_action(p) for p in catalog(app).popular()]
    actions += [cl.Action(name=SEARCH_ACTION, payload={"query": ""}, label=texts.LIBRARY_BUTTON_SEARCH, icon="search"),
                cl.Action(name=PROPOSE_ACTION, payload={}, label=texts.LIBRARY_BUTTON_PROPOSE, icon="lightbulb")]
    sessions_open = await asyncio.to_thread(app.onboarding.consultations.list, True)
    if sessions_open:
        actions.append(cl.Action(name=CONSULTATION_ACTION, payload={}, label=texts.LIBRARY_BUTTON_CONSULTATION,
                                 icon="users"))
    actions.append(explain_action())
    await cl.Message(content=texts.LIBRARY_INTRO, author="SafeGPT", actions=actions).send()
    if sessions_open:  # a running consultation hour offers its prompts as starters in every new chat
        await show_sessions(app)


def _parse(app: SafeGPT, message: cl.Message) -> tuple[str | None, str]:
    """(command, rest): Chainlit's command, or text typed as ``/name rest``, or the explain question."""
    text = (message.content or "").strip()
    if message.command:
        return message.command, text
    if text.startswith("/"):
        head, _, rest = text[1:].partition(" ")
        head = head.strip().lower()
        if head in BUILTIN_COMMANDS or catalog(app).get(head) is not None:
            return head, rest.strip()
    if text.casefold().rstrip("?!. ") == texts.EXPLAIN_LABEL.casefold().rstrip("?"):
        return CMD_EXPLAIN, ""
    return None, text


async def handle(app: SafeGPT, message: cl.Message, conversation: Conversation) -> bool:
    """Run a library command; False when the message is ordinary chat text for the pipeline."""
    command, rest = _parse(app, message)
    if command is None:
        return False
    if command == CMD_SEARCH:
        await show_search(app, rest)
    elif command == CMD_PROPOSE:
        await propose(app)
    elif command == CMD_CONSULTATION:
        await show_sessions(app)
    elif command == CMD_EXPLAIN:
        await explain_last(app)
    elif catalog(app).get(command) is not None:
        await run_prompt(app, command, conversation)
    else:
        return False  # a stale command (prompt retired meanwhile): treat the text as a normal message
    return True


async def show_search(app: SafeGPT, query: str) -> None:
    cat = catalog(app)
    category = None
    words = query
    if "kategorie:" in query.casefold():
        index = query.casefold().index("kategorie:")
        words, category = query[:index].strip(), query[index + len("kategorie:"):].strip() or None
    by_name = {c.casefold(): c for c in cat.categories()}
    if category is None and words.strip().casefold() in by_name:  # "/prompts Pflege" lists the category
        words, category = "", by_name[words.strip().casefold()]
    results = cat.search(words, category)
    categories = ", ".join(cat.categories())
    if not query.strip():
        lines = [texts.SEARCH_ALL.format(count=len(results), categories=categories), ""]
        current = None
        for p in results:
            if p.category != current:
                current = p.category
                lines.append(f"\n**{current}**")
            lines.append(f"- {p.title} – `/{p.id}`")
        await cl.Message(content="\n".join(lines), author="SafeGPT").send()
        return
    if not results:
        await cl.Message(content=texts.SEARCH_NONE.format(query=query, categories=categories), author="SafeGPT").send()
        return
    lines = [texts.SEARCH_RESULTS.format(count=len(results), query=query)]
    lines += [f"- **{p.title}** ({p.category}) – {p.description} `/{p.id}`" for p in results[:MAX_BUTTONS]]
    if len(results) > MAX_BUTTONS:
        lines.append(texts.SEARCH_MORE.format(more=len(results) - MAX_BUTTONS))
    await cl.Message(content="\n".join(lines), author="SafeGPT",
                     actions=[run_action(p) for p in results[:MAX_BUTTONS]]).send()


async def collect_values(app: SafeGPT, prompt: Prompt) -> dict[str, str] | None:
    values: dict[str, str] = {}
    for variable in prompt.variables:
        question = f"**{variable.label}**"
        if not variable.required:
            question += texts.PROMPT_OPTIONAL
        if variable.example:
            question += texts.PROMPT_EXAMPLE.format(example=variable.example.strip())
        while True:
            answer = await ask(app, question)
            if answer is None:
                return None
            if not variable.required and answer.casefold() in texts.SKIP_WORDS:
                answer = ""
            if answer or not variable.required:
                break
        values[variable.name] = answer
    return values


async def run_prompt(app: SafeGPT, prompt_id: str, conversation: Conversation | None,
                     session_id: int | None = None) -> TurnResult | None:
    prompt = catalog(app).get(prompt_id)
    if prompt is None:
        await cl.Message(content=texts.PROMPT_UNKNOWN, author="SafeGPT").send()
        return None
    if conversation is None:
        return None
    await cl.Message(content=texts.PROMPT_START.format(title=prompt.title, version=prompt.version,
                                                       description=prompt.description), author="SafeGPT").send()
    values = await collect_values(app, prompt)
    if values is None:
        return None
    rendered = prompt.render(values)
    await cl.Message(content=texts.PROMPT_RUNNING.format(title=prompt.title), author="SafeGPT").send()
    log.info("library prompt run: %s v%s", prompt.id, prompt.version)
    result = await answer_in_chat(app, conversation, rendered, prompt_id=prompt.id)
    if session_id is not None and result.done is not None:
        await ask_rating(session_id, prompt)
    return result


async def propose(app: SafeGPT) -> None:
    await cl.Message(content=texts.PROPOSE_START, author="SafeGPT").send()
    title = await ask(app, texts.PROPOSE_TITLE)
    if title is None:
        return
    category = await ask(app, texts.PROPOSE_CATEGORY.format(categories=", ".join(catalog(app).categories())))
    if category is None:
        return
    description = await ask(app, texts.PROPOSE_DESCRIPTION)
    if description is None:
        return
    template = await ask(app, texts.PROPOSE_TEMPLATE)
    if template is None:
        return
    draft = PromptDraft(title=title, category=category, description=description, template=template)
    # Through the guardrail first: the admin who reviews it sees the protected text only.
    draft, replaced = await asyncio.to_thread(protect_draft, app.guardrail, draft)
    title = draft.title
    store = app.onboarding.prompt_store
    try:
        prompt_id = await asyncio.to_thread(store.propose, draft, catalog(app).taken_ids())
    except PromptValidationError as exc:
        await cl.Message(content=texts.PROPOSE_INVALID.format(reason=str(exc)), author="SafeGPT").send()
        return
    app.audit.record(current_username() or "chat", "prompts", "propose", prompt_id, "Version 1")
    await cl.Message(content=texts.PROPOSE_DONE.format(title=title.strip(), prompt_id=prompt_id),
                     author="SafeGPT").send()
    if replaced:
        await cl.Message(content=chat_texts.PROPOSAL_PROTECTED.format(count=replaced), author="SafeGPT").send()


# -- buttons -------------------------------------------------------------------------------------------

@ends_task
async def on_run(app: SafeGPT, action: cl.Action) -> None:
    session_id = action.payload.get("session_id")
    if await gate(app):
        await run_prompt(app, str(action.payload.get("prompt_id", "")), cl.user_session.get("conversation"),
                         int(session_id) if str(session_id).isdigit() else None)


@ends_task
async def on_search(app: SafeGPT, action: cl.Action) -> None:
    if await gate(app):
        await show_search(app, str(action.payload.get("query", "")))


@ends_task
async def on_propose(app: SafeGPT, action: cl.Action) -> None:
    if await gate(app):
        await propose(app)


@ends_task
async def on_consultation(app: SafeGPT, action: cl.Action) -> None:
    if await gate(app):
        await show_sessions(app)
