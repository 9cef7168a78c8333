COLUMNS=60 newsdex-query --db "$DB" --timeline month пошлины OR санкции
