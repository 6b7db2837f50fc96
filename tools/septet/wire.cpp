#include "wire.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <septet/septet.hpp>
#include <string>
#include <vector>

namespace septet_cli {
namespace {

/// The largest TP-UDL read after a ':': far above any real one (160 at most), so that a typo is
/// named here while real sizes are left to the decoder to judge.
constexpr unsigned long largest_udl_read = 1000;  // not a Sinch limit

auto to_hex(std::span<const std::uint8_t> bytes) -> std::string {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t b : bytes) {
    out += digits[b >> 4U];
    out += digits[b & 0xFU];
  }
  return out;
}

auto hex_value(char c) -> int {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

/// Hex digits (spaces ignored) to bytes, or nothing if a character is not hex or a digit is odd.
auto from_hex(std::string_view text) -> std::optional<std::vector<std::uint8_t>> {
  std::vector<std::uint8_t> bytes;
  int high = -1;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      continue;
    }
    const int v = hex_value(c);
    if (v < 0) {
      return std::nullopt;
    }
    if (high < 0) {
      high = v;
    } else {
      bytes.push_back(static_cast<std::uint8_t>(high * 16 + v));
      high = -1;
    }
  }
  if (high >= 0) {
    return std::nullopt;
  }
  return bytes;
}

auto fail(std::string_view message, bool json, std::ostream& out) -> exit_status {
  if (json) {
    out << nlohmann::ordered_json{{"error", {{"message", message}}}}.dump() << '\n';
  } else {
    std::fprintf(stderr, "septet: %.*s\n", static_cast<int>(message.size()), message.data());
  }
  return invalid_input;
}

auto describe(septet::result r) -> std::string {
  return std::string(septet::to_string(r.ec)) + " (" + std::string(septet::name(r.ec)) + ") at " +
         std::to_string(r.count);
}

/// A reassembly failure in the parts' own terms: "part 2 of 3 is missing" (the total from the
/// parts' concatenation IE), "part 2 of 3 arrived twice"; other errors as describe() says them.
auto describe_reassembly(septet::result r, const std::vector<septet::received_part>& parts)
    -> std::string {
  const bool missing = r.ec == septet::errc::missing_part;
  if (!missing && r.ec != septet::errc::duplicate_part) {
    return describe(r);
  }
  std::string of_total;
  for (const auto& p : parts) {
    const auto udh = p.udhi ? septet::parse_udh(p.user_data) : septet::outcome<septet::udh_info>{};
    if (udh.ok() && udh->concat) {
      of_total = " of " + std::to_string(udh->concat->total);
      break;
    }
  }
  return "part " + std::to_string(r.count) + of_total +
         (missing ? " is missing" : " arrived twice");
}

/// The parts read from the input: `buffers[i]` holds the octets of `parts[i]`, or `error` says
/// why the input cannot be read.
struct read_parts {
  std::vector<std::vector<std::uint8_t>> buffers;
  std::vector<septet::received_part> parts;
  std::string error;
};

/// The JSON that `septet encode --json` prints: exact, since it carries TP-UDL.
auto parts_from_json(std::string_view input, const decode_settings& settings) -> read_parts {
  read_parts read;
  const auto j = nlohmann::json::parse(input, nullptr, false);
  if (j.is_discarded() || !j.contains("parts") || !j["parts"].is_array()) {
    read.error = "input is not the JSON of septet encode --json";
    return read;
  }
  // Read field by field with type checks: a wrongly typed field is an error, not an abort.
  const auto string_field = [](const nlohmann::json& o, const char* key) -> std::string {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto coding = j.find("data_coding");
  if (coding == j.end() || !coding->is_number_unsigned() || coding->get<unsigned>() > 255) {
    read.error = "the JSON needs a data_coding of 0..255";
    return read;
  }
  for (const auto& p : j["parts"]) {
    if (!p.is_object()) {
      read.error = "each part must be an object";
      return read;
    }
    const std::string udh = string_field(p, "udh");
    auto bytes = from_hex(udh + string_field(p, "ud"));
    if (!bytes) {
      read.error = "a part's udh or ud is not hex";
      return read;
    }
    read.buffers.push_back(std::move(*bytes));
    septet::received_part in;
    in.data_coding = static_cast<std::uint8_t>(coding->get<unsigned>());
    in.udhi = !udh.empty();
    const auto udl = p.find("udl");
    in.udl = udl != p.end() && udl->is_number_unsigned() ? udl->get<std::size_t>()
                                                         : septet::unknown_length;
    in.form = settings.form;
    read.parts.push_back(in);
  }
  return read;
}

/// Whether the one part read starts with a UDH that holds a concatenation IE: under --udhi auto
/// it is then read as a part of a longer message (whose other parts are missing, unless it is
/// part 1 of 1), not as text that begins with the UDH's octets.
auto starts_with_concatenation(const std::vector<std::vector<std::uint8_t>>& buffers) -> bool {
  if (buffers.size() != 1) {
    return false;
  }
  const auto udh = septet::parse_udh(buffers.front());
  if (!udh.ok() || !udh->concat) {
    return false;
  }
  std::fprintf(stderr,
               "septet: the part starts with a concatenation UDH (part %u of %u): read as one "
               "(--udhi no reads it as text)\n",
               unsigned{udh->concat->sequence}, unsigned{udh->concat->total});
  return true;
}

/// One part a line, "HEX" or "HEX:UDL" (blank lines skipped): TP-UDL makes GSM 7-bit exact (a
/// final '@' and padding look alike).
auto parts_from_hex_lines(std::string_view input, const decode_settings& settings) -> read_parts {
  read_parts read;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= input.size()) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    const std::string_view line = input.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    const std::size_t colon = line.find(':');
    auto bytes = from_hex(line.substr(0, colon));
    std::size_t udl = septet::unknown_length;
    if (colon != std::string_view::npos) {
      const std::string digits(line.substr(colon + 1));
      char* end = nullptr;
      const unsigned long value = std::strtoul(digits.c_str(), &end, 10);
      if (digits.empty() || *end != '\0' || value > largest_udl_read) {
        read.error = "line " + std::to_string(line_number) + ": UDL after ':' is not a number";
        return read;
      }
      udl = value;
    }
    if (!bytes) {
      read.error = "line " + std::to_string(line_number) + " is not hex";
      if (line.starts_with("data_coding ") || line.starts_with("part ")) {
        read.error +=
            ": it is what 'septet encode' shows people; pipe 'septet encode --json' "
            "into 'septet decode' instead";
      }
      return read;
    }
    read.buffers.push_back(std::move(*bytes));
    septet::received_part in;
    in.data_coding = settings.data_coding;
    in.form = settings.form;
    in.udl = udl;
    read.parts.push_back(in);
  }
  const bool udhi = settings.udhi == udhi_mode::yes ||
                    (settings.udhi == udhi_mode::automatic &&
                     (read.parts.size() > 1 || starts_with_concatenation(read.buffers)));
  for (auto& p : read.parts) {
    p.udhi = udhi;
  }
  return read;
}

/// Without TP-UDL, seven zero bits at the end of packed GSM 7-bit data read as padding; says so
/// on stderr, since they could also have been a final '@'.
void warn_of_ambiguous_padding(const std::vector<septet::received_part>& parts) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& p = parts[i];
    if (p.udl != septet::unknown_length || p.form != septet::septet_form::packed ||
        septet::alphabet_of(p.data_coding) != septet::alphabet::gsm7) {
      continue;
    }
    const auto udh = p.udhi ? septet::parse_udh(p.user_data) : septet::outcome<septet::udh_info>{};
    if (!udh.ok()) {
      continue;  // reassembly reports the UDH
    }
    const auto payload = p.user_data.subspan(std::min(udh->size, p.user_data.size()));
    const std::size_t fill = septet::gsm7::fill_bits(udh->size);
    if (!payload.empty() && (payload.size() * 8 - fill) % 7 == 0 && (payload.back() >> 1U) == 0) {
      std::fprintf(stderr,
                   "septet: part on line %zu ends in 7 zero bits, read as padding; if it was a "
                   "final '@', give the TP-UDL as HEX:UDL\n",
                   i + 1);
    }
  }
}

}  // namespace

auto encode(std::string_view text, const encode_settings& settings, std::ostream& out)
    -> exit_status {
  const auto parts = septet::encode_parts(text, settings.options);
  if (!parts.ok()) {
    const septet::errc ec = parts.error().ec;
    const bool limit = ec == septet::errc::body_too_long || ec == septet::errc::too_many_parts;
    if (settings.json) {
      out << nlohmann::ordered_json{{"error",
                                     {{"code", septet::name(ec)},
                                      {"message", septet::to_string(ec)},
                                      {"byte_offset", parts.error().count}}}}
                 .dump()
          << '\n';
    } else {
      std::fprintf(stderr, "septet: %s at byte %zu\n", septet::to_string(ec).data(),
                   parts.error().count);
    }
    return limit ? over_limit : invalid_input;
  }
  const auto& first = parts->front();
  const auto encoding = first.data_coding == septet::data_coding_ucs2 ? "ucs2" : "gsm7";
  if (settings.json) {
    nlohmann::ordered_json j;
    j["data_coding"] = first.data_coding;
    j["encoding"] = encoding;
    auto list = nlohmann::ordered_json::array();
    for (const auto& p : parts.value()) {
      list.push_back({{"udh", to_hex(p.udh())},
                      {"ud", to_hex(p.user_data())},
                      {"udl", p.udl},
                      {"esm_class", p.esm_class},
                      {"octets", p.size},
                      {"text", std::string(text.substr(p.text.begin, p.text.end - p.text.begin))}});
    }
    j["parts"] = std::move(list);
    out << j.dump() << '\n';
    return ok;
  }
  char line[128];
  std::snprintf(line, sizeof line, "data_coding 0x%02X (%s), %zu part%s\n", first.data_coding,
                encoding, parts->size(), parts->size() == 1 ? "" : "s");
  out << line;
  std::size_t number = 0;
  for (const auto& p : parts.value()) {
    ++number;
    std::snprintf(line, sizeof line, "part %zu/%zu  esm_class 0x%02X  udl %zu  %zu octets\n",
                  number, parts->size(), p.esm_class, p.udl, p.size);
    out << line << "  udh " << (p.udh_size == 0 ? "-" : to_hex(p.udh())) << "\n  ud  "
        << to_hex(p.user_data()) << '\n';
  }
  return ok;
}

auto decode(std::string_view input, const decode_settings& settings, std::ostream& out)
    -> exit_status {
  const auto first_char = input.find_first_not_of(" \t\r\n");
  const bool json = first_char != std::string_view::npos && input[first_char] == '{';
  auto read = json ? parts_from_json(input, settings) : parts_from_hex_lines(input, settings);
  if (!read.error.empty()) {
    return fail(read.error, false, out);
  }
  auto& parts = read.parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    parts[i].user_data = read.buffers[i];
  }
  if (parts.empty()) {
    return fail("no parts on standard input", false, out);
  }
  warn_of_ambiguous_padding(parts);
  const auto text = septet::reassemble(parts);
  if (!text.ok()) {
    return fail(describe_reassembly(text.error(), parts), false, out);
  }
  out << text.value();
  if (settings.newline) {
    out << '\n';
  }
  return ok;
}

}  // namespace septet_cli
