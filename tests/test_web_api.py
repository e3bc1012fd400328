"""The web app's JSON API through the ASGI test client, on real files: the bundled example posting
and resumes, PDFs made here, a real SQLite store in a temporary folder, the library's own workers."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient

from matcher import analyze_posting_file, rank
from matcher.posting import correct_posting
from matcher.scoring import Weights
from matcher.web import UploadLimits, Workspace, create_app

from .conftest import EXAMPLE_POSTING, ROOT, make_pdf

AS_OF = date(2026, 11, 1)
RESUMES = sorted((ROOT / "data" / "examples" / "resumes").glob("*.pdf"))


def client_for(ws: Workspace, **kwargs: Any) -> TestClient:
    return TestClient(create_app(ws, **kwargs), base_url="http://127.0.0.1")


def csrf(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}


def new_job(client: TestClient, path: Path = EXAMPLE_POSTING) -> dict[str, Any]:
    response = client.post(
        "/api/jobs", files={"posting": (path.name, path.read_bytes())}, headers=csrf(client)
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def upload(client: TestClient, job_id: int, files: list[tuple[str, bytes]]) -> Any:
    return client.post(
        f"/api/jobs/{job_id}/resumes", files=[("files", f) for f in files], headers=csrf(client)
    )


def ranking(client: TestClient, ws: Workspace, job_id: int) -> dict[str, Any]:
    ws.wait(job_id, timeout=300)
    body: dict[str, Any] = client.get(f"/api/jobs/{job_id}/ranking").json()
    assert body["status"] == "done" and body["error"] is None, body
    failed = [e["error"] for e in body["entries"] if e["error"] and e["error"]["kind"] != "encrypted"]
    assert failed == [], failed  # only the example's locked file fails; a timeout here means a stuck worker
    return body


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    # the shared test machine can be slow: a generous per-file time cap keeps a busy moment from
    # listing an example resume as a timeout
    workspace = Workspace(tmp_path / "data", workers=1, as_of=AS_OF, timeout=120)
    yield workspace
    workspace.close()


@pytest.fixture
def client(ws: Workspace) -> Iterator[TestClient]:
    with client_for(ws) as c:
        yield c


def test_new_job_answers_the_posting_json_of_the_cli(client: TestClient) -> None:
    body = new_job(client)
    assert body["posting"] == analyze_posting_file(EXAMPLE_POSTING).to_dict()
    assert body["version"] == 1 and body["knockouts"] == []
    assert client.get(f"/api/jobs/{body['id']}").json()["posting"] == body["posting"]


def test_new_job_from_a_generated_pdf_posting_and_from_pasted_text(
    client: TestClient, tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "job.pdf", ["Data Engineer", "Requirements:", "- Python and Kafka."])
    names = [s["name"] for s in new_job(client, pdf)["posting"]["skills"]]
    assert names == ["Python", "Kafka"]
    pasted = client.post("/api/jobs", data={"text": "Analyst\nRequirements: SQL."}, headers=csrf(client))
    assert [s["name"] for s in pasted.json()["posting"]["skills"]] == ["SQL"]


def test_unreadable_posting_is_a_clear_error_and_nothing_is_stored(client: TestClient, ws: Workspace) -> None:
    response = client.post("/api/jobs", files={"posting": ("job.pdf", b"not a pdf")}, headers=csrf(client))
    assert response.status_code == 400
    assert response.json()["error"]["kind"] == "unsupported"
    assert list(ws.store.files.iterdir()) == [] and ws.store.jobs() == []


def test_ranking_is_the_library_ranking_of_the_uploaded_files(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    answer = upload(client, job["id"], [(p.name, p.read_bytes()) for p in RESUMES])
    assert answer.status_code == 202 and answer.json() == {"accepted": 7, "duplicates": 0, "failures": []}
    body = ranking(client, ws, job["id"])
    assert body["done"] == body["total"] == 7
    expected = rank(analyze_posting_file(EXAMPLE_POSTING), RESUMES, as_of=AS_OF, workers=0).to_list()
    for item in expected:
        item["path"] = Path(item["path"]).name
    got = [{k: v for k, v in e.items() if k not in ("id", "decision", "note")} for e in body["entries"]]
    # the failure message names the file as it was uploaded, not as stored (by its hash)
    assert got == expected
    locked = body["entries"][-1]
    assert locked["error"]["kind"] == "encrypted" and "locked-resume.pdf" in locked["error"]["message"]
    assert all(len(e["id"]) == 64 for e in body["entries"])


def test_uploads_are_stored_by_content_hash_and_bad_types_are_listed_not_stored(
    client: TestClient, ws: Workspace
) -> None:
    job = new_job(client)
    data = RESUMES[0].read_bytes()
    answer = upload(
        client, job["id"], [("../../etc/passwd.pdf", data), ("photo.png", b"\x89PNG"), ("x.pdf", data)]
    )
    assert answer.json()["accepted"] == 1 and answer.json()["duplicates"] == 1
    assert [(f["name"], f["kind"]) for f in answer.json()["failures"]] == [("photo.png", "unsupported")]
    stored = [p.name for p in ws.store.files.iterdir()]
    assert len(stored) == 2 and all(".." not in n and "passwd" not in n for n in stored)  # posting + resume
    assert [e["path"] for e in ranking(client, ws, job["id"])["entries"]] == ["passwd.pdf"]


def test_a_zip_of_resumes_is_opened_and_its_other_files_listed(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in RESUMES[:3]:
            archive.writestr(f"cvs/{path.name}", path.read_bytes())
        archive.writestr("cvs/notes.xlsx", b"x")
    answer = upload(client, job["id"], [("batch.zip", buffer.getvalue())]).json()
    assert answer["accepted"] == 3
    assert [f["name"] for f in answer["failures"]] == ["batch.zip/notes.xlsx"]
    assert sorted(e["path"] for e in ranking(client, ws, job["id"])["entries"]) == sorted(
        p.name for p in RESUMES[:3]
    )


def test_corrected_requirements_are_versioned_and_rank_as_the_library_would(
    client: TestClient, ws: Workspace
) -> None:
    job = new_job(client)
    upload(client, job["id"], [(p.name, p.read_bytes()) for p in RESUMES])
    before = ranking(client, ws, job["id"])["entries"]
    change = {
        "skills": [
            {"name": "Python", "importance": "preferred"},
            {"name": "docker", "importance": "required"},
            {"name": "Rust", "importance": "ignored"},
        ],
        "min_years": 6,
        "degree": {"min_level": "doctorate"},
        "knockouts": ["degree"],
    }
    response = client.put(f"/api/jobs/{job['id']}/requirements", json=change, headers=csrf(client))
    assert response.status_code == 200, response.text
    fixed = response.json()
    assert fixed["version"] == 2 and fixed["knockouts"] == ["degree"]
    skills = {s["name"]: s["importance"] for s in fixed["skills"]}
    assert skills["Python"] == "preferred" and skills["Docker"] == "required" and "Rust" not in skills
    assert fixed["min_years"] == 6 and fixed["degree"]["min_level"] == "doctorate"
    after = ranking(client, ws, job["id"])
    assert after["version"] == 2
    corrected = correct_posting(
        analyze_posting_file(EXAMPLE_POSTING), {k: v for k, v in change.items() if k != "knockouts"}
    )
    expected = rank(
        corrected, RESUMES, as_of=AS_OF, workers=0, weights=Weights(knockouts=("degree",))
    ).to_list()
    assert [(e["path"], e["score"], e["knocked_out"]) for e in after["entries"] if e["rank"]] == [
        (Path(e["path"]).name, e["score"], e["knocked_out"]) for e in expected if e["rank"]
    ]
    assert [e["score"] for e in after["entries"]] != [e["score"] for e in before]
    assert any(e["knocked_out"] for e in after["entries"] if e["rank"])
    # a second correction keeps the first: the versions build on each other
    again = client.put(
        f"/api/jobs/{job['id']}/requirements", json={"min_years": 2}, headers=csrf(client)
    ).json()
    assert again["version"] == 3 and again["min_years"] == 2 and again["knockouts"] == ["degree"]
    assert {s["name"]: s["importance"] for s in again["skills"]}["Python"] == "preferred"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"skills": [{"name": "Underwater basket weaving", "importance": "required"}]}, "not a skill"),
        ({"skills": [{"name": "Python", "importance": "essential"}]}, "importance"),
        ({"min_years": "many"}, "number"),
        ({"degree": {"min_level": "wizard"}}, "degree level"),
        ({"knockouts": ["charm"]}, "knockouts"),
        ({"salary": 3}, "unknown correction"),
    ],
)
def test_bad_corrections_are_400_with_the_reason(
    client: TestClient, change: dict[str, Any], words: str
) -> None:
    job = new_job(client)
    response = client.put(f"/api/jobs/{job['id']}/requirements", json=change, headers=csrf(client))
    assert response.status_code == 400 and words in response.json()["error"]["message"]
    assert client.get(f"/api/jobs/{job['id']}").json()["version"] == 1


def test_decisions_are_exported_in_a_formula_safe_csv_and_the_html_report(
    client: TestClient, ws: Workspace
) -> None:
    job = new_job(client)
    upload(client, job["id"], [(p.name, p.read_bytes()) for p in RESUMES])
    entries = ranking(client, ws, job["id"])["entries"]
    first, second = entries[0], entries[1]
    url = f"/api/jobs/{job['id']}/decisions"
    ok = client.post(
        url,
        json={"path": first["path"], "decision": "shortlist", "note": '=HYPERLINK("x")'},
        headers=csrf(client),
    )
    assert ok.status_code == 200 and ok.json()["decision"] == "shortlist"
    client.post(
        url, json={"id": second["id"], "decision": "reject", "note": "no PyTorch"}, headers=csrf(client)
    )
    bad = client.post(url, json={"path": first["path"], "decision": "maybe"}, headers=csrf(client))
    assert bad.status_code == 400 and "shortlist" in bad.json()["error"]["message"]
    missing = client.post(url, json={"path": "nobody.pdf", "decision": "hold"}, headers=csrf(client))
    assert missing.status_code == 404
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/jobs/{job['id']}/export.csv").text)))
    by_path = {r["path"]: r for r in rows}
    assert by_path[first["path"]]["decision"] == "shortlist"
    assert by_path[first["path"]]["note"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it as text
    assert by_path[second["path"]]["note"] == "no PyTorch" and len(rows) == 7
    report = client.get(f"/api/jobs/{job['id']}/report.html")
    assert report.status_code == 200 and "<!DOCTYPE html>" in report.text and first["path"] in report.text
    listed = ranking(client, ws, job["id"])["entries"]
    assert (listed[0]["decision"], listed[0]["note"]) == ("shortlist", '=HYPERLINK("x")')


def test_restart_keeps_jobs_requirements_decisions_and_notes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = Workspace(folder, workers=0, as_of=AS_OF)
    with client_for(first) as c:
        job = new_job(c)["id"]
        upload(c, job, [(p.name, p.read_bytes()) for p in RESUMES[:3]])
        c.put(
            f"/api/jobs/{job}/requirements",
            json={"skills": [{"name": "SQL", "importance": "ignored"}]},
            headers=csrf(c),
        )
        before = ranking(c, first, job)
        target = before["entries"][0]
        c.post(
            f"/api/jobs/{job}/decisions",
            json={"path": target["path"], "decision": "hold", "note": "call Tuesday"},
            headers=csrf(c),
        )
        token = csrf(c)
    first.close()
    second = Workspace(folder, workers=0, as_of=AS_OF)
    try:
        with client_for(second) as c:
            assert csrf(c) == token  # forms rendered before the restart still post
            assert [j["id"] for j in c.get("/api/jobs").json()] == [job]
            assert c.get(f"/api/jobs/{job}").json()["version"] == 2
            after = ranking(c, second, job)
            assert [(e["path"], e["score"]) for e in after["entries"]] == [
                (e["path"], e["score"]) for e in before["entries"]
            ]
            kept = next(e for e in after["entries"] if e["path"] == target["path"])
            assert (kept["decision"], kept["note"]) == ("hold", "call Tuesday")
            assert "SQL" not in [s["name"] for s in c.get(f"/api/jobs/{job}").json()["posting"]["skills"]]
    finally:
        second.close()


def test_state_changes_without_the_csrf_token_are_refused(client: TestClient) -> None:
    job = new_job(client)
    assert client.post("/api/jobs", files={"posting": ("a.txt", b"Requirements: SQL")}).status_code == 403
    assert client.put(f"/api/jobs/{job['id']}/requirements", json={"min_years": 1}).status_code == 403
    wrong = {"X-CSRF-Token": "0" * 64}
    assert client.post(f"/api/jobs/{job['id']}/decisions", json={}, headers=wrong).status_code == 403
    # a JSON endpoint wants the header: a form (another site's page can post one) is refused
    forged = b'{"path": "a.pdf", "decision": "reject", "note": ""}'
    as_form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert client.post(f"/api/jobs/{job['id']}/decisions", content=forged, headers=as_form).status_code == 403
    # a form that carries the token as a field is checked by the route; a wrong field is refused
    form = client.post(f"/jobs/{job['id']}/requirements", data={"csrf_token": "nope", "min_years": "1"})
    assert form.status_code == 403
    good = client.post(
        f"/jobs/{job['id']}/requirements",
        data={"csrf_token": csrf(client)["X-CSRF-Token"], "min_years": "1"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert client.get(f"/api/jobs/{job['id']}").json()["version"] == 2


def test_a_token_is_needed_for_every_request_when_one_is_set(ws: Workspace) -> None:
    with TestClient(create_app(ws, token="s3cret"), base_url="http://10.0.0.5") as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/jobs").status_code == 401
        assert c.get("/static/app.js").status_code == 401
        assert c.get("/api/jobs", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/jobs", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        first = c.get("/?token=s3cret")
        assert first.status_code == 200 and "matcher_token" in first.headers["set-cookie"]
        assert c.get("/api/jobs").status_code == 200  # the cookie carries it from then on


def test_another_host_name_is_refused_on_the_loopback(ws: Workspace) -> None:
    with TestClient(create_app(ws), base_url="http://attacker.example") as c:
        assert c.get("/").status_code == 421


def test_uploads_over_the_limits_are_413_with_a_message_and_store_nothing(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path / "data", workers=0, limits=UploadLimits(max_file_bytes=5_000, max_request_bytes=200_000)
    )
    try:
        with client_for(ws) as c:
            job = new_job(c, make_pdf(tmp_path / "p.pdf", ["Analyst", "Requirements: SQL"]))
            stored = sorted(ws.store.files.iterdir())
            big = upload(c, job["id"], [("small.txt", b"Ann Lee\nSQL"), ("big.txt", b"x" * 6_000)])
            assert big.status_code == 413 and "big.txt" in big.json()["error"]["message"]
            huge = upload(c, job["id"], [(f"{i}.txt", b"y" * 4_000) for i in range(60)])
            assert huge.status_code == 413 and "per request" in huge.json()["error"]["message"]
            assert sorted(ws.store.files.iterdir()) == stored and ws.store.candidates(job["id"]) == []
    finally:
        ws.close()


def test_pages_forbid_inline_script_and_escape_resume_text(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    attack = (
        b"<script>alert(1)</script> Ann Lee\nEXPERIENCE\nEngineer, Acme Inc, 2015 - 2023\n"
        b"Python <img src=x onerror=alert(2)>"
    )
    upload(client, job["id"], [("<b>x</b>.txt", attack)])
    entry = ranking(client, ws, job["id"])["entries"][0]
    for url in (
        f"/jobs/{job['id']}/ranking",
        f"/jobs/{job['id']}/candidates/{entry['id']}",
        f"/jobs/{job['id']}",
    ):
        page = client.get(url)
        assert page.status_code == 200
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert (
            "<img src=x" not in page.text and "<script>alert" not in page.text and "<b>x</b>" not in page.text
        )
    candidate = client.get(f"/jobs/{job['id']}/candidates/{entry['id']}").text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in candidate
        and "&lt;img src=x onerror=alert(2)&gt;" in candidate
    )


def test_pages_answer_and_unknown_jobs_are_404(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    upload(client, job["id"], [(p.name, p.read_bytes()) for p in RESUMES[:2]])
    first = ranking(client, ws, job["id"])["entries"][0]
    for url in (
        "/",
        f"/jobs/{job['id']}",
        f"/jobs/{job['id']}/ranking",
        f"/jobs/{job['id']}/candidates/{first['id']}",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/jobs/999").status_code == 404
    assert client.get("/api/jobs/999/ranking").json()["error"]["kind"] == "not_found"
    assert client.get(f"/jobs/{job['id']}/candidates/{'0' * 64}").status_code == 404


def test_ranking_page_sorts_filters_and_pages(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    upload(client, job["id"], [(p.name, p.read_bytes()) for p in RESUMES])
    entries = [e for e in ranking(client, ws, job["id"])["entries"] if e["rank"]]
    page = client.get(f"/jobs/{job['id']}/ranking?sort=name").text
    names = [line.split(">", 1)[1].split("<", 1)[0] for line in page.split('class="candidate"')[1:]]
    assert names == sorted(names, key=str.lower) and len(names) == len(entries)
    passing = [
        e for e in entries if any(c["name"] == "experience" and c["status"] == "fail" for c in e["checks"])
    ]
    filtered = client.get(f"/jobs/{job['id']}/ranking?check_experience=fail").text
    assert filtered.count('class="candidate"') == len(passing) < len(entries)
    assert "Kubernetes" in client.get("/api/skills?q=kube").json()
    assert client.get("/api/skills?q=k8s").json()[0] == "Kubernetes"  # by its alias


def test_requirements_form_moves_a_skill_and_adds_one(client: TestClient) -> None:
    job = new_job(client)
    page = client.get(f"/jobs/{job['id']}").text
    assert 'name="skill-2-name" value="Python"' in page
    count = len(job["posting"]["skills"])
    token = csrf(client)["X-CSRF-Token"]
    form = {
        "csrf_token": token,
        "skill_count": str(count),
        "add_name": "Docker",
        "add_importance": "preferred",
        "min_years": "3",
        "degree_level": "master",
        "degree_required": "on",
        "knockout": ["experience"],
    }
    for i, s in enumerate(job["posting"]["skills"]):
        form[f"skill-{i}-name"] = s["name"]
        form[f"skill-{i}-importance"] = "preferred" if s["name"] == "Python" else s["importance"]
        form[f"skill-{i}-years"] = "" if s["years"] is None else str(s["years"])
    assert (
        client.post(f"/jobs/{job['id']}/requirements", data=form, follow_redirects=False).status_code == 303
    )
    saved = client.get(f"/api/jobs/{job['id']}").json()
    importance = {s["name"]: s["importance"] for s in saved["posting"]["skills"]}
    assert importance["Python"] == "preferred" and importance["Docker"] == "preferred"
    assert saved["posting"]["min_years"] == 3 and saved["posting"]["degree"]["min_level"] == "master"
    assert saved["knockouts"] == ["experience"] and saved["version"] == 2
    json.dumps(saved)


def test_ranking_pages_of_fifty_and_the_no_script_upload_form(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    token = csrf(client)["X-CSRF-Token"]
    files = [
        (
            "files",
            (f"cv-{i:02d}.txt", f"Candidate {i:02d}\nSKILLS\nPython, SQL{', PyTorch' * (i % 2)}".encode()),
        )
        for i in range(60)
    ]
    answer = client.post(f"/jobs/{job['id']}/resumes", data={"csrf_token": token}, files=files)
    assert answer.status_code == 200 and "60 accepted" in answer.text
    ranked = [e for e in ranking(client, ws, job["id"])["entries"] if e["rank"]]
    assert len(ranked) == 60
    first = client.get(f"/jobs/{job['id']}/ranking").text
    second = client.get(f"/jobs/{job['id']}/ranking?page=2").text
    assert first.count('class="candidate"') == 50 and second.count('class="candidate"') == 10
    assert "page 2 of 2" in second and 'rel="prev"' in second and 'rel="next"' in first
    shown = [
        line.split(">", 1)[1].split("<", 1)[0] for line in (first + second).split('class="candidate"')[1:]
    ]
    assert len(set(shown)) == 60  # every candidate once across the pages


def test_ranking_reports_parsing_with_done_and_total_until_done(client: TestClient, ws: Workspace) -> None:
    job = new_job(client)
    files = [
        (f"cv-{i:02d}.txt", f"Person {i:02d}\nSKILLS\nPython and SQL, {i} years".encode()) for i in range(30)
    ]
    assert upload(client, job["id"], files).status_code == 202
    seen = [client.get(f"/api/jobs/{job['id']}/ranking?entries=0").json()]
    assert seen[0]["status"] == "parsing" and seen[0]["entries"] == []  # the upload's work is under way
    deadline = time.monotonic() + 300
    while seen[-1]["status"] == "parsing" and time.monotonic() < deadline:
        time.sleep(0.02)
        seen.append(client.get(f"/api/jobs/{job['id']}/ranking?entries=0").json())
        assert all(0 <= s["done"] <= max(s["total"], 0) for s in seen)
    assert (seen[-1]["done"], seen[-1]["total"]) == (30, 30)
    done = [s["done"] for s in seen if s["total"] == 30]
    assert done == sorted(done)  # progress only goes forward
    assert len(ranking(client, ws, job["id"])["entries"]) == 30
