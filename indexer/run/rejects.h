// Inputs that could not be indexed: one line each on stderr, and
// optionally JSON Lines (path, member, line, reason) for scripts.
#pragma once

#include "readers/origin.h"

#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace newsdex {

class RejectLog {
public:
    // `json_file` empty: no JSON log. Throws std::runtime_error if it
    // cannot be created.
    RejectLog(std::ostream& human, const std::string& json_file);

    void reject(const Origin& origin, int64_t line, const std::string& reason);
    void reject(const std::string& path, const std::string& reason);
    std::size_t count() const { return count_; }
    // Called before a line is printed (to erase a progress line).
    void before_print(std::function<void()> hook) { before_print_ = std::move(hook); }

private:
    void write_json(const std::string& path, const std::string& member, int64_t line, const std::string& reason);

    std::ostream& human_;
    std::unique_ptr<std::ofstream> json_;
    std::size_t count_ = 0;
    std::function<void()> before_print_;
};

}  // namespace newsdex
