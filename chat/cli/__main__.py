"""``python -m chat.cli`` runs the ``safegpt`` command."""

from chat.cli.main import main

main()
