"""The ``safegpt`` command (click): ``serve``, ``setup``, ``ask``, ``user``, ``kb``, ``pii``, ``apikey`` ….

    safegpt = chat.cli.main:main      # [project.scripts]
    python -m chat.cli --help

Each group only parses arguments and calls the core objects built by ``chat.wiring.SafeGPT``; nothing here
imports Chainlit (``ask`` prints the pipeline's events itself).
"""
