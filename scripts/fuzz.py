"""Fuzz campaigns for matcher's parse path: mutated texts, PDFs and DOCX files, each read by
matcher's own extraction (both PDF engines) and ``parse_resume_text``, under a real ranking's caps.

    python scripts/fuzz.py [--inputs 100000] [--seed 1] [--workers 2] [--kinds text pdf docx]
                           [--out SUMMARY.json] [--every 10000] [--findings DIR]
    python scripts/fuzz.py --sum SUMMARY.json...

Input ``i`` of seed ``s`` is made from ``random.Random(s * 1_000_003 + i)`` alone, so any input can
be made again from its seed and index, and a campaign is a range of indices. Worker processes
(forked warm, each under the 1 GiB address-space cap of a ranking's workers) make their inputs in
memory and parse them with ``parse_resume(name, data=...)``, the path ``matcher rank`` takes for a
file's bytes; they take the indices in chunks, so no file is written and no process started per
input. The seeds (bases) come in several sizes, down to a few bytes, so short mutated inputs are
common.

The time cap is a ranking's 10 s, counted in CPU seconds of the worker on one input (read from
``/proc``), so a loaded or paused machine (``kill -STOP`` of the campaign, then ``-CONT``) never
counts as a run over the cap; a worker past it is killed and the input saved. Outcomes are counted
by kind; ``internal`` (an untyped exception: a bug) and a run over the cap are findings, written
to ``--findings`` (``SEED-INDEX-ENGINE.ext``; replay with ``matcher resume FILE``) and make the
exit status 1. Peak memory is the largest resident size of any worker.

``--out FILE`` writes a JSON summary every ``--every`` inputs and at the end (atomically): a
campaign stopped part way still counts what it did, and run again with the same ``--out`` and
``--seed`` it goes on from there. ``--sum`` adds summaries up (one per seed).
Nothing here is imported by matcher/; the tests run seconds of the same kind (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import random
import resource
import sys
import time
import zipfile
from collections import Counter, deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from worst_inputs import CASES  # noqa: E402

RESUME = (
    "Jane Doe\njane.doe@example.com | +1 555 123 4567 | linkedin.com/in/janedoe\n"
    "SUMMARY\nData engineer with 8+ years of Python, SQL and Kafka.\n"
    "EXPERIENCE\nSenior Data Engineer | Acme Corp | Jan 2018 - Present\n"
    "\u2022 Built pipelines in Airflow and Spark on AWS.\n"
    "Analyst, Beta LLC, 2014 - 2017\nEDUCATION\nB.S. in Computer Science, State University, 2014\n"
    "SKILLS\nPython, SQL, Kubernetes, Terraform, dbt\n"
)
# bases of several sizes: mutations of the short ones are short inputs
TEXTS = [
    RESUME,
    RESUME[:200],
    "Jane Doe\njane@example.com\nPython, SQL\n",
    "EXPERIENCE\nAnalyst, 2019 - 2020\n",
    "x",
]
_TOKENS = [
    "\u2022", "Present", "2019 - 2020", "@", "%", ".", "  ", "\t", "\n", "\r", "\x00", "\x1b[2J", "A" * 50,
    "EXPERIENCE", "EDUCATION:", "5+ years", "University", "\u202e", "\ufeff", "\ud800", "é", "ﬁ",
]  # fmt: skip
_PDF_TOKENS = [
    b"<<", b">>", b"[", b"]", b" R ", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Filter /JBIG2Decode",
    b"/Length 99999999", b"999999999999", b"-1", b"/Kids [3 0 R 3 0 R]", b"/Type /Page", b"stream\n",
    b"endstream", b"endobj", b"xref", b"trailer", b"/Encrypt 9 0 R", b"(", b")", b"\\", b"/ToUnicode 4 0 R",
]  # fmt: skip
_XML_TOKENS = [
    b"<w:p/>", b"<w:t>x</w:t>", b"&amp;", b"&#0;", b"&#x1b;", b"\xff\xfe", b" ", b"</w:t><w:t>", b"<", b">",
    b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
]  # fmt: skip


def mutate_text(rng: random.Random, base: str = RESUME) -> str:
    if rng.random() < 0.3:
        case = rng.choice(list(CASES))
        return base[: rng.randint(0, len(base))] + CASES[case](rng.choice([10, 100, 1000, 5000]))
    chars = list(base)
    for _ in range(rng.randint(1, 30)):
        i = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4:
            chars.insert(i, rng.choice(_TOKENS) * rng.choice([1, 1, 2, 10, 100]))
        elif op < 0.7 and chars:
            del chars[min(i, len(chars) - 1)]
        else:
            chars.insert(i, chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)])))
    return "".join(chars)


def _pdf(lines: list[str], compress: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(compress)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _base_pdfs() -> list[bytes]:
    lines = RESUME.replace("\u2022", "-").splitlines()
    return [_pdf(lines, False), _pdf(lines, True), _pdf(lines[:1], False), _pdf(lines[:3], True)]


def _docx(lines: list[str], table: bool) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        cells = document.add_table(rows=1, cols=2)
        cells.cell(0, 0).text, cells.cell(0, 1).text = "Python", "SQL"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Docx:
    """A DOCX base, its parts read once (document.xml and where its tags end)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        source = zipfile.ZipFile(io.BytesIO(data))
        self.parts = [(info, source.read(info)) for info in source.infolist()]
        document = next(part for info, part in self.parts if info.filename == "word/document.xml")
        self.ends = [i + 1 for i, byte in enumerate(document) if byte == ord(">")]


def _base_docx() -> list[_Docx]:
    lines = RESUME.splitlines()
    return [_Docx(_docx(lines, True)), _Docx(_docx(lines[:2], False))]


def mutate_bytes(data: bytes, rng: random.Random, tokens: list[bytes]) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        i = rng.randrange(len(raw) + 1)
        if op < 0.35 and raw:
            raw[min(i, len(raw) - 1)] = rng.randrange(256)
        elif op < 0.55:
            raw[i:i] = rng.choice(tokens) if tokens else bytes([rng.randrange(256)])
        elif op < 0.7:
            del raw[i : i + rng.randint(1, 64)]
        elif op < 0.8:
            raw = raw[: max(16, i)]  # truncated
        else:
            j = rng.randrange(len(raw) + 1)
            raw[i:i] = raw[j : j + rng.randint(1, 256)]  # a piece copied elsewhere
    return bytes(raw)


def mutate_docx(base: _Docx, rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return mutate_bytes(base.data, rng, [])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info, part in base.parts:
            if info.filename == "word/document.xml":
                if rng.random() < 0.1:  # deep nesting
                    part = part.replace(b"<w:body>", b"<w:body>" + b"<w:tbl><w:tr><w:tc>" * 3000, 1)
                    ends = [len(part)]
                else:
                    ends = base.ends
                for _ in range(rng.randint(1, 3)):  # between tags: well-formed more often than not
                    i = rng.choice(ends) if rng.random() < 0.8 else rng.randrange(len(part))
                    part = part[:i] + rng.choice(_XML_TOKENS) + part[i:]
                target.writestr(info.filename, part, zipfile.ZIP_DEFLATED, 1)
            else:
                target.writestr(info.filename, part)
    return out.getvalue()


class Bases:
    def __init__(self) -> None:
        self.pdfs, self.docx = _base_pdfs(), _base_docx()


def make_input(seed: int, index: int, kinds: list[str], bases: Bases) -> tuple[str, str, str, bytes]:
    """Input ``index`` of campaign ``seed``: (kind, engine, file name, bytes). PDFs alternate
    between the two engines."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = kinds[index % len(kinds)]
    if kind == "text":
        return kind, "pypdf", "fuzz.txt", mutate_text(rng, rng.choice(TEXTS)).encode("utf-8", "surrogatepass")
    if kind == "pdf":
        engine = "pdfium" if (index // len(kinds)) % 2 else "pypdf"
        return kind, engine, "fuzz.pdf", mutate_bytes(rng.choice(bases.pdfs), rng, _PDF_TOKENS)
    return kind, "pypdf", "fuzz.docx", mutate_docx(rng.choice(bases.docx), rng)


def _label(kind: str, engine: str) -> str:
    return f"pdf-{engine}" if kind == "pdf" else kind


def _save(findings: Path, seed: int, index: int, engine: str, name: str, data: bytes) -> Path:
    findings.mkdir(parents=True, exist_ok=True)
    path = findings / f"{seed}-{index}-{engine}{Path(name).suffix}"
    path.write_bytes(data)
    return path


# --- the workers --------------------------------------------------------------------------------


def _worker(conn: Any, slot: Any, seed: int, kinds: list[str], bases: Bases, findings: str) -> None:
    import logging
    import signal
    import warnings

    from matcher._processes import cap_memory
    from matcher.errors import failure_of
    from matcher.extract import DEFAULT_LIMITS
    from matcher.resume import parse_resume

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.disable(logging.CRITICAL)  # pypdf logs (errors too) on each broken file: not news here
    warnings.simplefilter("ignore")
    cap_memory(DEFAULT_LIMITS.max_memory)  # a ranking worker's cap, on top of what it holds
    while True:
        task = conn.recv()
        if task is None:
            return
        start, count = task
        outcomes: Counter[str] = Counter()
        slowest = 0.0
        for index in range(start, start + count):
            times = os.times()
            slot[1] = times.user + times.system
            slot[0] = index
            kind, engine, name, data = make_input(seed, index, kinds, bases)
            began = time.process_time()
            try:
                parse_resume(Path(name), data=data, engine=engine, limits=DEFAULT_LIMITS, isolate=False)
                outcome = "ok"
            except Exception as exc:  # the one place a ranking turns an exception into a kind
                outcome = failure_of(exc, name).kind
                if outcome == "internal":
                    saved = _save(Path(findings), seed, index, engine, name, data)
                    print(f"finding: untyped exception ({exc!r}) on {saved}", flush=True)
            slowest = max(slowest, time.process_time() - began)
            outcomes[f"{_label(kind, engine)}:{outcome}"] += 1
        slot[0] = -1
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        conn.send((start, count, dict(outcomes), slowest, peak))


class _Slot:
    """A worker, the chunks handed to it (the first is being done) and where it is in it."""

    def __init__(self, context: Any, seed: int, kinds: list[str], bases: Bases, findings: Path) -> None:
        self.conn, child = context.Pipe()
        self.where = context.Array("d", [-1.0, 0.0], lock=False)  # input index, CPU time then
        self.process = context.Process(
            target=_worker, args=(child, self.where, seed, kinds, bases, str(findings)), daemon=True
        )
        gc.freeze()
        self.process.start()
        gc.unfreeze()
        child.close()
        self.chunks: deque[tuple[int, int]] = deque()

    def cpu(self) -> float:
        """The worker's CPU seconds so far (user + system), from /proc."""
        try:
            with open(f"/proc/{self.process.pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


# --- summaries ----------------------------------------------------------------------------------


def _merge(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def new_summary(seed: int, kinds: list[str]) -> dict[str, Any]:
    return {"seed": seed, "kinds": kinds, "inputs": 0, "by_kind": {}, "outcomes": {}, "untyped": 0,
            "over_cap": 0, "worker_died": 0, "findings": [], "peak_memory_mb": 0.0,
            "slowest_input_cpu_s": 0.0, "seconds": 0.0, "rate": 0.0, "done": []}  # fmt: skip


def add_outcomes(summary: dict[str, Any], outcomes: dict[str, int]) -> None:
    for key, n in outcomes.items():
        summary["outcomes"][key] = summary["outcomes"].get(key, 0) + n
        kind, outcome = key.rsplit(":", 1)
        summary["by_kind"][kind] = summary["by_kind"].get(kind, 0) + n
        summary["inputs"] += n
        if outcome == "internal":
            summary["untyped"] += n


def write_summary(summary: dict[str, Any], out: Path) -> None:
    summary["rate"] = round(summary["inputs"] / summary["seconds"], 1) if summary["seconds"] else 0.0
    partial = out.with_name(out.name + ".part")
    partial.write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, out)


def sum_summaries(paths: list[Path]) -> dict[str, Any]:
    """Add summaries up: inputs and outcomes summed, peak memory and the slowest input the
    largest, the rate the inputs over the summed seconds. One summary per seed (a second of the
    same seed would count its inputs twice)."""
    total = new_summary(-1, [])
    seeds = []
    for path in paths:
        one = json.loads(path.read_text(encoding="utf-8"))
        if one["seed"] in seeds:
            raise SystemExit(f"{path}: seed {one['seed']} is summed already")
        seeds.append(one["seed"])
        add_outcomes(total, one["outcomes"])
        for key in ("over_cap", "worker_died", "seconds"):
            total[key] += one[key]
        total["findings"] += one["findings"]
        for key in ("peak_memory_mb", "slowest_input_cpu_s"):
            total[key] = max(total[key], one[key])
    total["seeds"] = seeds
    total["rate"] = round(total["inputs"] / total["seconds"], 1) if total["seconds"] else 0.0
    del total["seed"], total["kinds"], total["done"]
    return total


# --- the campaign -------------------------------------------------------------------------------


def campaign(
    inputs: int, seed: int, workers: int, kinds: list[str], out: Path | None, every: int,
    findings: Path, chunk: int,
) -> dict[str, Any]:  # fmt: skip
    import multiprocessing
    from multiprocessing.connection import wait

    from matcher.extract import DEFAULT_LIMITS
    from matcher.language import get_pipeline

    summary = new_summary(seed, kinds)
    if out is not None and out.exists():
        summary = json.loads(out.read_text(encoding="utf-8"))
        if summary["seed"] != seed or summary["kinds"] != kinds:
            raise SystemExit(
                f"{out}: a summary of seed {summary['seed']} {summary['kinds']}, not this campaign"
            )
    done = _merge(summary["done"])
    todo: deque[tuple[int, int]] = deque()
    position = 0
    for a, b in [*done, [inputs, inputs]]:  # the gaps before ``inputs`` not done yet
        for start in range(position, min(a, inputs), chunk):
            todo.append((start, min(chunk, min(a, inputs) - start)))
        position = max(position, b)
    get_pipeline()  # loaded once, before the workers are forked: they start warm
    bases = Bases()
    context = multiprocessing.get_context("fork")
    pool = [_Slot(context, seed, kinds, bases, findings) for _ in range(workers)]
    cap = DEFAULT_LIMITS.max_seconds
    began, last_written, last_printed = time.monotonic(), summary["inputs"], summary["inputs"]
    seconds_before = summary["seconds"]

    def feed(slot: _Slot) -> None:
        while todo and len(slot.chunks) < 2:
            slot.chunks.append(todo.popleft())
            slot.conn.send(slot.chunks[-1])

    def lost(slot: _Slot, why: str) -> None:
        """The worker was killed (over the cap) or died on its input: that input is counted and
        saved, the rest of its chunks go back to the queue, a fresh worker takes its place."""
        index = int(slot.where[0])
        slot.stop()
        pool.remove(slot)
        start, count = slot.chunks.popleft()
        if index < start:
            index = start
        kind, engine, name, data = make_input(seed, index, kinds, bases)
        saved = _save(findings, seed, index, engine, name, data)
        print(f"finding: {why} on {saved}", flush=True)
        summary["findings"].append(str(saved))
        rest = [(start, index - start), (index + 1, start + count - index - 1), *slot.chunks]
        todo.extendleft(reversed([c for c in rest if c[1] > 0]))
        add_outcomes(summary, {f"{_label(kind, engine)}:{why}": 1})
        summary["done"] = _merge([*summary["done"], [index, index + 1]])
        fresh = _Slot(context, seed, kinds, bases, findings)
        pool.append(fresh)
        feed(fresh)

    try:
        for slot in pool:
            feed(slot)
        while any(slot.chunks for slot in pool):
            ready = wait([slot.conn for slot in pool if slot.chunks], timeout=0.5)
            for slot in [s for s in pool if s.conn in ready]:
                try:
                    start, count, outcomes, slowest, peak = slot.conn.recv()
                except (EOFError, OSError):
                    summary["worker_died"] += 1
                    lost(slot, "worker_died")
                    continue
                slot.chunks.popleft()
                feed(slot)
                add_outcomes(summary, outcomes)
                summary["done"] = _merge([*summary["done"], [start, start + count]])
                summary["slowest_input_cpu_s"] = round(max(summary["slowest_input_cpu_s"], slowest), 3)
                summary["peak_memory_mb"] = round(max(summary["peak_memory_mb"], peak / 2**20), 1)
            for slot in list(pool):  # the time cap, in CPU seconds on the current input
                if slot.chunks and slot.where[0] >= 0 and slot.cpu() - slot.where[1] > cap:
                    summary["over_cap"] += 1
                    summary["slowest_input_cpu_s"] = max(summary["slowest_input_cpu_s"], cap)
                    lost(slot, "over_cap")
            summary["seconds"] = round(seconds_before + time.monotonic() - began, 1)
            if out is not None and summary["inputs"] - last_written >= every:
                write_summary(summary, out)
                last_written = summary["inputs"]
            if summary["inputs"] - last_printed >= every:
                last_printed = summary["inputs"]
                rate = (summary["inputs"]) / max(summary["seconds"], 1e-9)
                print(f"{summary['inputs']:,} inputs, {rate:.0f}/s, untyped {summary['untyped']}, "
                      f"over the cap {summary['over_cap']}", file=sys.stderr, flush=True)  # fmt: skip
    finally:
        for slot in pool:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
            slot.process.join(timeout=5)
            slot.stop()
        summary["seconds"] = round(seconds_before + time.monotonic() - began, 1)
        if out is not None:
            write_summary(summary, out)
    return summary


def report(summary: dict[str, Any]) -> None:
    seeds = summary.get("seeds", [summary.get("seed")])
    rate = summary["inputs"] / summary["seconds"] if summary["seconds"] else 0.0
    print(f"{summary['inputs']:,} inputs in {summary['seconds']:.0f} s ({rate:.0f}/s), seeds {seeds}")
    print(f"untyped exceptions (internal): {summary['untyped']}")
    print(
        f"over the time cap: {summary['over_cap']} (slowest input {summary['slowest_input_cpu_s']:.2f} CPU s)"
    )
    print(f"workers died: {summary['worker_died']}; peak worker memory: {summary['peak_memory_mb']:.0f} MB")
    print("| kind | inputs |\n|---|---|")
    for key, count in sorted(summary["by_kind"].items()):
        print(f"| {key} | {count:,} |")
    print("| outcome | inputs |\n|---|---|")
    for key, count in sorted(summary["outcomes"].items()):
        print(f"| {key} | {count:,} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="indices 0 .. N-1 of the seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--kinds", nargs="+", choices=["text", "pdf", "docx"], default=["text", "pdf", "docx"])
    ap.add_argument("--out", type=Path, help="JSON summary, written every --every inputs; resumed from")
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--chunk", type=int, default=200, help="inputs a worker takes at once")
    ap.add_argument("--findings", type=Path, default=ROOT / "fuzz-findings")
    ap.add_argument("--sum", nargs="+", type=Path, metavar="SUMMARY", help="add summaries up and print them")
    args = ap.parse_args()
    if args.sum:
        total = sum_summaries(args.sum)
        report(total)
        print(json.dumps(total, sort_keys=True))
        return 1 if total["untyped"] or total["over_cap"] else 0
    summary = campaign(
        args.inputs, args.seed, args.workers, args.kinds, args.out, args.every, args.findings, args.chunk
    )
    report(summary)
    return 1 if summary["untyped"] or summary["over_cap"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
