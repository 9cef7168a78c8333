newsdex-query --db "$DB" --count --facet source --facet year пошлины; echo ---; newsdex-query --db "$DB" --json -n 1 --facet source --facet topic --since 2025-01-01 | tail -2
