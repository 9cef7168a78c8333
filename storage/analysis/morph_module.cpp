#include "analysis/morph_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace newsdex {
namespace {

// Where the module may be, in order: relative to the running executable as
// an install lays it out (also true of the build tree's query/ and indexer/),
// then where this build put it (tests, tools).
std::vector<std::filesystem::path> module_candidates() {
    std::vector<std::filesystem::path> out;
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) out.push_back(exe.parent_path() / NEWSDEX_MORPH_MODULE_FROM_BINDIR);
    out.emplace_back(NEWSDEX_MORPH_MODULE_BUILT);
    return out;
}

}  // namespace

MorphModule::MorphModule() {
    std::string looked;
    for (const std::filesystem::path& path : module_candidates()) {
        if (!looked.empty()) looked += ", ";
        looked += path.string();
        if (access(path.c_str(), R_OK) != 0) continue;
        // RTLD_NOW: a broken module fails here, with dlerror's reason,
        // rather than at its first call. RTLD_NODELETE: dlclose never
        // unmaps code that a dictionary still alive (a Lemmatizer moved
        // onto another) would run.
        handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (!handle_) throw std::runtime_error(std::string("cannot load the dictionary module: ") + dlerror());
        api_ = static_cast<const MorphModuleApi*>(dlsym(handle_, kMorphModuleSymbol));
        if (!api_) {
            std::string reason = dlerror();
            dlclose(handle_);
            throw std::runtime_error(path.string() + ": not a newsdex dictionary module (" + reason + ")");
        }
        return;
    }
    throw std::runtime_error("the dictionary module newsdex-morph.so is missing (looked in " + looked + ")");
}

MorphModule::~MorphModule() { dlclose(handle_); }

}  // namespace newsdex
