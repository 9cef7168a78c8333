newsdex-query --db "$DB" -n 5 ЁЛКА
