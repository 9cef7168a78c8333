newsdex-query --db "$DB" gjikbys; echo "exit: $?"; newsdex-query --db "$DB" --ids пошлинв; echo "exit: $?"; newsdex-query --db "$DB" --ids санкцыи
