#include "run/rejects.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace newsdex {

RejectLog::RejectLog(std::ostream& human, const std::string& json_file) : human_(human) {
    if (json_file.empty()) return;
    json_ = std::make_unique<std::ofstream>(json_file, std::ios::trunc);
    if (!*json_) throw std::runtime_error(json_file + ": cannot write error log: " + std::strerror(errno));
}

void RejectLog::reject(const Origin& origin, int64_t line, const std::string& reason) {
    if (before_print_) before_print_();
    human_ << "newsdex-index: " << origin.where(line) << ": " << reason << '\n';
    write_json(origin.path == "-" ? "-" : origin.path.string(), origin.member, line, reason);
}

void RejectLog::reject(const std::string& path, const std::string& reason) {
    if (before_print_) before_print_();
    human_ << "newsdex-index: " << path << ": " << reason << '\n';
    write_json(path, "", 0, reason);
}

void RejectLog::write_json(const std::string& path, const std::string& member, int64_t line, const std::string& reason) {
    ++count_;
    if (!json_) return;
    nlohmann::ordered_json j{{"path", path}, {"member", member}, {"line", line}, {"reason", reason}};
    *json_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    json_->flush();
}

}  // namespace newsdex
