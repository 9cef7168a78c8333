#include "analysis/stopwords.h"

#include <string>
#include <unordered_set>

namespace newsdex {

// Snowball's Russian list, normalized as the analyzer does (ё→е), without
// "не", "нет" and "ни" (in news, negation changes what a sentence says),
// plus a few function words the list lacks.
const std::vector<std::string_view>& russian_stopwords() {
    static const std::vector<std::string_view> words{
        "и", "в", "во", "что", "он", "на", "я", "с", "со", "как", "а", "то",
        "все", "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы",
        "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня",
        "еще", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг",
        "ли", "если", "уже", "или", "быть", "был", "него", "до", "вас",
        "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя",
        "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней",
        "для", "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "без",
        "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж", "тогда",
        "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним",
        "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее",
        "сейчас", "были", "куда", "зачем", "всех", "никогда", "можно", "при",
        "наконец", "два", "об", "другой", "хоть", "после", "над", "больше",
        "тот", "через", "эти", "нас", "про", "всего", "них", "какая", "много",
        "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой",
        "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им",
        "более", "всегда", "конечно", "всю", "между",
        // Not in Snowball's list, and as empty in news copy:
        "это", "также", "который", "которая", "которое", "которые", "которых", "которым", "которой",
        "котором", "которого", "могут", "свой", "своих", "своей", "своим", "своего",
    };
    return words;
}

bool is_stopword(std::string_view word) {
    static const std::unordered_set<std::string_view> set(russian_stopwords().begin(), russian_stopwords().end());
    return set.count(word) > 0;
}

void add_stopwords(Xapian::SimpleStopper& stopper) {
    for (std::string_view w : russian_stopwords()) stopper.add(std::string(w));
}

}  // namespace newsdex
