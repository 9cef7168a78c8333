newsdex-query --db "$DB" "\"премьера балета\""
