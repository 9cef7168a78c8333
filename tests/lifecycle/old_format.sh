#!/usr/bin/env bash
# Indexes made by an old newsdex still read (issue 20: "the on-disk layout of
# existing indexes and archives still read").
#
# tests/fixtures/format-catalog4-docdata2/ holds a single index and a sharded
# archive (by month) written by newsdex at commit 07577f4 (its README says
# how; they are never regenerated). Each is unpacked into a temporary folder
# and, with the binaries under test:
#   - queried: ids of all articles, a phrase, fields, facets, dates; on the
#     archive the shard of every hit, date-limited queries and the stub
#     opened as a plain Xapian stub file; hits as text;
#   - shown (`show ID`, as text and JSON: metadata, topic scores, text);
#   - `stats`, `check --no-repair` (exit 0, nothing to repair), `shards`;
#   - written: an incremental run of new inputs adds three articles and finds
#     one duplicate of an old article; the old articles are all still found,
#     the archive's new ones are in the shards of their dates (one existing,
#     one new, the undated one); then `check`, `stats`, and a rerun that
#     changes nothing.
# Output is compared with the text below: the absolute paths the fixtures
# recorded (/tmp/newsdex-fixture-07577f4/inputs, gone) are part of it, the
# temporary folder is $WORK, sizes are "N MB", timings "T", and the times of
# the runs this test makes are TIME (the fixtures' own runs keep theirs).
#
# Usage: old_format.sh NEWSDEX_INDEX NEWSDEX_QUERY
# Needs python3, xz and sha256sum. Last line: "old-format: N passed, M failed".
set -u
if [ $# -lt 2 ]; then
    echo "usage: old_format.sh NEWSDEX_INDEX NEWSDEX_QUERY" >&2
    exit 2
fi
index_bin=$(realpath "$1") query_bin=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$(cd "$here/../fixtures/format-catalog4-docdata2" && pwd)
for tool in python3 xz sha256sum; do
    command -v "$tool" >/dev/null || { echo "old-format: $tool is required"; exit 2; }
done

export LC_ALL=C.UTF-8 NO_COLOR=1
unset NEWSDEX_DB XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
export HOME=$work/home  # no user's topics.toml or config
mkdir -p "$HOME"

passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
    echo "old-format: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

mask_times=0
normalize() {
    local times='s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIME/g'
    [ "$mask_times" = 1 ] || times='s/^$//'
    sed -E -e "s#$work#\$WORK#g" \
        -e 's/[0-9]+\.[0-9]+ s \([0-9.]+ MB\/s\)/T/g' \
        -e 's/[0-9]+\.[0-9] MB/N MB/g' \
        -e "$times"
}

# Runs a command: its stdout, then "stderr:" and its stderr if any, then
# "exit: N", normalized, become $work/actual.
run() {
    "$@" >"$work/stdout" 2>"$work/stderr"
    local rc=$?
    {
        cat "$work/stdout"
        if [ -s "$work/stderr" ]; then echo "stderr:"; cat "$work/stderr"; fi
        echo "exit: $rc"
    } | normalize >"$work/actual"
}

# Compares $work/actual with the expected text on stdin.
expect() {
    if diff -u - "$work/actual" >"$work/diff"; then
        ok
    else
        fail "$1"
        cat "$work/diff"
    fi
}

# The ids of a query's hits, sorted: which articles match, not how they rank
# (ties in rank or date may come in any order).
ids() {
    "$query_bin" "$@" --ids | LC_ALL=C sort
    return "${PIPESTATUS[0]}"
}

# The hits of a --json query as "id shard date" (shard "-" for one index),
# sorted.
hits() {
    "$query_bin" "$@" --json | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if d.get("type") == "hit":
        print(d["id"], d.get("index", "-"), d["date"] or "-")' | LC_ALL=C sort
    return "${PIPESTATUS[0]}"
}

query() { "$query_bin" "$@"; }
indexer() { "$index_bin" "$@"; }

# The fixtures are the ones 07577f4 made (README there: never regenerate).
if (cd "$fixtures" && sha256sum --quiet -c SHA256SUMS); then
    ok
else
    fail "the fixtures' bytes differ from SHA256SUMS: they are frozen (see $fixtures/README.md)"
fi
tar -xJf "$fixtures/index.tar.xz" -C "$work" && tar -xJf "$fixtures/archive.tar.xz" -C "$work" ||
    { fail "cannot unpack the fixtures"; finish; }
I=$work/index A=$work/archive

# ---------------------------------------------------------------- the index

run ids --db "$I" --sort date ""
expect "index: all articles" <<'EOF'
txt/008_rostov-football.txt
txt/017_europe-gas-prices.txt
txt/020_key-rate-decision-copy.txt
wire-000001
wire-000002
wire-000006
exit: 0
EOF

run query --db "$I" --ids '"ключевую ставку"'
expect "index: phrase" <<'EOF'
txt/020_key-rate-decision-copy.txt
exit: 0
EOF

run ids --db "$I" 'tag:санкции OR tag:энергетика'
expect "index: tags" <<'EOF'
wire-000001
wire-000006
exit: 0
EOF

run ids --db "$I" --since 2025-07-01 'source:wire'
expect "index: source and date" <<'EOF'
wire-000002
wire-000006
exit: 0
EOF

run ids --db "$I" "кубометров NOT турецкий"
expect "index: word forms" <<'EOF'
wire-000006
exit: 0
EOF

run query --db "$I" --count --facet source --facet year --facet topic ""
expect "index: facets" <<'EOF'
6
source: txt 3, wire 3
topic: economy 2, politics 1
year: 2025 3
exit: 0
EOF

run ids --db "$I" пшеница --since 2025-08-01
expect "index: nothing in the dates" <<'EOF'
exit: 1
EOF

run query --db "$I" --sort date газ
expect "index: hits as text" <<'EOF'
  1. ----------  Биржевые цены на газ в Европе поднялись до максимума за два года
     txt/017_europe-gas-prices.txt  · txt
     …с 1 января транзита российского **газа** через территорию Украины. Трубопроводные поставки из России в Европу теперь осуществляются только по газопроводу «Турецкий поток», также сохраняется импорт…

  2. 2025-07-22  Цены на газ в Европе опустились ниже $400 за тысячу кубометров
     wire-000006  · wire  · https://example.org/news/2025/07/22/europe-gas-prices-fall
     Биржевые цены на **газ** в Европе 22 июля 2025 года опустились ниже $400 за тысячу кубометров впервые за несколько месяцев. Августовские фьючерсы на нидерландском хабе TTF торговались на уровне около €32…

exit: 0
EOF

run query --db "$I" show wire-000006
expect "index: show" <<'EOF'
Цены на газ в Европе опустились ниже $400 за тысячу кубометров

id:       wire-000006
date:     2025-07-22
source:   wire
url:      https://example.org/news/2025/07/22/europe-gas-prices-fall
topic:    economy
tags:     газ, энергетика
file:     /tmp/newsdex-fixture-07577f4/inputs/feeds/wire.jsonl:3

Биржевые цены на газ в Европе 22 июля 2025 года опустились ниже $400 за тысячу кубометров впервые за несколько месяцев. Августовские фьючерсы на нидерландском хабе TTF торговались на уровне около €32 за мегаватт-час.
Аналитики связывают снижение с высокими поставками сжиженного природного газа из США и Катара, а также с умеренной погодой, которая снизила потребление электроэнергии для кондиционирования. Заполненность европейских подземных хранилищ превысила 65%.
Вместе с тем эксперты предупреждают, что для выполнения плана по закачке к 1 ноября странам ЕС придется сохранить высокий темп закупок, поэтому в конце лета цены могут снова пойти вверх.
exit: 0
EOF

run query --db "$I" show --json txt/020_key-rate-decision-copy.txt
expect "index: show --json" <<'EOF'
{"type":"article","id":"txt/020_key-rate-decision-copy.txt","title":"Банк России снизил ключевую ставку до 16,5% годовых","date":"","url":"","source":"txt","author":"","topic":"","tags":[],"path":"/tmp/newsdex-fixture-07577f4/inputs/txt/020_key-rate-decision-copy.txt","member":"","line":0,"topics":{"economy":0.994,"energy":0.404},"text":"Совет директоров Банка России на заседании 24 октября 2025 года снизил ключевую ставку на 50 базисных пунктов — до 16,5% годовых. Решение совпало с ожиданиями большинства опрошенных аналитиков.\nВ пресс-релизе регулятора отмечается, что устойчивый рост цен замедляется, однако инфляционные ожидания населения и бизнеса остаются повышенными. По оценке ЦБ, годовая инфляция в сентябре составила около 8%, а по итогам года она ожидается в диапазоне 6,5–7%.\nРегулятор дал понять, что быстрого смягчения денежно-кредитной политики не будет. «Мы будем принимать решения осторожно, опираясь на поступающие данные. Возвращение инфляции к цели 4% ожидается в 2026 году», — говорится в заявлении совета директоров.\nРубль отреагировал на решение умеренным ослаблением: курс доллара на внебиржевом рынке поднялся до 81,5 рубля, евро — до 94,7 рубля. Аналитики связывают динамику не столько с решением по ставке, сколько со снижением цен на нефть.\nБанки уже начали снижать ставки по депозитам: крупнейшие кредитные организации уменьшили доходность по вкладам на срок от года на 0,3–0,5 процентного пункта. Следующее заседание по ключевой ставке пройдет 19 декабря."}
exit: 0
EOF

run indexer --db "$I" stats
expect "index: stats" <<'EOF'
index:      $WORK/index (gen-000001, N MB)
articles:   6
duplicates: 1 more places
files:      5
dates:      2025-02-24 .. 2025-07-22
sources:    txt 3, wire 3
topics:     economy 4, energy 3, sanctions 1, sport 1, tariffs 1
last run:   index started 2026-12-05T13:45:01Z, finished 2026-12-05T13:45:02Z, exit 0
            1 added, 0 updated, 5 unchanged, 0 removed, 0 duplicates, 0 rejected; N MB in T
exit: 0
EOF

run indexer --db "$I" check --no-repair
expect "index: check" <<'EOF'
gen-000001: 6 articles, ok
exit: 0
EOF

# -------------------------------------------------------------- the archive

run hits --db "$A" --sort date ""
expect "archive: all articles and their shards" <<'EOF'
txt/008_rostov-football.txt undated -
txt/017_europe-gas-prices.txt undated -
txt/020_key-rate-decision-copy.txt undated -
wire-000001 2025-02 2025-02-24
wire-000002 2025-07 2025-07-02
wire-000006 2025-07 2025-07-22
exit: 0
EOF

run ids --db "$A" --since 2025-07-01 --until 2025-07-31 газ
expect "archive: date-limited query" <<'EOF'
wire-000006
exit: 0
EOF

run ids --db "$A/archive.stub" газ
expect "archive: the stub opened as a file (a Xapian stub)" <<'EOF'
txt/017_europe-gas-prices.txt
wire-000006
exit: 0
EOF

run ids --db "$A" --since 2025-02-01 --until 2025-02-28 ""
expect "archive: one month" <<'EOF'
wire-000001
exit: 0
EOF

# Dates no shard holds: no shard is opened, and nothing matched (exit 1).
run ids --db "$A" --since 2025-03-01 --until 2025-06-30 ""
expect "archive: dates no shard holds" <<'EOF'
exit: 1
EOF

run ids --db "$A" '"ключевую ставку"'
expect "archive: phrase in the undated shard" <<'EOF'
txt/020_key-rate-decision-copy.txt
exit: 0
EOF

run query --db "$A" --count --facet source --facet year --facet topic ""
expect "archive: facets" <<'EOF'
6
source: txt 3, wire 3
topic: economy 2, politics 1
year: 2025 3
exit: 0
EOF

run query --db "$A" --sort date газ
expect "archive: hits as text" <<'EOF'
  1. ----------  Биржевые цены на газ в Европе поднялись до максимума за два года
     txt/017_europe-gas-prices.txt  · txt  · [undated]
     …с 1 января транзита российского **газа** через территорию Украины. Трубопроводные поставки из России в Европу теперь осуществляются только по газопроводу «Турецкий поток», также сохраняется импорт…

  2. 2025-07-22  Цены на газ в Европе опустились ниже $400 за тысячу кубометров
     wire-000006  · wire  · https://example.org/news/2025/07/22/europe-gas-prices-fall  · [2025-07]
     Биржевые цены на **газ** в Европе 22 июля 2025 года опустились ниже $400 за тысячу кубометров впервые за несколько месяцев. Августовские фьючерсы на нидерландском хабе TTF торговались на уровне около €32…

exit: 0
EOF

run query --db "$A" show --json wire-000002
expect "archive: show --json" <<'EOF'
{"type":"article","id":"wire-000002","title":"Экспортная пошлина на российскую пшеницу опустилась до нуля","date":"2025-07-02","url":"https://example.org/news/2025/07/02/wheat-export-duty-zero","source":"wire","author":"","topic":"economy","tags":["пошлины","экспорт","зерно"],"path":"/tmp/newsdex-fixture-07577f4/inputs/feeds/wire.jsonl","member":"","line":2,"topics":{"tariffs":0.707,"economy":0.506},"text":"Экспортная пошлина на российскую пшеницу со 2 июля 2025 года обнулилась впервые с момента введения плавающего механизма в 2021 году, сообщило Министерство сельского хозяйства. Ставка рассчитывается еженедельно на основе индикативных экспортных цен.\nПо данным ведомства, снижение связано с падением мировых цен на зерно: индикативная цена опустилась ниже базового уровня, с которого начинается взимание сбора. Пошлины на ячмень и кукурузу также снизились и составят менее 100 рублей за тонну.\nЭкспортеры рассчитывают, что обнуление ставки поможет российским поставщикам сохранить позиции на рынках Египта, Турции и стран Африки в начале нового сельскохозяйственного сезона."}
exit: 0
EOF

run indexer --db "$A" shards
expect "archive: shards" <<'EOF'
2025-02	2025-02-24 .. 2025-02-24	auto shards/2025-02/index.stub
2025-07	2025-07-02 .. 2025-07-22	auto shards/2025-07/index.stub
undated	no dates	auto shards/undated/index.stub
exit: 0
EOF

run indexer --db "$A" stats
expect "archive: stats" <<'EOF'
archive:    $WORK/archive (sharded by month, 3 shards: 3 local, 0 remote, N MB here)
shard 2025-02: 1 articles, 2025-02-24 .. 2025-02-24, N MB
shard 2025-07: 2 articles, 2025-07-02 .. 2025-07-22, N MB
shard undated: 3 articles, no dates, N MB
articles:   6 in local shards
exit: 0
EOF

run indexer --db "$A/shards/2025-07" stats
expect "archive: one shard's stats" <<'EOF'
index:      $WORK/archive/shards/2025-07 (gen-000001, N MB)
articles:   2
duplicates: 0 more places
files:      5
dates:      2025-07-02 .. 2025-07-22
sources:    wire 2
topics:     economy 2, energy 1, tariffs 1
last run:   index started 2026-12-05T13:45:02Z, finished 2026-12-05T13:45:02Z, exit 0
            1 added, 0 updated, 1 unchanged, 0 removed, 0 duplicates, 0 rejected; N MB in T
exit: 0
EOF

run indexer --db "$A" check --no-repair
expect "archive: check" <<'EOF'
2025-02: gen-000001: 1 articles, ok
2025-07: gen-000001: 2 articles, ok
undated: gen-000001: 3 articles, ok
archive: 3 local shards, 6 articles, ok
exit: 0
EOF

# ------------------------------------------- new articles into the old ones
# Two dated records (one in a month the archive has, one in a new month), a
# copy of an old article under a new id (a duplicate: the new run must read
# the old catalog's content hashes), and an undated text file.
new=$work/new
mkdir -p "$new/feeds" "$new/txt"
cat >"$new/feeds/new.jsonl" <<'EOF'
{"id": "fixture-0001", "url": "https://example.org/news/2025/07/30/ofz-auction", "title": "Минфин разместил облигации федерального займа на 50 млрд рублей", "date": "2025-07-30", "topic": "economy", "tags": ["офз", "минфин"], "source": "wire", "text": "Министерство финансов 30 июля 2025 года разместило облигации федерального займа на 50 млрд рублей при спросе 112 млрд рублей. Средневзвешенная доходность выпуска составила 14,6% годовых.\nВ ведомстве отметили, что спрос на длинные бумаги со стороны банков и управляющих компаний остается высоким."}
{"id": "fixture-0002", "url": "https://example.org/news/2025/12/18/murmansk-ice-palace", "title": "В Мурманске открылся новый ледовый дворец", "date": "2025-12-18", "topic": "sport", "tags": ["хоккей", "мурманск"], "source": "wire", "text": "В Мурманске 18 декабря 2025 года открылся ледовый дворец на три тысячи зрителей. В нем будут тренироваться хоккейные и фигурные секции, а по выходным каток откроют для всех желающих.\nСтроительство дворца заняло два года и обошлось областному бюджету в 4,2 млрд рублей."}
EOF
if query --db "$I" show --json wire-000006 | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(json.dumps({"id": "fixture-0003", "url": "https://example.org/copy/gas", "title": a["title"],
                  "date": a["date"], "source": "wire", "text": a["text"]}, ensure_ascii=False))' >>"$new/feeds/new.jsonl"
then ok; else fail "cannot copy wire-000006 out of the old index"; fi
printf '%s\n' "Жители Вологды выбрали название для нового парка" \
    "Городская администрация Вологды подвела итоги голосования о названии парка на набережной реки. Больше всего голосов получил вариант «Речной сад», за него высказались почти шесть тысяч горожан." \
    "Открыть парк после благоустройства планируют к началу следующего лета." >"$new/txt/vologda-park.txt"

mask_times=1

# ---------------------------------------------------------------- the index

run indexer --db "$I" --base "$new" "$new"
expect "index: incremental run" <<'EOF'
newsdex-index: 3 added, 0 updated, 0 unchanged, 0 removed, 1 duplicates, 0 rejected; N MB in T
exit: 0
EOF

run ids --db "$I" --sort date ""
expect "index: old and new articles" <<'EOF'
fixture-0001
fixture-0002
txt/008_rostov-football.txt
txt/017_europe-gas-prices.txt
txt/020_key-rate-decision-copy.txt
txt/vologda-park.txt
wire-000001
wire-000002
wire-000006
exit: 0
EOF

run ids --db "$I" "газ OR облигации OR Вологда"
expect "index: old and new words" <<'EOF'
fixture-0001
txt/017_europe-gas-prices.txt
txt/vologda-park.txt
wire-000006
exit: 0
EOF

run indexer --db "$I" check
expect "index: check after the run" <<'EOF'
gen-000001: 9 articles, ok
exit: 0
EOF

run indexer --db "$I" stats
expect "index: stats after the run" <<'EOF'
index:      $WORK/index (gen-000001, N MB)
articles:   9
duplicates: 2 more places
files:      7
dates:      2025-02-24 .. 2025-12-18
sources:    wire 5, txt 4
topics:     economy 6, energy 3, politics 1, sanctions 1, sport 1, tariffs 1
last run:   index started TIME, finished TIME, exit 0
            3 added, 0 updated, 0 unchanged, 0 removed, 1 duplicates, 0 rejected; N MB in T
exit: 0
EOF

run indexer --db "$I" --base "$new" "$new"
expect "index: a rerun changes nothing" <<'EOF'
newsdex-index: 0 added, 0 updated, 3 unchanged, 0 removed, 0 duplicates, 0 rejected; N MB in T
exit: 0
EOF

# -------------------------------------------------------------- the archive

run indexer --db "$A" --base "$new" "$new"
expect "archive: incremental run" <<'EOF'
newsdex-index: 3 added, 0 updated, 0 unchanged, 0 removed, 1 duplicates, 0 rejected; N MB in T; shards written: undated 2025-07 2025-12 (1 unchanged)
exit: 0
EOF

run hits --db "$A" --sort date ""
expect "archive: old and new articles in their shards" <<'EOF'
fixture-0001 2025-07 2025-07-30
fixture-0002 2025-12 2025-12-18
txt/008_rostov-football.txt undated -
txt/017_europe-gas-prices.txt undated -
txt/020_key-rate-decision-copy.txt undated -
txt/vologda-park.txt undated -
wire-000001 2025-02 2025-02-24
wire-000002 2025-07 2025-07-02
wire-000006 2025-07 2025-07-22
exit: 0
EOF

run indexer --db "$A" shards
expect "archive: shards after the run" <<'EOF'
2025-02	2025-02-24 .. 2025-02-24	auto shards/2025-02/index.stub
2025-07	2025-07-02 .. 2025-07-30	auto shards/2025-07/index.stub
2025-12	2025-12-18 .. 2025-12-18	auto shards/2025-12/index.stub
undated	no dates	auto shards/undated/index.stub
exit: 0
EOF

run ids --db "$A/shards/2025-07" --sort date ""
expect "archive: the old shard holds its new article" <<'EOF'
fixture-0001
wire-000002
wire-000006
exit: 0
EOF

run ids --db "$A" --since 2025-07-25 ""
expect "archive: date-limited query after the run" <<'EOF'
fixture-0001
fixture-0002
exit: 0
EOF

run indexer --db "$A" check
expect "archive: check after the run" <<'EOF'
2025-02: gen-000001: 1 articles, ok
2025-07: gen-000001: 3 articles, ok
2025-12: gen-000001: 1 articles, ok
undated: gen-000001: 4 articles, ok
archive: 4 local shards, 9 articles, ok
exit: 0
EOF

run indexer --db "$A/shards/2025-07" stats
expect "archive: the old shard's stats after the run" <<'EOF'
index:      $WORK/archive/shards/2025-07 (gen-000001, N MB)
articles:   3
duplicates: 1 more places
files:      7
dates:      2025-07-02 .. 2025-07-30
sources:    wire 3
topics:     economy 3, energy 1, tariffs 1
last run:   index started TIME, finished TIME, exit 0
            1 added, 0 updated, 0 unchanged, 0 removed, 1 duplicates, 0 rejected; N MB in T
exit: 0
EOF

run indexer --db "$A" --base "$new" "$new"
expect "archive: a rerun changes nothing" <<'EOF'
newsdex-index: 0 added, 0 updated, 0 unchanged, 0 removed, 0 duplicates, 0 rejected; N MB in T; shards written: none (4 unchanged)
exit: 0
EOF

finish
