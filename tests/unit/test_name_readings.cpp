// The readings of Latin spellings by other languages' rules and exonyms
// (name_readings.h), checked by the name keys they give.
#include "analysis/exonyms.h"
#include "analysis/name_readings.h"
#include "analysis/transliteration.h"
#include "analysis/proper_names.h"
#include "analysis/native_spellings.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using newsdex::name_key;

TEST_CASE("English names read aloud key as Russian writes them", "[translit]") {
    using newsdex::english_readings;
    const auto keys = [](const std::string& latin) {
        std::vector<std::string> out;
        for (const std::string& reading : english_readings(latin)) out.push_back(name_key(reading));
        return out;
    };
    // One of the readings keys as the Cyrillic name does, where the
    // spelling does not: a closed u, j, a silent h; i and a lengthened by a
    // silent e, a read as ей or as э, Mc, ai, ay, air, au, ow, w, tch, y
    // between a consonant and a vowel.
    for (const auto& [latin, cyrillic] :
         {std::pair{"trump", "трамп"}, {"johnson", "джонсон"}, {"biden", "байден"}, {"mike", "майк"},
          {"justin", "джастин"}, {"hunter", "хантер"}, {"gates", "гейтс"}, {"price", "прайс"}, {"cameron", "кэмерон"},
          {"jackson", "джексон"}, {"mccain", "маккейн"}, {"may", "мэй"}, {"blair", "блэр"}, {"austin", "остин"},
          {"wilson", "уилсон"}, {"thatcher", "тэтчер"}, {"mitchell", "митчелл"}, {"theresa", "тереза"},
          {"rosa", "роза"}, {"mason", "мейсон"}, {"ryan", "райан"}, {"bryan", "брайан"}, {"myers", "майерс"}}) {
        INFO(latin);
        CHECK(name_key(latin) != name_key(cyrillic));
        const std::vector<std::string> found = keys(latin);
        CHECK(std::find(found.begin(), found.end(), name_key(cyrillic)) != found.end());
    }
    // At most a reading for each way of reading a and s, none the spelling itself.
    CHECK(english_readings("cameron").size() == 2);
    CHECK(english_readings("mason").size() == 4);
    // An s that is not between vowels adds no reading (Gates, whose a
    // before a final e is always ей: one reading).
    CHECK(english_readings("gates").size() == 1);
    for (const std::string& reading : english_readings("jackson")) CHECK(reading != "jackson");
    // A spelling with nothing to read otherwise has no reading.
    CHECK(english_readings("putin").empty());
    CHECK(english_readings("kerry").empty());
    // Only Latin letters are read.
    CHECK(english_readings("трамп").empty());
    CHECK(english_readings("trump2").empty());
    CHECK(english_readings("").empty());
}

TEST_CASE("Chinese names in pinyin key as Palladius writes them", "[translit]") {
    using newsdex::chinese_reading;
    for (const auto& [latin, cyrillic] :
         {std::pair{"jinping", "цзиньпин"}, {"keqiang", "кэцян"}, {"xinjiang", "синьцзян"}, {"wuhan", "ухань"},
          {"huawei", "хуавэй"}, {"zedong", "цзэдун"}, {"shanghai", "шанхай"}, {"guangzhou", "гуанчжоу"},
          {"zhang", "чжан"}, {"xu", "сюй"}, {"cixi", "цыси"}, {"shijiazhuang", "шицзячжуан"}, {"jun", "цзюнь"},
          {"xuan", "сюань"}, {"guomindang", "гоминьдан"}, {"yuexiu", "юэсю"}, {"taiwan", "тайвань"}}) {
        INFO(latin);
        CHECK(name_key(chinese_reading(latin)) == name_key(cyrillic));
    }
    // Pinyin throughout, and two syllables or a mark of pinyin: not
    // English words that are one syllable (Long, Song, King, Chen), nor
    // what pinyin has no syllable for (Hunter: ter; Gi: g before i).
    for (const char* word : {"long", "song", "king", "chen", "hunter", "johnson", "gi", "putin", "", "xi2"})
        CHECK(chinese_reading(word).empty());
    // A spelling Palladius writes letter for letter has no reading.
    CHECK(chinese_reading("mandela").empty());
    // A long word that is pinyin up to its last letter is given up at once,
    // not tried every way it splits (each xian: xian, xi an, xia n…).
    std::string long_word;
    for (int i = 0; i < 200; ++i) long_word += "xian";
    CHECK(chinese_reading(long_word + "q").empty());
    CHECK_FALSE(chinese_reading(long_word).empty());
}

TEST_CASE("Japanese names in Hepburn key as Polivanov writes them", "[translit]") {
    using newsdex::japanese_reading;
    for (const auto& [latin, cyrillic] :
         {std::pair{"shinzo", "синдзо"}, {"hiroshima", "хиросима"}, {"fukushima", "фукусима"}, {"kishida", "кисида"},
          {"yoshihide", "ёсихидэ"}, {"suzuki", "судзуки"}, {"koizumi", "коидзуми"}, {"mitsubishi", "мицубиси"},
          {"takaichi", "такаити"}, {"junichiro", "дзюнитиро"}, {"shoji", "сёдзи"}}) {
        INFO(latin);
        CHECK(name_key(japanese_reading(latin)) == name_key(cyrillic));
    }
    // Hepburn's syllables throughout (a consonant before a vowel, but n, or
    // doubled), and read otherwise than spelt: not Johnson (hns), Kim (a
    // final m), Osaka or Honda (keyed as spelt already).
    for (const char* word : {"johnson", "kim", "osaka", "honda", "trump", "", "abe1"})
        CHECK(japanese_reading(word).empty());
}

TEST_CASE("German or Polish or Spanish or French or Italian or Ukrainian spellings key as Russian writes them", "[translit]") {
    using newsdex::european_readings;
    const auto any_reading_keys_as = [](const char* latin, const char* cyrillic) {
        for (const std::string& reading : european_readings(latin))
            if (name_key(reading) == name_key(cyrillic)) return true;
        return false;
    };
    for (const auto& [latin, cyrillic] :
         {std::pair{"scholz", "шольц"}, {"steinmeier", "штайнмайер"},
          {"schroeder", "шредер"}, {"mueller", "мюллер"}, {"schaeuble", "шойбле"}, {"kurz", "курц"},
          {"zuckerberg", "цукерберг"}, {"renzi", "ренци"}, {"kaczynski", "качиньский"},
          {"morawiecki", "моравецкий"}, {"brzezinski", "бжезинский"}, {"sanchez", "санчес"}, {"rajoy", "рахой"},
          {"hernandez", "эрнандес"}, {"rodriguez", "родригес"}, {"hollande", "олланд"}, {"fillon", "фийон"},
          {"chirac", "ширак"}, {"jacques", "жак"}, {"francois", "франсуа"}, {"melenchon", "меланшон"},
          {"philippe", "филипп"}, {"jean", "жан"}, {"peugeot", "пежо"}, {"depardieu", "депардье"},
          {"gentiloni", "джентилони"}, {"giuseppe", "джузеппе"}, {"giovanni", "джованни"}, {"luigi", "луиджи"},
          {"ancelotti", "анчелотти"}, {"ciampi", "чампи"}, {"guillaume", "гийом"}, {"bonucci", "бонуччи"},
          {"ricci", "риччи"}}) {
        INFO(latin);
        CHECK(name_key(latin) != name_key(cyrillic));
        CHECK(any_reading_keys_as(latin, cyrillic));
    }
    // Ukrainian: h is г, y и, і in a closed syllable о or е, -ій -ий or -ей.
    for (const auto& [latin, cyrillic] :
         {std::pair{"kyiv", "киев"}, {"kharkiv", "харьков"}, {"lviv", "львов"}, {"luhansk", "луганск"},
          {"serhiy", "сергей"}, {"andriy", "андрей"}, {"oleh", "олег"}, {"hlib", "глеб"}}) {
        INFO(latin);
        CHECK(name_key(latin) != name_key(cyrillic));
        CHECK(any_reading_keys_as(latin, cyrillic));
    }
    // Only a spelling with a Ukrainian mark (yi, iy, yy, -iv, an h other
    // than English's first letter or a part of kh, zh, sh, ch): Tim is not
    // read as Том, Harris not as Гаррис.
    CHECK_FALSE(any_reading_keys_as("tim", "том"));
    CHECK_FALSE(any_reading_keys_as("harris", "гаррис"));
    // Spellings that read alike in every language have no further reading,
    // and Daniel does not become Данил.
    CHECK(european_readings("putin").empty());
    CHECK(european_readings("obama").empty());
    CHECK_FALSE(any_reading_keys_as("daniel", "данил"));
    // A language's rules read only a spelling with a mark of it: Merz is
    // not read the Polish way (Меж), Kurz not the Spanish way (курс), and
    // the oe of Boeing is no ö.
    CHECK_FALSE(any_reading_keys_as("merz", "меж"));
    CHECK_FALSE(any_reading_keys_as("kurz", "курс"));
    // Nor English names the French or Spanish way: Jane is not Жан, Jack
    // neither Жак nor Хак, Mike not Мик.
    CHECK_FALSE(any_reading_keys_as("jane", "жан"));
    CHECK_FALSE(any_reading_keys_as("jack", "жак"));
    CHECK_FALSE(any_reading_keys_as("jack", "хак"));
    CHECK_FALSE(any_reading_keys_as("mike", "мик"));
    // Nor the Italian way where a letter Italian does not write says so:
    // Jackie is not Джакие.
    CHECK_FALSE(any_reading_keys_as("jackie", "джакие"));
    const std::vector<std::string> boeing = european_readings("boeing");
    CHECK(std::find(boeing.begin(), boeing.end(), "being") == boeing.end());
    // Only Latin letters are read.
    CHECK(european_readings("шольц").empty());
    CHECK(european_readings("scholz2").empty());
    CHECK(european_readings("").empty());
}

TEST_CASE("countries and cities typed by their English names have their Russian names", "[translit]") {
    using newsdex::russian_exonyms;
    using Names = std::vector<std::string>;
    CHECK(russian_exonyms("china") == Names{"китай"});
    CHECK(russian_exonyms("poland") == Names{"польша"});
    CHECK(russian_exonyms("moscow") == Names{"москва"});
    CHECK(russian_exonyms("warsaw") == Names{"варшава"});
    CHECK(russian_exonyms("kiev") == Names{"киев"});  // a zone's city, by the zone's id (Europe:Kiev)
    CHECK(russian_exonyms("tokyo") == Names{"токио"});
    // One word, in lower case, and a country's or a city's only.
    CHECK(russian_exonyms("China").empty());
    CHECK(russian_exonyms("united").empty());
    CHECK(russian_exonyms("trump").empty());
    CHECK(russian_exonyms("").empty());
}

TEST_CASE("Latin spellings of Ukrainian and Belarusian names read back into their letters", "[translit]") {
    using newsdex::native_spellings;
    using newsdex::Romanized;
    const auto spells = [](const std::string& latin, Romanized language, const std::string& native) {
        const std::vector<std::string> all = native_spellings(latin, language);
        return std::find(all.begin(), all.end(), native) != all.end();
    };
    // Ukrainian: the 2010 system, and the older English habits.
    constexpr Romanized uk = Romanized::ukrainian;
    CHECK(spells("volodymyr", uk, "Володимир"));
    CHECK(spells("oleksandr", uk, "Олександр"));
    CHECK(spells("mykhailo", uk, "Михайло"));
    CHECK(spells("mykhaylo", uk, "Михайло"));
    CHECK(spells("oleksii", uk, "Олексій"));
    CHECK(spells("oleksiy", uk, "Олексій"));
    CHECK(spells("yuliia", uk, "Юлія"));
    CHECK(spells("mariia", uk, "Марія"));
    CHECK(spells("maria", uk, "Марія"));
    CHECK(spells("zhytomyr", uk, "Житомир"));
    CHECK(spells("shcherbak", uk, "Щербак"));
    // What the romanization drops: ь (Vasyl), the apostrophe (Viacheslav).
    CHECK(spells("vasyl", uk, "Василь"));
    CHECK(spells("viacheslav", uk, "В'ячеслав"));
    CHECK(spells("vyacheslav", uk, "В'ячеслав"));
    // A digraph is its one letter: kh is never кг.
    CHECK_FALSE(spells("mykhailo", uk, "Микгайло"));
    // Belarusian: ы for y, ў for u, дз for dz, э for e.
    constexpr Romanized be = Romanized::belarusian;
    CHECK(spells("aliaksandr", be, "Аляксандр"));
    CHECK(spells("uladzimir", be, "Уладзімір"));
    CHECK(spells("siarhei", be, "Сяргей"));
    CHECK(spells("dzmitry", be, "Дзмітрый"));
    CHECK(spells("stanislau", be, "Станіслаў"));
    CHECK(spells("yauhen", be, "Яўген"));
    CHECK(spells("andrei", be, "Андрэй"));
    CHECK(spells("anatol", be, "Анатоль"));
    CHECK_FALSE(spells("dzmitry", be, "Дзмитры"));  // Belarusian has no и
    // Only the letters the romanization writes, in lower case; a bounded
    // number of spellings, however ambiguous the word.
    CHECK(native_spellings("Volodymyr", uk).empty());
    CHECK(native_spellings("wagner", uk).empty());
    CHECK(native_spellings("xi", be).empty());
    CHECK(native_spellings("володимир", uk).empty());
    CHECK(native_spellings("", be).empty());
    CHECK(native_spellings("iyiyiyiyiyiyiyiyiyiyiyiyiyiyiy", uk).size() == newsdex::kMaxNativeSpellings);
}

TEST_CASE("Ukrainian and Belarusian names have the Russian names they translate", "[translit]") {
    // Translations, not spellings: the bilingual dictionaries'.
    using newsdex::russian_proper_names;
    using Names = std::vector<std::string>;
    CHECK(russian_proper_names("volodymyr") == Names{"владимир"});
    CHECK(russian_proper_names("oleksii") == Names{"алексей"});
    CHECK(russian_proper_names("oleksiy") == Names{"алексей"});
    CHECK(russian_proper_names("mykola") == Names{"николай"});
    CHECK(russian_proper_names("vasyl") == Names{"василий"});
    CHECK(russian_proper_names("viacheslav") == Names{"вячеслав"});
    CHECK(russian_proper_names("uladzimir") == Names{"владимир"});
    CHECK(russian_proper_names("aliaksandr") == Names{"александр"});
    CHECK(russian_proper_names("siarhei") == Names{"сергей"});
    // Places and rivers, spelt alike or not.
    CHECK(russian_proper_names("hrodna") == Names{"гродно"});
    CHECK(russian_proper_names("mahiliou") == Names{"могилев"});
    CHECK(russian_proper_names("homel") == Names{"гомель"});
    CHECK(russian_proper_names("dniapro") == Names{"днепр"});
    // No proper name of the dictionaries: nothing; nor an abbreviation's.
    CHECK(russian_proper_names("trump").empty());
    CHECK(russian_proper_names("mir").empty());
    CHECK(russian_proper_names("mzs").empty());  // МЗС: МИД
    CHECK(russian_proper_names("Volodymyr").empty());
    CHECK(russian_proper_names("").empty());
}
