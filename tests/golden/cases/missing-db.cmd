newsdex-query --db "$WORK/nonexistent" пошлины
