// Word (.docx) input: word/document.xml (pugixml) from the ZIP package (libzip)
// as one paragraph per line, in the same line format as PDF input
// (docs/inputs.md):
//   - automatic numbering (w:numPr, directly or through the paragraph style)
//     is expanded to the printed label ("1.", "(a)", "(ii)") from numbering.xml;
//   - tracked changes: the accepted view by default (w:ins, w:moveTo kept,
//     w:del, w:moveFrom dropped), the original view with
//     ingest_options::docx_original (the reverse); a paragraph whose mark is
//     deleted in the view is joined to the next one, as Word does;
//   - footnote references become " N" markers, numbered in the order of the
//     view, and the footnotes (footnotes.xml) follow the body after a rule as
//     "N text" lines;
//   - the italic opening phrase of a paragraph is reported in
//     ingested_text::leads.
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "docx_package.hpp"
#include "ingest_formats.hpp"
#include "ingest_lines.hpp"

namespace resdiff::detail {

// ---------------------------------------------------------------- zip_reader

zip_reader::zip_reader(std::string_view bytes, std::string source, std::size_t max_entry_bytes)
    : source_(std::move(source)), max_entry_bytes_(max_entry_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) {
        zip_error_fini(&error);
        throw input_error(source_, "damaged Word file: cannot read its ZIP package");
    }
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!za) za = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!za) {
        zip_source_free(src);
        zip_error_fini(&error);
        throw input_error(source_, "damaged Word file: not a readable ZIP package");
    }
    zip_error_fini(&error);
    zip_ = za;
}

zip_reader::~zip_reader() {
    if (zip_) zip_discard(static_cast<zip_t*>(zip_));
}

std::optional<std::string> zip_reader::read(const std::string& name) const {
    auto* za = static_cast<zip_t*>(zip_);
    const zip_int64_t index = zip_name_locate(za, name.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        throw input_error(source_, "damaged Word file: cannot read " + name);
    if (st.size > max_entry_bytes_) throw input_error(source_, "Word file part " + name + " is larger than --max-input");
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
    if (!f) throw input_error(source_, "damaged Word file: cannot open " + name);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t got = out.empty() ? 0 : zip_fread(f, out.data(), out.size());
    zip_fclose(f);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) throw input_error(source_, "damaged Word file: " + name + " is truncated");
    return out;
}

namespace {

// ------------------------------------------------------------- XML helpers

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// A boolean property (<w:i/>, <w:i w:val="0"/>).
bool on(const pugi::xml_node& prop) {
    if (!prop) return false;
    const auto v = prop.attribute("w:val");
    if (!v) return true;
    const std::string s = v.value();
    return !(s == "0" || s == "false" || s == "off" || s == "none");
}

pugi::xml_document parse_xml(const std::string& text, const std::string& source, const std::string& part) {
    pugi::xml_document doc;
    const auto res = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!res) throw input_error(source, "damaged Word file: " + part + " is not well-formed XML (" + res.description() + ")");
    return doc;
}

// ------------------------------------------------------------- numbering

struct level_def {
    int start = 1;
    std::string fmt = "decimal";
    std::string text;   // "%1.", "(%2)"
};

std::string to_roman(int n, bool upper) {
    static const std::array<std::pair<int, const char*>, 13> table{{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                                   {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"},
                                                                   {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
    std::string out;
    if (n <= 0 || n > 3999) return std::to_string(n);
    for (const auto& [v, s] : table) {
        while (n >= v) {
            out += s;
            n -= v;
        }
    }
    if (upper) std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string to_letters(int n, bool upper) {
    if (n <= 0 || n > 26 * 30) return std::to_string(n);   // "aaaa…" past 30 letters is no label anyone prints
    // Word repeats the letter past z: aa, bb, ...
    const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
}

std::string format_number(int n, const std::string& fmt) {
    if (fmt == "lowerLetter") return to_letters(n, false);
    if (fmt == "upperLetter") return to_letters(n, true);
    if (fmt == "lowerRoman") return to_roman(n, false);
    if (fmt == "upperRoman") return to_roman(n, true);
    if (fmt == "none" || fmt == "bullet") return {};
    return std::to_string(n);
}

class numbering {
public:
    void load(const pugi::xml_node& root) {
        for (auto an : root.children("w:abstractNum")) {
            auto& levels = abstract_[an.attribute("w:abstractNumId").as_int()];
            for (auto lvl : an.children("w:lvl")) {
                level_def d;
                d.start = std::clamp(lvl.child("w:start").attribute("w:val").as_int(1), 0, 100000);
                if (auto f = lvl.child("w:numFmt")) d.fmt = f.attribute("w:val").value();
                d.text = lvl.child("w:lvlText").attribute("w:val").value();
                levels[lvl.attribute("w:ilvl").as_int()] = d;
            }
        }
        for (auto num : root.children("w:num")) {
            const int id = num.attribute("w:numId").as_int();
            nums_[id].abstract_id = num.child("w:abstractNumId").attribute("w:val").as_int();
            for (auto ov : num.children("w:lvlOverride")) {
                const int ilvl = ov.attribute("w:ilvl").as_int();
                if (auto so = ov.child("w:startOverride"))
                    nums_[id].start_override[ilvl] = std::clamp(so.attribute("w:val").as_int(1), 0, 100000);
            }
        }
    }

    // The printed label of the next paragraph of list numId at level ilvl.
    std::string next(int num_id, int ilvl) {
        const auto it = nums_.find(num_id);
        if (num_id == 0 || it == nums_.end()) return {};
        const auto ait = abstract_.find(it->second.abstract_id);
        if (ait == abstract_.end()) return {};
        const auto& levels = ait->second;
        auto& counters = counters_[num_id];
        auto start_of = [&](int lvl) {
            const auto so = it->second.start_override.find(lvl);
            if (so != it->second.start_override.end()) return so->second;
            const auto l = levels.find(lvl);
            return l == levels.end() ? 1 : l->second.start;
        };
        if (ilvl < 0 || ilvl > 8) return {};
        if (counters.count(ilvl)) counters[ilvl] = std::min(counters[ilvl] + 1, 1000000);
        else counters[ilvl] = start_of(ilvl);
        for (auto c = counters.begin(); c != counters.end();) {
            if (c->first > ilvl) c = counters.erase(c);
            else ++c;
        }
        const auto lit = levels.find(ilvl);
        if (lit == levels.end()) return {};
        if (lit->second.fmt == "bullet" || lit->second.fmt == "none") return {};
        std::string out;
        const std::string& text = lit->second.text;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
                const int lvl = text[i + 1] - '1';
                if (!counters.count(lvl)) counters[lvl] = start_of(lvl);
                const auto l = levels.find(lvl);
                out += format_number(counters[lvl], l == levels.end() ? "decimal" : l->second.fmt);
                ++i;
            } else {
                out += text[i];
            }
        }
        return out;
    }

private:
    struct num {
        int abstract_id = 0;
        std::map<int, int> start_override;
    };
    std::map<int, std::map<int, level_def>> abstract_;
    std::map<int, num> nums_;
    std::map<int, std::map<int, int>> counters_;
};

// Paragraph styles: numbering and italics they carry, following basedOn.
struct style_info {
    int num_id = -1;
    int ilvl = 0;
    bool italic = false;
    std::string based_on;
};

std::map<std::string, style_info> load_styles(const pugi::xml_node& root) {
    std::map<std::string, style_info> out;
    for (auto s : root.children("w:style")) {
        style_info info;
        if (auto np = s.child("w:pPr").child("w:numPr")) {
            info.num_id = np.child("w:numId").attribute("w:val").as_int(-1);
            info.ilvl = np.child("w:ilvl").attribute("w:val").as_int(0);
        }
        info.italic = on(s.child("w:rPr").child("w:i"));
        info.based_on = s.child("w:basedOn").attribute("w:val").value();
        out[s.attribute("w:styleId").value()] = info;
    }
    return out;
}

// ------------------------------------------------------------- paragraphs

struct piece {
    std::string text;
    bool italic = false;
    bool marker = false;   // a footnote reference, text holds the footnote id
};

struct para {
    std::vector<piece> pieces;
    bool mark_absent = false;   // paragraph mark deleted (accepted view) or inserted (original view)
    int num_id = -1;            // -1: none
    int ilvl = 0;
    bool style_italic = false;
};

class reader {
public:
    reader(bool original, const std::map<std::string, style_info>& styles) : original_(original), styles_(styles) {}

    // Paragraph `p` (w:p) as seen in the view.
    para read_paragraph(const pugi::xml_node& p) {
        para out;
        const auto ppr = p.child("w:pPr");
        const auto mark = ppr.child("w:rPr");
        if (original_ ? (mark.child("w:ins") || mark.child("w:moveTo")) : (mark.child("w:del") || mark.child("w:moveFrom")))
            out.mark_absent = true;
        // Numbering: direct, else through the style chain.
        if (auto np = ppr.child("w:numPr")) {
            out.num_id = np.child("w:numId").attribute("w:val").as_int(-1);
            out.ilvl = np.child("w:ilvl").attribute("w:val").as_int(0);
        }
        std::string style = ppr.child("w:pStyle").attribute("w:val").value();
        for (int depth = 0; depth < 10 && !style.empty(); ++depth) {
            const auto it = styles_.find(style);
            if (it == styles_.end()) break;
            if (out.num_id < 0 && it->second.num_id >= 0) {
                out.num_id = it->second.num_id;
                if (!ppr.child("w:numPr").child("w:ilvl")) out.ilvl = it->second.ilvl;
            }
            out.style_italic = out.style_italic || it->second.italic;
            style = it->second.based_on;
        }
        in_field_code_ = false;
        walk(p, out, true);
        return out;
    }

    // The text of a footnote (its paragraphs joined by a space).
    std::string read_note(const pugi::xml_node& fn) {
        std::string text;
        for (auto p : fn.children("w:p")) {
            para q = read_paragraph(p);
            std::string t;
            for (const auto& pc : q.pieces) {
                if (!pc.marker) t += pc.text;
            }
            if (!text.empty() && !t.empty()) text += ' ';
            text += t;
        }
        return text;
    }

private:
    void walk(const pugi::xml_node& node, para& out, bool visible, int depth = 0) {
        if (depth > 64) return;   // no real document nests runs this deep; a crafted one must not blow the stack
        for (auto c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            if (is(c, "w:pPr") || is(c, "w:rPr") || is(c, "w:pPrChange") || is(c, "w:rPrChange") ||
                is(c, "w:sectPr") || is(c, "w:proofErr") || is(c, "w:bookmarkStart") || is(c, "w:bookmarkEnd"))
                continue;
            if (is(c, "w:ins") || is(c, "w:moveTo")) {
                walk(c, out, visible && !original_, depth + 1);
            } else if (is(c, "w:del") || is(c, "w:moveFrom")) {
                walk(c, out, visible && original_, depth + 1);
            } else if (is(c, "w:r")) {
                run(c, out, visible);
            } else if (is(c, "mc:AlternateContent")) {
                if (auto fb = c.child("mc:Fallback")) walk(fb, out, visible, depth + 1);
            } else if (is(c, "w:drawing") || is(c, "w:pict") || is(c, "w:object")) {
                continue;
            } else {
                walk(c, out, visible, depth + 1);   // hyperlink, smartTag, sdt, sdtContent, fldSimple, customXml
            }
        }
    }

    void run(const pugi::xml_node& r, para& out, bool visible) {
        const auto rpr = r.child("w:rPr");
        bool italic = out.style_italic;
        if (auto i = rpr.child("w:i")) italic = on(i);
        const std::string rstyle = rpr.child("w:rStyle").attribute("w:val").value();
        if (!rstyle.empty()) {
            const auto it = styles_.find(rstyle);
            if (it != styles_.end() && it->second.italic && !rpr.child("w:i")) italic = true;
        }
        const bool hidden = on(rpr.child("w:vanish"));
        for (auto c : r.children()) {
            if (c.type() != pugi::node_element) continue;
            if (is(c, "w:fldChar")) {
                const std::string t = c.attribute("w:fldCharType").value();
                if (t == "begin") in_field_code_ = true;
                else if (t == "separate" || t == "end") in_field_code_ = false;
                continue;
            }
            if (!visible || hidden || in_field_code_) continue;
            std::string_view text;
            if (is(c, "w:t") || is(c, "w:delText")) {
                // w:delText only counts where deletions are shown (original view)
                if (is(c, "w:delText") && !original_) continue;
                text = c.text().get();
            } else if (is(c, "w:tab") || is(c, "w:ptab")) {
                text = "\t";
            } else if (is(c, "w:br") || is(c, "w:cr")) {
                text = " ";
            } else if (is(c, "w:noBreakHyphen")) {
                text = "-";
            } else if (is(c, "w:footnoteReference")) {
                out.pieces.push_back({c.attribute("w:id").value(), false, true});
                continue;
            } else {
                continue;   // softHyphen, footnoteRef (the mark inside a footnote), sym, drawings
            }
            if (text.empty()) continue;
            if (!out.pieces.empty() && !out.pieces.back().marker && out.pieces.back().italic == italic)
                out.pieces.back().text.append(text);
            else
                out.pieces.push_back({std::string(text), italic, false});
        }
    }

    bool original_;
    const std::map<std::string, style_info>& styles_;
    bool in_field_code_ = false;
};

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

}  // namespace

ingested_text read_docx(std::string_view bytes, const std::string& source, const ingest_options& options) {
    const zip_reader zip(bytes, source, options.max_input_bytes);
    const auto main_xml = zip.read("word/document.xml");
    if (!main_xml) throw input_error(source, "not a Word document: the package has no word/document.xml");
    const auto doc = parse_xml(*main_xml, source, "word/document.xml");
    const auto body = doc.child("w:document").child("w:body");
    if (!body) throw input_error(source, "damaged Word file: word/document.xml has no body");

    std::map<std::string, style_info> styles;
    if (const auto s = zip.read("word/styles.xml")) {
        const auto sdoc = parse_xml(*s, source, "word/styles.xml");
        styles = load_styles(sdoc.child("w:styles"));
    }
    numbering nums;
    if (const auto n = zip.read("word/numbering.xml")) {
        const auto ndoc = parse_xml(*n, source, "word/numbering.xml");
        nums.load(ndoc.child("w:numbering"));
    }
    std::map<std::string, pugi::xml_node> notes;
    pugi::xml_document fdoc;
    if (const auto f = zip.read("word/footnotes.xml")) {
        fdoc = parse_xml(*f, source, "word/footnotes.xml");
        for (auto fn : fdoc.child("w:footnotes").children("w:footnote")) {
            const std::string type = fn.attribute("w:type").value();
            if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
            notes[fn.attribute("w:id").value()] = fn;
        }
    }

    reader rd(options.docx_original, styles);
    // Every w:p of the body in order, tables and content controls included.
    std::vector<pugi::xml_node> paragraphs;
    struct collector : pugi::xml_tree_walker {
        std::vector<pugi::xml_node>* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_element && is(n, "w:p")) {
                // nested paragraphs (text boxes) are read with their parent's content walk skipped
                for (auto a = n.parent(); a; a = a.parent()) {
                    if (is(a, "w:p")) return true;
                }
                out->push_back(n);
            }
            return true;
        }
    } walker;
    walker.out = &paragraphs;
    const_cast<pugi::xml_node&>(body).traverse(walker);

    ingested_text out;
    out.type = file_type::docx;
    out.encoding = "DOCX";
    out.source = source;
    std::vector<std::string> note_order;   // footnote ids in the order of their references
    std::map<std::string, int> note_number;
    para pending;   // content carried over from paragraphs whose mark is absent in the view
    bool has_pending = false;
    bool body_started = false;   // after "The General Assembly,": paragraphs apart by an empty line
    for (const auto& node : paragraphs) {
        para p = rd.read_paragraph(node);
        if (has_pending) {
            pending.pieces.insert(pending.pieces.end(), p.pieces.begin(), p.pieces.end());
            pending.mark_absent = p.mark_absent;
            // Numbering follows the paragraph whose mark survives (the last one).
            pending.num_id = p.num_id;
            pending.ilvl = p.ilvl;
            p = std::move(pending);
            pending = para{};
            has_pending = false;
        }
        if (p.mark_absent) {
            pending = std::move(p);
            has_pending = true;
            continue;
        }
        // Text of the paragraph in the view.
        std::string text;
        std::string lead;
        bool lead_open = true;
        bool any_roman = false;
        for (const auto& pc : p.pieces) {
            if (pc.marker) {
                if (!notes.count(pc.text)) continue;
                if (!note_number.count(pc.text)) {
                    note_order.push_back(pc.text);
                    note_number[pc.text] = static_cast<int>(note_order.size());
                }
                if (!text.empty() && text.back() != ' ') text += ' ';   // standing alone: "issue, 1"
                text += std::to_string(note_number[pc.text]);
                lead_open = false;
                continue;
            }
            if (lead_open && pc.italic) lead += pc.text;
            else if (!blank(pc.text)) {
                if (!pc.italic) any_roman = true;
                lead_open = false;
            }
            text += pc.text;
        }
        if (blank(text)) continue;   // empty paragraphs (and unnumbered ones) carry nothing
        std::string label;
        if (p.num_id > 0) label = nums.next(p.num_id, p.ilvl);
        std::string line = label.empty() ? trim(text) : label + " " + trim(text);
        lead = any_roman ? trim(lead) : std::string();
        while (!lead.empty() && (lead.back() == ',' || lead.back() == ';' || lead.back() == ':')) lead = trim(lead.substr(0, lead.size() - 1));
        if (body_started) add_blank(out);
        add_wrapped(out, line, lead);
        if (line.rfind("The General Assembly", 0) == 0) body_started = true;
    }
    if (has_pending) {
        // A document ending with a deleted paragraph mark: keep what it held.
        std::string text;
        for (const auto& pc : pending.pieces) {
            if (!pc.marker) text += pc.text;
        }
        if (!blank(text)) {
            if (body_started) add_blank(out);
            add_wrapped(out, trim(text));
        }
    }
    if (!note_order.empty()) {
        add_blank(out);
        add_line(out, "_______________");
        for (const auto& id : note_order) add_wrapped(out, std::to_string(note_number[id]) + " " + trim(rd.read_note(notes[id])));
    }
    if (out.lines.empty()) throw input_error(source, "Word document has no text");
    return out;
}

namespace {

// Registers the reader when this file is loaded (module) or linked (tests).
[[maybe_unused]] const bool registered = (register_format_reader(file_type::docx, &read_docx), true);

}  // namespace

}  // namespace resdiff::detail
