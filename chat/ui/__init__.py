"""The Chainlit chat: thin handlers that turn browser events into calls of ``chat.core`` and its events back into
Chainlit messages.

``chainlit_app`` is the module Chainlit loads (by file path, from ``chat.web.server``); it registers the
handlers of ``chat_start``, ``onboarding_ui``, ``prompt_ui`` and ``consultation_ui`` (their shared helpers are
in the leaf ``interaction``), runs a turn through ``chat_turn``, reads attachments with ``chat_upload``, shows
sources with ``presentation``, and stores the history through ``data_layer`` (Chainlit's data layer over
``chat.store.history``). Also here: the Chainlit config template, translations and readme (copied to the data
directory at start). Nothing outside this package imports Chainlit's handlers; importing ``chat.ui`` itself
loads nothing.
"""
