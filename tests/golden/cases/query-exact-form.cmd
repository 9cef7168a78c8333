newsdex-query --db "$DB" --ids =пошлинами; echo ---; newsdex-query --db "$DB" --ids --exact пошлинами; echo ---; newsdex-query --db "$DB" --ids пошлинами
