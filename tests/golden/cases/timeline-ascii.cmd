LC_ALL=C COLUMNS=50 newsdex-query --db "$DB" --timeline month --since 2025-01-01 ""
