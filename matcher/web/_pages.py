"""The recruiter's pages: jobs, a job's requirements (read and corrected), the ranking, a candidate.

Every page is a Jinja2 template with autoescaping; forms post back here and are redirected (303)
to the page they change. htmx (vendored, no inline script) polls the progress and swaps forms.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from matcher.errors import InputError
from matcher.posting import IGNORED
from matcher.records import DEGREE_LEVELS
from matcher.web._api import closing, form_of, posting_of, state_json, uploads_of, workspace_of
from matcher.web._store import DECISIONS
from matcher.web._views import SORTS, find_evidence, highlight, posting_marks, rows_of, table
from matcher.web._workspace import CHECK_NAMES, Workspace

__all__ = ["page_routes"]

_IMPORTANCES = ("required", "preferred", "mentioned", IGNORED)


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"csrf": request.app.state.csrf, "levels": DEGREE_LEVELS, "check_names": CHECK_NAMES}
    response: Response = templates.TemplateResponse(request, name, {**base, **context}, status_code=status)
    return response


def _back(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def index(request: Request) -> Response:
    ws = workspace_of(request)
    return _render(request, "index.html", {"jobs": ws.store.jobs()})


async def new_job(request: Request) -> Response:
    ws = workspace_of(request)
    form = await form_of(request)
    name, data = await posting_of(request, form, "paste the posting's text or choose its file")
    return _back(f"/jobs/{await run_in_threadpool(ws.create_job, name, data)}")


def _skill_rows(ws: Workspace, job_id: int) -> list[dict[str, Any]]:
    """The skills as read and as added, each with its importance now (``ignored`` when dropped)."""
    read = ws.analysed(job_id)
    posting, _ = ws.posting(job_id)
    now = {s.name: s for s in posting.skills}
    rows = []
    for i, skill in enumerate(read.skills):
        current = now.pop(skill.name, None)
        rows.append(
            {
                "name": skill.name,
                "kind": skill.kind,
                "read": skill.importance,
                "evidence": skill.evidence,
                "importance": current.importance if current else IGNORED,
                "years": (current or skill).years,
                "mark": f"ev-{i}",
            }
        )
    for skill in now.values():
        rows.append(
            {
                "name": skill.name,
                "kind": skill.kind,
                "read": None,
                "evidence": "",
                "importance": skill.importance,
                "years": skill.years,
                "mark": None,
            }
        )
    return rows


def job_page(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    row = ws.job(job_id)
    read = ws.analysed(job_id)
    posting, weights = ws.posting(job_id)
    return _render(
        request,
        "job.html",
        {
            "job": row,
            "posting": posting,
            "read": read,
            "skills": _skill_rows(ws, job_id),
            "text": highlight(read.text, posting_marks(read)),
            "knockouts": weights.knockouts,
            "importances": _IMPORTANCES,
            "versions": ws.store.versions(job_id),
            "progress": state_json(ws, job_id, entries=False),
        },
    )


def _number(value: Any) -> float | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise InputError(f"{text!r} is not a number of years") from exc


async def correct(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    form = await form_of(request)
    skills: list[dict[str, Any]] = []
    count = int(str(form.get("skill_count") or 0))
    for i in range(count):
        name = form.get(f"skill-{i}-name")
        if isinstance(name, str) and name:
            skills.append(
                {
                    "name": name,
                    "importance": str(form.get(f"skill-{i}-importance") or "required"),
                    "years": _number(form.get(f"skill-{i}-years")),
                }
            )
    added = str(form.get("add_name") or "").strip()
    if added:
        skills.append({"name": added, "importance": str(form.get("add_importance") or "required")})
    level = str(form.get("degree_level") or "")
    degree = (
        None
        if level in ("", "none")
        else {"min_level": level, "required": form.get("degree_required") == "on"}
    )
    body = {
        "skills": skills,
        "min_years": _number(form.get("min_years")),
        "degree": degree,
        "knockouts": [k for k in form.getlist("knockout") if k in CHECK_NAMES],
    }
    await run_in_threadpool(ws.correct, job_id, body)
    return _back(f"/jobs/{job_id}")


async def upload(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    ws.job(job_id)
    form = await form_of(request)
    files = [f for f in await uploads_of(request, form, "files") if f[1]]
    result = await run_in_threadpool(ws.add_resumes, job_id, files)
    return _render(request, "uploaded.html", {"job": ws.job(job_id), "result": result})


def progress(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    state = state_json(ws, job_id, entries=False)
    refresh = request.query_params.get("refresh") == "1"
    response = _render(
        request, "_progress.html", {"job": ws.job(job_id), "progress": state, "refresh": refresh}
    )
    if state["status"] == "done" and refresh:
        response.headers["HX-Refresh"] = "true"  # the ranking page shows the new ranking
    return response


def ranking_page(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    row = ws.job(job_id)
    state = ws.state(job_id)
    q = request.query_params
    checks = {
        name: q[f"check_{name}"]
        for name in CHECK_NAMES
        if q.get(f"check_{name}") in ("pass", "fail", "unknown")
    }
    sort = q.get("sort", "rank") if q.get("sort") in SORTS else "rank"
    try:
        page = int(q.get("page", "1"))
    except ValueError:
        page = 1
    candidates = {c.name: c for c in ws.store.candidates(job_id)}
    rows = rows_of(state.ranking, candidates) if state.ranking else []
    shown, matching, pages = table(
        rows,
        sort=sort,
        desc=q.get("desc") == "1",
        checks=checks,
        decision=q.get("decision", ""),
        query=q.get("q", ""),
        page=page,
        per_page=50,
    )
    filters = {k: v for k, v in q.items() if k != "page"}
    page = min(max(1, page), pages)
    desc = q.get("desc", "0")
    base = {k: v for k, v in q.items() if k not in ("page", "sort", "desc")}

    def url(**extra: Any) -> str:
        return "?" + urlencode({**base, "sort": sort, "desc": desc, **extra})

    flip = "0" if desc == "1" else "1"
    sort_links = {
        key: url(sort=key, desc=flip if key == sort else "1" if key in ("score", "matched") else "0", page=1)
        for key in SORTS
    }
    return _render(
        request,
        "ranking.html",
        {
            "job": row,
            "rows": shown,
            "matching": matching,
            "pages": pages,
            "page": page,
            "sort_links": sort_links,
            "prev_link": url(page=page - 1),
            "next_link": url(page=page + 1),
            "filters": filters,
            "sort": sort,
            "checks": checks,
            "decisions": DECISIONS,
            "sorts": SORTS,
            "failures": state.ranking.failures if state.ranking else (),
            "progress": state_json(ws, job_id, entries=False),
            "total_ranked": len(rows),
        },
    )


def candidate_page(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    row = ws.job(job_id)
    candidate = ws.candidate(job_id, request.path_params["sha"])
    state = ws.wait(job_id, timeout=30)
    entry = (
        next((e for e in state.ranking.entries if e.path == candidate.name), None) if state.ranking else None
    )
    resume = ws.resume_text(job_id, candidate)
    marks = []
    if entry is not None and entry.score is not None and resume is not None:
        for i, m in enumerate(entry.score.matched):
            where = find_evidence(resume.text, m.evidence)
            if where is not None:
                marks.append((where[0], where[1], f"m-{i}"))
    text = highlight(resume.text, marks) if resume is not None else []
    return _render(
        request,
        "candidate.html",
        {
            "job": row,
            "candidate": candidate,
            "entry": entry,
            "resume": resume,
            "text": text,
            "decisions": DECISIONS,
        },
    )


async def decide(request: Request) -> Response:
    ws = workspace_of(request)
    job_id = request.path_params["job_id"]
    form = await form_of(request)
    candidate = await run_in_threadpool(
        ws.decide,
        job_id,
        request.path_params["sha"],
        str(form.get("decision") or "") or None,
        str(form.get("note") or ""),
    )
    return _back(f"/jobs/{job_id}/candidates/{candidate.sha}")


def page_routes() -> list[Route]:
    """The pages' routes."""
    return [
        Route("/", index),
        Route("/jobs", closing(new_job), methods=["POST"]),
        Route("/jobs/{job_id:int}", job_page),
        Route("/jobs/{job_id:int}/requirements", closing(correct), methods=["POST"]),
        Route("/jobs/{job_id:int}/resumes", closing(upload), methods=["POST"]),
        Route("/jobs/{job_id:int}/progress", progress),
        Route("/jobs/{job_id:int}/ranking", ranking_page),
        Route("/jobs/{job_id:int}/candidates/{sha:str}", candidate_page),
        Route("/jobs/{job_id:int}/candidates/{sha:str}/decision", closing(decide), methods=["POST"]),
    ]
