COLUMNS=64 newsdex-query --db "$DB" --timeline year --compare хоккей --compare пошлины санкции
