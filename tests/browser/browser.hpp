// Driving headless Chromium from the browser tests: dump the DOM after the
// page's script ran, take a screenshot, read the PNG back.
#pragma once

#include <png.h>
#include <sys/wait.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace browser {

namespace fs = std::filesystem;

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (const char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    q += '\'';
    return q;
}

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs a shell command; returns its exit status.
inline int run(const std::string& command) {
    const int rc = std::system(command.c_str());
    if (rc == -1) return -1;
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

// A headless Chromium with a fresh profile per call, no network chatter, no sandbox
// (CI runs as root without a display).
class chromium {
public:
    explicit chromium(fs::path work) : work_(std::move(work)) { fs::create_directories(work_); }

    // The DOM after the page's scripts ran, serialized.
    std::string dump_dom(const fs::path& file, const std::string& fragment = "") {
        const fs::path out = work_ / ("dom-" + std::to_string(++calls_) + ".html");
        const std::string cmd = base() + " --dump-dom " + shell_quote(url(file, fragment)) + " >" +
                                shell_quote(out.string()) + " 2>>" + shell_quote((work_ / "chromium.log").string());
        if (run(cmd) != 0) throw std::runtime_error("chromium --dump-dom failed: see " + (work_ / "chromium.log").string());
        return slurp(out);
    }

    // A screenshot of the first screenful, as a PNG file.
    fs::path screenshot(const fs::path& file, const std::string& fragment = "", int width = 1400, int height = 1000) {
        const fs::path out = work_ / ("shot-" + std::to_string(++calls_) + ".png");
        const std::string cmd = base() + " --hide-scrollbars --window-size=" + std::to_string(width) + "," +
                                std::to_string(height) + " --screenshot=" + shell_quote(out.string()) + " " +
                                shell_quote(url(file, fragment)) + " >/dev/null 2>>" +
                                shell_quote((work_ / "chromium.log").string());
        if (run(cmd) != 0 || !fs::exists(out)) {
            throw std::runtime_error("chromium --screenshot failed: see " + (work_ / "chromium.log").string());
        }
        return out;
    }

private:
    fs::path work_;
    int calls_ = 0;

    std::string base() {
        const fs::path profile = work_ / ("profile-" + std::to_string(calls_));
        fs::remove_all(profile);
        return "timeout 60 " + shell_quote(RESDIFF_CHROMIUM) +
               " --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
               " --no-first-run --disable-sync --disable-extensions --disable-default-apps --mute-audio"
               " --virtual-time-budget=3000 --user-data-dir=" +
               shell_quote(profile.string());
    }

    static std::string url(const fs::path& file, const std::string& fragment) {
        std::string u = "file://" + fs::absolute(file).string();
        if (!fragment.empty()) u += "#" + fragment;
        return u;
    }
};

struct image_stats {
    std::size_t width = 0, height = 0;
    std::size_t colours = 0;          // distinct RGB values
    double non_white = 0.0;           // share of pixels that are not (near) white
};

inline image_stats png_stats(const fs::path& file) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, file.c_str())) throw std::runtime_error("not a PNG: " + file.string());
    img.format = PNG_FORMAT_RGB;
    std::vector<png_byte> buf(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, buf.data(), 0, nullptr)) {
        png_image_free(&img);
        throw std::runtime_error("cannot decode PNG: " + file.string());
    }
    image_stats s;
    s.width = img.width;
    s.height = img.height;
    std::set<std::uint32_t> colours;
    std::size_t non_white = 0;
    for (std::size_t i = 0; i + 2 < buf.size(); i += 3) {
        colours.insert(static_cast<std::uint32_t>(buf[i]) << 16 | static_cast<std::uint32_t>(buf[i + 1]) << 8 | buf[i + 2]);
        if (buf[i] < 240 || buf[i + 1] < 240 || buf[i + 2] < 240) ++non_white;
    }
    s.colours = colours.size();
    s.non_white = buf.empty() ? 0.0 : static_cast<double>(non_white) / static_cast<double>(buf.size() / 3);
    return s;
}

// What the rendered page shows, counted in a serialized DOM.
struct dom_counts {
    std::size_t deleted = 0;     // <del> in the old column (one per deletion)
    std::size_t inserted = 0;    // <ins> in the new column
    std::size_t moved = 0;       // change units tagged moved
    std::size_t changes = 0;     // change units
    std::size_t shown = 0;       // change units not hidden by the filter
    std::size_t shown_matching = 0;   // of those, carrying the filter's tag
};

inline dom_counts count_dom(const std::string& dom, const std::string& tag = "") {
    dom_counts c;
    const auto start = dom.find("<section class=\"units");
    if (start == std::string::npos) throw std::runtime_error("no units section in the DOM");
    const std::string part = dom.substr(start);
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto p = part.find(needle); p != std::string::npos; p = part.find(needle, p + 1)) ++n;
        return n;
    };
    c.deleted = count("<del") - count("<del class=\"x");
    c.inserted = count("<ins");
    static const std::regex unit_re("<section class=\"u chg[^>]*>");
    static const std::regex tags_re("data-t=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(part.begin(), part.end(), unit_re); it != std::sregex_iterator(); ++it) {
        const std::string open = (*it)[0].str();
        std::smatch m;
        std::string tags;
        if (std::regex_search(open, m, tags_re)) tags = " " + m[1].str() + " ";
        ++c.changes;
        if (tags.find(" moved ") != std::string::npos) ++c.moved;
        if (open.find(" hidden") == std::string::npos && open.find("data-ignored") == std::string::npos) {
            ++c.shown;
            if (!tag.empty() && tags.find(" " + tag + " ") != std::string::npos) ++c.shown_matching;
        }
    }
    return c;
}

}  // namespace browser
