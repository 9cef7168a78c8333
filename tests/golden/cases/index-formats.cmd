newsdex-index --db "$WORK/fmt" --field title=headline,title --field text=body,text --field date=published,date --field id=guid,id tests/fixtures/formats | sed "s/in [0-9.]* s.*//"
newsdex-query --db "$WORK/fmt" --json -n 100 "NOT несуществующее" | sed 's/"snippet":"[^"]*",//; s/"score":[0-9.]*,//'
