import json
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.sources.loaders import decode_bytes, iter_input_files, load_file
from foedus.sources.model import Article, SourceError

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("Armenia and the CSTO\n\n"
           "On February 22, 2024, Armenia froze its participation in the CSTO, Prime Minister Nikol Pashinyan said.\n"
           "“We have frozen our participation in the organisation at all levels,” Pashinyan told reporters.\n")


def items(path, **kw):
    return list(load_file(path, **kw))


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    [err] = items(p)
    assert isinstance(err, SourceError) and "empty" in err.message and err.source == str(p)


def test_binary_file(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    [err] = items(p)
    assert isinstance(err, SourceError) and "binary" in err.message


def test_huge_file_is_refused_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(50 * 1024 * 1024)   # sparse: 50 MB
    [err] = items(p)
    assert isinstance(err, SourceError) and "too large" in err.message


def test_wrong_encoding_is_detected(tmp_path):
    p = tmp_path / "cp1251.txt"
    text = "Премьер-министр Армении Никол Пашинян заявил, что Армения заморозила участие в ОДКБ. " * 5
    p.write_bytes(text.encode("cp1251"))
    [art] = items(p)
    assert isinstance(art, Article) and "Пашинян" in art.text


def test_truncated_utf8_keeps_the_text(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_bytes(ARTICLE.encode("utf-8") + "Пашинян".encode("utf-8")[:3])
    [art] = items(p)
    assert isinstance(art, Article) and art.text.startswith("Armenia and the CSTO")


def test_undecodable_garbage():
    with pytest.raises(SourceError):
        decode_bytes(b"", "x")


def test_html_without_article(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    [err] = items(p)
    assert isinstance(err, SourceError) and "no article text" in err.message


def test_html_article(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines() if line) * 2
    p = tmp_path / "a.html"
    p.write_text(f"<html><head><title>Armenia and the CSTO</title></head><body><article>{body}</article></body></html>", encoding="utf-8")
    [art] = items(p)
    assert isinstance(art, Article) and "froze its participation" in art.text and art.doc_id == "a"


def test_truncated_pdf(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    [err] = items(p)
    assert isinstance(err, SourceError)


def test_jsonl_records_metadata_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([
        json.dumps({"doc": "one", "text": ARTICLE, "outlet": "Example", "published": "2024-02-23"}),
        "{not json",
        json.dumps({"text": ARTICLE + " Again."}),
        json.dumps({"doc": "three", "title": "no body"}),
    ]), encoding="utf-8")
    got = items(p)
    arts = [a for a in got if isinstance(a, Article)]
    errs = [e for e in got if isinstance(e, SourceError)]
    assert [a.doc_id for a in arts][0] == "one" and len(arts[1].doc_id) == 16
    assert arts[0].outlet == "Example" and "published" in arts[0].given
    assert len(errs) == 2 and errs[0].source.endswith(":2")


def test_folder_listing_and_unsupported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"PK")
    listed = list(iter_input_files([tmp_path, tmp_path / "b.docx", tmp_path / "missing.txt"]))
    assert [p.name for p, e in listed if e is None] == ["a.txt"]
    assert len([e for _, e in listed if e is not None]) == 2


def test_cli_batch_goes_on_and_exits_5(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "foedus.cli.app", "extract", str(src), "--out", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 5, r.stderr
    assert "empty.txt" in r.stderr and "blob.txt" in r.stderr
    docs = [json.loads(x) for x in (out / "docs.jsonl").read_text().splitlines()]
    assert [d["doc"] for d in docs] == ["good"]
    assert not list(out.glob(".*tmp"))
    quotes = [json.loads(x) for x in (out / "quotes.jsonl").read_text().splitlines()]
    assert quotes and all(set(q) == {"doc", "speaker", "kind", "text"} for q in quotes)
    events = [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]
    assert all(set(e) == {"doc", "type", "actor", "target", "date", "evidence"} for e in events)


def test_cli_bad_published_is_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "foedus.cli.app", "extract", str(tmp_path / "a.txt"), "--out",
                        str(tmp_path / "o"), "--published", "yesterday"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "--published" in r.stderr
