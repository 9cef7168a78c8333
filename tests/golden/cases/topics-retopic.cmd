d="$WORK/retopic"; mkdir -p "$d"
newsdex-index --db "$d/db" --quiet corpus
printf '%s\n' '[topics.chess]' 'ru = "шахматы"' 'words = { "гроссмейстер" = 5.0, "шахматы" = 5.0, "партия" = 1.0, "турнир" = 1.0 }' '[topics.sport]' 'ru = "спорт"' 'threshold = 4.0' 'words = { "хоккей" = 5.0, "шайба" = 5.0, "овертайм" = 5.0, "кхл" = 5.0 }' > "$d/my-topics.toml"
printf 'Гроссмейстер выиграл турнир\nШахматы: гроссмейстер из Казани выиграл турнир, решающая партия длилась шесть часов.\n' > "$d/chess.txt"
newsdex-index --db "$d/db" --topics "$d/my-topics.toml" --quiet "$d/chess.txt"
echo "--- profiles changed: the old articles keep their scores until retopic"
newsdex-index --db "$d/db" --quiet corpus 2>&1
newsdex-index --db "$d/db" --topics "$d/my-topics.toml" retopic | grep -E "rescored|chess|sport"
newsdex-query --db "$d/db" --topics "$d/my-topics.toml" --ids --topic шахматы
newsdex-query --db "$d/db" --topics "$d/my-topics.toml" --ids --topic sport
echo "--- a broken profile file"; printf '[topics.x\n' > "$d/bad.toml"; newsdex-index --db "$d/db" --topics "$d/bad.toml" retopic; echo "exit: $?"
