NEWSDEX_DB="$DB" newsdex-query -n 1 --json пошлины | cut -d, -f2-3
