newsdex-query --db "$DB" -n 1 "премьера балета" | grep -c $(printf "\033")
