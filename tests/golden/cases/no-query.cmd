newsdex-query --db "$DB"
