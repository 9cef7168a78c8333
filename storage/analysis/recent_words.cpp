#include "analysis/recent_words.h"

#include <cstring>
#include <new>

namespace newsdex {

RecentWords::RecentWords(std::size_t slots)
    : mask_(slots - 1), slots_(static_cast<Slot*>(std::calloc(slots, sizeof(Slot)))) {
    if (!slots_) throw std::bad_alloc();
}

std::optional<std::string_view> RecentWords::find(std::string_view word, std::size_t hash) const {
    if (word.empty()) return std::nullopt;  // an empty slot would match it
    const Slot& slot = slots_[hash & mask_];
    if (slot.hash != hash || slot.word_size != word.size() || std::memcmp(slot.bytes, word.data(), word.size()) != 0)
        return std::nullopt;
    return std::string_view(slot.bytes + slot.word_size, slot.value_size);
}

void RecentWords::put(std::string_view word, std::size_t hash, std::string_view value) {
    if (word.empty() || word.size() + value.size() > sizeof(Slot::bytes)) return;
    Slot& slot = slots_[hash & mask_];
    if (slot.word_size == 0) used_.push_back(hash & mask_);
    slot.hash = hash;
    slot.word_size = static_cast<unsigned char>(word.size());
    slot.value_size = static_cast<unsigned char>(value.size());
    std::memcpy(slot.bytes, word.data(), word.size());
    std::memcpy(slot.bytes + word.size(), value.data(), value.size());
}

void RecentWords::clear() {
    for (std::size_t i : used_) slots_[i] = Slot{};
    used_.clear();
}

}  // namespace newsdex
