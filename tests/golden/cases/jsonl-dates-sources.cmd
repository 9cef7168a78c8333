newsdex-query --db "$DB" -n 3 "source:wire газ"
