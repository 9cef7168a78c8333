d="$WORK/stories"; mkdir -p "$d"
printf '%s\n' '{"id":"a-1","title":"Цены на газ в Европе упали","date":"2025-07-22","text":"Биржевые цены на газ в Европе упали до минимума за полгода.","source":"alpha"}' '{"id":"b-7","title":"Цены на газ в Европе упали","date":"2025-07-22","text":"Биржевые цены на газ в Европе упали до минимума за полгода, сообщают трейдеры.","source":"beta"}' '{"id":"c-3","title":"Цены на газ в Европе упали","date":"2025-08-30","text":"Через месяц цены на газ снова упали.","source":"alpha"}' > "$d/feed.jsonl"
newsdex-index --db "$d/db" --quiet "$d/feed.jsonl"
newsdex-query --db "$d/db" газ
newsdex-query --db "$d/db" --json газ | sed 's/"snippet":"[^"]*",//; s/"score":[0-9.]*,//; s/"path":.*//'
echo ---; newsdex-query --db "$d/db" --ids --no-collapse газ
echo ---; newsdex-query --db "$d/db" --ids story b-7
echo ---; newsdex-query --db "$d/db" --count газ; newsdex-query --db "$d/db" --count --stories газ
echo ---; newsdex-query --db "$d/db" story no-such-id
echo ---; newsdex-query --db "$d/db" --count --facet story газ
s=$(newsdex-query --db "$d/db" --json -n 1 --sort date газ | sed 's/.*"story":"\([0-9a-f]*\)".*/\1/'); newsdex-query --db "$d/db" --ids story "$s"
echo "--- counted by story: sources, and time (a story once, at its first article)"
newsdex-query --db "$d/db" -n 1 --facet source --facet year --stories газ | tail -2
newsdex-query --db "$d/db" --timeline month --stories газ
newsdex-query --db "$d/db" --timeline month газ
newsdex-query --db "$d/db" --stories газ; echo "exit: $?"
