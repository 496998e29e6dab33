// The Word redline: the new text as a .docx in which every change against the
// old text is a real tracked change (w:ins, w:del, author "resdiff"), the way a
// delegation submits a revised draft. Operative paragraphs and sub-paragraphs
// carry Word's automatic numbering, opening phrases are in italics, moved
// paragraphs are move ranges (w:moveFrom / w:moveTo), footnotes are Word
// footnotes with their own tracked changes.
//
// Invariant (tested): reading the file back with the accepted view gives the
// new text, with the original view the old text.
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "docx_package.hpp"
#include "modules.hpp"
#include "resdiff/diff.hpp"
#include "resdiff/render.hpp"

namespace resdiff {
namespace detail {

std::string write_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!src) throw std::runtime_error("cannot create a ZIP buffer");
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    if (!za) {
        zip_source_free(src);
        throw std::runtime_error("cannot create a ZIP archive");
    }
    zip_source_keep(src);
    // 2000-01-01 00:00 UTC: a fixed timestamp keeps the output deterministic.
    const time_t fixed = 946684800;
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        const zip_int64_t idx = s ? zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) {
            if (s) zip_source_free(s);
            zip_discard(za);
            zip_source_free(src);
            throw std::runtime_error("cannot add " + name + " to the ZIP archive");
        }
        zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), fixed, 0);
        zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        throw std::runtime_error("cannot write the ZIP archive");
    }
    std::string out;
    if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        if (size > 0) {
            out.resize(static_cast<std::size_t>(size));
            const zip_int64_t got = zip_source_read(src, out.data(), out.size());
            if (got != size) out.clear();
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    if (out.empty()) throw std::runtime_error("cannot read back the ZIP archive");
    return out;
}

}  // namespace detail

namespace {

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // XML 1.0 forbids most control characters; text is normalized, but be safe.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
                out += c;
        }
    }
    return out;
}

// "15 December 2025" -> "2025-12-15T00:00:00Z"; empty when not a date.
std::string iso_date(const std::string& text) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    std::istringstream in(text);
    int day = 0, year = 0;
    std::string month;
    if (!(in >> day >> month >> year)) return {};
    for (int m = 0; m < 12; ++m) {
        if (month == months[m] && day >= 1 && day <= 31 && year >= 1945 && year <= 9999) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", year, m + 1, day);
            return buf;
        }
    }
    return {};
}

// One Word paragraph of one side.
struct block {
    int level = -1;          // -1: unnumbered (preamble, plain); 0: operative paragraph; 1, 2, ...: sub-paragraphs
    std::string text;
    std::string lead;        // italic prefix of text ("" when none)
    std::vector<int> notes;  // footnote numbers referenced
};

void add_sub_blocks(const std::vector<subparagraph>& subs, int level, std::vector<block>& out) {
    for (const auto& s : subs) {
        block b;
        b.level = level;
        b.text = s.text;
        b.notes = s.footnotes;
        out.push_back(b);
        add_sub_blocks(s.children, level + 1, out);
    }
}

void collect_sub_notes(const std::vector<subparagraph>& subs, std::set<int>& out) {
    for (const auto& s : subs) {
        out.insert(s.footnotes.begin(), s.footnotes.end());
        collect_sub_notes(s.children, out);
    }
}

std::vector<block> blocks_of(const paragraph& p) {
    std::vector<block> out;
    block b;
    if (p.where == part::operative && !p.number.empty()) {
        b.level = 0;
        b.text = p.intro.empty() && p.subparagraphs.empty() ? p.text : p.intro;
    } else {
        b.text = p.text;
    }
    if (!p.lead.empty() && b.text.starts_with(p.lead)) b.lead = p.lead;
    std::set<int> in_subs;
    collect_sub_notes(p.subparagraphs, in_subs);
    for (const int n : p.footnotes) {
        if (!in_subs.count(n)) b.notes.push_back(n);
    }
    out.push_back(b);
    if (b.level == 0) add_sub_blocks(p.subparagraphs, 1, out);
    return out;
}

std::vector<const paragraph*> all_paragraphs(const document& d) {
    std::vector<const paragraph*> out;
    for (const auto& p : d.preamble) out.push_back(&p);
    for (const auto& p : d.operative) out.push_back(&p);
    return out;
}

// Where each footnote is first referenced: "PP3#0" (paragraph id, block index).
// Word gives a footnote one reference; later references to the same footnote
// (UN texts repeat "Geneva 2 and Tunis 4") are left out of the redline.
std::map<int, std::string> first_references(const document& d) {
    std::map<int, std::string> out;
    for (const auto* p : all_paragraphs(d)) {
        const auto blocks = blocks_of(*p);
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            for (const int n : blocks[k].notes) out.emplace(n, p->id + "#" + std::to_string(k));
        }
    }
    return out;
}

std::vector<block> blocks_of(const paragraph& p, const std::map<int, std::string>& first) {
    auto blocks = blocks_of(p);
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        const std::string key = p.id + "#" + std::to_string(k);
        auto& notes = blocks[k].notes;
        notes.erase(std::remove_if(notes.begin(), notes.end(),
                                   [&](int n) {
                                       const auto it = first.find(n);
                                       return it == first.end() || it->second != key;
                                   }),
                    notes.end());
    }
    return blocks;
}

std::set<std::string> words_of(const std::string& s) {
    std::set<std::string> out;
    std::string w;
    for (const char c : s + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) w += c;
        else if (!w.empty()) {
            out.insert(w);
            w.clear();
        }
    }
    return out;
}

double similarity(const block& a, const block& b) {
    const auto wa = words_of(a.text), wb = words_of(b.text);
    if (wa.empty() && wb.empty()) return a.text == b.text ? 1.0 : 0.0;
    std::size_t common = 0;
    for (const auto& w : wa) common += wb.count(w);
    return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

enum class mark { none, ins, del, move_from, move_to };

class writer {
public:
    writer(const comparison& cmp) : cmp_(cmp) {
        date_ = iso_date(cmp.new_doc.meta.adoption_date);
        if (date_.empty()) date_ = iso_date(cmp.new_doc.meta.distribution_date);
        if (date_.empty()) date_ = "2000-01-01T00:00:00Z";
        map_footnotes();
    }

    std::string document_xml();
    std::string footnotes_xml();

private:
    std::string attrs() { return " w:id=\"" + std::to_string(next_id_++) + "\" w:author=\"resdiff\" w:date=\"" + date_ + "\""; }

    static const char* wrapper(mark m) {
        switch (m) {
            case mark::ins: return "w:ins";
            case mark::del: return "w:del";
            case mark::move_from: return "w:moveFrom";
            case mark::move_to: return "w:moveTo";
            default: return nullptr;
        }
    }

    // One run of text, wrapped in a change when m != none.
    std::string run(std::string_view text, bool italic, mark m) {
        if (text.empty()) return {};
        const bool deleted = m == mark::del || m == mark::move_from;
        std::string r = "<w:r>";
        if (italic) r += "<w:rPr><w:i/></w:rPr>";
        r += deleted ? "<w:delText xml:space=\"preserve\">" : "<w:t xml:space=\"preserve\">";
        r += xml_escape(text);
        r += deleted ? "</w:delText></w:r>" : "</w:t></w:r>";
        if (const char* w = wrapper(m)) return "<" + std::string(w) + attrs() + ">" + r + "</" + w + ">";
        return r;
    }

    // A reference to footnote pair `pair` (1-based). Word gives every footnote
    // exactly one reference, so each reference gets its own footnote: a kept
    // reference the footnote with its text changes tracked, a deleted one the
    // old text, an inserted one the new text.
    std::string note_ref(int pair, mark m) {
        const auto& np = notes_[static_cast<std::size_t>(pair - 1)];
        const std::string o = np.old_note ? np.old_note->text : std::string();
        const std::string n = np.new_note ? np.new_note->text : std::string();
        const int id = static_cast<int>(note_bodies_.size()) + 1;
        std::string body = "<w:footnote w:id=\"" + std::to_string(id) + "\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                           "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
                           "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
        if (m == mark::del || m == mark::move_from) body += run(o, false, mark::none);
        else if (m == mark::ins || m == mark::move_to || o == n) body += run(n, false, mark::none);
        else {
            for (const auto& op : diff_words(o, n).ops)
                body += run(op.text, false, op.op == op_kind::del ? mark::del : op.op == op_kind::ins ? mark::ins : mark::none);
        }
        note_bodies_.push_back(body + "</w:p></w:footnote>");
        std::string r = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" +
                        std::to_string(id) + "\"/></w:r>";
        if (const char* w = wrapper(m)) return "<" + std::string(w) + attrs() + ">" + r + "</" + w + ">";
        return r;
    }

    std::string para_open(int level, mark m) {
        std::string p = "<w:p><w:pPr>";
        if (level >= 0) {
            p += "<w:pStyle w:val=\"Operative\"/><w:numPr><w:ilvl w:val=\"" + std::to_string(std::min(level, 2)) +
                 "\"/><w:numId w:val=\"1\"/></w:numPr>";
        } else {
            p += "<w:pStyle w:val=\"Preamble\"/>";
        }
        if (const char* w = wrapper(m)) p += "<w:rPr><" + std::string(w) + attrs() + "/></w:rPr>";
        p += "</w:pPr>";
        return p;
    }

    // Runs of one side's text, italic over the lead.
    std::string side_runs(const std::string& text, const std::string& lead, mark m) {
        const std::size_t n = lead.size();
        return run(std::string_view(text).substr(0, n), true, m) + run(std::string_view(text).substr(n), false, m);
    }

    std::string whole_block(const block& b, bool old_side, mark m) {
        std::string p = para_open(b.level, m);
        p += side_runs(b.text, b.lead, m);
        for (const int n : b.notes) {
            const int id = old_side ? old_note_id(n) : new_note_id(n);
            if (id > 0) p += note_ref(id, m == mark::move_from ? mark::del : m == mark::move_to ? mark::ins : m);
        }
        return p + "</w:p>";
    }

    std::string changed_block(const block& o, const block& n) {
        std::string p = para_open(n.level, mark::none);
        const auto ops = diff_words(o.text, n.text).ops;
        std::size_t opos = 0, npos = 0;
        for (const auto& op : ops) {
            const std::string& t = op.text;
            std::size_t& pos = op.op == op_kind::del ? opos : npos;
            const std::size_t lead = op.op == op_kind::del ? o.lead.size() : n.lead.size();
            const mark m = op.op == op_kind::del ? mark::del : op.op == op_kind::ins ? mark::ins : mark::none;
            const std::size_t italic_len = pos < lead ? std::min(lead - pos, t.size()) : 0;
            p += run(std::string_view(t).substr(0, italic_len), true, m);
            p += run(std::string_view(t).substr(italic_len), false, m);
            if (op.op == op_kind::equal) opos += t.size();
            pos += t.size();
        }
        std::vector<int> old_ids, new_ids;
        for (const int x : o.notes) old_ids.push_back(old_note_id(x));
        for (const int x : n.notes) new_ids.push_back(new_note_id(x));
        // Merge the two lists keeping each side's order (footnotes are numbered by it).
        auto has = [](const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); };
        std::size_t i = 0, j = 0;
        while (i < old_ids.size() || j < new_ids.size()) {
            if (i < old_ids.size() && j < new_ids.size() && old_ids[i] == new_ids[j]) {
                if (old_ids[i] > 0) p += note_ref(old_ids[i], mark::none);
                ++i, ++j;
            } else if (i < old_ids.size() && (j == new_ids.size() || !has(new_ids, old_ids[i]) || has(old_ids, new_ids[j]))) {
                if (old_ids[i] > 0) p += note_ref(old_ids[i], mark::del);
                ++i;
            } else {
                if (new_ids[j] > 0) p += note_ref(new_ids[j], mark::ins);
                ++j;
            }
        }
        return p + "</w:p>";
    }

    // Pairs the blocks of two sides (sub-paragraphs) by similarity, in order.
    std::string paired_blocks(const std::vector<block>& olds, const std::vector<block>& news) {
        const std::size_t a = olds.size(), b = news.size();
        std::vector<std::vector<double>> score(a + 1, std::vector<double>(b + 1, 0.0));
        for (std::size_t i = a; i-- > 0;) {
            for (std::size_t j = b; j-- > 0;) {
                const double s = similarity(olds[i], news[j]);
                double best = std::max(score[i + 1][j], score[i][j + 1]);
                if (s >= 0.3 || (i == 0 && j == 0)) best = std::max(best, score[i + 1][j + 1] + s + 0.01);
                score[i][j] = best;
            }
        }
        std::string out;
        std::size_t i = 0, j = 0;
        while (i < a || j < b) {
            if (i < a && j < b) {
                const double s = similarity(olds[i], news[j]);
                const bool can = s >= 0.3 || (i == 0 && j == 0);
                if (can && score[i][j] == score[i + 1][j + 1] + s + 0.01) {
                    out += olds[i].text == news[j].text && olds[i].notes == news[j].notes && olds[i].level == news[j].level
                               ? whole_block(news[j], false, mark::none)
                               : changed_block(olds[i], news[j]);
                    ++i;
                    ++j;
                    continue;
                }
                if (score[i][j] == score[i + 1][j]) {
                    out += whole_block(olds[i++], true, mark::del);
                    continue;
                }
                out += whole_block(news[j++], false, mark::ins);
                continue;
            }
            if (i < a) out += whole_block(olds[i++], true, mark::del);
            else out += whole_block(news[j++], false, mark::ins);
        }
        return out;
    }

    std::string moved(const std::vector<block>& blocks, bool from) {
        const int range = next_id_++;
        const std::string name = "move" + std::to_string(range);
        std::string out;
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            std::string p = whole_block(blocks[k], from, from ? mark::move_from : mark::move_to);
            const std::string tag = from ? "w:moveFrom" : "w:moveTo";
            if (k == 0) {
                const auto at = p.find("</w:pPr>") + 8;
                p.insert(at, "<" + tag + "RangeStart w:id=\"" + std::to_string(range) + "\" w:author=\"resdiff\" w:date=\"" +
                                 date_ + "\" w:name=\"" + name + "\"/>");
            }
            if (k + 1 == blocks.size()) {
                p.insert(p.size() - 6, "<" + tag + "RangeEnd w:id=\"" + std::to_string(range) + "\"/>");
            }
            out += p;
        }
        return out;
    }

    void map_footnotes();
    int old_note_id(int n) const {
        const auto it = old_note_.find(n);
        return it == old_note_.end() ? 0 : it->second;
    }
    int new_note_id(int n) const {
        const auto it = new_note_.find(n);
        return it == new_note_.end() ? 0 : it->second;
    }

    const comparison& cmp_;
    std::string date_;
    int next_id_ = 1;
    struct note_pair {
        const footnote* old_note = nullptr;
        const footnote* new_note = nullptr;
    };
    std::vector<note_pair> notes_;   // pairs of old and new footnotes; a pair's number is index + 1
    std::vector<std::string> note_bodies_;   // <w:footnote> elements, Word id = index + 1
    std::map<int, int> old_note_, new_note_;
};

void writer::map_footnotes() {
    std::map<int, const footnote*> olds, news;
    for (const auto& f : cmp_.old_doc.footnotes) olds[f.number] = &f;
    for (const auto& f : cmp_.new_doc.footnotes) news[f.number] = &f;
    std::set<int> used_old, used_new;
    auto add = [&](const footnote* o, const footnote* n) {
        notes_.push_back({o, n});
        const int id = static_cast<int>(notes_.size());
        if (o) old_note_[o->number] = id, used_old.insert(o->number);
        if (n) new_note_[n->number] = id, used_new.insert(n->number);
    };
    for (const auto& u : cmp_.result.footnotes) {
        const footnote* o = u.old_number && olds.count(u.old_number) && !used_old.count(u.old_number) ? olds[u.old_number] : nullptr;
        const footnote* n = u.new_number && news.count(u.new_number) && !used_new.count(u.new_number) ? news[u.new_number] : nullptr;
        if (o || n) add(o, n);
    }
    if (cmp_.result.footnotes.empty()) {
        // No footnote alignment given: the same text is the same footnote, then the same number.
        std::map<std::string, std::vector<int>> by_text;
        for (const auto& [num, f] : olds) by_text[f->text].push_back(num);
        for (const auto& [num, f] : news) {
            auto& same = by_text[f->text];
            while (!same.empty() && used_old.count(same.front())) same.erase(same.begin());
            if (!same.empty()) add(olds[same.front()], f);
        }
        for (const auto& [num, f] : news) {
            if (!used_new.count(num)) add(olds.count(num) && !used_old.count(num) ? olds[num] : nullptr, f);
        }
    }
    for (const auto& [num, f] : olds) {
        if (!used_old.count(num)) add(f, nullptr);
    }
    for (const auto& [num, f] : news) {
        if (!used_new.count(num)) add(nullptr, f);
    }
}

std::string writer::document_xml() {
    const auto& od = cmp_.old_doc;
    const auto& nd = cmp_.new_doc;
    std::string body;
    // Heading: symbol and title, with their changes.
    auto heading = [&](const std::string& o, const std::string& n, bool bold) {
        if (o.empty() && n.empty()) return;
        std::string p = "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(bold ? "Title" : "Symbol") + "\"/></w:pPr>";
        if (o == n) p += run(n, false, mark::none);
        else {
            for (const auto& op : diff_words(o, n).ops)
                p += run(op.text, false, op.op == op_kind::del ? mark::del : op.op == op_kind::ins ? mark::ins : mark::none);
        }
        body += p + "</w:p>";
    };
    // (A text without resolution structure is paragraphs only: a heading would join its first one.)
    if (nd.structured || od.structured) {
        heading(od.structured ? od.meta.symbol : "", nd.structured ? nd.meta.symbol : "", false);
        heading(od.structured ? od.meta.title : "", nd.structured ? nd.meta.title : "", true);
        body += "<w:p><w:pPr><w:pStyle w:val=\"Preamble\"/></w:pPr>" + run("The General Assembly,", true, mark::none) + "</w:p>";
    }
    const auto old_first = first_references(od);
    const auto new_first = first_references(nd);

    // Entries in the order of the new text; moved units are written twice (a
    // move-from range where they stood in the old text, a move-to range where
    // they stand now) so that both views keep their own order.
    const auto old_list = all_paragraphs(od);
    std::map<std::string, int> old_index;
    for (std::size_t i = 0; i < old_list.size(); ++i) old_index[old_list[i]->id] = static_cast<int>(i);
    struct entry {
        std::vector<block> olds, news;
        int old_pos = -1;   // index in the old text of its first paragraph
        bool from = false, to = false;
    };
    std::vector<entry> main;
    std::vector<entry> froms;
    std::set<std::string> seen_old, seen_new;
    int last_old = -1;
    for (const auto& u : cmp_.result.units) {
        entry e;
        for (const auto& id : u.old_ids) {
            if (const auto* p = find_paragraph(od, id); p && seen_old.insert(id).second) {
                const auto b = blocks_of(*p, old_first);
                e.olds.insert(e.olds.end(), b.begin(), b.end());
                if (e.old_pos < 0) e.old_pos = old_index[id];
            }
        }
        for (const auto& id : u.new_ids) {
            if (const auto* p = find_paragraph(nd, id); p && seen_new.insert(id).second) {
                const auto b = blocks_of(*p, new_first);
                e.news.insert(e.news.end(), b.begin(), b.end());
            }
        }
        if (e.olds.empty() && e.news.empty()) continue;
        const bool out_of_order = e.old_pos >= 0 && e.old_pos < last_old;
        if (!e.olds.empty() && !e.news.empty() && (u.moved || u.kind == unit_kind::moved || out_of_order)) {
            entry f;
            f.olds = std::move(e.olds);
            f.old_pos = e.old_pos;
            f.from = true;
            froms.push_back(std::move(f));
            e.old_pos = -1;
            e.to = true;
        } else if (out_of_order && e.news.empty()) {
            // a removed unit reported out of place: put it where it stood
            e.from = false;
            froms.push_back(std::move(e));
            continue;
        } else if (e.old_pos >= 0) {
            last_old = e.old_pos;
        }
        main.push_back(std::move(e));
    }
    // Paragraphs no unit mentioned (an incomplete alignment) still belong to their text.
    for (const auto* p : old_list) {
        if (!seen_old.count(p->id)) {
            entry e;
            e.olds = blocks_of(*p, old_first);
            e.old_pos = old_index[p->id];
            froms.push_back(std::move(e));
        }
    }
    for (const auto* p : all_paragraphs(nd)) {
        if (!seen_new.count(p->id)) {
            entry e;
            e.news = blocks_of(*p, new_first);
            main.push_back(std::move(e));
        }
    }
    // Insert the old-only entries before the first main entry that stood after them.
    std::stable_sort(froms.begin(), froms.end(), [](const entry& a, const entry& b) { return a.old_pos < b.old_pos; });
    std::vector<entry> ordered;
    std::size_t f = 0;
    for (auto& e : main) {
        while (f < froms.size() && e.old_pos >= 0 && froms[f].old_pos < e.old_pos) ordered.push_back(std::move(froms[f++]));
        ordered.push_back(std::move(e));
    }
    while (f < froms.size()) ordered.push_back(std::move(froms[f++]));

    for (const auto& e : ordered) {
        if (e.from && e.news.empty()) body += moved(e.olds, true);
        else if (e.to && e.olds.empty()) body += moved(e.news, false);
        else body += paired_blocks(e.olds, e.news);
    }

    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
           body +
           "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" "
           "w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

std::string writer::footnotes_xml() {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
        "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>";
    for (const auto& body : note_bodies_) out += body;
    return out + "</w:footnotes>";
}

const char* content_types =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
    "<Override PartName=\"/word/footnotes.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "</Types>";

const char* package_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

const char* document_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "</Relationships>";

const char* styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
    "w:cs=\"Times New Roman\"/><w:sz w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Symbol\"><w:name w:val=\"Document symbol\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:before=\"240\" w:after=\"240\"/><w:ind w:left=\"1247\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Preamble\"><w:name w:val=\"Preambular paragraph\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:ind w:left=\"1247\" w:firstLine=\"624\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Operative\"><w:name w:val=\"Operative paragraph\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\"/><w:ind w:left=\"1247\"/></w:pPr><w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
    "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
    "</w:styles>";

const char* numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"2268\"/></w:tabs><w:ind w:left=\"1247\" w:firstLine=\"624\"/></w:pPr></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"2268\"/></w:tabs><w:ind w:left=\"1247\" w:firstLine=\"624\"/></w:pPr></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"2552\"/></w:tabs><w:ind w:left=\"1247\" w:firstLine=\"624\"/></w:pPr></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

const char* settings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:trackRevisions/><w:defaultTabStop w:val=\"720\"/>"
    "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr></w:settings>";

// render_docx() of the library (modules.cpp) calls this through the module
// resdiff-docx.so, or directly when this file is linked in (the tests).
std::string write_redline(const comparison& cmp, const render_options&) {
    writer w(cmp);
    const std::string doc = w.document_xml();
    const std::string notes = w.footnotes_xml();
    return detail::write_zip({{"[Content_Types].xml", content_types},
                              {"_rels/.rels", package_rels},
                              {"word/document.xml", doc},
                              {"word/_rels/document.xml.rels", document_rels},
                              {"word/styles.xml", styles},
                              {"word/numbering.xml", numbering},
                              {"word/footnotes.xml", notes},
                              {"word/settings.xml", settings}});
}

[[maybe_unused]] const bool registered = (detail::register_docx_writer(&write_redline), true);

}  // namespace

}  // namespace resdiff
