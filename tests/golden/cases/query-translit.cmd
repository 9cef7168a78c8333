newsdex-query --db "$DB" -n 3 --json Tokayev | sed "s/\"snippet\":\"[^\"]*\",//; s/\"score\":[0-9.]*,//" | cut -c1-400; echo ---; newsdex-query --db "$DB" --ids "Kazakhstan Astana"
