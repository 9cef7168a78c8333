// A weight that favours recent articles, added to relevance by --recent:
// max_boost for an article published today, half that for one `half_life`
// days old, and so on. Articles without a date get nothing.
#pragma once

#include <xapian.h>

namespace newsdex {

class RecencySource : public Xapian::ValuePostingSource {
public:
    RecencySource(Xapian::valueno date_slot, int today_days, double half_life_days, double max_boost);
    double get_weight() const override;
    RecencySource* clone() const override;
    void init(const Xapian::Database& db) override;
    std::string get_description() const override;

private:
    int today_;
    double half_life_;
    double max_boost_;
};

// Days since 1970-01-01 of a YYYYMMDD string; -1 if it is not one.
int days_from_ymd(const std::string& ymd);
int today_days();

}  // namespace newsdex
