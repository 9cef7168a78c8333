for q in "\"пошлины на сталь" "(пошлины OR санкции" "пошлины OR сталь)" "date:2025-13-01..2025-12-31 газ" "date:вчера газ"; do newsdex-query --db "$DB" "$q"; echo "exit: $?"; done
