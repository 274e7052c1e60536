"""Passwords for a database server: taken from where people keep them, never from or into
anything that is shown or kept.

A URL is shown and logged with its password masked (`masked`); better, it carries none:
libpq then reads `~/.pgpass` or the file `PGPASSFILE` names (nothing here gets in its way:
no password is passed unless one is found below), or the password stored in the system's
keyring under the service "glossator" and `user@host:port/database` (`glossator server
password URL` stores it). The keyring is optional (`pip install glossator[keyring]`): it
speaks to the platform's own store (Secret Service, macOS Keychain, Windows Credential
Locker), which is what a desktop user expects and what no hand-written code should redo.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy.engine import URL

from glossator.store.errors import StoreError

log = logging.getLogger(__name__)

SERVICE = "glossator"
_PASSWORD_IN_TEXT = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def masked(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def mask_text(text: str) -> str:
    """`scheme://user:secret@host` in any text becomes `scheme://user:***@host`."""
    return _PASSWORD_IN_TEXT.sub(r"\1***@", text)


def keyring_user(url: URL) -> str:
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _keyring() -> object | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def stored_password(url: URL) -> str | None:
    """The keyring's password for a server URL that has none of its own (None: none kept,
    or no keyring; libpq then looks in PGPASSFILE / ~/.pgpass as usual)."""
    if url.password is not None or url.get_backend_name() != "postgresql":
        return None
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(SERVICE, keyring_user(url))  # type: ignore[attr-defined]
    except Exception as exc:  # a locked or missing keyring: as if none were kept
        log.info("The keyring could not be read (%s)", type(exc).__name__)
        return None
    return str(found) if found else None


def store_password(url: URL, password: str) -> str:
    """Keep a server's password in the keyring; returns the entry's name."""
    keyring = _keyring()
    if keyring is None:
        raise StoreError("The keyring is not installed: pip install 'glossator[keyring]', "
                         "or keep the password in ~/.pgpass (or the file PGPASSFILE names)")
    user = keyring_user(url)
    try:
        keyring.set_password(SERVICE, user, password)  # type: ignore[attr-defined]
    except Exception as exc:
        raise StoreError(f"The keyring refused the password ({type(exc).__name__})") from exc
    return f"{SERVICE} / {user}"
