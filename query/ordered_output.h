// Answers made out of order, by several threads, written in order: answer N
// goes out as soon as answers 1 .. N-1 have, so a script reading --batch's
// output as it comes waits for no more than the answers before its own.
// After an answer marked final (the index cannot be searched), nothing more
// is written.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <ostream>
#include <string>

namespace newsdex {

class OrderedOutput {
public:
    struct Answer {
        std::string out;   // for `out`, whole lines
        std::string err;   // for `err`, written just before `out`
        bool hits = false;
        bool final = false;
    };

    OrderedOutput(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}
    OrderedOutput(const OrderedOutput&) = delete;
    OrderedOutput& operator=(const OrderedOutput&) = delete;

    // Answer `number` (numbered from 1, each once), written when its turn comes.
    void put(std::size_t number, Answer answer);
    // A final answer has been written: later ones never will be.
    bool stopped();
    // Whether any answer written had hits.
    bool any_hits();
    // Held while an answer is written: whoever ends the process early
    // (TimeLimit) takes it first, so no answer is cut off half-way.
    std::mutex& writing() { return mutex_; }

private:
    std::ostream& out_;
    std::ostream& err_;
    std::mutex mutex_;
    std::map<std::size_t, Answer> waiting_;
    std::size_t next_ = 1;
    bool stopped_ = false;
    bool any_hits_ = false;
};

}  // namespace newsdex
