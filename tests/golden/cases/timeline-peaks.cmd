COLUMNS=60 newsdex-query --db "$DB" --timeline month --peaks 2 --since 2025-01-01 ""
