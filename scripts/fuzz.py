"""Fuzz campaigns for matcher's file path: mutated texts, PDFs and DOCX files parsed by matcher's
own batch workers (the caps of a real ranking: 10 s and 1 GiB per file), under both PDF engines.

    python scripts/fuzz.py [--inputs 100000] [--batch 400] [--workers 2] [--seed 1] [--kinds text pdf docx]

Every input ends with an outcome. The campaign counts the outcomes by kind and fails (exit 1) on
any ``internal`` outcome (an untyped exception: a bug) or ``timeout`` (a run over the time cap),
writing each such input to ``fuzz-findings/`` to replay with ``matcher resume FILE``. Peak memory
is the largest resident size of any worker (``RUSAGE_CHILDREN``). Nothing here is imported by
matcher/; the tests run a few seconds of the same mutations with hypothesis (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

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
_TOKENS = [
    "\u2022", "Present", "2019 - 2020", "@", "%", ".", "  ", "\t", "\n", "\r", "\x00", "\x1b[2J", "A" * 50,
    "EXPERIENCE", "EDUCATION:", "5+ years", "University", "\u202e", "\ufeff", "\ud800"[:0], "é", "ﬁ",
]  # fmt: skip
_PDF_TOKENS = [
    b"<<", b">>", b"[", b"]", b" R ", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Filter /JBIG2Decode",
    b"/Length 99999999", b"999999999999", b"-1", b"/Kids [3 0 R 3 0 R]", b"/Type /Page", b"stream\n",
    b"endstream", b"endobj", b"xref", b"trailer", b"/Encrypt 9 0 R", b"(", b")", b"\\", b"/ToUnicode 4 0 R",
]  # fmt: skip


def mutate_text(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.3:
        case = rng.choice(list(CASES))
        return RESUME[: rng.randint(0, len(RESUME))] + CASES[case](rng.choice([10, 100, 1000, 5000]))
    chars = list(RESUME)
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


def _base_pdfs() -> list[bytes]:
    from fpdf import FPDF

    out = []
    for compress in (False, True):
        pdf = FPDF()
        pdf.set_compression(compress)
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in RESUME.replace("\u2022", "-").splitlines():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        out.append(bytes(pdf.output()))
    return out


def _base_docx() -> bytes:
    from docx import Document

    document = Document()
    for line in RESUME.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Python", "SQL"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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


_XML_TOKENS = [
    b"<w:p/>", b"<w:t>x</w:t>", b"&amp;", b"&#0;", b"&#x1b;", b"\xff\xfe", b" ", b"</w:t><w:t>", b"<", b">",
    b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
]  # fmt: skip


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return mutate_bytes(data, rng, [])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                if rng.random() < 0.1:  # deep nesting
                    part = part.replace(b"<w:body>", b"<w:body>" + b"<w:tbl><w:tr><w:tc>" * 3000, 1)
                ends = [i + 1 for i, byte in enumerate(part) if byte == ord(">")]
                for _ in range(rng.randint(1, 3)):  # between tags: well-formed more often than not
                    i = rng.choice(ends) if rng.random() < 0.8 else rng.randrange(len(part))
                    part = part[:i] + rng.choice(_XML_TOKENS) + part[i:]
            target.writestr(info, part)
    return out.getvalue()


def campaign(inputs: int, batch: int, workers: int, seed: int, kinds: list[str]) -> int:
    from matcher.batch import parse_in_workers

    rng = random.Random(seed)
    pdfs, docx = _base_pdfs(), _base_docx()
    outcomes: Counter[str] = Counter()
    findings = ROOT / "fuzz-findings"
    folder = Path(tempfile.mkdtemp(prefix="matcher-fuzz-"))
    start = time.perf_counter()
    done = bad = 0
    try:
        while done < inputs:
            for old in folder.iterdir():
                old.unlink()
            made: dict[str, list[Path]] = {"pypdf": [], "pdfium": []}
            for i in range(min(batch, inputs - done)):
                kind = kinds[(done + i) % len(kinds)]
                if kind == "text":
                    path = folder / f"{i}.txt"
                    path.write_text(mutate_text(rng), encoding="utf-8", errors="surrogatepass")
                elif kind == "pdf":
                    path = folder / f"{i}.pdf"
                    path.write_bytes(mutate_bytes(rng.choice(pdfs), rng, _PDF_TOKENS))
                else:
                    path = folder / f"{i}.docx"
                    path.write_bytes(mutate_docx(docx, rng))
                engine = "pdfium" if kind == "pdf" and (done + i) % 2 else "pypdf"
                made[engine].append(path)
            for engine, paths in made.items():
                if not paths:
                    continue
                for result in parse_in_workers(paths, workers=workers, engine=engine):
                    kind = result.failure.kind if result.failure else "ok"
                    outcomes[f"{result.path.suffix[1:]}:{kind}"] += 1
                    if kind in ("internal", "timeout"):
                        bad += 1
                        findings.mkdir(exist_ok=True)
                        shutil.copy(result.path, findings / f"{seed}-{done}-{engine}-{result.path.name}")
                        print(f"finding: {engine} {result.failure}", flush=True)
            done += sum(len(p) for p in made.values())
            took = time.perf_counter() - start
            print(f"{done:,} inputs, {done / took:.0f}/s, {bad} findings", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{done:,} inputs in {took:.0f} s ({done / took:.0f}/s), seed {seed}, kinds {' '.join(kinds)}")
    print(f"untyped exceptions (internal): {sum(v for k, v in outcomes.items() if k.endswith(':internal'))}")
    print(f"over the time cap (timeout): {sum(v for k, v in outcomes.items() if k.endswith(':timeout'))}")
    print(f"peak worker memory: {peak:.0f} MB")
    print("| outcome | inputs |\n|---|---|")
    for key, count in sorted(outcomes.items()):
        print(f"| {key} | {count:,} |")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", nargs="+", choices=["text", "pdf", "docx"], default=["text", "pdf", "docx"])
    args = ap.parse_args()
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return campaign(args.inputs, args.batch, args.workers, args.seed, args.kinds)


if __name__ == "__main__":
    raise SystemExit(main())
