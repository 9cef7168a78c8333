for f in tests/fixtures/encodings/article.*.txt; do
  db="$WORK/enc-$(basename "$f")"
  newsdex-index --db "$db" --quiet "$f" || echo "index failed: $f"
  printf '%s: ' "$(basename "$f")"; newsdex-query --db "$db" --json -n 1 ПОШЛИНЫ | cut -d, -f2-3
done
echo "--- all at once (the same text in 7 encodings is one article):"
newsdex-index --db "$WORK/enc-all" tests/fixtures/encodings | sed "s/in [0-9.]* s.*//"
echo "--- undecidable and forced:"
newsdex-index --db "$WORK/enc-x" tests/fixtures/encodings/undecidable.bin | sed "s/in [0-9.]* s.*//"
newsdex-index --db "$WORK/enc-y" --encoding koi8-r --quiet tests/fixtures/encodings/article.koi8r.txt; echo "forced koi8-r: $?"
newsdex-index --db "$WORK/enc-z" --encoding no-such-enc tests/fixtures/encodings/article.koi8r.txt; echo "unknown encoding: $?"
