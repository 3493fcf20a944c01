"""Fetching a web page over HTTP(S) with httpx.

`fetch_page` sends one GET with a ``claimmark/VERSION`` user agent and follows at most
`MAX_REDIRECTS` redirects itself (so that a loop is named as one, and a redirect to
``file:`` or another scheme is refused). The connect and read timeouts are `timeout`
seconds each (default `DEFAULT_TIMEOUT`, or the ``CLAIMMARK_TIMEOUT`` environment
variable), and the whole exchange may take at most `TOTAL_TIMEOUT_FACTOR` times that,
so a server that trickles bytes cannot hold the command forever. The body is read as a
stream and reading stops past `MAX_BYTES` (counted after decompression: gzip, deflate
and brotli are accepted and decoded by httpx).

Every failure raises `FetchError` with one line that names the URL and says what went
wrong: a refused scheme, a host that does not resolve, no connection, a timeout, an
HTTP status, too many redirects or a loop, a body over the cap, a content type that is
neither HTML nor text (naming it), or a broken compressed body.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlparse

from claimmark.store.errors import FetchError

if TYPE_CHECKING:
    import httpx

DEFAULT_TIMEOUT = 20.0
"""Seconds for the connection and for each read, unless configured."""
TIMEOUT_ENV = "CLAIMMARK_TIMEOUT"
TOTAL_TIMEOUT_FACTOR = 3
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
"""A page larger than this (decompressed) is refused; reading stops past it."""
HTML_TYPES = frozenset(("text/html", "application/xhtml+xml"))
TEXT_TYPES = frozenset(("text/plain",))
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_OTHER_SCHEMES = frozenset(
    ("file", "javascript", "data", "mailto", "ftp", "about", "view-source", "blob", "ws", "wss")
)
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as the server sent it."""

    url: str
    """The URL asked for (without a #fragment)."""
    final_url: str
    """Where the last redirect led (the URL the body came from)."""
    kind: str
    """``html`` or ``text``."""
    body: bytes
    charset: str | None
    """The charset the Content-Type header declares, if any."""


def user_agent() -> str:
    """``claimmark/VERSION``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"claimmark/{version('claimmark')}"
    except PackageNotFoundError:  # running from a source tree
        return "claimmark/0.1.0"


def configured_timeout(value: float | None = None) -> float:
    """`value` if given, else ``CLAIMMARK_TIMEOUT`` if set, else `DEFAULT_TIMEOUT`.
    `FetchError` for a value that is not a positive number."""
    if value is None:
        raw = os.environ.get(TIMEOUT_ENV, "").strip()
        if not raw:
            return DEFAULT_TIMEOUT
        try:
            value = float(raw)
        except ValueError:
            raise FetchError(f"{TIMEOUT_ENV}={raw!r} is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise FetchError(f"the timeout must be a positive number of seconds, not {value}")
    return value


def is_web_url(text: str) -> bool:
    """True for text that names an ``http(s)://`` URL (what `fetch_page` accepts)."""
    return text.strip().lower().startswith(("http://", "https://"))


def looks_like_url(text: str) -> bool:
    """True for text with a URL scheme (``https://``, ``file:``, ``javascript:`` ...),
    which is taken as a URL (and refused unless http or https) rather than a file name.
    A one-letter "scheme" is a Windows drive (``C:``), not a URL."""
    text = text.strip()
    match = _SCHEME.match(text)
    if match is None:
        return False
    return text[match.end() :].startswith("//") or match.group(1).lower() in _OTHER_SCHEMES


def check_url(url: str) -> str:
    """The URL without its #fragment and surrounding space; `FetchError` unless it is an
    http or https URL with a host."""
    url = url.strip()
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "no scheme"
        raise FetchError(f"{_short(url)}: only http and https URLs can be fetched ({shown})")
    if not parsed.hostname:
        raise FetchError(f"{_short(url)}: the URL has no host")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise FetchError(f"{_short(url)}: the URL holds spaces or control characters")
    return urldefrag(url)[0]


def fetch_page(
    url: str, *, timeout: float | None = None, max_bytes: int = MAX_BYTES
) -> FetchedPage:
    """GET `url` and return its body (see the module docstring); `FetchError` on any
    failure."""
    import httpx

    url = check_url(url)
    seconds = configured_timeout(timeout)
    deadline = time.monotonic() + seconds * TOTAL_TIMEOUT_FACTOR
    headers = {"User-Agent": user_agent(), "Accept": _ACCEPT}
    try:
        with httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(seconds),
            follow_redirects=False,
            trust_env=True,
        ) as client:
            return _get(client, url, seconds, deadline, max_bytes)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(f"{_short(url)}: timed out after {seconds:g} s") from None
    except httpx.ConnectError as error:
        raise FetchError(f"{_short(url)}: {_connect_reason(error)}") from None
    except httpx.DecodingError:
        raise FetchError(f"{_short(url)}: the response could not be decompressed") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{_short(url)}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.HTTPError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise FetchError(f"{_short(url)}: the connection failed ({reason})") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"{_short(url)}: the connection failed ({error})") from None


def _get(
    client: httpx.Client, url: str, seconds: float, deadline: float, max_bytes: int
) -> FetchedPage:
    from claimmark.store.web.decode import charset_of

    seen = [url]
    current = url
    while True:
        with client.stream("GET", current) as response:
            if response.is_redirect:
                location = response.headers.get("location", "")
                if not location:
                    raise FetchError(
                        f"{_short(url)}: HTTP {response.status_code} redirect with no location"
                    )
                target = urldefrag(str(response.url.join(location)))[0]
                if urlparse(target).scheme.lower() not in ("http", "https"):
                    raise FetchError(
                        f"{_short(url)}: redirected to {_short(target)}, which is not http(s)"
                    )
                if target in seen:
                    raise FetchError(f"{_short(url)}: redirect loop at {_short(target)}")
                if len(seen) > MAX_REDIRECTS:
                    raise FetchError(f"{_short(url)}: more than {MAX_REDIRECTS} redirects")
                seen.append(target)
                current = target
                continue
            if response.status_code >= 400:
                reason = response.reason_phrase or ""
                raise FetchError(
                    f"{_short(url)}: HTTP {response.status_code}{' ' + reason if reason else ''}"
                )
            kind, media_type = _kind(response.headers.get("content-type"))
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{_short(url)}: the page is larger than {_mib(max_bytes)}")
            if kind is None and media_type:
                raise FetchError(
                    f"{_short(url)}: not a web page or text ({media_type}); "
                    "claimmark adds HTML and plain text"
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"{_short(url)}: the page is larger than {_mib(max_bytes)}")
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"{_short(url)}: timed out after {seconds * TOTAL_TIMEOUT_FACTOR:g} s "
                        "(the page was still arriving)"
                    )
            data = bytes(body)
            if kind is None:  # no Content-Type: look at the bytes
                kind = _sniff(data)
                if kind is None:
                    raise FetchError(
                        f"{_short(url)}: not a web page or text (no content type, binary data)"
                    )
            return FetchedPage(
                url=url,
                final_url=str(response.url),
                kind=kind,
                body=data,
                charset=charset_of(response.headers.get("content-type")),
            )


def _kind(content_type: str | None) -> tuple[str | None, str]:
    """(``html``, ``text`` or None, the media type) of a Content-Type value."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type in HTML_TYPES:
        return "html", media_type
    if media_type in TEXT_TYPES:
        return "text", media_type
    return None, media_type


def _sniff(data: bytes) -> str | None:
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    if b"\x00" in data[:8192]:
        return None
    return "text"


def _connect_reason(error: Exception) -> str:
    text = str(error)
    lowered = text.lower()
    if any(
        phrase in lowered
        for phrase in (
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no address associated",
            "getaddrinfo failed",
            "name resolution",
        )
    ):
        return "host not found (DNS lookup failed)"
    if "refused" in lowered:
        return "connection refused"
    if "certificate" in lowered or "ssl" in lowered:
        return f"secure connection failed ({text.splitlines()[0] if text else 'TLS error'})"
    if "unreachable" in lowered:
        return "network unreachable (are you offline?)"
    return f"cannot connect ({text.splitlines()[0] if text else type(error).__name__})"


def _short(url: str, limit: int = 120) -> str:
    """A URL fit for a one-line message."""
    url = "".join(ch if ch.isprintable() else "?" for ch in url)
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size % (1024 * 1024) == 0 else f"{size:,} bytes"
