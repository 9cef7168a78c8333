newsdex-query --db "$DB" --timeline month --json пошлины OR санкции
