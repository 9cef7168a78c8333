cat tests/fixtures/formats/feed.jsonl | newsdex-index --db "$WORK/stdin" - | sed "s/in [0-9.]* s.*//"
xz -dc tests/fixtures/formats/feed.jsonl.xz | newsdex-index --db "$WORK/stdin" - | sed "s/in [0-9.]* s.*//"
newsdex-query --db "$WORK/stdin" -n 1 пошлины
