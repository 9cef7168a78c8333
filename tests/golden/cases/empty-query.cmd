newsdex-query --db "$DB" "  "
