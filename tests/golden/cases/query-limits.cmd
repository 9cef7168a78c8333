newsdex-query --db "$DB" "$(python3 -c 'print("газ " * 1100)')"; echo "exit: $?"
newsdex-query --db "$DB" --max-terms 3 газ OR нефть OR цены OR санкции; echo "exit: $?"
newsdex-query --db "$DB" --max-terms 3 --count 'пош*'; echo "exit: $?"
newsdex-query --db "$DB" --max-expansion 2 --ids --sort date 'пош*'; echo "exit: $?"
newsdex-query --db "$DB" --max-expansion 0 --ids --sort date 'пош*'; echo "exit: $?"
newsdex-query --db "$DB" --time-limit -1 газ
newsdex-query --db "$DB" --time-limit soon газ
