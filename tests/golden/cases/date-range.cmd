newsdex-query --db "$DB" -n 10 "date:2025-07-01..2025-09-30"
