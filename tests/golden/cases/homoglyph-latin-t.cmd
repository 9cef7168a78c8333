newsdex-query --db "$DB" -n 3 "Tокаев"
