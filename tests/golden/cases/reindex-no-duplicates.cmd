newsdex-index --db "$DB" --base "$ROOT" corpus | sed "s/in [0-9.]* s.*//"; newsdex-query --db "$DB" --json -n 100 пошлины | wc -l
