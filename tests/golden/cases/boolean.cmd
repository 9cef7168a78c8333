newsdex-query --db "$DB" -n 5 "пошлины NOT сталь"
