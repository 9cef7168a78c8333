newsdex-query --db "$DB" --json -n 2 санкциями
