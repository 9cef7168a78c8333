newsdex-query --db "$DB" интернет-магазинами
