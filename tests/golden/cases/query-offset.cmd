newsdex-query --db "$DB" --ids -n 2 пошлины; echo ---; newsdex-query --db "$DB" --ids -n 2 --offset 2 пошлины; echo ---; newsdex-query --db "$DB" -n 1 --offset 3 --json пошлины | cut -d, -f2-3
