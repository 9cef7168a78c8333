newsdex-query --db "$DB" -n 3 "25% \$40"
