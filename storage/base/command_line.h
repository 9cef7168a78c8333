// What the two tools' command lines (CLI11, header-only) do alike: parse
// with one-line usage errors, and list in a subcommand's --help the main
// app's options it takes, which each subcommand's command line reaches
// (fallthrough): each option is defined once, on the main app.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace newsdex {

// nullopt: go on. Else the exit status: 0 after --help or --version, 2
// after a usage error (said in one line on stderr).
inline std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << app.get_name() << ": " << e.what() << " (see --help)\n";
        return 2;
    }
    return std::nullopt;
}

// A subcommand's --help footer: the main app's options named in `names`
// (space-separated), as its --help shows them.
inline std::string shared_options_help(const CLI::App& app, const std::string& names) {
    std::string out = "Options of " + app.get_name() + " it takes too (before or after its name):\n";
    std::istringstream in(names);
    for (std::string option_name; in >> option_name;) {
        const CLI::Option* option = app.get_option(option_name);
        std::string name = "  " + option->get_name(false, true) + " " + option->get_type_name();
        name.resize(std::max<std::size_t>(name.size() + 1, 30), ' ');
        out += name + option->get_description() + "\n";
    }
    return out;
}

}  // namespace newsdex
