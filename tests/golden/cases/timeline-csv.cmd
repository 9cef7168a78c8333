newsdex-query --db "$DB" --timeline month --csv пошлины OR санкции
