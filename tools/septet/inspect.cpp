#include "inspect.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <septet/septet.hpp>
#include <string>
#include <utility>
#include <vector>

namespace septet_cli {
namespace {

constexpr std::string_view highlight_on = "\x1b[1;7;31m";
constexpr std::string_view highlight_off = "\x1b[0m";

auto code_point_label(char32_t cp) -> std::string {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

/// The bytes of the (valid) UTF-8 character at `offset`.
auto character_at(std::string_view text, std::size_t offset) -> std::string_view {
  const auto lead = static_cast<std::uint8_t>(text[offset]);
  return text.substr(offset, septet::detail::utf8_sequence_length(lead));
}

auto unit_name(septet::encoding e) -> std::string_view {
  return e == septet::encoding::gsm7 ? "septets" : "UTF-16 units";
}

/// C1 controls and bidirectional formatting characters, which would garble a terminal line.
auto is_terminal_hazard(char32_t cp) -> bool {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// `text` for a terminal: control characters escaped, non-GSM characters optionally highlighted.
auto printable(std::string_view text,
               std::size_t base,
               const std::vector<septet::non_gsm_character>& marks,
               bool color) -> std::string {
  std::string shown;
  auto mark = marks.begin();
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (mark != marks.end() && mark->offset < base + pos) {
      ++mark;
    }
    const std::string_view ch = character_at(text, pos);
    const bool marked = color && mark != marks.end() && mark->offset == base + pos;
    const auto byte = static_cast<unsigned char>(ch[0]);
    const char32_t cp = septet::detail::decode_utf8(ch.data(), ch.data() + ch.size()).code_point;
    if (marked) {
      shown += highlight_on;
    }
    if (byte == '\n') {
      shown += "\\n";
    } else if (byte == '\r') {
      shown += "\\r";
    } else if (byte == '\\') {
      shown += "\\\\";
    } else if (byte < 0x20 || byte == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
      shown += buffer;
    } else if (is_terminal_hazard(cp)) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\u{%04X}", static_cast<unsigned>(cp));
      shown += buffer;
    } else {
      shown += ch;
    }
    if (marked) {
      shown += highlight_off;
    }
    pos += ch.size();
  }
  return shown;
}

auto error_json(septet::result r) -> nlohmann::ordered_json {
  return {
      {"code", septet::name(r.ec)}, {"message", septet::to_string(r.ec)}, {"byte_offset", r.count}};
}

void print_json(std::string_view text,
                const septet::analysis& a,
                const std::vector<septet::result>& problems,
                const std::vector<septet::part>& parts,
                const std::vector<septet::non_gsm_character>& non_gsm,
                std::ostream& out) {
  nlohmann::ordered_json j;
  j["encoding"] = septet::to_string(a.encoding);
  j["characters"] = a.characters;
  j["units"] = a.units;
  j["parts"] = a.parts;
  j["units_remaining"] = a.units_remaining;
  j["utf16_units"] = a.utf16_units;
  j["capacity"] = {{"single_part", a.capacity.single_part}, {"per_part", a.capacity.per_part}};
  // Arrays are filled before insertion: ordered_json may move its members as keys are added.
  auto segments = nlohmann::ordered_json::array();
  auto segment_units = nlohmann::ordered_json::array();
  for (const auto& p : parts) {
    segments.push_back(std::string(text.substr(p.begin, p.end - p.begin)));
    segment_units.push_back(p.units);
  }
  j["segments"] = std::move(segments);
  j["segment_units"] = std::move(segment_units);
  auto listed = nlohmann::ordered_json::array();
  for (const auto& c : non_gsm) {
    listed.push_back({{"char", std::string(character_at(text, c.offset))},
                      {"code_point", code_point_label(c.code_point)},
                      {"byte_offset", c.offset}});
  }
  j["non_gsm"] = std::move(listed);
  j["within_limits"] = a.within_limits();
  auto errors = nlohmann::ordered_json::array();
  for (const auto& e : problems) {
    errors.push_back(error_json(e));
  }
  j["errors"] = std::move(errors);
  out << j.dump() << '\n';
}

void print_human(std::string_view text,
                 const septet::analysis& a,
                 const std::vector<septet::result>& problems,
                 const inspect_settings& settings,
                 const std::vector<septet::part>& parts,
                 const std::vector<septet::non_gsm_character>& non_gsm,
                 std::ostream& out) {
  const std::string_view unit = unit_name(a.encoding);
  out << "encoding         " << septet::to_string(a.encoding);
  if (a.first_non_gsm) {
    out << " (forced by " << a.non_gsm_count << " non-GSM character"
        << (a.non_gsm_count == 1 ? "" : "s") << ")";
  }
  out << "\ncharacters       " << a.characters << "\nunits            " << a.units << ' ' << unit
      << "\nparts            " << a.parts << " (" << a.capacity.single_part << " in one part, "
      << a.capacity.per_part << " per part when concatenated)"
      << "\nunits remaining  " << a.units_remaining << " in the last part"
      << "\nbody length      " << a.utf16_units << " UTF-16 units";
  if (settings.options.max_characters != 0) {
    out << " of " << settings.options.max_characters << " allowed";
  }
  out << "\nwithin limits    " << (a.within_limits() ? "yes" : "no");
  for (const auto& e : problems) {
    out << "\n  " << septet::to_string(e.ec) << " at byte " << e.count;
  }
  out << '\n';
  if (!non_gsm.empty()) {
    out << "\nnon-GSM characters\n";
    for (const auto& c : non_gsm) {
      out << "  " << code_point_label(c.code_point) << "  "
          << printable(character_at(text, c.offset), c.offset, non_gsm, settings.color) << "  byte "
          << c.offset << '\n';
    }
  }
  out << '\n';
  std::size_t number = 0;
  for (const auto& p : parts) {
    ++number;
    out << "part " << number << '/' << parts.size() << "  " << p.units << ' ' << unit << "  bytes ["
        << p.begin << ", " << p.end << ")\n  \""
        << printable(text.substr(p.begin, p.end - p.begin), p.begin, non_gsm, settings.color)
        << "\"\n";
  }
}

/// Every problem with `text`: its encoding error, or each limit it crosses, in text order.
auto problems_of(std::string_view text, const septet::analysis& a, const septet::options& opts)
    -> std::vector<septet::result> {
  if (!a.ok()) {
    return {a.status};
  }
  std::vector<septet::result> found;
  septet::options characters_only = opts;
  characters_only.max_parts = 0;
  septet::options parts_only = opts;
  parts_only.max_characters = 0;
  for (const auto& one : {characters_only, parts_only}) {
    const auto limit = septet::analyze(text, one).limits;
    if (!limit.ok()) {
      found.push_back(limit);
    }
  }
  if (found.size() == 2 && found[1].count < found[0].count) {
    std::swap(found[0], found[1]);
  }
  return found;
}

}  // namespace

auto inspect(std::string_view text, const inspect_settings& settings, std::ostream& out)
    -> exit_status {
  const septet::analysis a = septet::analyze(text, settings.options);
  const auto problems = problems_of(text, a, settings.options);
  if (!a.ok()) {
    std::fprintf(stderr, "septet: %s at byte %zu\n", septet::to_string(a.status.ec).data(),
                 a.status.count);
    if (settings.json) {  // the usual object, with the figures of the text before the error
      print_json(text, a, problems, {}, {}, out);
    }
    return invalid_input;
  }
  // Show every part even past a limit: the limit is reported, the text is never cut.
  septet::options unlimited = settings.options;
  unlimited.max_characters = 0;
  unlimited.max_parts = 0;
  const auto parts = septet::segment(text, unlimited);
  const auto non_gsm = septet::non_gsm_characters(text);
  if (settings.json) {
    print_json(text, a, problems, parts.value, non_gsm.value, out);
  } else {
    print_human(text, a, problems, settings, parts.value, non_gsm.value, out);
  }
  return a.within_limits() ? within_limits : over_limit;
}

}  // namespace septet_cli
