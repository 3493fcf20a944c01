"""A local HTTP server for the web tests: 127.0.0.1 only, started inside the test.

`PageServer` serves a table of routes built by the test (`add`, `redirect`, ...) from a
thread, records each request's headers, and stops when the test ends. A slow route
waits on an event that `close()` sets, so no test waits for a sleeping handler.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_folder() -> Path | None:
    """``shared/corpus/web-pages`` beside the repository (or beside one of its parent
    folders, for a git worktree), or None when it is not there."""
    for base in (ROOT, *ROOT.parents):
        folder = base.parent / "shared" / "corpus" / "web-pages"
        if folder.is_dir():
            return folder
        if base == base.parent:
            break
    return None


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (as claimmark does on a refused type or size) is normal
    here: no traceback on stderr, where a test reads claimmark's one-line errors."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@dataclass
class Route:
    """What the server answers on one path."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks: Callable[[], object] | None = None
    """A generator of body chunks (no Content-Length), instead of `body`."""
    delay: float = 0.0
    """Seconds to wait before answering (cut short when the server closes)."""


class PageServer:
    """An HTTP server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
                if route.delay and server.closing.wait(route.delay):
                    return
                try:
                    self.send_response(route.status)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    if route.chunks is None:
                        self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                    else:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in route.chunks():  # type: ignore[attr-defined]
                            if server.closing.is_set():
                                break
                            self.wfile.write(chunk)
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # Polled every 20 ms for `close` (the default half second was most of a test).
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        compress: bool = False,
        delay: float = 0.0,
    ) -> str:
        """Serve `body` at `path`; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type} if content_type else {}
        if compress:
            data = gzip.compress(data)
            all_headers["Content-Encoding"] = "gzip"
        all_headers.update(headers or {})
        self.routes[path] = Route(status, all_headers, data, delay=delay)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Route(status, {"Location": to, "Content-Type": "text/html"}, b"")
        return self.url(path)

    def stream(self, path: str, chunks: Callable[[], object], content_type: str) -> str:
        self.routes[path] = Route(200, {"Content-Type": content_type}, chunks=chunks)
        return self.url(path)

    def close(self) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def page(title: str, paragraphs: list[str], *, head: str = "", byline: str = "") -> str:
    """A small news page in the shape real ones have: navigation, a header, the article
    and a footer with links."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    by = f'<p class="byline">{byline}</p>' if byline else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Harbour Gazette</title>
{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header><a href="/">The Harbour Gazette</a></header>
<main><article>
<h1>{title}</h1>
{by}
<div class="article-body">
{body}
</div>
</article></main>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Tide tables for the week ahead</a></li>
<li><a href="/b">Harbour master retires after 30 years</a></li></ul></aside>
<footer><p>© The Harbour Gazette. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p>
<div class="share"><a href="/share/x">Share on X</a> <a href="/share/fb">Share</a></div>
</footer>
<script>window.analytics = {{"track": true}};</script>
</body></html>"""
