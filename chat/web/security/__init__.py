"""Security of the web server: login throttling and lockout, security headers, cookie flags.

Public surface: :class:`SecuritySettings` (the ``[security]`` settings section, light: ``chat.settings`` reads
it). Imported where used: ``login_attempts.LoginAttempts`` (failed-login bookkeeping in the database, shared
by all server processes), ``install.prepare_environment`` (before Chainlit is imported) and
``install.install_security`` (on the built FastAPI app).
"""

from chat.web.security.settings import SecuritySettings

__all__ = ["SecuritySettings"]
