"""The Chainlit chat: thin handlers that turn browser events into calls of ``chat.core`` and its events back into
Chainlit messages.

``chainlit_app.register(app)`` (called by ``chat.web.server`` before it mounts Chainlit) registers every handler
bound to the wired app, among them those of ``chat_start``, ``onboarding_ui``, ``prompt_ui`` and
``consultation_ui`` (their shared helpers are in the leaf ``interaction``); Chainlit itself loads only the empty
``chainlit_target`` by file path. A turn runs through ``chat_turn``, attachments are read by ``chat_upload``,
sources shown by ``presentation``, and the history is stored through ``data_layer`` (Chainlit's data layer over
``chat.store.history``). Also here: the Chainlit config template, translations and readme (copied to the data
directory at start). Outside this package only the server imports the handlers, to register them; importing
``chat.ui`` itself loads nothing.
"""
