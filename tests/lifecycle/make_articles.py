#!/usr/bin/env python3
"""Writes COUNT small Russian news articles as .txt files into OUTDIR, made
from the sentences of corpus/*.txt and fully determined by SEED (offline, no
shared data needed). Article i is OUTDIR/NN/article-NNNNN.txt: the title
"Статья i: <sentence>" on the first line, then 3-6 sentences, one paragraph
each. Titles are unique, so no two articles have the same text; every
twentieth article (i % 20 == 7) has the body of the one before it under its
own title, a rewrite, so story threads form (when the body is long enough).

Usage: make_articles.py OUTDIR COUNT SEED [--start FIRST]
  --start FIRST  number the articles FIRST .. FIRST+COUNT-1 (to add new
                 articles to an existing set; article i is the same whatever
                 the batch it was made in)
"""
import argparse
import pathlib
import random
import re

CORPUS = pathlib.Path(__file__).resolve().parent.parent.parent / "corpus"
# A sentence ends at . ! ? or … followed by a space and a capital, digit or quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"А-ЯЁA-Z0-9])")


def corpus_sentences():
    sentences = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        for line in lines[1:]:  # the first line is the title
            for s in SENTENCE_END.split(line):
                s = s.strip()
                if len(s) >= 20:
                    sentences.append(s)
    if len(sentences) < 50:
        raise SystemExit(f"make_articles.py: too few sentences in {CORPUS}")
    return sentences


def article_path(outdir, i):
    return outdir / f"{i // 500:02d}" / f"article-{i:05d}.txt"


def article_text(sentences, seed, i):
    # One generator per article: article i does not depend on the others.
    rng = random.Random(f"{seed}:{i}")
    title = rng.choice(sentences).rstrip(".!?…")
    if len(title) > 120:
        title = title[:120].rsplit(" ", 1)[0]
    body = rng.sample(sentences, rng.randint(3, 6))
    if i % 20 == 7:
        body = article_text(sentences, seed, i - 1).split("\n", 1)[1].rstrip("\n").split("\n")
    return f"Статья {i}: {title}\n" + "\n".join(body) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("count", type=int)
    parser.add_argument("seed")
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    sentences = corpus_sentences()
    for i in range(args.start, args.start + args.count):
        path = article_path(args.outdir, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(sentences, args.seed, i), encoding="utf-8")


if __name__ == "__main__":
    main()
