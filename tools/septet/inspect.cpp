#include "inspect.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
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
auto utf8_of(char32_t cp) -> std::string {
  std::string out(4, '\0');
  out.resize(septet::put_utf8(cp, out, 0));
  return out;
}

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

auto parts_phrase(const septet::analysis& a) -> std::string {
  return std::to_string(a.parts) + (a.encoding == septet::encoding::gsm7 ? " GSM" : " UCS-2") +
         (a.parts == 1 ? " part" : " parts");
}

auto replaced_count(const septet::transliteration& t) -> std::size_t {
  return t.replacements.size();
}

/// What transliteration did, or would do, as JSON.
auto transliteration_json(const septet::transliteration& t) -> nlohmann::ordered_json {
  auto replaced = nlohmann::ordered_json::array();
  for (const auto& r : t.replacements) {
    replaced.push_back({{"byte_offset", r.byte},
                        {"utf16_index", r.utf16},
                        {"code_point", code_point_label(r.from)},
                        {"to", std::string(r.to)},
                        {"kind", septet::to_string(r.kind)}});
  }
  return {
      {"applied", t.applied},
      {"replacements", std::move(replaced)},
      {"before", {{"encoding", septet::to_string(t.before.encoding)}, {"parts", t.before.parts}}},
      {"after", {{"encoding", septet::to_string(t.after.encoding)}, {"parts", t.after.parts}}}};
}

void print_json(std::string_view text,
                const septet::analysis& a,
                const std::vector<septet::result>& problems,
                const std::vector<septet::part>& parts,
                const std::vector<septet::non_gsm_character>& non_gsm,
                const std::optional<septet::transliteration>& transliterated,
                const septet::national_tables& national,
                std::ostream& out) {
  nlohmann::ordered_json j;
  j["encoding"] = septet::to_string(a.encoding);
  if (national.any()) {
    j["national"] = {{"locking", septet::to_string(national.locking)},
                     {"single_shift", septet::to_string(national.single_shift)},
                     {"udh_octets", national.udh_octets()}};
  }
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
  if (transliterated && !transliterated->replacements.empty()) {
    j["transliteration"] = transliteration_json(*transliterated);
  }
  out << j.dump() << '\n';
}

void print_human(std::string_view text,
                 const septet::analysis& a,
                 const std::vector<septet::result>& problems,
                 const inspect_settings& settings,
                 const std::vector<septet::part>& parts,
                 const std::vector<septet::non_gsm_character>& non_gsm,
                 const std::optional<septet::transliteration>& transliterated,
                 const septet::national_tables& national,
                 std::ostream& out) {
  const std::string_view unit = unit_name(a.encoding);
  out << "encoding         " << septet::to_string(a.encoding);
  if (a.first_non_gsm) {
    out << " (forced by " << a.non_gsm_count << " non-GSM character"
        << (a.non_gsm_count == 1 ? "" : "s") << ")";
  }
  if (national.any()) {
    out << "\nnational tables  locking shift " << septet::to_string(national.locking)
        << ", single shift " << septet::to_string(national.single_shift) << " (UDH +"
        << national.udh_octets() << " octets per part)";
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
  if (transliterated && transliterated->applied) {
    out << "transliterated   " << replaced_count(*transliterated) << " character"
        << (replaced_count(*transliterated) == 1 ? "" : "s") << ": "
        << parts_phrase(transliterated->before) << " before, "
        << parts_phrase(transliterated->after) << " now\n";
    for (const auto& r : transliterated->replacements) {
      out << "  " << code_point_label(r.from) << "  " << utf8_of(r.from) << " -> "
          << (r.to.empty() ? std::string("(deleted)") : std::string(r.to)) << "  ("
          << septet::to_string(r.kind) << ", byte " << r.byte << " of the input)\n";
    }
  } else if (transliterated && transliterated->after.parts < transliterated->before.parts) {
    const auto n = replaced_count(*transliterated);
    out << "suggestion       replace " << n << " character" << (n == 1 ? "" : "s") << " to go from "
        << parts_phrase(transliterated->before) << " to " << parts_phrase(transliterated->after)
        << " (--transliterate)\n";
  }
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

auto inspect(std::string_view input, const inspect_settings& settings, std::ostream& out)
    -> exit_status {
  std::string_view text = input;
  septet::analysis a = septet::analyze(text, settings.options);
  // Transliteration is worked out for every valid text, to suggest it; the text inspected only
  // changes when it was asked for.
  std::optional<septet::transliteration> transliterated;
  if (a.ok()) {
    transliterated =
        septet::transliterate(input,
                              settings.transliterate == transliterate_setting::if_fewer_parts
                                  ? septet::transliterate_mode::if_fewer_parts
                                  : septet::transliterate_mode::always,
                              settings.options);
    if (settings.transliterate == transliterate_setting::off) {
      transliterated->applied = false;
    } else if (transliterated->applied) {
      text = transliterated->text;
      a = septet::analyze(text, settings.options);
    }
  }
  septet::options opts = settings.options;
  if (a.ok() && !settings.national.empty()) {
    const auto choice = septet::choose_national_tables(text, settings.national, opts);
    opts.national = choice.tables;
    a = choice.result;
  }
  const auto problems = problems_of(text, a, opts);
  if (!a.ok()) {
    std::fprintf(stderr, "septet: %s at byte %zu\n", septet::to_string(a.status.ec).data(),
                 a.status.count);
    if (settings.json) {  // the usual object, with the figures of the text before the error
      print_json(text, a, problems, {}, {}, std::nullopt, {}, out);
    }
    return invalid_input;
  }
  // Show every part even past a limit: the limit is reported, the text is never cut.
  septet::options unlimited = opts;
  unlimited.max_characters = 0;
  unlimited.max_parts = 0;
  const auto parts = septet::segment(text, unlimited);
  const auto non_gsm = septet::non_gsm_characters(text, opts.national);
  if (settings.json) {
    print_json(text, a, problems, parts.value(), non_gsm.value(), transliterated, opts.national,
               out);
  } else {
    print_human(text, a, problems, settings, parts.value(), non_gsm.value(), transliterated,
                opts.national, out);
  }
  return a.within_limits() ? ok : over_limit;
}

void print_transliteration_table(std::ostream& out) {
  out << "# Transliteration table\n\n"
         "Generated by `septet transliteration-table` from `include/septet/transliteration.hpp`; "
         "a\n"
         "test checks that this file matches. `septet inspect --transliterate` and\n"
         "`septet::transliterate` replace each character on the left by the GSM text on the "
         "right,\n"
         "only when asked, and report every replacement. Characters not listed (emoji, CJK,\n"
         "Cyrillic, the zero-width joiner, ‹ ›) stay as they are. No space becomes two spaces, "
         "and\n"
         "no quotation mark becomes `<` or `>`.\n";
  const auto table = septet::transliteration_table();
  for (auto kind = septet::look_alike::quote; kind != septet::look_alike::full_width;
       kind = static_cast<septet::look_alike>(static_cast<int>(kind) + 1)) {
    out << "\n## " << septet::to_string(kind)
        << "\n\n| Code point | Character | Becomes |\n|---|---|---|\n";
    for (const auto& rule : table) {
      if (rule.kind != kind) {
        continue;
      }
      const bool unseen =
          kind == septet::look_alike::space || kind == septet::look_alike::invisible;
      // Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + string.
      std::string shown = unseen ? std::string("(") : utf8_of(rule.from);
      if (unseen) {
        shown.append(septet::to_string(kind)).append(")");
      }
      std::string to = rule.to.empty() ? "(deleted)" : rule.to == " " ? "one space" : "`";
      if (to == "`") {
        to.append(rule.to).append("`");
      }
      out << "| " << code_point_label(rule.from) << " | " << shown << " | " << to << " |\n";
    }
  }
  out << "\n## full_width\n\nU+FF01..U+FF5E (！ to ～) become U+0021..U+007E (`!` to `~`), except "
         "U+FF40 "
         "(｀): GSM has no backtick. Where the target is an extension character (`[`, `{`, `~`, "
         "...) it "
         "costs two septets.\n";
}

}  // namespace septet_cli
