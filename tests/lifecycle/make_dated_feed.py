#!/usr/bin/env python3
"""Writes COUNT Russian news records as JSON Lines to OUTFILE, made from the
sentences of corpus/*.txt and fully determined by SEED (offline): dates
spread over 2023-2025 (every 10th record undated), four sources, unique
titles. For tests and benchmarks of sharded archives.

Usage: make_dated_feed.py OUTFILE COUNT SEED
"""
import json
import pathlib
import random
import re
import sys

CORPUS = pathlib.Path(__file__).resolve().parent.parent.parent / "corpus"
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"А-ЯЁA-Z0-9])")
SOURCES = ["ria", "tass", "interfax", "wire"]


def corpus_sentences():
    sentences = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        for line in lines[1:]:
            sentences += [s.strip() for s in SENTENCE_END.split(line) if len(s.strip()) >= 20]
    return sentences


def main():
    out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sentences = corpus_sentences()
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            body = rng.sample(sentences, rng.randint(3, 6))
            record = {
                "id": f"feed-{i:06d}",
                "title": f"Сводка {i}: {rng.choice(sentences)[:80]}",
                "source": SOURCES[i % len(SOURCES)],
                "text": "\n".join(body),
            }
            if i % 10:
                record["date"] = f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
