newsdex-query --db "$DB" несуществующееслово
