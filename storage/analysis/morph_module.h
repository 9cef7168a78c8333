// The morphology dictionaries (lttoolbox, Hunspell) live in a module of
// their own, newsdex-morph.so, opened when a word first needs a dictionary:
// a query whose words the index already knows (lemma_synonyms.h) then never
// maps those libraries, nor libxml2, libicuio and liblzma behind lttoolbox.
// Linked in, they cost every newsdex-query process 1.0 M instructions in
// the dynamic loader (callgrind; issues 21, 23).
#pragma once

#include "analysis/morph_dictionary.h"

#include <memory>
#include <string>
#include <vector>

namespace newsdex {

// What the module exports, under kMorphModuleSymbol. Both sides are built
// from this header by the same build, so it has no version of its own.
struct MorphModuleApi {
    // Throw std::runtime_error naming a file that cannot be read.
    std::unique_ptr<MorphDictionary> (*apertium)(const std::vector<std::string>& automorf_bins);
    std::unique_ptr<MorphDictionary> (*hunspell)(const std::string& aff, const std::string& dic);
};

inline constexpr const char* kMorphModuleSymbol = "newsdex_morph_module";

// The opened module; closing it is the destructor's, so the dictionaries it
// made must be gone first.
class MorphModule {
public:
    // Looks beside the executable (installed: BINDIR/../LIBDIR/newsdex), then
    // in the build tree; throws std::runtime_error saying where it looked.
    MorphModule();
    ~MorphModule();
    MorphModule(const MorphModule&) = delete;
    MorphModule& operator=(const MorphModule&) = delete;

    const MorphModuleApi& api() const { return *api_; }

private:
    void* handle_ = nullptr;
    const MorphModuleApi* api_ = nullptr;
};

}  // namespace newsdex
