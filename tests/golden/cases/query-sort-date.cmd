newsdex-query --db "$DB" --ids --sort -date пошлины; echo ---; newsdex-query --db "$DB" --ids --sort date --since 2025-01-01 пошлины
