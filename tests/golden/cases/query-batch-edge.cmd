: | newsdex-query --db "$DB" --batch; echo "empty input: $?"
printf 'нет-такого-слова-zzz\n\n{not json\n{"query": 42}\n{"query": "пошлины", "limit": "5"}\n' | newsdex-query --db "$DB" --batch; echo "no hits: $?"
diff <(newsdex-query --db "$DB" --json -n 3 --since 2025-01-01 пошлины) <(echo '{"query": "пошлины", "since": "2025-01-01"}' | newsdex-query --db "$DB" --batch -n 3 | grep '"type":"hit"' | sed 's/"query":1,//') && echo "hits as --json prints them"
printf '\xef\xbb\xbfпошлины\r\n' | newsdex-query --db "$DB" --batch -n 1 --offset 1 --topic tariffs | grep -c '"query":1,'
echo пошлины | newsdex-query --db "$DB" --batch --ids; echo "usage: $?"
echo пошлины | newsdex-query --db "$DB" --batch пошлины; echo "usage: $?"
newsdex-query --db "$DB" --batch < /; echo "unreadable: $?"
echo пошлины | newsdex-query --db "$WORK/no-such-index" --batch; echo "no index: $?"
