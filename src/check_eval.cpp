// resdiff check, part 2: evaluating rules on a comparison.
#include <algorithm>
#include <cctype>
#include <functional>

#include "resdiff/check.hpp"
#include "word_count.hpp"

namespace resdiff {

namespace {

std::string base_id(const std::string& id) { return id.substr(0, id.find('(')); }

const subparagraph* find_sub(const document& doc, const std::string& id) {
    const paragraph* p = find_paragraph(doc, base_id(id));
    if (!p) return nullptr;
    for (const auto* s : flatten(*p)) {
        if (s->id == id) return s;
    }
    return nullptr;
}

line_range lines_of(const document& doc, const std::string& id) {
    if (id.find('(') == std::string::npos) {
        const paragraph* p = find_paragraph(doc, id);
        return p ? p->lines : line_range{};
    }
    if (const subparagraph* s = find_sub(doc, id)) {
        if (s->lines.first > 0) return s->lines;
    }
    const paragraph* p = find_paragraph(doc, base_id(id));
    return p ? p->lines : line_range{};
}

bool in_scope(const document& doc, const std::string& id, rule_scope scope) {
    if (scope == rule_scope::all) return true;
    const paragraph* p = find_paragraph(doc, base_id(id));
    const bool operative = p ? p->where == part::operative : id.rfind("OP", 0) == 0;
    return operative == (scope == rule_scope::operative);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& text, const std::string& phrase, bool ignore_case) {
    if (!ignore_case) return text.find(phrase) != std::string::npos;
    return lower(text).find(lower(phrase)) != std::string::npos;
}

std::string join(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) {
        if (!s.empty()) s.append(", ");
        s.append(id);
    }
    return s;
}

std::string quote_short(std::string text, std::size_t limit = 60) {
    const auto b = text.find_first_not_of(' ');
    const auto e = text.find_last_not_of(' ');
    text = b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
    if (text.size() > limit) {
        text = std::string(detail::utf8_prefix(text, limit));
        text.append("...");
    }
    std::string q = "\"";
    q.append(text).append("\"");
    return q;
}

// The first few edits of a unit, as `"old" -> "new"`, `-"old"`, `+"new"`.
std::string describe_edits(const std::vector<word_op>& ops, const std::function<bool(const word_op&)>& keep = {},
                           std::size_t max_edits = 3) {
    std::vector<std::string> parts;
    std::size_t total = 0;
    for (std::size_t i = 0; i < ops.size();) {
        if (ops[i].op == op_kind::equal) {
            ++i;
            continue;
        }
        std::string del, ins;
        bool kept = !keep;
        while (i < ops.size() && ops[i].op != op_kind::equal) {
            if (keep && keep(ops[i])) kept = true;
            (ops[i].op == op_kind::del ? del : ins).append(ops[i].text);
            ++i;
        }
        if (!kept) continue;
        ++total;
        if (parts.size() >= max_edits) continue;
        const bool has_del = del.find_first_not_of(' ') != std::string::npos;
        const bool has_ins = ins.find_first_not_of(' ') != std::string::npos;
        std::string p;
        if (has_del && has_ins) p.append(quote_short(del)).append(" -> ").append(quote_short(ins));
        else if (has_del) p.append("removed ").append(quote_short(del));
        else if (has_ins) p.append("added ").append(quote_short(ins));
        else continue;
        parts.push_back(p);
    }
    std::string s;
    for (const auto& p : parts) {
        if (!s.empty()) s.append("; ");
        s.append(p);
    }
    if (total > parts.size()) s.append("; and ").append(std::to_string(total - parts.size())).append(" more");
    return s;
}

bool routine_only(const alignment_unit& u) {
    return !u.classes.empty() &&
           std::all_of(u.classes.begin(), u.classes.end(), [](change_class c) { return c == change_class::routine; });
}

bool text_changed(const alignment_unit& u) {
    return u.text_changed || u.kind == unit_kind::modified || u.kind == unit_kind::added ||
           u.kind == unit_kind::removed || u.kind == unit_kind::split || u.kind == unit_kind::merged;
}

// Every unit in reading order, children after their parent, with where it
// stands in NEW (its own line, or for removed units the line of the nearest
// surviving neighbour, else the parent's).
struct placed_unit {
    const alignment_unit* unit;
    int line = 0;
    int old_line = 0;
    bool child = false;
};

class placement {
public:
    explicit placement(const comparison& cmp) : cmp_(cmp) { walk(cmp.result.units, 0, false); }
    const std::vector<placed_unit>& all() const { return all_; }

    const placed_unit* find_old(const std::string& id) const {
        for (const auto& p : all_) {
            if (std::find(p.unit->old_ids.begin(), p.unit->old_ids.end(), id) != p.unit->old_ids.end()) return &p;
        }
        return nullptr;
    }

private:
    int new_line(const alignment_unit& u) const {
        return u.new_ids.empty() ? 0 : lines_of(cmp_.new_doc, u.new_ids.front()).first;
    }

    void walk(const std::vector<alignment_unit>& units, int parent_line, bool child) {
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& u = units[i];
            int line = new_line(u);
            for (std::size_t j = i + 1; line == 0 && j < units.size(); ++j) line = new_line(units[j]);
            for (std::size_t j = i; line == 0 && j-- > 0;) line = new_line(units[j]);
            if (line == 0) line = parent_line;
            const int old_line = u.old_ids.empty() ? 0 : lines_of(cmp_.old_doc, u.old_ids.front()).first;
            all_.push_back({&u, line, old_line, child});
            walk(u.children, line, true);
        }
    }

    const comparison& cmp_;
    std::vector<placed_unit> all_;
};

violation make_violation(const placed_unit& p, std::string what) {
    violation v;
    v.what = std::move(what);
    v.old_ids = p.unit->old_ids;
    v.new_ids = p.unit->new_ids;
    v.line = p.line;
    v.old_line = p.old_line;
    return v;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    std::string s = std::to_string(n);
    s.append(" ").append(n == 1 ? one : many);
    return s;
}

// protect ----------------------------------------------------------------

// Finest paragraph or sub-paragraph ids of OLD whose text holds the phrase.
std::vector<std::string> ids_with_phrase(const document& doc, const std::string& phrase, bool ignore_case) {
    std::vector<std::string> out;
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) {
            if (!contains(p.text, phrase, ignore_case)) continue;
            bool in_sub = false;
            for (const auto* s : flatten(p)) {
                if (contains(s->text, phrase, ignore_case)) {
                    out.push_back(s->id);
                    in_sub = true;
                }
            }
            if (!in_sub) out.push_back(p.id);
        }
    }
    return out;
}

void protect_one(const comparison& cmp, const placement& pl, const rule& r, const std::string& id,
                 const std::string& why, rule_result& res) {
    const placed_unit* p = pl.find_old(id);
    if (!p && id.find('(') != std::string::npos) {
        // No sub-paragraph unit: judge by the paragraph's unit and whether the
        // sub-paragraph's text survives in the new paragraph word for word.
        const placed_unit* parent = pl.find_old(base_id(id));
        const subparagraph* s = find_sub(cmp.old_doc, id);
        if (parent && s) {
            const auto& u = *parent->unit;
            bool kept = false;
            for (const auto& nid : u.new_ids) {
                const paragraph* np = find_paragraph(cmp.new_doc, base_id(nid));
                if (np && np->text.find(s->text) != std::string::npos) kept = true;
            }
            if (!kept) res.violations.push_back(make_violation(*parent, id + why + " changed or removed"));
            return;
        }
    }
    if (!p) {
        violation v;
        v.what = id + why + " does not exist in OLD";
        v.old_ids = {id};
        res.violations.push_back(std::move(v));
        return;
    }
    const auto& u = *p->unit;
    std::string name = id + why;
    if (!u.new_ids.empty() && u.new_ids != std::vector<std::string>{id}) name.append(" (now ").append(join(u.new_ids)).append(")");
    switch (u.kind) {
        case unit_kind::removed:
            res.violations.push_back(make_violation(*p, id + why + " removed"));
            return;
        case unit_kind::split:
            res.violations.push_back(make_violation(*p, id + why + " split into " + join(u.new_ids)));
            return;
        case unit_kind::merged:
            res.violations.push_back(make_violation(*p, join(u.old_ids) + " merged into " + join(u.new_ids) + " (" + id + why + ")"));
            return;
        default: break;
    }
    if (text_changed(u) && !(r.allow_routine && routine_only(u))) {
        std::string what = name + " changed";
        const std::string edits = describe_edits(u.ops);
        if (!edits.empty()) what.append(": ").append(edits);
        res.violations.push_back(make_violation(*p, what));
        return;
    }
    if (!r.allow_move && (u.moved || u.kind == unit_kind::moved || u.kind == unit_kind::renumbered)) {
        res.violations.push_back(make_violation(*p, id + why + (u.kind == unit_kind::renumbered ? " renumbered as " : " moved to ") + join(u.new_ids)));
    }
}

void eval_protect(const comparison& cmp, const placement& pl, const rule& r, rule_result& res) {
    std::vector<std::pair<std::string, std::string>> targets;   // id, why
    for (const auto& id : r.ids) targets.emplace_back(id, "");
    std::size_t phrases_absent = 0;
    for (const auto& phrase : r.phrases) {
        const auto ids = ids_with_phrase(cmp.old_doc, phrase, r.ignore_case);
        if (ids.empty()) ++phrases_absent;
        for (const auto& id : ids) targets.emplace_back(id, " (holding " + quote_short(phrase, 40) + ")");
    }
    // One check per id, in the order given.
    std::vector<std::string> seen;
    for (const auto& [id, why] : targets) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        protect_one(cmp, pl, r, id, why, res);
    }
    res.detail = plural(seen.size(), "protected paragraph", "protected paragraphs");
    if (res.violations.empty()) res.detail.append(seen.size() == 1 ? " unchanged" : ", all unchanged");
    else res.detail.append(", ").append(std::to_string(res.violations.size())).append(" changed");
    if (phrases_absent > 0) res.detail.append("; ").append(plural(phrases_absent, "phrase", "phrases")).append(" found nowhere in OLD");
}

// the other kinds ------------------------------------------------------------

void eval_no_removal(const comparison& cmp, const placement& pl, const rule& r, rule_result& res) {
    for (const auto& p : pl.all()) {
        const auto& u = *p.unit;
        if (u.kind != unit_kind::removed || u.old_ids.empty()) continue;
        if (p.child && !r.subparagraphs) continue;
        if (!in_scope(cmp.old_doc, u.old_ids.front(), r.scope)) continue;
        std::string what = join(u.old_ids) + " removed";
        if (const paragraph* op = find_paragraph(cmp.old_doc, base_id(u.old_ids.front())); op && !p.child) {
            what.append(": ").append(quote_short(op->text));
        }
        res.violations.push_back(make_violation(p, what));
    }
    const std::string where = r.scope == rule_scope::all ? "" : std::string(to_string(r.scope)) + " ";
    res.detail = res.violations.empty()
                     ? "no " + where + "paragraph removed"
                     : plural(res.violations.size(), (where + "paragraph removed").c_str(), (where + "paragraphs removed").c_str());
}

void eval_no_weakening(const comparison& cmp, const placement& pl, const rule& r, rule_result& res) {
    std::size_t leads_changed = 0;
    for (const auto& p : pl.all()) {
        const auto& u = *p.unit;
        if (u.lead.dir == direction::none) continue;
        const std::string& id = !u.new_ids.empty() ? u.new_ids.front() : u.old_ids.empty() ? std::string() : u.old_ids.front();
        const document& doc = !u.new_ids.empty() ? cmp.new_doc : cmp.old_doc;
        if (id.empty() || !in_scope(doc, id, r.scope)) continue;
        ++leads_changed;
        const bool bad = u.lead.dir == direction::weakened || (r.include_changed && u.lead.dir == direction::changed);
        if (!bad) continue;
        std::string what = join(!u.new_ids.empty() ? u.new_ids : u.old_ids);
        what.append(" ").append(to_string(u.lead.dir)).append(": ").append(quote_short(u.lead.old_lead)).append(" -> ").append(quote_short(u.lead.new_lead));
        res.violations.push_back(make_violation(p, what));
    }
    res.detail = plural(leads_changed, "lead changed", "leads changed");
    res.detail.append(res.violations.empty() ? ", none weakened" : ", " + std::to_string(res.violations.size()) + " weakened");
}

bool is_qualifier(const word_op& op) {
    return std::find(op.classes.begin(), op.classes.end(), change_class::qualifier) != op.classes.end();
}

void eval_no_softening(const comparison& cmp, const placement& pl, const rule& r, rule_result& res) {
    for (const auto& p : pl.all()) {
        const auto& u = *p.unit;
        if (u.qualifier_dir != direction::softened || (u.new_ids.empty() && u.old_ids.empty())) continue;
        const std::string& id = !u.new_ids.empty() ? u.new_ids.front() : u.old_ids.front();
        const document& doc = !u.new_ids.empty() ? cmp.new_doc : cmp.old_doc;
        if (!in_scope(doc, id, r.scope)) continue;
        std::string what = join(!u.new_ids.empty() ? u.new_ids : u.old_ids) + " softened";
        const std::string edits = describe_edits(u.ops, is_qualifier);
        if (!edits.empty()) what.append(": ").append(edits);
        res.violations.push_back(make_violation(p, what));
    }
    res.detail = res.violations.empty() ? "no qualifier softens the text"
                                        : plural(res.violations.size(), "paragraph softened", "paragraphs softened");
}

void eval_require_phrase(const comparison& cmp, const placement& pl, const rule& r, rule_result& res) {
    std::size_t present = 0;
    for (const auto& phrase : r.phrases) {
        bool found = false;
        for (const auto* list : {&cmp.new_doc.preamble, &cmp.new_doc.operative}) {
            for (const auto& p : *list) {
                if (in_scope(cmp.new_doc, p.id, r.scope) && contains(p.text, phrase, r.ignore_case)) found = true;
            }
        }
        if (found) {
            ++present;
            continue;
        }
        // Point at where the phrase stood: the OLD paragraph holding it, as it is in NEW.
        violation v;
        v.what = "missing " + quote_short(phrase, 80);
        for (const auto& id : ids_with_phrase(cmp.old_doc, phrase, r.ignore_case)) {
            const placed_unit* p = pl.find_old(id);
            if (!p) p = pl.find_old(base_id(id));
            if (!p) continue;
            v = make_violation(*p, v.what + " (was in " + id + " of OLD)");
            break;
        }
        res.violations.push_back(std::move(v));
    }
    res.detail = std::to_string(present) + " of " + plural(r.phrases.size(), "required phrase", "required phrases") + " present";
}

void eval_max_changes(const comparison&, const placement& pl, const rule& r, rule_result& res) {
    std::vector<violation> counted;
    for (const auto& p : pl.all()) {
        if (p.child) continue;
        const auto& u = *p.unit;
        if (u.kind == unit_kind::unchanged) continue;
        std::vector<change_class> hit;
        for (const auto c : r.classes) {
            if (std::find(u.classes.begin(), u.classes.end(), c) != u.classes.end()) hit.push_back(c);
        }
        // A changed unit nobody classified counts as substantive.
        if (u.classes.empty() && text_changed(u) &&
            std::find(r.classes.begin(), r.classes.end(), change_class::substantive) != r.classes.end()) {
            hit.push_back(change_class::substantive);
        }
        if (hit.empty()) continue;
        std::string what = join(!u.new_ids.empty() ? u.new_ids : u.old_ids);
        if (!u.old_ids.empty() && !u.new_ids.empty() && u.old_ids != u.new_ids) what = join(u.old_ids) + " -> " + what;
        what.append(" ").append(to_string(u.kind)).append(" (");
        for (std::size_t i = 0; i < hit.size(); ++i) what.append(i ? ", " : "").append(to_string(hit[i]));
        what.append(")");
        counted.push_back(make_violation(p, what));
    }
    std::string classes;
    for (std::size_t i = 0; i < r.classes.size(); ++i) classes.append(i ? "/" : "").append(to_string(r.classes[i]));
    res.detail = plural(counted.size(), "paragraph", "paragraphs") + " with " + classes + " changes (at most " +
                 std::to_string(r.max) + ")";
    if (counted.size() > r.max) res.violations = std::move(counted);
}

const char* default_message(rule_kind k) {
    switch (k) {
        case rule_kind::protect: return "Protected paragraph changed";
        case rule_kind::no_removal: return "Paragraph removed";
        case rule_kind::no_weakening: return "Lead weakened";
        case rule_kind::no_softening: return "Qualifier softens the text";
        case rule_kind::require_phrase: return "Required phrase missing";
        case rule_kind::max_changes: return "Too many changes";
    }
    return "Rule failed";
}

rule_result evaluate(const comparison& cmp, const placement& pl, const rule& r) {
    rule_result res;
    res.r = r;
    if (res.r.message.empty()) res.r.message = default_message(r.kind);
    switch (r.kind) {
        case rule_kind::protect: eval_protect(cmp, pl, r, res); break;
        case rule_kind::no_removal: eval_no_removal(cmp, pl, r, res); break;
        case rule_kind::no_weakening: eval_no_weakening(cmp, pl, r, res); break;
        case rule_kind::no_softening: eval_no_softening(cmp, pl, r, res); break;
        case rule_kind::require_phrase: eval_require_phrase(cmp, pl, r, res); break;
        case rule_kind::max_changes: eval_max_changes(cmp, pl, r, res); break;
    }
    res.passed = res.violations.empty();
    return res;
}

}  // namespace

std::size_t check_report::failed_errors() const {
    return static_cast<std::size_t>(std::count_if(results.begin(), results.end(), [](const rule_result& r) {
        return !r.passed && r.r.level == severity::error;
    }));
}

std::size_t check_report::failed_warnings() const {
    return static_cast<std::size_t>(std::count_if(results.begin(), results.end(), [](const rule_result& r) {
        return !r.passed && r.r.level == severity::warning;
    }));
}

rule_result check_rule(const comparison& cmp, const rule& r) {
    const placement pl(cmp);
    return evaluate(cmp, pl, r);
}

check_report check(const comparison& cmp, const rule_set& rules) {
    check_report report;
    report.old_source = cmp.old_doc.source;
    report.new_source = cmp.new_doc.source;
    const placement pl(cmp);
    for (const auto& r : rules.rules) report.results.push_back(evaluate(cmp, pl, r));
    return report;
}

}  // namespace resdiff
