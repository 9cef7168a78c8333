newsdex-query --db "$DB" -n 3 --json Tokayev | sed "s/\"snippet\":\"[^\"]*\",//; s/\"score\":[0-9.]*,//; s/\"path\":.*//"; echo ---; newsdex-query --db "$DB" --ids "Kazakhstan Astana"
