"""The FastAPI application: JSON API, web UI, security headers and one error shape.

Every error, from a bad parameter to an unknown route or a locked database,
answers ``{"error": {"code": "R4xx", "message": "[R4xx] ..."}}`` with a fitting
HTTP status; browsers navigating to a page get the same code in an HTML page.
"""

from __future__ import annotations

import hmac
import logging
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rashomon.api.db import Database
from rashomon.errors import Errors, RashomonError

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
TOKEN_COOKIE = "rashomon_token"

# HTTP status per error code; anything else is a 500.
STATUS = {"R301": 500, "R302": 503, "R303": 503, "R403": 404, "R404": 422,
          "R405": 403, "R406": 401}


def _message(code: str, fallback: str, **kw: object) -> str:
    """``Errors.<code>`` filled in, or ``[code] fallback`` for codes not in the catalogue."""
    try:
        return getattr(Errors, code).format(**kw)
    except (AttributeError, KeyError):
        return f"[{code}] {fallback}"


def _wants_html(request: Request) -> bool:
    return (not request.url.path.startswith("/api/")
            and "text/html" in request.headers.get("accept", ""))


def error_response(request: Request, code: str, message: str, status: int) -> Response:
    """The one error shape: JSON for API clients, an HTML page for browsers."""
    if _wants_html(request):
        from rashomon.web.render import page

        html = page("error.html", title=f"Error {code}", status=status, code=code,
                    message=message)
        return HTMLResponse(html, status_code=status)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _host_of(header: str) -> str:
    host = header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if ":" in host else host


def create_app(db_path: str | Path, token: str | None = None,
               allowed_hosts: frozenset[str] | None = None) -> FastAPI:
    """The rashomon web app over one DuckDB file, read-only.

    Args:
        db_path: the store written by ``rashomon analyze``.
        token: when set, every request needs it (``Authorization: Bearer``, the
            ``X-Rashomon-Token`` header, or ``?token=`` once, which sets a cookie).
        allowed_hosts: accepted ``Host`` headers. Defaults to loopback names when
            no token is set, which stops DNS-rebinding pages from reading the API.
    """
    hosts = allowed_hosts if allowed_hosts is not None else (
        None if token else LOOPBACK_HOSTS)
    app = FastAPI(title="rashomon", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only API over a rashomon story database.")
    app.state.db = Database(db_path)

    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        try:
            response = await _guard(request, call_next, token, hosts)
        except Exception as exc:  # noqa: BLE001 - shaped like every other error
            response = await on_crash(request, exc)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(RashomonError)
    async def on_rashomon(request: Request, exc: RashomonError) -> Response:
        return error_response(request, exc.code, exc.message, STATUS.get(exc.code, 500))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        err = (exc.errors() or [{}])[0]
        name = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
        return error_response(request, "R404",
                              Errors.R404.format(name=name, reason=err.get("msg", "invalid")),
                              422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(request, "R403",
                                  Errors.R403.format(what=request.url.path), 404)
        if exc.status_code == 405:
            msg = _message("R407", f"method {request.method} not allowed: the API is read-only",
                           method=request.method)
            return error_response(request, msg[1:5], msg, 405)
        return error_response(request, "R404", Errors.R404.format(
            name="request", reason=str(exc.detail)), exc.status_code)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        msg = _message("R408", "internal server error", reason=type(exc).__name__)
        return error_response(request, msg[1:5], msg, 500)

    from rashomon.api.pages import router as pages_router
    from rashomon.api.routes import router as api_router

    app.include_router(api_router)
    app.include_router(pages_router)
    static = resources.files("rashomon.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


async def _guard(request: Request, call_next, token: str | None,  # type: ignore[no-untyped-def]
                 hosts: frozenset[str] | None) -> Response:
    if hosts is not None and _host_of(request.headers.get("host", "")) not in hosts:
        return error_response(request, "R406", Errors.R406.format()
                              + " (unexpected Host header)", 403)
    if not token:
        return await call_next(request)
    given = request.query_params.get("token")
    if given is not None and hmac.compare_digest(given.encode(), token.encode()):
        # Trade the token in the URL for a cookie, so it leaves the address bar.
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        # One leading slash: "//host/..." would be an open redirect to another site.
        url = "/" + request.url.path.lstrip("/") + ("?" + urlencode(rest) if rest else "")
        resp = RedirectResponse(url, status_code=303)
        resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return resp
    auth = request.headers.get("authorization", "")
    candidates = [auth[7:] if auth.lower().startswith("bearer ") else "",
                  request.headers.get("x-rashomon-token", ""),
                  request.cookies.get(TOKEN_COOKIE, "")]
    if any(c and hmac.compare_digest(c.encode(), token.encode()) for c in candidates):
        return await call_next(request)
    return error_response(request, "R406", Errors.R406.format(), 401)
