newsdex-query --db "$DB" --explain --ids "Пошлинами и Tokayev OR интернет-магазин" | sed -E "s/Query\(.*/Query(...)/"
