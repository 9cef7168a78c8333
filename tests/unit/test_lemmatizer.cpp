// Dictionary lemmas (storage/analysis/lemmatizer.h) and what they change in
// matching: other forms found, Snowball look-alikes not, units either way,
// names across alphabets; and an index without lemma terms read as before.
#include "analysis/analyzer.h"
#include "analysis/lemma_synonyms.h"
#include "analysis/lemmatizer.h"
#include "analysis/stopwords.h"
#include "base/schema.h"
#include "docdata/doc_data.h"
#include "index/generation_compactor.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "index/segment_set.h"
#include "index_fixture.h"
#include "query_builder.h"
#include "search.h"
#include "temp_dir.h"
#include "test_articles.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <vector>

using namespace newsdex;

namespace {

using Lemmas = std::vector<std::string>;

using testing::article;

DictionaryFiles missing_dictionaries() {
    DictionaryFiles files;
    files.apertium = {"/nonexistent/rus.automorf.bin"};
    return files;
}

// Articles that hold only other forms of the words queried, and look-alikes
// Snowball gives the same stem.
struct Fixture : testing::ArticlesIndex {
    Fixture()
        : ArticlesIndex({
            article("coal", "Добыча", "Цены на экспорт угля выросли."),
            article("corner", "Ремонт", "Дом стоит на углу улицы, за углом магазин."),
            article("final", "Футбол", "В финале турнира встретились старые соперники."),
            article("rostov", "Погода", "В Ростове-на-Дону прошёл сильный дождь."),
            article("euro", "Цены", "Билет стоит 30 евро."),
            article("dollar", "Нефть", "Баррель стоит $40, а инфляция 10%."),
            article("zhirinovsky", "Политика", "Соратники Жириновского собрались в Москве."),
            article("people", "Опрос", "Опросили тысячу людей."),
        }) {}
};

}  // namespace

TEST_CASE("the lemmatizer knows what Snowball cannot", "[lemmas]") {
    Lemmatizer l;
    REQUIRE(l.available());
    CHECK(l.lemmas("угля", false) == Lemmas{"уголь"});
    CHECK(l.lemmas("людей", false) == Lemmas{"человек"});
    CHECK(l.lemmas("финале", false) == Lemmas{"финал"});
    CHECK(l.lemmas("шел", false) == Lemmas{"идти"});        // ё folded in the text, spelt in the dictionary
    CHECK(l.lemmas("лет", false) == Lemmas{"год"});         // год² without its homonym mark
    CHECK(l.lemmas("льда", false) == Lemmas{"лед"});        // and the lemma folded too
    CHECK(l.lemmas("беру", false) == Lemmas{"брать"});
    CHECK(l.lemmas("брата", false) == Lemmas{"брат"});
    CHECK(l.lemmas("сыновья", false) == Lemmas{"сын"});
    // Apertium's rus-bel analyser alone does not know these; rus-ukr does.
    CHECK(l.lemmas("рта", false) == Lemmas{"рот"});
    CHECK(l.lemmas("нашли", false) == Lemmas{"найти"});
}

TEST_CASE("names: Hunspell knows those Apertium does not, and a capital prefers the name", "[lemmas]") {
    Lemmatizer l;
    CHECK(l.lemmas("жириновского", true) == Lemmas{"жириновский"});
    CHECK(l.lemmas("путина", true) == Lemmas{"путин"});
    CHECK(l.lemmas("путина", false) == Lemmas{"путина"});
    CHECK(l.lemmas("уголь", true) == Lemmas{"уголь"});  // a sentence's first word is no name
    // What a capital inside a sentence makes of a word (schema.h, XC, XN): a
    // name's use of a word read only as a common word («Газа»), a surname
    // where that reading is a noun's genitive plural in -ов («Песков»,
    // «Пушков»), the word itself when it is a name (Путин, and Кузнецов,
    // which Hunspell knows), a verb («Зовет»: звать, a title's first word)
    // or no dictionary's.
    using newsdex::InsideSentence;
    CHECK(l.word_lemmas("газа", true).inside_sentence() == InsideSentence::name_use);
    CHECK(l.word_lemmas("федерации", true).inside_sentence() == InsideSentence::name_use);
    CHECK(l.word_lemmas("песков", true).inside_sentence() == InsideSentence::surname);
    CHECK(l.word_lemmas("пушков", true).inside_sentence() == InsideSentence::surname);
    CHECK(l.word_lemmas("волков", true).inside_sentence() == InsideSentence::surname);  // accusative too
    CHECK(l.word_lemmas("лавров", true).inside_sentence() == InsideSentence::surname);  // лавровый's short form too
    CHECK(l.word_lemmas("игр", true).inside_sentence() == InsideSentence::name_use);  // no surname's ending
    CHECK(l.word_lemmas("газа", false).inside_sentence() == InsideSentence::lemmas);
    CHECK(l.word_lemmas("путина", true).inside_sentence() == InsideSentence::lemmas);
    CHECK(l.word_lemmas("зовет", true).inside_sentence() == InsideSentence::lemmas);
    CHECK(l.word_lemmas("ывапролд", true).inside_sentence() == InsideSentence::lemmas);
}

TEST_CASE("words no dictionary knows have no lemmas, and fall back to stems", "[lemmas]") {
    Lemmatizer l;
    CHECK(l.lemmas("ывапролд", false).empty());
    CHECK(l.lemmas("2024", false).empty());
    CHECK(l.lemmas("covid", false).empty());
    Lemmatizer without(missing_dictionaries());
    CHECK_FALSE(without.available());
    CHECK(without.missing_file() == "/nonexistent/rus.automorf.bin");
    CHECK(without.lemmas("угля", false).empty());
}

TEST_CASE("a damaged dictionary file is an error naming the file", "[lemmas]") {
    const DictionaryFiles installed;
    std::ifstream in(installed.apertium.front(), std::ios::binary);
    REQUIRE(in);
    const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    testing::TempDir dir;
    const std::string truncated = (dir.path() / "truncated.automorf.bin").string();
    const std::string garbage = (dir.path() / "garbage.automorf.bin").string();
    std::ofstream(truncated, std::ios::binary) << whole.substr(0, whole.size() / 2);
    std::ofstream(garbage, std::ios::binary) << std::string(4096, '\xFF');
    for (const std::string& file : {truncated, garbage}) {
        DictionaryFiles files;
        files.apertium = {file};
        Lemmatizer l(files);
        REQUIRE(l.available());
        CHECK_THROWS_WITH(l.lemmas("угля", false), Catch::Matchers::StartsWith(file + ": not an lttoolbox transducer"));
    }
}

TEST_CASE("only words of Cyrillic letters are asked about", "[lemmas]") {
    CHECK(is_cyrillic_word("угля"));
    CHECK(is_cyrillic_word("ёлка"));
    CHECK(is_cyrillic_word("\u0400\u052F"));  // the block's ends
    CHECK_FALSE(is_cyrillic_word("\u0530"));
    CHECK_FALSE(is_cyrillic_word(""));
    CHECK_FALSE(is_cyrillic_word("covid"));
    CHECK_FALSE(is_cyrillic_word("ковид19"));
    CHECK_FALSE(is_cyrillic_word("ab"));
    CHECK_FALSE(is_cyrillic_word("α"));  // two bytes, Greek
}

TEST_CASE("a word's stopword lemmas are worked out once, as each lemma's own check says", "[lemmas]") {
    const WordLemmas none;
    CHECK_FALSE(none.stand_for_stem());
    const WordLemmas coal({"уголь"});
    CHECK(coal.stand_for_stem());
    CHECK_FALSE(coal.is_stopword(0));
    // «будучи»: быть, a stopword, so the word keeps its stem term.
    const WordLemmas being({"будучи", "быть"});
    CHECK_FALSE(being.stand_for_stem());
    CHECK_FALSE(being.is_stopword(0));
    CHECK(being.is_stopword(1));
    // Past the mask's 32 bits the check is asked each time, with the same answers.
    std::vector<std::string> many(40, "уголь");
    many[35] = "этот";
    const WordLemmas long_list(many);
    for (std::size_t i = 0; i < many.size(); ++i) CHECK(long_list.is_stopword(i) == is_stopword(many[i]));
    CHECK(long_list.stand_for_stem() == lemmas_stand_for_stem(many));
    CHECK_FALSE(long_list.stand_for_stem());
    Lemmatizer lemmatizer;
    if (!lemmatizer.available()) return;
    const WordLemmas& known = lemmatizer.word_lemmas("угля", false);
    CHECK(known.lemmas == Lemmas{"уголь"});
    CHECK(known.stand_for_stem());
    CHECK(&lemmatizer.lemmas("угля", false) == &known.lemmas);
}

TEST_CASE("lemma terms stand for stems, without positions", "[lemmas]") {
    Analyzer analyzer;
    Xapian::Document doc;
    analyzer.index_article(doc, "", "Экспорт угля и Гжельского фарфора, будучи кракозябрами, в 2024 году");
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.count("XMуголь"));
    CHECK(terms.count("угля"));
    // A known word's stem term would be dead weight: its lemma finds it.
    CHECK_FALSE(terms.count("Zугл"));
    // The stem stays for what no lemma term stands for: a word no
    // dictionary knows, one whose lemma is a stopword (быть), a number.
    CHECK(terms.count("Zкракозябр"));
    CHECK(terms.count("XZкракозябр"));
    CHECK(terms.count("Zбудуч"));
    CHECK(terms.count("Z2024"));
    CHECK_FALSE(terms.count("XMбыть"));
    // A stopword itself keeps its exact form (with its position) and no
    // stem term: no query ranks by it (a query of stopwords alone finds the
    // exact forms, below).
    CHECK(terms.count("в"));
    CHECK(terms.count("и"));
    CHECK_FALSE(terms.count("Zв"));
    CHECK_FALSE(terms.count("Zи"));
    // newsdex-index --stems-only: a stem term for every word, no lemma.
    DictionaryFiles none;
    none.wanted = false;
    Analyzer stems_only(none);
    Xapian::Document stems;
    stems_only.index_article(stems, "", "Экспорт угля и газа");
    const std::set<std::string> stem_terms(stems.termlist_begin(), stems.termlist_end());
    CHECK(stem_terms.count("Zугл"));
    CHECK(stem_terms.count("Zи"));  // as Omega indexes them, for quest
    CHECK_FALSE(stem_terms.count(std::string(schema::kLemmaMarker)));
    CHECK_FALSE(stem_terms.count("XMуголь"));
    CHECK(terms.count(std::string(schema::kLemmaMarker)));
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).starts_with("XM")) CHECK(t.positionlist_count() == 0);
    Analyzer without(missing_dictionaries());
    Xapian::Document old;
    without.index_article(old, "", "Экспорт угля");
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) CHECK_FALSE((*t).starts_with("XM"));
}

TEST_CASE("a known query word matches all forms of its lemmas and no look-alike", "[lemmas][query]") {
    Fixture f;
    CHECK(f.ids("уголь") == std::set<std::string>{"coal"});
    CHECK(f.ids("угол") == std::set<std::string>{"corner"});
    CHECK(f.ids("финал") == std::set<std::string>{"final"});
    CHECK(f.ids("человек") == std::set<std::string>{"people"});
    CHECK(f.ids("title:добыча") == std::set<std::string>{"coal"});
}

TEST_CASE("a keyword in its dictionary form means that word; a capital means a name", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("grief", "Беда", "Столько горя принесла война."),
        article("mountain", "Поход", "Туристы поднялись на вершину горы."),
        article("spokesman", "Кремль", "Слова Дмитрия Пескова передали агентства."),
        article("spokesman-2", "Брифинг", "Дмитрий Песков ответил на вопросы."),
        article("sand", "Пляж", "На пляж завезли тонну песка."),
        article("sleep", "Здоровье", "Ученые изучили фазы сна."),
        article("name", "Поэзия", "Стихи Соны Ван переведены на русский."),
        article("musk", "Космос", "Компания Илона Маска запустила ракету."),
        article("mask", "Карнавал", "Продавалась карнавальная маска."),
    });
    // «горе» is also гора's dative: typed as a keyword, it is горе.
    CHECK(index.ids("горе") == std::set<std::string>{"grief"});
    CHECK(index.ids("гора") == std::set<std::string>{"mountain"});
    // «Песков» is read by the dictionary as песок (gen. pl.) only, but the
    // index sees it with a capital: a name. «песка» it sees in lower case.
    // (The other way round: «Песков» inside a sentence has a surname's
    // shape, and is indexed as a name no dictionary knows, which the
    // common word does not find.)
    CHECK(index.ids("Песков") == std::set<std::string>{"spokesman", "spokesman-2"});
    CHECK(index.ids("песок") == std::set<std::string>{"sand"});
    CHECK(index.ids("Песка") == std::set<std::string>{"sand", "spokesman-2"});
    // A name no dictionary knows is not a form of a common word typed.
    CHECK(index.ids("сон") == std::set<std::string>{"sleep"});
    CHECK(index.ids("Маск") == std::set<std::string>{"musk"});
    // (Lower case, the common word: «Маска» mid-sentence is read as маска
    // too, since the index cannot tell a name from a word's capital.)
    CHECK(index.ids("маска").count("mask"));
    // In pasted text, a sentence's first capital is no name: this headline
    // finds «песка» (песок) too, where the keyword did not.
    CHECK(index.ids("Песков рассказал журналистам о новых планах") ==
          std::set<std::string>{"spokesman", "spokesman-2", "sand"});
}

TEST_CASE("a word typed in lower case finds its capitals inside a sentence where they are its common use",
          "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("gas-1", "Цены", "Цены на газ выросли."),
        article("gas-2", "Поставки", "Поставки газа сократились."),
        article("gas-3", "Хранилища", "Хранилища газа заполнены."),
        article("gas-4", "Транзит", "Транзит газа продолжается."),
        article("gas-5", "Добыча", "Добыча газа упала."),
        article("gaza", "Бои", "В секторе Газа продолжились бои."),
        article("games-1", "Спорт", "Сборная выступит на Олимпиаде в Париже."),
        article("games-2", "Итоги", "Итоги Олимпиады подвели в Париже."),
        article("olympiad", "Школа", "Школьники выиграли олимпиаду по физике."),
    });
    // «Газа» inside a sentence is газ used as a name in one article of six
    // with газ: too few to be what the word means.
    CHECK(index.ids("газ") == std::set<std::string>{"gas-1", "gas-2", "gas-3", "gas-4", "gas-5"});
    // Typed with a capital, every use.
    CHECK(index.ids("Газ").count("gaza"));
    // «Олимпиаде» inside a sentence is олимпиада in two of three: it is.
    CHECK(index.ids("олимпиада") == std::set<std::string>{"games-1", "games-2", "olympiad"});
    // A phrase matches the exact forms, whatever their case.
    CHECK(index.ids("\"секторе газа\"") == std::set<std::string>{"gaza"});
}

TEST_CASE("a word's form read as a name asks for the name's uses of the word by its lemma", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("journal-1", "Итоги", "Редакция журнала Огонёк подвела итоги года."),
        article("journal-2", "Интервью", "Вчера в Огоньке вышло интервью."),
        article("light", "Поход", "Вдали горел огонёк костра."),
    });
    // «Огоньке» typed inside a sentence, which the index sees only with a
    // capital, is read as a name, not as the lower-case огонёк. The indexer
    // wrote both capitals inside their sentences as the name's uses of
    // огонёк (XC terms): the query asks for those at the word's own weight,
    // not only through the Latin keys of its lemma, at half (a headline's
    // «менять Конституцию» ranked the articles on «Конституции» so).
    CHECK(index.ids("в Огоньке") == std::set<std::string>{"journal-1", "journal-2"});
    Analyzer analyzer;
    const Xapian::Database db = open_index_readonly(index.path());
    const std::string query = QueryBuilder(analyzer, db).build("в Огоньке").query.get_description();
    CHECK(query.find("XCогонек SYNONYM огоньке") != std::string::npos);
}

TEST_CASE("a query of stopwords alone finds them by their exact forms", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("was-f", "Погода", "Вчера была гроза."),
        article("was-n", "Город", "Здесь было тихо."),
        article("none", "Спорт", "Команда выиграла матч."),
    });
    // Their stem terms are not indexed (analyzer.cpp); the stopwords with
    // the stem typed stand for it, as Snowball joined them (был, была, было,
    // были), here and in the title field.
    CHECK(index.ids("было") == std::set<std::string>{"was-f", "was-n"});
    CHECK(index.ids("Была") == std::set<std::string>{"was-f", "was-n"});
    CHECK(index.ids("здесь было") == std::set<std::string>{"was-n"});
    // In any other query they are left out of the ranking, as before.
    CHECK(index.ids("было гроза") == std::set<std::string>{"was-f"});
}

TEST_CASE("a name typed in lower case finds the name the index holds", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("putin-1", "Заявление", "Владимир Путин провёл совещание."),
        article("putin-2", "Визит", "Гостей встретил Путин."),
        article("putin-3", "Указ", "Указ подписал президент Путин."),
        article("kyiv", "Украина", "Киев ответил на заявление."),
        article("fishing", "Рыбаки", "На Камчатке началась путина."),
        article("wolves", "Лес", "В лесу стало больше волков."),
        article("wolves-2", "Охота", "Охотники выследили волков у деревни."),
    });
    // Read in lower case, «путин» and «киев» are only путина's and кий's
    // genitive plural, which the index does not hold; the name it does.
    CHECK(index.ids("путин") == std::set<std::string>{"putin-1", "putin-2", "putin-3"});
    CHECK(index.ids("киев") == std::set<std::string>{"kyiv"});
    // The common word where the index holds it more: волков is wolves here.
    CHECK(index.ids("волков") == std::set<std::string>{"wolves", "wolves-2"});
    CHECK(index.ids("путина") == std::set<std::string>{"fishing"});
}

TEST_CASE("a name the dictionary knows finds its own spellings, not names that begin alike", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("maria", "Премьера", "Партию исполнила Мария Гулегина."),
        article("maria-latin", "Opera", "Партию исполнила Maria Guleghina."),
        article("marina", "Выставка", "Выставку открыла Марина Лошак."),
        article("mario", "Футбол", "Гол забил Марио Гомес."),
        article("rio", "Олимпиада", "Игры прошли в Рио летом."),
        article("ria", "Сообщение", "Об этом сообщает РИА Новости со ссылкой на источник."),
        article("usa-1", "Санкции", "Соединённые Штаты ввели санкции."),
        article("usa-2", "Выборы", "В Штатах прошли выборы."),
        article("usa-3", "Речь", "Президент Соединённых Штатов выступил."),
        article("staff", "Компания", "Компания сократила штат сотрудников."),
    });
    // Keyed by its lemma (мария), exactly: not by the prefix "mari" of the
    // form's key, which Марина and Марио begin with too.
    CHECK(index.ids("Марии") == std::set<std::string>{"maria", "maria-latin"});
    // «Рио» has the two-letter stem «ри», as РИА has: no stem stands in for
    // a word the dictionary knows by so few letters.
    CHECK(index.ids("Рио") == std::set<std::string>{"rio"});
    // «Штатов» the dictionary reads only as штат's genitive plural, and the
    // index sees it capitalized: a name, found in every capitalized form of
    // штат (keyed by that lemma), not in the staff («штат») of a company.
    CHECK(index.ids("Штатов") == std::set<std::string>{"usa-1", "usa-2", "usa-3"});
}

TEST_CASE("an English name typed in Latin finds it as Russian writes it", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("trump", "Выборы", "Дональд Трамп выступил на митинге."),
        article("trump-2", "Пошлины", "Администрация Трампа ввела пошлины."),
        article("trampoline", "Спорт", "Сборная выиграла турнир по прыжкам на батуте, или трамплину."),
        article("mike", "Визит", "Майк Помпео прибыл в Москву."),
        article("michael", "Кино", "Майкл Дуглас получил премию."),
        article("maikop", "Погода", "В Майкопе прошёл ливень."),
        article("obama", "Мемуары", "Вышла книга Барака Обамы."),
        article("obama-2", "Премия", "Обаме вручили премию."),
    });
    // Spelt letter for letter, Trump would be «Трумп», Mike «Мике».
    CHECK(index.ids("Trump") == std::set<std::string>{"trump", "trump-2"});
    CHECK(index.ids("Mike") == std::set<std::string>{"mike"});
    // A name in -a, in its Russian cases (too short to drop the -a and look
    // up a prefix, which for Maria would find Marina too).
    CHECK(index.ids("Obama") == std::set<std::string>{"obama", "obama-2"});
}

TEST_CASE("names spelt the German or Polish or Spanish or French or Italian way find them as Russian writes them", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("scholz", "Визит", "Канцлер Олаф Шольц прибыл в Пекин."),
        article("scholz-2", "Бюджет", "Правительство Шольца представило бюджет."),
        article("kaczynski", "Выборы", "Партия Ярослава Качиньского победила."),
        article("sanchez", "Испания", "Премьер Педро Санчес объявил выборы."),
        article("kurz", "Австрия", "Себастьян Курц ушёл в отставку."),
        article("course", "Рубль", "Курс доллара вырос. Курс евро тоже вырос, курс юаня упал, и курс фунта тоже."),
        article("hollande", "Франция", "Слова Франсуа Олланда привели газеты."),
        article("jean", "Театр", "Роль сыграл Жан Рено."),
        article("gentiloni", "Италия", "Паоло Джентилони возглавил правительство."),
        article("costa", "Футбол", "Диего Коста забил дважды."),
        article("bones", "Археология", "Кости нашли в пещере."),
        article("bones-2", "Музей", "В музее показали кости мамонта."),
        article("bones-3", "Собаки", "Собакам нельзя давать кости."),
    });
    CHECK(index.ids("Scholz") == std::set<std::string>{"scholz", "scholz-2"});
    CHECK(index.ids("Kaczynski") == std::set<std::string>{"kaczynski"});
    CHECK(index.ids("Sanchez") == std::set<std::string>{"sanchez"});
    CHECK(index.ids("Hollande") == std::set<std::string>{"hollande"});
    CHECK(index.ids("Francois") == std::set<std::string>{"hollande"});
    CHECK(index.ids("Jean") == std::set<std::string>{"jean"});
    CHECK(index.ids("Gentiloni") == std::set<std::string>{"gentiloni"});
    // Jane is English: not Жан.
    CHECK(index.ids("Jane").empty());
    // Kurz is Курц; «Курс» at a sentence's start is a common word, which
    // the index holds mostly in lower case, whichever reading spells it.
    CHECK(index.ids("Kurz") == std::set<std::string>{"kurz"});
    // Costa's Russian cases are Коста, Косты…, not «Кости» opening a
    // sentence: more articles have кости in lower case.
    CHECK(index.ids("Costa") == std::set<std::string>{"costa"});
}

TEST_CASE("English names find them as Russian writes them whichever way it reads an a", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("cameron", "Британия", "Дэвид Кэмерон ушёл в отставку."),
        article("gates", "Фонд", "Фонд Билла Гейтса выделил деньги."),
        article("mccain", "Сенат", "Сенатор Джон Маккейн выступил против."),
        article("blair", "Ирак", "Тони Блэр признал ошибку."),
        article("jackson", "Музыка", "Песни Майкла Джексона звучали всю ночь."),
        article("jack", "Книги", "Джек Лондон написал роман."),
        article("rene", "Кино", "Рене Руссо сыграла главную роль."),
    });
    CHECK(index.ids("Cameron") == std::set<std::string>{"cameron"});  // a open, as э
    CHECK(index.ids("Gates") == std::set<std::string>{"gates"});      // a before a silent e, as ей
    CHECK(index.ids("McCain") == std::set<std::string>{"mccain"});
    CHECK(index.ids("Blair") == std::set<std::string>{"blair"});
    CHECK(index.ids("Jackson") == std::set<std::string>{"jackson"});  // a closed, as э
    // An a before a final e is never э (Jake is Джейк, not Джек), nor one
    // after y (Ryan is Райан, not Рене).
    CHECK(index.ids("Jake").empty());
    CHECK(index.ids("Ryan").empty());
}

TEST_CASE("Ukrainian spellings find places and names as Russian writes them", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("kyiv", "Украина", "Киев заявил о переговорах."),
        article("kyiv-2", "Визит", "Делегация прибыла в Киев, а затем из Киева в Харьков."),
        article("lviv", "Город", "Во Львове прошёл фестиваль."),
        article("oleh", "Отставка", "Министр Олег Петров ушёл в отставку."),
        article("peace", "Мир", "Мир и покой. Мир вокруг нас."),
    });
    // Киев's key (kev) is too short to be indexed: its nominative is found
    // by its lemma, its other cases by their keys.
    CHECK(index.ids("Kyiv") == std::set<std::string>{"kyiv", "kyiv-2"});
    CHECK(index.ids("Kiev") == std::set<std::string>{"kyiv", "kyiv-2"});
    CHECK(index.ids("Kharkiv") == std::set<std::string>{"kyiv-2"});
    CHECK(index.ids("Lviv") == std::set<std::string>{"lviv"});
    CHECK(index.ids("Oleh") == std::set<std::string>{"oleh"});
    // A short key's common word is not read as a name: Mir is not мир.
    CHECK(index.ids("Mir").empty());
}

TEST_CASE("Ukrainian and Belarusian names find the Russian names they translate", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("vladimir", "Визит", "Президент Владимир Зеленский прибыл в Брюссель."),
        article("vladimir-2", "Интервью", "Владимиру Кличко задали вопрос."),
        article("mikhail", "Отставка", "Министр Михаил Федоров ушёл в отставку."),
        article("groisman", "Правительство", "Премьер Владимир Гройсман выступил в Раде."),
        article("peace", "Мир", "Мир и покой."),
        article("grodno", "Город", "В Гродно открыли музей, о Гродно писали газеты."),
        article("lily", "Сад", "В саду расцвела лилия, белая лилия, и ещё одна лилия."),
        article("lily-2", "Цветы", "Садовник сказал, что лилия — его любимый цветок."),
        article("liliya", "Спорт", "Гимнастка Лилия Иванова выиграла."),
    });
    CHECK(index.ids("Volodymyr") == std::set<std::string>{"vladimir", "vladimir-2", "groisman"});
    CHECK(index.ids("Mykhailo") == std::set<std::string>{"mikhail"});
    CHECK(index.ids("Uladzimir") == std::set<std::string>{"vladimir", "vladimir-2", "groisman"});
    CHECK(index.ids("Hrodna") == std::set<std::string>{"grodno"});
    // Лилия, a name the Ukrainian Liliia stands for, is found by its
    // spelling's key, and not as the flower: the index sees лилия mostly
    // in lower case (two articles of three).
    CHECK(index.ids("Liliia") == std::set<std::string>{"liliya"});
    // And after a vowel an i is й (Гройсман), not a closed syllable's і.
    CHECK(index.ids("Hroisman") == std::set<std::string>{"groisman"});
}

TEST_CASE("Chinese and Japanese names find them as Russian writes them", "[lemmas][query]") {
    const testing::ArticlesIndex index({
        article("xi", "Китай", "Председатель КНР Си Цзиньпин прибыл в Москву."),
        article("xi-2", "Встреча", "Переговоры с Си Цзиньпином прошли в Кремле."),
        article("xinjiang", "Регион", "В Синьцзяне открыли завод."),
        article("long", "Слово", "Лун был драконом."),
        article("shinzo", "Япония", "Премьер Синдзо Абэ посетил Хиросиму."),
    });
    CHECK(index.ids("Jinping") == std::set<std::string>{"xi", "xi-2"});
    // And Japanese in Hepburn as Polivanov writes it.
    CHECK(index.ids("Shinzo") == std::set<std::string>{"shinzo"});
    CHECK(index.ids("Hiroshima") == std::set<std::string>{"shinzo"});
    CHECK(index.ids("Xinjiang") == std::set<std::string>{"xinjiang"});
    // One syllable without a mark of pinyin is not read so: Long is not Лун.
    CHECK(index.ids("Long").empty());
}

TEST_CASE("compounds, units and names match in any form", "[lemmas][query]") {
    Fixture f;
    CHECK(f.ids("Ростов-на-Дону") == std::set<std::string>{"rostov"});
    CHECK(f.ids("€30") == std::set<std::string>{"euro"});
    CHECK(f.ids("40 долларов") == std::set<std::string>{"dollar"});
    CHECK(f.ids("10 процентов") == std::set<std::string>{"dollar"});
    CHECK(f.ids("Zhirinovsky") == std::set<std::string>{"zhirinovsky"});
    CHECK(f.ids("Жириновский") == std::set<std::string>{"zhirinovsky"});
}

TEST_CASE("a Latin feminine surname finds its Cyrillic cases", "[lemmas][query]") {
    testing::TempDir dir;
    testing::write_articles(dir.path(), {
        article("zakharova", "Брифинг", "Слова Марии Захаровой привели агентства."),
        article("moscow", "Погода", "В Москве идет снег."),
    });
    CHECK(testing::ids_found(dir.path(), "Zakharova") == std::set<std::string>{"zakharova"});
    CHECK(testing::ids_found(dir.path(), "Moskva") == std::set<std::string>{"moscow"});
}

TEST_CASE("an index without lemma terms is queried by stems, as before", "[lemmas][query]") {
    // Written as an older newsdex wrote it: no dictionary.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyzer old(missing_dictionaries());
    for (const char* text : {"Уголь подорожал.", "Дом стоит на углу, угол дома обвалился."}) {
        Xapian::Document doc;
        old.index_article(doc, "", text);
        db.add_document(doc);
    }
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    const ParsedQuery parsed = builder.build("уголь");
    CHECK(parsed.query.get_description().find("XM") == std::string::npos);
    CHECK_FALSE(analyzer.lemmatizer().available());  // nor is a dictionary loaded for a compound
    CHECK(builder.build("Ростов-на-Дону").query.get_description().find("XM") == std::string::npos);
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    CHECK(enquire.get_mset(0, 10).size() == 2);  // Snowball's conflation, as before

    // Then a run with the dictionary adds to it: each part matches its way.
    Xapian::Document doc;
    analyzer.index_article(doc, "", "Поставки угля сократились.");
    db.add_document(doc);
    Xapian::Document corner;
    analyzer.index_article(corner, "", "Новый угол дома.");
    db.add_document(corner);
    enquire.set_query(QueryBuilder(analyzer, db).build("уголь").query);
    CHECK(enquire.get_mset(0, 10).size() == 3);
}

namespace {

// The ids of what `query` finds in `db`, built by `analyzer`'s lights.
std::set<std::string> ids_in(Analyzer& analyzer, const Xapian::Database& db, const std::string& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(QueryBuilder(analyzer, db).build(query).query);
    std::set<std::string> out;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(decode_doc_data(it.get_document().get_data()).id);
    return out;
}

}  // namespace

TEST_CASE("the index records its word forms' lemmas in the synonym table", "[lemmas][synonyms]") {
    Fixture f;
    const Xapian::Database db = open_index_readonly(f.path());
    REQUIRE(has_lemma_synonyms(db));
    CHECK(lemmas_in_index(db, "угля", false) == Lemmas{"уголь"});
    CHECK(lemmas_in_index(db, "людей", false) == Lemmas{"человек"});
    CHECK(lemmas_in_index(db, "жириновского", true) == Lemmas{"жириновский"});
    // A form that is its own lemma is not stored: the lemma term stands for it.
    CHECK(db.synonyms_begin("цены") != db.synonyms_end("цены"));
    CHECK(db.synonyms_begin("дом") == db.synonyms_end("дом"));
    CHECK(lemmas_in_index(db, "дом", false) == Lemmas{"дом"});
    CHECK(lemmas_in_index(db, "человек", false) == Lemmas{"человек"});  // never seen, but some form's lemma
    CHECK_FALSE(lemmas_in_index(db, "замка", false));                   // never seen: only a dictionary knows
}

TEST_CASE("a run adds only the synonym entries the index does not hold already", "[lemmas][synonyms]") {
    Fixture f;
    const Xapian::Database db = open_index_readonly(f.path());
    REQUIRE(has_lemma_synonyms(db));
    const FormLemmas coal{"угля", false, {"уголь"}, {}};
    const FormLemmas people{"людей", false, {"человек"}, {}};
    const FormLemmas castle{"замка", false, {"замок"}, {}};  // never indexed
    const FormLemmas reread{"угля", false, {"угол", "уголь"}, {}};  // as a newer dictionary might

    LemmaSynonyms on_index(&db);
    const std::vector<SynonymEntry> added = on_index.new_entries({coal, people, castle});
    REQUIRE(added.size() == 1);
    CHECK(added.front().first == "замка");
    LemmaSynonyms after_upgrade(&db);
    CHECK(after_upgrade.new_entries({reread}).size() == 2);  // added to: the index then holds both

    LemmaSynonyms on_new_index(nullptr);  // a first run or a rebuild: every entry
    CHECK(on_new_index.new_entries({coal, people, castle}).size() == 3);
    CHECK(on_new_index.new_entries({coal}).empty());  // each key once a run
}

TEST_CASE("a query on a lemma index matches by lemma with no dictionary at hand", "[lemmas][synonyms][query]") {
    Fixture f;
    const Xapian::Database db = open_index_readonly(f.path());
    Analyzer without(missing_dictionaries());
    CHECK(ids_in(without, db, "уголь") == std::set<std::string>{"coal"});
    CHECK(ids_in(without, db, "угол") == std::set<std::string>{"corner"});
    CHECK(ids_in(without, db, "финал") == std::set<std::string>{"final"});
    CHECK(ids_in(without, db, "человек") == std::set<std::string>{"people"});
    CHECK(ids_in(without, db, "Ростов-на-Дону") == std::set<std::string>{"rostov"});
    CHECK(ids_in(without, db, "Жириновский") == std::set<std::string>{"zhirinovsky"});
    // «процентов» the index never met (the text has "10%"): without a
    // dictionary its stem finds the lemmas with that stem (процент).
    CHECK(ids_in(without, db, "10 процентов") == std::set<std::string>{"dollar"});
    // Likewise any form the index never met: «ценами» finds «цены» by
    // the lemma цена, whose stem is its stem (цен), as the stem term
    // found it when the index kept one for known words.
    CHECK(ids_in(without, db, "ценами") == std::set<std::string>{"coal", "euro"});
    CHECK(ids_in(without, db, "10%") == std::set<std::string>{"dollar"});
    // With the dictionaries, a word the index never met asks Apertium
    // (процентов: процент) but not Hunspell, whose lemmas are names'.
    Analyzer with_dictionaries;
    CHECK(ids_in(with_dictionaries, db, "10 процентов") == std::set<std::string>{"dollar"});
    CHECK(ids_in(with_dictionaries, db, "Жириновскому") == std::set<std::string>{"zhirinovsky"});
    // What the dictionary says, the index says: the same matches either way.
    Analyzer with;
    for (const char* q : {"уголь", "угол", "финал", "человек", "Ростов-на-Дону", "Жириновский"})
        CHECK(ids_in(with, db, q) == ids_in(without, db, q));
}

TEST_CASE("a query's lemmas are read from the index again once a writer has changed it", "[lemmas][synonyms][query]") {
    Fixture f;
    Analyzer without(missing_dictionaries());  // lemmas only from the index, as a machine without the dictionaries
    // «замка» the index never met: no lemmas for it yet, and nothing found.
    CHECK(ids_in(without, open_index_readonly(f.path()), "замка").empty());
    testing::write_articles(f.path(), {article("castle", "Туризм", "Туристы осмотрели два старинных замка.")});
    // A new revision: the same analyzer (a --batch's, whose queries each
    // open the index anew) reads «замка» → замок from the synonym table
    // now, not its answer from before. (Keeping the answers while the
    // revision stays was measured: 150 headlines in --batch, 1.2 M of
    // 2,714 M instructions saved; not kept.)
    CHECK(ids_in(without, open_index_readonly(f.path()), "замка") == std::set<std::string>{"castle"});
    CHECK(ids_in(without, open_index_readonly(f.path()), "замок") == std::set<std::string>{"castle"});
}

TEST_CASE("a lemma index without synonyms asks the dictionary, or matches by stems without one",
          "[lemmas][synonyms][query]") {
    // As the lemma branch wrote indexes before the synonym table.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyzer indexer;
    for (const char* text : {"Уголь подорожал.", "Дом стоит на углу, угол дома обвалился."}) {
        Xapian::Document doc;
        indexer.index_article(doc, "", text);
        db.add_document(doc);
    }
    REQUIRE_FALSE(has_lemma_synonyms(db));
    Analyzer with;
    CHECK(QueryBuilder(with, db).build("уголь").query.get_description().find("XMуголь") != std::string::npos);
    Xapian::Enquire enquire(db);
    enquire.set_query(QueryBuilder(with, db).build("уголь").query);
    CHECK(enquire.get_mset(0, 10).size() == 1);
    Analyzer without(missing_dictionaries());
    enquire.set_query(QueryBuilder(without, db).build("уголь").query);
    CHECK(enquire.get_mset(0, 10).size() == 2);  // Snowball's stem, as before lemmas
}

TEST_CASE("a build in segments keeps the synonym table through the merge", "[lemmas][synonyms][segments]") {
    testing::TempDir dir;
    const IndexLayout layout(dir.path());
    Generation g = testing::live_generation(dir.path());
    WriterOptions options;
    options.workers = 2;
    options.segment_stripe_bytes = 50;  // every lane gets articles
    options.segment_ids_per_lane = 2;   // and several epochs
    SegmentMerge merge;
    {
        IndexWriter w(g, options);
        REQUIRE(w.start_segments());
        w.write(article("coal", "Добыча", "Цены на экспорт угля выросли."));
        w.write(article("corner", "Ремонт", "Дом стоит на углу улицы, за углом магазин."));
        w.write(article("final", "Футбол", "В финале турнира встретились старые соперники."));
        w.write(article("people", "Опрос", "Опросили тысячу людей."));
        w.write(article("zhirinovsky", "Политика", "Соратники Жириновского собрались в Москве."));
        merge = w.finish_segments();
    }
    CHECK(merge.segments.size() > 1);
    g = compact_generation(layout, g, merge);
    const Xapian::Database db(g.xapian().string());
    REQUIRE(has_lemma_synonyms(db));
    CHECK(lemmas_in_index(db, "угля", false) == Lemmas{"уголь"});
    CHECK(lemmas_in_index(db, "людей", false) == Lemmas{"человек"});
    CHECK(lemmas_in_index(db, "жириновского", true) == Lemmas{"жириновский"});
    Analyzer without(missing_dictionaries());
    CHECK(ids_in(without, db, "уголь") == std::set<std::string>{"coal"});
    CHECK(ids_in(without, db, "финал") == std::set<std::string>{"final"});
    CHECK(ids_in(without, db, "человек") == std::set<std::string>{"people"});
}

TEST_CASE("every listed stopword is one, and negation and news words are not", "[stopwords]") {
    for (const std::string_view word : russian_stopwords()) CHECK(is_stopword(word));
    for (const std::string_view word : {"не", "нет", "ни", "россия", "сша", "", "ёще", "и ", "Это"})
        CHECK_FALSE(is_stopword(word));
    CHECK(is_stopword("еще"));  // listed as the analyzer writes it, ё folded
}
