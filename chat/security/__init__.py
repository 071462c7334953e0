"""Security of the web server: login throttling and lockout, security headers, cookie flags.

Public surface: :class:`SecuritySettings` (the ``[security]`` settings section), :class:`LoginAttempts`
(failed-login bookkeeping in the database, shared by all server processes), :func:`prepare_environment`
(before Chainlit is imported) and :func:`install_security` (on the built FastAPI app).
"""

from chat.security.install import install_security, prepare_environment
from chat.security.login_attempts import LoginAttempts
from chat.security.settings import SecuritySettings

__all__ = ["LoginAttempts", "SecuritySettings", "install_security", "prepare_environment"]
