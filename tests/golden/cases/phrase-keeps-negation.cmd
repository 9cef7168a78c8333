newsdex-query --db "$DB" "\"не будет\""
