"""The file Chainlit's ``mount_chainlit`` loads by path. Empty on purpose: chat/web/server.py registers SafeGPT's
handlers with :func:`chat.ui.chainlit_app.register` — bound to the wired app, not read from a global — before it
mounts Chainlit, and Chainlit needs a file to load all the same."""
