newsdex-query --db "$DB" --limit=0 пошлины
