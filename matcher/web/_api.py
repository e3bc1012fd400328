"""The JSON API: the same records as the command line's JSON contract (README, "Web app")."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from matcher.errors import InputError
from matcher.web._security import CSRF_MESSAGE
from matcher.web._workspace import RankState, Workspace

__all__ = [
    "TooLargeUpload",
    "api_routes",
    "closing",
    "entry_dicts",
    "form_of",
    "json_of",
    "state_json",
    "uploads_of",
    "workspace_of",
]


class TooLargeUpload(InputError):
    """A file over the per-file upload cap: the whole request is answered 413, nothing is stored."""

    kind = "too_large"


def closing(endpoint: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint, with the request's form (and its spooled upload files) closed after it, even
    when it raised."""

    async def run(request: Request) -> Response:
        try:
            return await endpoint(request)
        finally:
            await request.close()

    return run


def workspace_of(request: Request) -> Workspace:
    """The app's workspace."""
    ws: Workspace = request.app.state.workspace
    return ws


async def form_of(request: Request) -> Any:
    """The request's form, parsed under the upload caps, with its CSRF field checked when the
    middleware left that to the route (a form posted without the header)."""
    limits = workspace_of(request).limits
    form = await request.form(max_files=limits.max_files, max_fields=2000)
    if request.scope.get("state", {}).get("csrf_in_form"):
        import hmac

        given = form.get("csrf_token")
        if not isinstance(given, str) or not hmac.compare_digest(given, request.app.state.csrf):
            raise PermissionError(CSRF_MESSAGE)
    return form


async def json_of(request: Request, what: str) -> Any:
    """The request's JSON body. A JSON endpoint needs the CSRF header: a form (which a page of
    another site can post) is refused even when its body happens to be JSON."""
    if request.scope.get("state", {}).get("csrf_in_form"):
        raise PermissionError(CSRF_MESSAGE)
    try:
        return json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{what} must be JSON: {exc}") from exc


async def uploads_of(request: Request, form: Any, field: str) -> list[tuple[str, bytes]]:
    """The files of one form field as (name, bytes); one over the per-file cap raises TooLargeUpload."""
    limits = workspace_of(request).limits
    files = [f for f in form.getlist(field) if isinstance(f, UploadFile)]
    big = [f.filename or "?" for f in files if (f.size or 0) > limits.max_file_bytes]
    if big:
        raise TooLargeUpload(
            f"{', '.join(big)}: over the {limits.max_file_bytes:,}-byte limit per file; nothing was stored"
        )
    return [(f.filename or "upload", await f.read()) for f in files]


async def posting_of(request: Request, form: Any, missing: str) -> tuple[str, bytes]:
    """The posting a form sends, as (name, bytes): its file (field ``posting``), else its pasted
    text (field ``text``); neither raises InputError(``missing``)."""
    files = [f for f in await uploads_of(request, form, "posting") if f[1]]
    text = form.get("text")
    if files:
        return files[0]
    if isinstance(text, str) and text.strip():
        return "posting.txt", text.encode("utf-8")
    raise InputError(missing)


def _job_id(request: Request) -> int:
    job_id: int = request.path_params["job_id"]
    workspace_of(request).job(job_id)
    return job_id


def _job_json(ws: Workspace, job_id: int) -> dict[str, Any]:
    row = ws.job(job_id)
    return {"id": row.id, "version": row.version, "knockouts": list(row.knockouts), "posting": row.posting}


async def session(request: Request) -> Response:
    return JSONResponse({"csrf_token": request.app.state.csrf})


def list_jobs(request: Request) -> Response:
    ws = workspace_of(request)
    return JSONResponse([{"id": j.id, "title": j.title, "version": j.version} for j in ws.store.jobs()])


async def create_job(request: Request) -> Response:
    ws = workspace_of(request)
    form = await form_of(request)
    missing = "send the posting as a file in the field 'posting' (or its text in 'text')"
    name, data = await posting_of(request, form, missing)
    job_id = await run_in_threadpool(ws.create_job, name, data)  # reading a posting takes a while
    return JSONResponse(_job_json(ws, job_id), status_code=201)


def get_job(request: Request) -> Response:
    return JSONResponse(_job_json(workspace_of(request), _job_id(request)))


async def put_requirements(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    body = await json_of(request, "the requirements")
    row = await run_in_threadpool(ws.correct, job_id, body)
    return JSONResponse({**row.posting, "version": row.version, "knockouts": list(row.knockouts)})


async def add_resumes(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    form = await form_of(request)
    files = await uploads_of(request, form, "files")
    if not files:
        raise InputError("send resume files in the multipart field 'files'")
    return JSONResponse(await run_in_threadpool(ws.add_resumes, job_id, files), status_code=202)


def entry_dicts(ws: Workspace, job_id: int, state: RankState) -> list[dict[str, Any]]:
    """The ranking's entries in the JSON contract, each with its candidate id, decision and note."""
    if state.ranking is None:
        return []
    by_name = {c.name: c for c in ws.store.candidates(job_id)}
    out = []
    for entry in state.ranking.entries:
        item = entry.to_dict()
        c = by_name.get(entry.path)
        item.update(
            {"id": c.sha if c else None, "decision": c.decision if c else None, "note": c.note if c else ""}
        )
        out.append(item)
    return out


def state_json(ws: Workspace, job_id: int, *, entries: bool = True) -> dict[str, Any]:
    """``{"status", "done", "total", "version", "error", "entries"}`` for a job."""
    state = ws.state(job_id)
    status = "parsing" if state.running or state.dirty else "done"
    out: dict[str, Any] = {
        "status": status,
        "done": state.done,
        "total": state.total,
        "version": ws.job(job_id).version,
        "error": state.error,
    }
    out["entries"] = entry_dicts(ws, job_id, state) if entries else []
    return out


def get_ranking(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    return JSONResponse(state_json(ws, job_id, entries=request.query_params.get("entries") != "0"))


async def post_decision(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    body = await json_of(request, "the decision")
    if not isinstance(body, dict):
        raise InputError("the decision must be a JSON object")
    ref = body.get("id") or body.get("path")
    note = body.get("note") or ""
    if not isinstance(ref, str) or not isinstance(note, str):
        raise InputError("give the candidate's 'path' (as in the ranking) or 'id', and a text 'note'")
    c = await run_in_threadpool(ws.decide, job_id, ref, body.get("decision"), note)
    return JSONResponse({"path": c.name, "id": c.sha, "decision": c.decision, "note": c.note})


def export_csv(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    return Response(
        ws.export_csv(job_id),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="ranking-job-{job_id}.csv"'},
    )


def export_html(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = _job_id(request)
    return Response(
        ws.export_html(job_id),
        media_type="text/html; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="ranking-job-{job_id}.html"'},
    )


@lru_cache(maxsize=1)
def _skill_names() -> list[tuple[str, tuple[str, ...]]]:
    """Every taxonomy skill's canonical name with the lower-cased names it goes by."""
    from matcher.language import load_taxonomy

    skills = sorted(load_taxonomy().skills.values(), key=lambda s: s.name.lower())
    return [(s.name, (s.name.lower(), *(a.lower() for a in s.aliases))) for s in skills]


async def skills(request: Request) -> Response:
    """Up to 20 canonical skill names for ``q``: names or aliases starting with it, then containing it."""
    query = request.query_params.get("q", "").strip().lower()
    ranked: dict[str, int] = {}
    for name, keys in _skill_names():
        if not query:
            ranked.setdefault(name, 2)
        elif any(k.startswith(query) for k in keys):
            ranked[name] = 0 if keys[0].startswith(query) else 1
        elif any(query in k for k in keys):
            ranked.setdefault(name, 2)
    return JSONResponse(sorted(ranked, key=lambda n: (ranked[n], n.lower()))[:20])


def api_routes() -> list[Route]:
    """The API's routes."""
    return [
        Route("/api/session", session),
        Route("/api/skills", skills),
        Route("/api/jobs", list_jobs, methods=["GET"]),
        Route("/api/jobs", closing(create_job), methods=["POST"]),
        Route("/api/jobs/{job_id:int}", get_job),
        Route("/api/jobs/{job_id:int}/requirements", put_requirements, methods=["PUT"]),
        Route("/api/jobs/{job_id:int}/resumes", closing(add_resumes), methods=["POST"]),
        Route("/api/jobs/{job_id:int}/ranking", get_ranking),
        Route("/api/jobs/{job_id:int}/decisions", post_decision, methods=["POST"]),
        Route("/api/jobs/{job_id:int}/export.csv", export_csv),
        Route("/api/jobs/{job_id:int}/report.html", export_html),
    ]
