// History as one self-contained HTML page: a timeline of the versions, one row
// per paragraph of the newest version with a cell per version (expanding to the
// word diff of each change), and a blame view tinting words by session.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "render_html_assets.hpp"
#include "resdiff/history.hpp"

namespace resdiff {

namespace {

std::string esc(std::string_view s) { return detail::html_escape(s); }

std::string iso_date(int date) {
    if (date == 0) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    return buf;
}

std::string top_level(const std::string& id) {
    const auto paren = id.find('(');
    return paren == std::string::npos ? id : id.substr(0, paren);
}

// One tint per session (hue), versions within a session a little darker each.
std::vector<std::string> tints(const history& h) {
    std::vector<int> sessions;
    for (const auto& d : h.versions) sessions.push_back(key_of(d).session);
    std::vector<int> distinct;
    for (const int s : sessions) {
        if (std::find(distinct.begin(), distinct.end(), s) == distinct.end()) distinct.push_back(s);
    }
    std::vector<std::string> out;
    std::map<int, int> seen;
    for (std::size_t k = 0; k < h.versions.size(); ++k) {
        const auto idx = static_cast<std::size_t>(std::find(distinct.begin(), distinct.end(), sessions[k]) - distinct.begin());
        const double t = distinct.size() <= 1 ? 0.0 : static_cast<double>(idx) / static_cast<double>(distinct.size() - 1);
        const int hue = static_cast<int>(std::lround(215 - t * 215));   // blue (old) to red (new)
        const int within = seen[sessions[k]]++;
        const int light = std::max(70, 88 - within * 6);
        out.push_back("hsl(" + std::to_string(hue) + " 75% " + std::to_string(light) + "%)");
    }
    return out;
}

enum class cell_state { absent, added, changed, moved, same };

const char* cell_class(cell_state s) {
    switch (s) {
        case cell_state::absent: return "absent";
        case cell_state::added: return "added";
        case cell_state::changed: return "changed";
        case cell_state::moved: return "moved";
        case cell_state::same: return "same";
    }
    return "absent";
}

const char* cell_word(cell_state s) {
    switch (s) {
        case cell_state::absent: return "absent";
        case cell_state::added: return "first appears";
        case cell_state::changed: return "changed";
        case cell_state::moved: return "moved";
        case cell_state::same: return "unchanged";
    }
    return "";
}

constexpr const char* style = R"css(
:root{--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--bg:#fff;--added:#2e7d32;--changed:#e08a00;--moved:#6a4fb3;--same:#9aa5b1;--absent:#f1f3f5;}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:0 1.5rem 3rem}
header{border-bottom:1px solid var(--line);padding:.8rem 0 .6rem}
h1{font-size:1.3rem;margin:0}
.subtitle{color:var(--muted);margin:.1rem 0 .5rem}
.timeline{display:flex;gap:.35rem;list-style:none;margin:0;padding:0 0 .3rem;overflow-x:auto}
.timeline li{flex:1 1 0;min-width:6.2rem;border:1px solid var(--line);border-top:4px solid var(--tint);border-radius:4px;padding:.3rem .45rem;font-size:.8rem;line-height:1.3}
.timeline .sym{font-weight:600;display:block}
.timeline .meta,.timeline .stat{color:var(--muted);display:block}
.notes{color:#8a4b00;font-size:.9rem}
.views{margin:1rem 0 .5rem}
.views label{border:1px solid var(--line);padding:.2rem .7rem;border-radius:4px;cursor:pointer;margin-right:.3rem}
input[name=view]{position:absolute;opacity:0;pointer-events:none}
#view-rows:checked~.views label[for=view-rows],#view-blame:checked~.views label[for=view-blame]{background:var(--fg);color:var(--bg)}
#view-rows:checked~main #blame,#view-blame:checked~main #rows{display:none}
.legend-cells{font-size:.85rem;color:var(--muted);margin:.3rem 0 .8rem}
.para{border-bottom:1px solid var(--line)}
.colhead{display:grid;grid-template-columns:5.5rem repeat(var(--n),1.4rem) 1fr;gap:.25rem;position:sticky;top:0;background:var(--bg);z-index:1;padding:.3rem 0;border-bottom:1px solid var(--line);font-size:.75rem;color:var(--muted);text-align:center}
.colhead span:first-child,.colhead span:last-child{text-align:left}
.para>summary{display:grid;grid-template-columns:5.5rem repeat(var(--n),1.4rem) 1fr;gap:.25rem;align-items:center;padding:.35rem 0;cursor:pointer;list-style:none}
.para>summary::-webkit-details-marker{display:none}
.pid{font-weight:600;font-variant-numeric:tabular-nums}
.key{display:inline-block;width:1rem;vertical-align:middle}
.cell{height:1.1rem;border-radius:3px;background:var(--absent);border:1px solid var(--line)}
.cell.added{background:var(--added);border-color:var(--added)}
.cell.changed{background:var(--changed);border-color:var(--changed)}
.cell.moved{background:var(--moved);border-color:var(--moved)}
.cell.same{background:var(--same);border-color:var(--same)}
.preview{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:var(--muted);padding-left:.5rem}
.changes{padding:.2rem 0 .8rem 5.75rem}
.change h3{font-size:.85rem;margin:.5rem 0 .15rem;color:var(--muted)}
.change p{margin:0}
del{background:#ffe0e0;color:#8b0000;text-decoration:line-through}
ins{background:#dff5df;color:#0b5d0b;text-decoration:none}
.origin{color:var(--muted);font-size:.85rem}
#blame .bp{margin:.2rem 0 .8rem}
#blame .bp b{display:inline-block;min-width:4.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0 1rem;padding:0;list-style:none;font-size:.85rem}
.legend li{padding:.1rem .4rem;border-radius:3px}
.dropped li{margin:.2rem 0}
@media print{header{position:static}.views{display:none}#blame,#rows{display:block!important}.para .changes{display:block}}
)css";

constexpr const char* script = R"js(
(function(){
  function openHash(){var id=decodeURIComponent(location.hash.slice(1));var el=id&&document.getElementById(id);if(el&&el.tagName==='DETAILS'){el.open=true;}if(id==='blame'){document.getElementById('view-blame').checked=true;}}
  window.addEventListener('hashchange',openHash);openHash();
  var all=document.querySelectorAll('#rows details.para');
  var ex=document.getElementById('expand-all'),co=document.getElementById('collapse-all');
  if(ex)ex.addEventListener('click',function(){all.forEach(function(d){d.open=true;});});
  if(co)co.addEventListener('click',function(){all.forEach(function(d){d.open=false;});});
})();
)js";

}  // namespace

std::string render_history_html(const history& h, const history_render_options&) {
    std::string out;
    out.reserve(1 << 16);
    const std::size_t n = h.versions.size();
    if (n == 0) return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>History</title></head><body></body></html>\n";
    const document& newest = h.versions.back();
    const std::vector<std::string> tint = tints(h);
    std::vector<std::string> labels;
    for (std::size_t k = 0; k < n; ++k) labels.push_back(version_label(h, k));

    out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
           "<title>History of ";
    out += esc(labels.back()) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";

    // Header: title and timeline.
    out += "<header>\n<h1>History of " + esc(labels.back()) + "</h1>\n<p class=\"subtitle\">";
    if (!newest.meta.title.empty()) out += esc(newest.meta.title) + " &middot; ";
    out += std::to_string(n) + " versions, ";
    out += h.order == order_used::chronological ? "ordered by session and date" : "in the order given (" + esc(h.order_note) + ")";
    out += "</p>\n<ol class=\"timeline\" id=\"timeline\">\n";
    for (std::size_t k = 0; k < n; ++k) {
        const auto key = key_of(h.versions[k]);
        const auto& s = h.stats[k];
        out += "<li class=\"version\" data-version=\"" + std::to_string(k + 1) + "\" style=\"--tint:" + tint[k] + "\">";
        out += "<span class=\"sym\">" + std::to_string(k + 1) + ". " + esc(labels[k]) + "</span>";
        out += "<span class=\"meta\">";
        if (key.session) out += "session " + std::to_string(key.session) + " &middot; ";
        out += key.draft ? "draft" : (h.versions[k].meta.kind == document_kind::resolution || key.symbol.find("RES") != std::string::npos ? "resolution" : "version");
        if (key.date) out += " &middot; " + iso_date(key.date);
        out += "</span><span class=\"stat\"";
        if (k > 0) {
            std::string tip = " title=\"";
            for (const std::string& part : {std::to_string(s.added), std::string(" paragraphs added, "), std::to_string(s.removed),
                                            std::string(" removed, "), std::to_string(s.modified), std::string(" reworded, "),
                                            std::to_string(s.moved), std::string(" moved; "), std::to_string(s.words_added),
                                            std::string(" words added, "), std::to_string(s.words_removed),
                                            std::string(" removed; "),
                                            std::to_string(static_cast<int>(std::lround(s.unchanged_since_first * 100))),
                                            std::string("% of the words date from version 1\"")}) {
                tip += part;
            }
            out += tip;
        }
        out += ">";
        if (k == 0) {
            out += std::to_string(s.paragraphs) + " paragraphs";
        } else {
            for (const std::string& part : {std::string("+"), std::to_string(s.added), std::string(" &minus;"), std::to_string(s.removed),
                                            std::string(" ~"), std::to_string(s.modified), std::string(" &#8597;"), std::to_string(s.moved),
                                            std::string(" &middot; "),
                                            std::to_string(static_cast<int>(std::lround(s.unchanged_since_first * 100))),
                                            std::string("% as in 1")}) {
                out += part;
            }
        }
        out += "</span></li>\n";
    }
    out += "</ol>\n</header>\n";
    if (!h.excluded.empty() || !h.notes.empty()) {
        out += "<ul class=\"notes\" id=\"notes\">\n";
        for (const auto& e : h.excluded) out += "<li>Left out " + esc(e.source.empty() ? e.symbol : e.source) + ": " + esc(e.reason) + "</li>\n";
        for (const auto& note : h.notes) out += "<li>" + esc(note) + "</li>\n";
        out += "</ul>\n";
    }

    out += "<input type=\"radio\" name=\"view\" id=\"view-rows\" checked><input type=\"radio\" name=\"view\" id=\"view-blame\">\n"
           "<div class=\"views\"><label for=\"view-rows\">Paragraphs by version</label><label for=\"view-blame\">Blame</label>"
           "<button type=\"button\" id=\"expand-all\">Expand all</button> <button type=\"button\" id=\"collapse-all\">Collapse all</button></div>\n<main>\n";

    // Rows: one per paragraph of the newest version.
    // Index each step's units by the top-level new ids they produce.
    std::vector<std::unordered_map<std::string, std::size_t>> unit_of(n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto& units = h.steps[k - 1].units;
        for (std::size_t u = 0; u < units.size(); ++u) {
            for (const auto& id : units[u].new_ids) unit_of[k].emplace(top_level(id), u);
        }
    }
    out += "<section id=\"rows\">\n<p class=\"legend-cells\">One cell per version: <span class=\"key cell added\"></span> first appears "
           "<span class=\"key cell changed\"></span> changed "
           "<span class=\"key cell moved\"></span> moved "
           "<span class=\"key cell same\"></span> unchanged "
           "<span class=\"key cell absent\"></span> absent. Click a row for the word changes.</p>\n";
    std::vector<std::unordered_map<std::string, const lineage_entry*>> entry_of(n);
    for (std::size_t v = 0; v < n; ++v) {
        for (const auto& le : h.lineage[v].paragraphs) entry_of[v].emplace(le.id, &le);
    }
    std::unordered_map<std::string, const paragraph*> newest_para;
    for (const auto* list : {&newest.preamble, &newest.operative}) {
        for (const auto& p : *list) newest_para.emplace(p.id, &p);
    }
    out += "<div class=\"colhead\" style=\"--n:" + std::to_string(n) + "\"><span>Paragraph</span>";
    for (std::size_t k = 0; k < n; ++k) out += "<span title=\"" + esc(labels[k]) + "\">" + std::to_string(k + 1) + "</span>";
    out += "<span>Text of " + esc(labels.back()) + "</span></div>\n";
    const auto& entries = h.lineage.back().paragraphs;
    for (const auto& e : entries) {
        // Ancestors at each version, newest to oldest.
        std::vector<std::vector<const lineage_entry*>> anc(n);
        std::vector<std::string> current{e.id};
        for (std::size_t v = n; v-- > 0 && !current.empty();) {
            std::vector<std::string> older;
            for (const auto& id : current) {
                const auto it = entry_of[v].find(id);
                if (it == entry_of[v].end()) continue;
                anc[v].push_back(it->second);
                for (const auto& p : it->second->predecessors) {
                    if (std::find(older.begin(), older.end(), p) == older.end()) older.push_back(p);
                }
            }
            current = std::move(older);
        }
        out += "<details class=\"para\" id=\"" + esc(e.id) + "\" style=\"--n:" + std::to_string(n) + "\"><summary><span class=\"pid\">" + esc(e.id) + "</span>";
        std::string changes;
        for (std::size_t v = 0; v < n; ++v) {
            cell_state st = cell_state::absent;
            if (!anc[v].empty()) {
                bool any_pred = false, changed = false, moved = false;
                for (const auto* le : anc[v]) {
                    any_pred = any_pred || !le->predecessors.empty();
                    changed = changed || le->text_changed;
                    moved = moved || le->moved;
                }
                st = !any_pred ? cell_state::added : changed ? cell_state::changed : moved ? cell_state::moved : cell_state::same;
            }
            std::string ids;
            for (const auto* le : anc[v]) ids += (ids.empty() ? "" : " + ") + le->id;
            out += "<span class=\"cell " + std::string(cell_class(st)) + "\" title=\"" + std::to_string(v + 1) + ". " + esc(labels[v]) + ": " +
                   cell_word(st) + (ids.empty() ? "" : " (" + esc(ids) + ")") + "\"></span>";
            if (v == 0 || (st != cell_state::changed && st != cell_state::moved && st != cell_state::added)) continue;
            std::set<std::size_t> units;
            for (const auto* le : anc[v]) {
                const auto it = unit_of[v].find(le->id);
                if (it != unit_of[v].end()) units.insert(it->second);
            }
            changes += "<div class=\"change\"><h3>" + std::to_string(v + 1) + ". " + esc(labels[v]) + ": " + cell_word(st);
            if (st != cell_state::added) {
                std::string from;
                for (const auto* le : anc[v]) {
                    for (const auto& p : le->predecessors) from += (from.empty() ? "" : " + ") + p;
                }
                changes += " (from " + esc(from) + " of " + esc(labels[v - 1]) + ")";
            }
            changes += "</h3>";
            std::vector<word_op> storage;
            for (const auto u : units) {
                changes += "<p>";
                // As the newer text reads: a change of spelling alone is not marked.
                for (const auto& op : spelling_as_equal(h.steps[v - 1].units[u].ops, op_kind::ins, storage)) {
                    if (op.op == op_kind::equal) detail::append_html_escaped(changes, op.text);
                    else if (op.op == op_kind::del) changes += "<del>" + esc(op.text) + "</del>";
                    else changes += "<ins>" + esc(op.text) + "</ins>";
                }
                changes += "</p>";
            }
            changes += "</div>";
        }
        const auto found = newest_para.find(e.id);
        const paragraph* p = found == newest_para.end() ? nullptr : found->second;
        out += "<span class=\"preview\">" + (p ? esc(p->text) : std::string()) + "</span></summary>\n<div class=\"changes\"><p class=\"origin\">First appeared in " +
               std::to_string(e.origin + 1) + ". " + esc(labels[e.origin]) + "; ";
        out += e.changed_in.empty() ? std::string("never changed since.") : "changed in " + std::to_string(e.changed_in.size()) + " version(s).";
        out += "</p>" + changes + "</div></details>\n";
    }

    std::string dropped;
    for (std::size_t k = 1; k < n; ++k) {
        for (const auto& d : h.lineage[k].dropped) {
            dropped += "<li>" + esc(d.id) + " of " + esc(labels[k - 1]) + " (there since " + esc(labels[d.origin]) + ") dropped in " +
                       esc(labels[k]) + "</li>\n";
        }
    }
    if (!dropped.empty()) out += "<h2>Dropped paragraphs</h2>\n<ul class=\"dropped\">\n" + dropped + "</ul>\n";
    out += "</section>\n";

    // Blame view.
    out += "<section id=\"blame\">\n<p>Each word of " + esc(labels.back()) +
           " tinted by the session of the version that introduced it.</p>\n<ul class=\"legend\">\n";
    for (std::size_t k = 0; k < n; ++k) {
        const auto key = key_of(h.versions[k]);
        out += "<li class=\"v" + std::to_string(k + 1) + "\" style=\"background:" + tint[k] + "\">" + std::to_string(k + 1) + ". " + esc(labels[k]);
        if (key.session) out += " (session " + std::to_string(key.session) + ")";
        out += "</li>\n";
    }
    out += "</ul>\n";
    const auto& blame = h.blame.back();
    for (const auto& pb : blame) {
        out += "<p class=\"bp\" id=\"blame-" + esc(pb.id) + "\"><b>" + esc(pb.id) + "</b> ";
        for (const auto& r : pb.runs) {
            out += "<span class=\"v" + std::to_string(r.version + 1) + "\" style=\"background:" + tint[r.version] + "\" title=\"" +
                   std::to_string(r.version + 1) + ". " + esc(labels[r.version]) + "\">";
            detail::append_html_escaped(out, r.text);
            out += "</span>";
        }
        out += "</p>\n";
    }
    out += "</section>\n</main>\n<script>" + std::string(script) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace resdiff
