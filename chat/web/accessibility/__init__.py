"""The accessibility statement (``/barrierefreiheit``, BITV 2.0 § 7): generated from a declared list of what is
known not to conform and from the settings; ``tests/browser/test_accessibility.py`` checks the list against what
the pages really do (axe-core findings, keyboard, reflow), in both directions."""
