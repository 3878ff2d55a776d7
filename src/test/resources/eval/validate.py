#!/usr/bin/env python3
"""Checks the evaluation set's JSON lines and prints counts.

    python3 src/test/resources/eval/validate.py            # every part: the held-out *.jsonl here, the development
                                                           # parts in config/triage/examples.jsonl
    python3 src/test/resources/eval/validate.py heldout2.jsonl heldout5.jsonl

The development parts are the service's labelled examples (config/triage/examples.jsonl, the learnt reading is taught
from them): one file, each part told apart by its ids' prefix ("dev4-017") and checked as a part of its own.

Checks, per line: it parses as one JSON object with exactly the fields EvaluationTest reads; the id
has the part's prefix and runs 001, 002, ... without gaps and is unique over all files; lang, kind,
severity, topic, source are known values; severity is `low` for everything but complaints and not
`low` for complaints; sarcasm is a boolean and only on complaints; staff is null or a name that
occurs in the text; flags only holds `injection`; detail is a list of distinct non-empty strings,
empty for spam; no text occurs twice in the whole set. Warnings (not errors): a detail none of whose
stems occurs in the post's text (the test matches a stem of at least four letters in the reply).

The topic names are the ones the hand labels in the first development part and heldout.jsonl use (this set was
written without opening config/, see README.md). Exit status 1 when there is an error.
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["id", "source", "lang", "author", "text", "kind", "severity", "topic", "detail", "sarcasm", "staff", "flags"]
LANGS = ["nb", "nn", "da", "sv", "en"]
KINDS = ["complaint", "question", "praise", "spam"]
SEVERITIES = ["low", "medium", "high", "critical"]
SOURCES = {"facebook", "email", "twitter"}
FLAGS = {"injection"}
TOPICS = {
    "account-closed", "appointment", "banking", "billing", "channel-lineup", "customer-service", "delivery",
    "food", "general", "health", "housing", "insurance", "outage", "product-quality", "public-services", "refund",
    "staff-behaviour",
    "store", "travel",
}
PREFIX = {"dev": "dev", "heldout": "held", "dev2": "dev2", "heldout2": "held2", "heldout3": "held3", "dev4": "dev4", "heldout4": "held4", "dev5": "dev5", "dev6": "dev6", "dev7": "dev7", "heldout5": "held5"}


def stem(word):
    # the same cut EvaluationTest.readDraft makes
    w = word.lower()
    return w[:min(len(w), max(4, len(w) - 2))]


EXAMPLES = HERE.parents[3] / "config" / "triage" / "examples.jsonl"


class Part:
    """One part: a file of its own, or the lines of the examples file with its prefix."""

    def __init__(self, path, prefix=None):
        self.path, self.prefix = path, prefix
        self.name = f"{prefix} in {path.name}" if prefix else path.name
        self.stem = prefix if prefix else path.stem

    def lines(self):
        for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not self.prefix or prefix_of(line) == self.prefix:
                yield n, line


def prefix_of(line):
    try:
        pid = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return None
    m = re.match(r"([a-z]+[0-9]*)-[0-9]+$", pid) if isinstance(pid, str) else None
    return m.group(1) if m else None


def parts_of(path):
    if path.resolve() != EXAMPLES.resolve():
        return [Part(path)]
    prefixes = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        prefix = prefix_of(line)
        if not prefix or not prefix.startswith("dev"):
            raise SystemExit(f"{path.name}:{n}: every line is a development part's post with its id ({{\"id\": \"dev4-017\", ...}}); "
                             "held-out posts never go here")
        if prefix not in prefixes:
            prefixes.append(prefix)
    return [Part(path, p) for p in prefixes]


def named(arg):
    """A file, a held-out part here ("heldout2.jsonl"), or a development part ("dev2.jsonl", "dev2") in the examples file."""
    stem = Path(arg).name.removesuffix(".jsonl")
    if not Path(arg).exists() and not (HERE / arg).exists() and stem in PREFIX and stem.startswith("dev"):
        return [Part(EXAMPLES, PREFIX[stem])]
    path = Path(arg) if Path(arg).is_absolute() or Path(arg).exists() else HERE / arg
    return parts_of(path)


def check(path, seen_ids, seen_texts, errors, warnings):
    rows = []
    prefix = PREFIX.get(path.stem, path.stem)
    for n, line in path.lines():
        where = f"{path.name}:{n}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        if not isinstance(d, dict):
            errors.append(f"{where}: not an object")
            continue
        if set(d) != set(FIELDS):
            errors.append(f"{where}: fields {sorted(set(d) ^ set(FIELDS))} missing or extra")
            continue
        if list(d) != FIELDS:
            warnings.append(f"{where}: fields in another order")
        pid = d["id"]
        where = f"{path.name}:{n} {pid}"
        m = re.fullmatch(re.escape(prefix) + r"-(\d{3})", str(pid))
        if not m:
            errors.append(f"{where}: id should look like {prefix}-NNN")
        elif int(m.group(1)) != len(rows) + 1:
            errors.append(f"{where}: id out of sequence (expected {prefix}-{len(rows) + 1:03d})")
        if pid in seen_ids:
            errors.append(f"{where}: id also in {seen_ids[pid]}")
        seen_ids[pid] = path.name
        for field in ("source", "lang", "author", "text", "kind", "severity", "topic"):
            if not isinstance(d[field], str) or not d[field].strip():
                errors.append(f"{where}: {field} should be a non-empty string")
        if d["source"] not in SOURCES:
            errors.append(f"{where}: source {d['source']!r}")
        if d["lang"] not in LANGS:
            errors.append(f"{where}: lang {d['lang']!r}")
        if d["kind"] not in KINDS:
            errors.append(f"{where}: kind {d['kind']!r}")
        if d["severity"] not in SEVERITIES:
            errors.append(f"{where}: severity {d['severity']!r}")
        if d["topic"] not in TOPICS:
            errors.append(f"{where}: topic {d['topic']!r}")
        if d["kind"] == "complaint" and d["severity"] == "low":
            errors.append(f"{where}: a complaint is at least medium")
        if d["kind"] != "complaint" and d["severity"] != "low":
            errors.append(f"{where}: a {d['kind']} is low")
        if not isinstance(d["sarcasm"], bool):
            errors.append(f"{where}: sarcasm should be true or false")
        elif d["sarcasm"] and d["kind"] != "complaint":
            errors.append(f"{where}: sarcasm on a {d['kind']}")
        staff = d["staff"]
        if staff is not None:
            if not isinstance(staff, str) or not staff.strip() or " " in staff.strip():
                errors.append(f"{where}: staff should be null or one first name")
            elif staff not in d["text"]:
                errors.append(f"{where}: staff {staff!r} not in the text")
        if not isinstance(d["flags"], list) or not set(d["flags"]) <= FLAGS:
            errors.append(f"{where}: flags {d['flags']!r}")
        det = d["detail"]
        if not isinstance(det, list) or not all(isinstance(x, str) and x.strip() for x in det):
            errors.append(f"{where}: detail should be a list of non-empty strings")
        else:
            if len({x.lower() for x in det}) != len(det):
                errors.append(f"{where}: detail repeats itself")
            if d["kind"] == "spam" and det:
                errors.append(f"{where}: spam names no detail")
            text = d["text"].lower() if isinstance(d["text"], str) else ""
            if det and not any(stem(x) in text or x.lower()[:4] in text for x in det):
                warnings.append(f"{where}: no detail {det} found in the text")
        key = re.sub(r"\s+", " ", str(d["text"]).strip().lower())
        if key in seen_texts:
            errors.append(f"{where}: same text as {seen_texts[key]}")
        seen_texts[key] = pid
        rows.append(d)
    return rows


def table(rows, title):
    counts = collections.Counter((r["lang"], r["kind"]) for r in rows)
    out = [f"{title} ({len(rows)} posts)",
           f"  {'lang':<5}" + "".join(f"{k:>11}" for k in KINDS) + f"{'total':>8}"]
    for lang in LANGS:
        out.append(f"  {lang:<5}" + "".join(f"{counts[(lang, k)]:>11}" for k in KINDS)
                   + f"{sum(counts[(lang, k)] for k in KINDS):>8}")
    out.append(f"  {'all':<5}" + "".join(f"{sum(counts[(l, k)] for l in LANGS):>11}" for k in KINDS) + f"{len(rows):>8}")
    sev = collections.Counter(r["severity"] for r in rows)
    out.append("  severity: " + ", ".join(f"{s} {sev[s]}" for s in SEVERITIES))
    out.append(f"  sarcasm {sum(r['sarcasm'] is True for r in rows)}, staff named {sum(r['staff'] is not None for r in rows)}, "
               f"injection {sum('injection' in r['flags'] for r in rows)}, e-mail {sum(r['source'] == 'email' for r in rows)}, "
               f"with detail {sum(bool(r['detail']) for r in rows)}")
    top = collections.Counter(r["topic"] for r in rows)
    out.append("  topics: " + ", ".join(f"{t} {c}" for t, c in sorted(top.items())))
    return "\n".join(out)


def main(argv):
    every = [q for p in [EXAMPLES] + sorted(HERE.glob("*.jsonl")) for q in parts_of(p)]
    paths = [q for a in argv for q in named(a)] or every
    # texts and ids are compared against every part, even when only some are checked
    others = [q for q in every if q.name not in {p.name for p in paths}]
    errors, warnings, ids, texts = [], [], {}, {}
    for p in others:
        check(p, ids, texts, [], [])
    all_rows = []
    for p in paths:
        rows = check(p, ids, texts, errors, warnings)
        all_rows += rows
        print(table(rows, p.name))
        print()
    if len(paths) > 1:
        print(table(all_rows, "together"))
        print()
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
