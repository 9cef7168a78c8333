newsdex-query --db "$DB" -n 1 --color=always "премьера балета" | od -c | grep -c "033"
