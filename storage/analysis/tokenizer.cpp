#include "analysis/tokenizer.h"

#include "analysis/word_normalizer.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include <stdexcept>

namespace newsdex {
namespace {

constexpr std::size_t kMaxWordBytes = 100;  // longer "words" are junk (base64, hashes)
constexpr std::size_t kMaxCompoundParts = 6;

bool is_single(const icu::UnicodeString& text, int32_t begin, int32_t end, bool (*pred)(UChar32)) {
    if (end <= begin) return false;
    UChar32 c = text.char32At(begin);
    return begin + U16_LENGTH(c) == end && pred(c);
}

bool is_hyphen(UChar32 c) { return c == u'-' || c == 0x2010 || c == 0x2011; }
bool is_percent(UChar32 c) { return c == u'%'; }
bool is_currency(UChar32 c) { return c == u'$' || c == u'€' || c == u'£' || c == u'₽'; }

bool starts_upper(const icu::UnicodeString& text, int32_t begin) { return u_isupper(text.char32At(begin)); }

bool is_zero_width(UChar32 c) {
    return c == 0x200B || c == 0x200C || c == 0x2060 || c == 0xFEFF;
}

bool only_zero_width(const icu::UnicodeString& text, int32_t begin, int32_t end) {
    for (int32_t i = begin; i < end;) {
        UChar32 c = text.char32At(i);
        if (!is_zero_width(c)) return false;
        i += U16_LENGTH(c);
    }
    return end > begin;
}

}  // namespace

bool starts_sentence(const icu::UnicodeString& text, int32_t begin) {
    for (int32_t i = begin; i > 0;) {
        const UChar32 c = text.char32At(i - 1);
        i -= U16_LENGTH(c);
        if (c == u'.' || c == u'!' || c == u'?' || c == u'…' || c == u':' || c == u'\n' || c == u'\r' ||
            c == 0x2028 || c == 0x2029)
            return true;
        if (!(u_isspace(c) || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || c == u'(' || c == u'[' ||
              c == u'-' || c == u'—' || c == u'–'))
            return false;
    }
    return true;
}

Tokenizer::Tokenizer() {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale("ru"), status));
    if (U_FAILURE(status) || !breaker_) throw std::runtime_error("ICU word break data is unavailable");
}

std::vector<Tokenizer::Segment> Tokenizer::segments(const icu::UnicodeString& text) {
    std::vector<Segment> out;
    breaker_->setText(text);
    int32_t begin = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; begin = end, end = breaker_->next()) {
        int32_t status = breaker_->getRuleStatus();
        bool wordlike = status >= UBRK_WORD_NUMBER;
        bool numeric = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
        // A zero-width character inside a word is an artefact of copy-paste:
        // glue the two halves back together.
        if (!wordlike && out.size() >= 1 && out.back().wordlike && only_zero_width(text, begin, end)) {
            int32_t after = breaker_->next();
            if (after != icu::BreakIterator::DONE && breaker_->getRuleStatus() >= UBRK_WORD_NUMBER) {
                out.back().end = after;
                out.back().numeric = false;
                end = after;
                continue;
            }
            breaker_->previous();
        }
        out.push_back({begin, end, wordlike, numeric});
    }
    return out;
}

std::vector<Word> Tokenizer::words(const icu::UnicodeString& text) {
    std::vector<Word> out;
    for (const Segment& s : segments(text)) {
        if (!s.wordlike) continue;
        std::string norm = normalize_word(icu::UnicodeString(text, s.begin, s.end - s.begin));
        if (norm.empty() || norm.size() > kMaxWordBytes) continue;
        out.push_back({std::move(norm), s.begin, s.end, s.numeric});
    }
    return out;
}

void Tokenizer::tokenize(const icu::UnicodeString& text, const std::function<void(const Token&)>& emit) {
    std::vector<Segment> segs = segments(text);
    uint32_t position = 0;
    auto normalized = [&](const Segment& s) {
        return normalize_word(icu::UnicodeString(text, s.begin, s.end - s.begin));
    };

    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& s = segs[i];
        if (!s.wordlike) continue;

        // Hyphenated compound: word (hyphen word)+, with nothing in between.
        std::vector<std::size_t> run{i};
        while (run.size() < kMaxCompoundParts && run.back() + 2 < segs.size() &&
               is_single(text, segs[run.back() + 1].begin, segs[run.back() + 1].end, is_hyphen) &&
               segs[run.back() + 2].wordlike)
            run.push_back(run.back() + 2);

        if (run.size() > 1) {
            Token compound;
            compound.begin = s.begin;
            compound.end = segs[run.back()].end;
            compound.position = ++position;
            for (std::size_t k : run) compound.parts.push_back(normalized(segs[k]));
            for (std::size_t k = 0; k < run.size(); ++k) {
                if (k) compound.text += '-';
                compound.text += compound.parts[k];
            }
            if (compound.text.size() <= kMaxWordBytes) emit(compound);
            // The parts are words in their own right, at consecutive positions.
            for (std::size_t k = 0; k < run.size(); ++k) {
                const Segment& part = segs[run[k]];
                if (compound.parts[k].empty() || compound.parts[k].size() > kMaxWordBytes) continue;
                Token t;
                t.text = compound.parts[k];
                t.begin = part.begin;
                t.end = part.end;
                t.capitalized = starts_upper(text, part.begin);
                t.position = k == 0 ? position : ++position;
                emit(t);
            }
            i = run.back();
            continue;
        }

        Token t;
        t.text = normalized(s);
        t.begin = s.begin;
        t.end = s.end;
        t.capitalized = starts_upper(text, s.begin);
        if (t.text.empty() || t.text.size() > kMaxWordBytes) continue;
        t.position = ++position;
        emit(t);

        // "25%" and "$40" are words of their own in news about prices; the
        // bare number stays indexed at the same position.
        if (s.numeric) {
            Token decorated = t;
            decorated.bare = t.text;
            bool percent = i + 1 < segs.size() && is_single(text, segs[i + 1].begin, segs[i + 1].end, is_percent);
            bool currency = i > 0 && is_single(text, segs[i - 1].begin, segs[i - 1].end, is_currency);
            if (percent) {
                decorated.text += '%';
                decorated.end = segs[i + 1].end;
            }
            if (currency) {
                std::string symbol;
                icu::UnicodeString(text, segs[i - 1].begin, segs[i - 1].end - segs[i - 1].begin).toUTF8String(symbol);
                decorated.text = symbol + decorated.text;
                decorated.begin = segs[i - 1].begin;
            }
            if (percent || currency) emit(decorated);
        }
    }
}

}  // namespace newsdex
