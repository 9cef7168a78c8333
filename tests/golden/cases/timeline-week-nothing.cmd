newsdex-query --db "$DB" --timeline week несуществующееслово; newsdex-query --db "$DB" --timeline fortnight x; newsdex-query --db "$DB" --csv x
