#include "estimate.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <septet/septet.hpp>
#include <septet/sinch/campaign.hpp>
#include <septet/sinch/rules.hpp>
#include <sstream>
#include <string_view>
#include <thread>

#include "cli_io.hpp"
#include "csv_rows.hpp"
#include "in_order.hpp"
#include "nearest_name.hpp"
#include "numeric_option.hpp"

namespace septet_cli {
namespace {

/// Prices are kept in millionths, so that a million additions stay exact.
constexpr double micro = 1e6;

auto from_micros(std::int64_t value) -> double {
  return static_cast<double>(value) / micro;
}

/// Longest-prefix price lookup over dialling prefixes: a digit trie.
class price_table {
 public:
  void add(std::string_view prefix, std::int64_t price) {
    std::size_t node = 0;
    for (const char c : prefix) {
      const auto digit = static_cast<std::size_t>(c - '0');
      if (m_nodes[node].next[digit] == 0) {
        m_nodes[node].next[digit] = m_nodes.size();
        m_nodes.emplace_back();
      }
      node = m_nodes[node].next[digit];
    }
    m_nodes[node].price = price;
    m_nodes[node].prefix = std::string(prefix);
  }

  /// The price of the longest prefix of `digits` in the table, with that prefix.
  [[nodiscard]] auto find(std::string_view digits) const
      -> std::optional<std::pair<std::int64_t, const std::string*>> {
    std::optional<std::pair<std::int64_t, const std::string*>> best;
    std::size_t node = 0;
    for (const char c : digits) {
      node = m_nodes[node].next[static_cast<std::size_t>(c - '0')];
      if (node == 0) {
        break;
      }
      if (m_nodes[node].price) {
        best = {{*m_nodes[node].price, &m_nodes[node].prefix}};
      }
    }
    return best;
  }

  [[nodiscard]] auto empty() const -> bool {
    return m_nodes.size() == 1;
  }

 private:
  struct node {
    std::array<std::size_t, 10> next{};
    std::optional<std::int64_t> price;  // micro-units: sums stay exact
    std::string prefix;
  };
  std::vector<node> m_nodes{1};
};

/// JSON text of `j`; bytes of the input that are not UTF-8 (a Latin-1 cell) become U+FFFD
/// instead of an exception.
auto dump(const nlohmann::ordered_json& j) -> std::string {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// Prices by dialling prefix (longest wins) or by country. A country is found for each number
/// with libphonenumber, because calling codes are shared (+1: US, CA and the Caribbean; +7: RU
/// and KZ; +44: GB, GG, JE, IM). Read-only once loaded, so every thread asks the same one, and a
/// number's price depends on the number alone.
class pricing {
 public:
  void add_prefix(std::string_view prefix, std::int64_t price) {
    m_prefixes.add(prefix, price);
  }
  void add_country(std::string region, std::int64_t price) {
    if (m_regions_of_code.empty()) {
      index_calling_codes();
    }
    m_countries[std::move(region)] = price;
  }
  [[nodiscard]] auto empty() const -> bool {
    return m_prefixes.empty() && m_countries.empty();
  }
  /// The price of `digits` and what it was found by (a prefix, or a country code); without one,
  /// why not in `missing`.
  [[nodiscard]] auto find(std::string_view digits, std::string& missing) const
      -> std::optional<std::pair<std::int64_t, const std::string*>> {
    if (m_countries.empty()) {
      auto price = m_prefixes.find(digits);
      if (!price) {
        missing = "no prefix of the price list begins the number";
      }
      return price;
    }
    const auto region = region_of(digits);
    const auto found = m_countries.find(region);
    if (found != m_countries.end()) {
      return {{found->second, &found->first}};
    }
    if (region == "001") {
      missing = "a non-geographic number (no country to price it by)";
      return std::nullopt;
    }
    if (region != "ZZ") {
      missing = "no price for its country, " + region;
      return std::nullopt;
    }
    return calling_code_price(digits, missing);
  }

 private:
  /// The regions of every calling code, as libphonenumber lists them (the main one first).
  void index_calling_codes() {
    const auto* phone = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    constexpr int past_three_digits = 999 + 1;  // calling codes have one to three digits
    m_regions_of_code.resize(static_cast<std::size_t>(past_three_digits));
    for (int code = 1; code < past_three_digits; ++code) {
      std::list<std::string> regions;
      phone->GetRegionCodesForCountryCallingCode(code, &regions);
      m_regions_of_code[static_cast<std::size_t>(code)].assign(regions.begin(), regions.end());
    }
  }

  /// The calling code that begins `digits` and its regions, if one does (they are prefix-free).
  [[nodiscard]] auto calling_code_of(std::string_view digits) const
      -> std::optional<std::pair<std::string_view, const std::vector<std::string>*>> {
    std::size_t code = 0;
    for (std::size_t length = 1; length <= 3 && length <= digits.size(); ++length) {
      code = code * 10 + static_cast<std::size_t>(digits[length - 1] - '0');
      if (!m_regions_of_code[code].empty()) {
        return {{digits.substr(0, length), &m_regions_of_code[code]}};
      }
    }
    return std::nullopt;
  }

  /// The ISO region of an international number ("ZZ" if none). A calling code used by one
  /// region answers at once; a number under a shared code is parsed by libphonenumber.
  [[nodiscard]] auto region_of(std::string_view digits) const -> std::string {
    const auto code = calling_code_of(digits);
    if (code && code->second->size() == 1) {
      return code->second->front();
    }
    const auto* phone = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    std::string region = "ZZ";
    if (phone->Parse("+" + std::string(digits), "ZZ", &number) ==
        i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR) {
      phone->GetRegionCodeForNumber(number, &region);
    }
    return region;
  }

  /// For a number libphonenumber cannot place (an unassigned range, say): the price of its
  /// calling code's countries when those with a price all have the same, named by the first.
  [[nodiscard]] auto calling_code_price(std::string_view digits, std::string& missing) const
      -> std::optional<std::pair<std::int64_t, const std::string*>> {
    const auto code = calling_code_of(digits);
    if (!code) {
      missing = "no calling code begins the number";
      return std::nullopt;
    }
    std::optional<std::pair<std::int64_t, const std::string*>> price;
    for (const auto& region : *code->second) {
      const auto found = m_countries.find(region);
      if (found == m_countries.end()) {
        continue;
      }
      if (price && price->first != found->second) {
        missing = "libphonenumber finds no country for the number, and the countries of +" +
                  std::string(code->first) + " have different prices";
        return std::nullopt;
      }
      if (!price) {
        price = {found->second, &found->first};
      }
    }
    if (!price) {
      missing = "libphonenumber finds no country for the number, and no country of +" +
                std::string(code->first) + " has a price";
    }
    return price;
  }

  price_table m_prefixes;
  std::map<std::string, std::int64_t, std::less<>> m_countries;
  std::vector<std::vector<std::string>> m_regions_of_code;  // by calling code; empty: none
};

/// " (byte N)": where in the file a CSV syntax error is, if it is known.
auto at_byte(std::optional<std::size_t> offset, std::size_t from) -> std::string {
  return offset ? " (byte " + std::to_string(from + *offset) + ")" : std::string();
}

/// Reads `prefix,price` or `country,price` rows (header first); countries are ISO 3166 alpha-2
/// codes that libphonenumber knows. Prices are decimal numbers of at most a million; in a
/// ';'-separated file the decimal mark may be a comma.
auto load_prices(const std::string& path, pricing& prices, std::string& error) -> bool {
  // Read whole (price lists are small), so that a pipe works too: the delimiter is looked for
  // before the rows are parsed.
  std::ifstream file;
  if (auto failed = open_for_reading(path, file)) {
    error = "cannot read " + *failed;
    return false;
  }
  std::istringstream text(std::string(std::istreambuf_iterator<char>(file), {}));
  const char delimiter = delimiter_of(text.view());
  csv_rows rows(text, true, delimiter);
  std::vector<std::string> row;
  if (!rows.next(row) || row.size() < 2 || (row[0] != "prefix" && row[0] != "country") ||
      row[1] != "price") {
    error = path + ": the first row must be 'prefix,price' or 'country,price'";
    return false;
  }
  const bool by_country = row[0] == "country";
  const auto* phone = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  while (rows.next(row)) {
    const auto where = path + " row " + std::to_string(rows.row_number());
    if (row.size() != 2) {
      error = where + ": two fields expected, not " + std::to_string(row.size()) +
              (delimiter == ',' ? " (a price with a decimal comma goes in quotes, \"0,05\", or "
                                  "the fields are separated by ';')"
                                : "");
      return false;
    }
    if (delimiter == ';') {
      std::replace(row[1].begin(), row[1].end(), ',', '.');  // a decimal comma: "0,05"
    }
    // Plain decimals only: strtod would also take hexadecimal (0x10), exponents, inf and nan.
    const bool decimal = is_plain_decimal(row[1]);
    char* end = nullptr;
    const double price = decimal ? std::strtod(row[1].c_str(), &end) : -1.0;
    if (!decimal || *end != '\0' || price > 1e6) {
      error = where + ": '" + row[1] + "' is not a price";
      return false;
    }
    const std::int64_t micros = std::llround(price * micro);
    std::string prefix = row[0];
    if (by_country) {
      if (phone->GetCountryCodeForRegion(prefix) == 0) {
        error = where + ": '" + prefix + "' is not an ISO 3166 country libphonenumber knows";
        return false;
      }
      prices.add_country(prefix, micros);
      continue;
    }
    if (!prefix.empty() && prefix[0] == '+') {
      prefix.erase(0, 1);
    }
    if (!is_digits(prefix)) {
      error = where + ": '" + row[0] + "' is not a dialling prefix";
      return false;
    }
    prices.add_prefix(prefix, micros);
  }
  if (!rows.error().empty()) {
    error = path + " row " + std::to_string(rows.row_number() + 1) + ": " + rows.error() +
            at_byte(rows.error_offset(), 0);
    return false;
  }
  return true;
}

/// One CSV row as Sinch parameters: the row's cell for a key, else the --default, else nothing.
class row_parameters {
 public:
  row_parameters(const std::vector<std::string>& keys,
                 const std::map<std::string, std::string, std::less<>>& defaults)
      : m_keys(keys), m_defaults(defaults) {}

  void bind(const std::vector<std::string>* row) {
    m_row = row;
  }

  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn& /*recipient*/) const
      -> std::optional<std::string_view> {
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
      if (m_keys[i] == key) {
        const std::size_t column = i + 1;
        if (column < m_row->size() && !(*m_row)[column].empty()) {
          return (*m_row)[column];
        }
        break;
      }
    }
    const auto fallback = m_defaults.find(key);
    if (fallback != m_defaults.end()) {
      return fallback->second;
    }
    return std::nullopt;
  }

 private:
  const std::vector<std::string>& m_keys;
  const std::map<std::string, std::string, std::less<>>& m_defaults;
  const std::vector<std::string>* m_row = nullptr;
};

/// Row numbers in a batch's totals count from the batch's first row; merging adds the rows
/// before it.
struct failure_summary {
  static constexpr std::size_t most_examples = 20;  // the first few, so memory stays flat
  std::size_t count = 0;
  std::map<std::string, std::size_t> by_reason;
  std::vector<nlohmann::ordered_json> examples;

  void add(std::size_t row, std::string_view recipient, const std::string& reason) {
    ++count;
    ++by_reason[reason];
    if (examples.size() < most_examples) {
      examples.push_back({{"row", row}, {"recipient", recipient}, {"reason", reason}});
    }
  }

  /// Adds the failures of the batch that follows `rows_before` rows.
  void merge(const failure_summary& batch, std::size_t rows_before) {
    count += batch.count;
    for (const auto& [reason, n] : batch.by_reason) {
      by_reason[reason] += n;
    }
    for (const auto& example : batch.examples) {
      if (examples.size() == most_examples) {
        break;
      }
      examples.push_back(example);
      examples.back()["row"] = example["row"].get<std::size_t>() + rows_before;
    }
  }
};

/// The campaign's counts come from the library's campaign_estimate (the same as C++ callers and
/// the WebAssembly module get); the CLI adds prices, reasons with examples, and row numbers.
struct totals {
  septet::sinch::campaign_totals counted;
  std::int64_t cost = 0;                                                  // micro-units
  std::map<std::string, std::pair<std::size_t, std::int64_t>> by_prefix;  // prefix or country
  failure_summary failed;
  failure_summary unpriced;
  std::size_t long_values = 0;  ///< rows with a value over the older guide's 160 characters

  /// Adds the totals of the batch that follows `rows_before` rows.
  void merge(const totals& batch, std::size_t rows_before) {
    counted.merge(batch.counted);
    cost += batch.cost;
    for (const auto& [prefix, entry] : batch.by_prefix) {
      by_prefix[prefix].first += entry.first;
      by_prefix[prefix].second += entry.second;
    }
    failed.merge(batch.failed, rows_before);
    unpriced.merge(batch.unpriced, rows_before);
    long_values += batch.long_values;
  }
};

/// A duration as people read it: "0.4 s", "42 s", "5 min 3 s", "5 h 33 min", "2 d 4 h".
auto human_duration(double seconds) -> std::string {
  if (seconds < 10) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
  }
  constexpr double ten_thousand_days = 864e6;  // beyond that the figure means nothing
  const auto s = static_cast<std::uint64_t>(std::llround(std::min(seconds, ten_thousand_days)));
  char text[64];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%llu s", static_cast<unsigned long long>(s));
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%llu min %llu s", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  } else if (s < 86400) {
    std::snprintf(text, sizeof text, "%llu h %llu min", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60));
  } else {
    std::snprintf(text, sizeof text, "%llu d %llu h", static_cast<unsigned long long>(s / 86400),
                  static_cast<unsigned long long>(s / 3600 % 24));
  }
  return text;
}

/// Recipients by their number of parts, the numbers that occur ("256+": more than 255).
auto parts_histogram(const septet::sinch::campaign_totals& counted)
    -> std::vector<std::pair<std::string, std::size_t>> {
  std::vector<std::pair<std::string, std::size_t>> histogram;
  for (std::size_t parts = 0; parts < counted.recipients_by_parts.size(); ++parts) {
    if (const std::size_t n = counted.recipients_by_parts[parts]; n > 0) {
      histogram.emplace_back(
          std::to_string(parts) + (parts > septet::sinch::most_counted_parts ? "+" : ""), n);
    }
  }
  return histogram;
}

auto print_human(const totals& t, const estimate_settings& settings, bool priced, std::ostream& out)
    -> void {
  char line[256];
  std::snprintf(line, sizeof line,
                "recipients   %zu (%zu would fail)\nparts        %zu (%zu text, %zu unicode)\n",
                t.counted.recipients, t.failed.count, t.counted.parts(), t.counted.text_parts,
                t.counted.unicode_parts);
  out << line;
  if (priced) {
    std::snprintf(line, sizeof line, "cost         %.6g (%zu recipients without a price)\n",
                  from_micros(t.cost), t.unpriced.count);
    out << line;
  }
  if (settings.rate > 0) {
    std::snprintf(line, sizeof line, "send time    %s at %g parts/s\n",
                  human_duration(static_cast<double>(t.counted.parts()) / settings.rate).c_str(),
                  settings.rate);
    out << line;
  }
  const auto histogram = parts_histogram(t.counted);
  std::size_t widest = 1;
  for (const auto& [parts, count] : histogram) {
    widest = std::max(widest, count);
  }
  out << "\nparts per recipient\n";
  for (const auto& [parts, count] : histogram) {
    const auto bar =
        static_cast<std::size_t>(40.0 * static_cast<double>(count) / static_cast<double>(widest));
    std::snprintf(line, sizeof line, "  %3s  %10zu  ", parts.c_str(), count);
    out << line << std::string(std::max<std::size_t>(bar, 1), '#') << '\n';
  }
  if (priced && !t.by_prefix.empty()) {
    out << "\ncost by prefix or country\n";
    for (const auto& [prefix, entry] : t.by_prefix) {
      const std::string label = is_digits(prefix) ? "+" + prefix : prefix;
      std::snprintf(line, sizeof line, "  %-9s %10zu parts  %12.6g\n", label.c_str(), entry.first,
                    from_micros(entry.second));
      out << line;
    }
  }
  if (t.failed.count > 0) {
    out << "\nfailed recipients\n";
    for (const auto& [reason, count] : t.failed.by_reason) {
      out << "  " << count << "  " << reason << '\n';
    }
    for (const auto& e : t.failed.examples) {
      out << "  row " << e["row"] << "  " << e["recipient"].get<std::string>() << "  "
          << e["reason"].get<std::string>() << '\n';
    }
  }
  if (t.unpriced.count > 0) {
    out << "\nrecipients without a price (first " << t.unpriced.examples.size() << ")\n";
    for (const auto& e : t.unpriced.examples) {
      out << "  row " << e["row"] << "  " << e["recipient"].get<std::string>() << "  "
          << e["reason"].get<std::string>() << '\n';
    }
  }
}

/// Thrown inside estimate() for input it refuses; caught once, printed, exit status 2.
struct refused {
  std::string message;
};

using price_match = std::optional<std::pair<std::int64_t, const std::string*>>;
using defaults_map = std::map<std::string, std::string, std::less<>>;

/// A warning on stderr about input Sinch's older guide refused and its documents allow.
void warn_older_guide(const std::string& what) {
  std::fprintf(stderr,
               "septet: warning: %s: counted as Sinch's current documents allow (its older SMS "
               "guide refused it)\n",
               what.c_str());
}

/// The template, checked as Sinch checks a body (its own cap in the message).
auto read_template(const std::string& body) -> septet::message_template {
  const auto tmpl = septet::message_template::parse(body, septet::sinch::placeholders);
  if (!tmpl.ok()) {
    throw refused{"template: " + std::string(septet::to_string(tmpl.error().ec)) + " at byte " +
                  std::to_string(tmpl.error().count)};
  }
  septet::options cap;
  cap.max_parts = 0;
  const auto counted = septet::analyze(body, cap);
  if (!counted.ok()) {
    throw refused{"template: " + std::string(septet::to_string(counted.status.ec)) + " at byte " +
                  std::to_string(counted.status.count)};
  }
  if (!counted.limits.ok()) {
    throw refused{"template: longer than Sinch's " +
                  std::to_string(septet::sinch::max_body_characters) + " characters (" +
                  std::to_string(counted.utf16_units) + " UTF-16 units)"};
  }
  if (const auto strict = septet::check_template(body); !strict.ok()) {
    warn_older_guide("template: " + std::string(septet::to_string(strict.ec)) + " at byte " +
                     std::to_string(strict.count) + ", sent as written");
  }
  return tmpl.value();
}

auto read_defaults(const estimate_settings& settings) -> defaults_map {
  defaults_map defaults;
  for (const auto& [key, value] : settings.defaults) {
    const auto key_ok = septet::check_key(key, septet::sinch::placeholders);
    const auto value_ok = septet::parameter_table::check_value(value, septet::sinch::placeholders);
    if (!key_ok.ok() || !value_ok.ok()) {
      throw refused{"--default " + key + ": " +
                    std::string(septet::to_string(key_ok.ok() ? value_ok.ec : key_ok.ec))};
    }
    if (const auto strict = septet::parameter_table::check_value(value); !strict.ok()) {
      warn_older_guide("--default " + key + ": " + std::string(septet::to_string(strict.ec)));
    }
    defaults[key] = value;
  }
  return defaults;
}

/// The parameter keys named by the recipients' header row (after 'msisdn').
auto read_keys(csv_rows& rows, const std::string& path) -> std::vector<std::string> {
  std::vector<std::string> header;
  if (!rows.next(header) && !rows.error().empty()) {
    throw refused{path + " row 1: " + rows.error() + at_byte(rows.error_offset(), 0)};
  }
  if (header.empty()) {
    throw refused{path +
                  ": no header row; the first row names the columns: msisdn, then one "
                  "column per parameter key"};
  }
  const auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
  std::string first = header[0];
  std::transform(first.begin(), first.end(), first.begin(), lower);
  if (first != "msisdn") {
    throw refused{path + ": the first column of the header row must be 'msisdn', not '" +
                  header[0] + "'"};
  }
  const std::vector<std::string> keys(header.begin() + 1, header.end());
  for (auto key = keys.begin(); key != keys.end(); ++key) {
    if (!septet::check_key(*key, septet::sinch::placeholders).ok()) {
      throw refused{path + ": column '" + *key + "' is not a parameter key"};
    }
    if (const auto strict = septet::check_key(*key); !strict.ok()) {
      warn_older_guide(path + ": column '" + *key +
                       "': " + std::string(septet::to_string(strict.ec)));
    }
    if (std::find(keys.begin(), key, *key) != key) {
      throw refused{path + ": column '" + *key + "' appears twice"};
    }
  }
  return keys;
}

/// What happens to one row's recipient.
struct row_outcome {
  std::string status = "ok";
  std::size_t parts = 0;
  septet::encoding encoding = septet::encoding::gsm7;
  price_match price;
  std::string unpriced;     ///< why a sent recipient has no price
  bool long_value = false;  ///< a value over the older guide's 160 characters (sent)
};

/// A row the CLI refuses before Sinch's rule: more fields than the header, or a value that is not
/// text. Values over the older guide's 160 characters are sent, and noted in `long_value`.
auto row_refusal(const std::vector<std::string>& row,
                 const std::vector<std::string>& keys,
                 bool& long_value) -> std::optional<std::string> {
  if (row.size() > keys.size() + 1) {
    return "more_fields_than_the_header";
  }
  for (std::size_t column = 1; column < row.size(); ++column) {
    const auto value = septet::parameter_table::check_value(row[column]);
    long_value = long_value || value.ec == septet::errc::value_too_long;
    if (!value.ok() && value.ec != septet::errc::value_too_long) {
      return "invalid_value:" + keys[column - 1];
    }
  }
  return std::nullopt;
}

/// The row's number first, then its own problems, then Sinch's rule for a recipient, counted in
/// `campaign`.
auto judge_row(const std::vector<std::string>& row,
               const std::vector<std::string>& keys,
               const septet::outcome<septet::msisdn>& number,
               row_parameters& params,
               septet::sinch::campaign_estimate& campaign) -> row_outcome {
  row_outcome r;
  if (number.ok()) {
    if (auto refusal = row_refusal(row, keys, r.long_value)) {
      campaign.refuse();
      r.status = std::move(*refusal);
      return r;
    }
  }
  params.bind(&row);
  const auto one = campaign.add(number, params);
  if (!one.sent()) {
    r.status = std::string(one.reason());
    return r;
  }
  r.parts = one.verdict.counted.parts;
  r.encoding = one.verdict.counted.encoding;
  return r;
}

/// Prices a sent recipient, or notes why it has no price.
void price(totals& t, const row_outcome& r, std::size_t row_number, std::string_view digits) {
  if (!r.price) {
    t.unpriced.add(row_number, digits, r.unpriced);
    return;
  }
  const std::int64_t cost = static_cast<std::int64_t>(r.parts) * r.price->first;
  t.cost += cost;
  auto& entry = t.by_prefix[*r.price->second];
  entry.first += r.parts;
  entry.second += cost;
}

/// --per-recipient: one line per recipient, as CSV or (for .jsonl) JSON Lines. Lines are formatted
/// by whichever thread judged the row, and written in the input's order.
class per_recipient_file {
 public:
  explicit per_recipient_file(const std::string& path)
      : m_path(path), m_jsonl(path.ends_with(".jsonl")), m_wanted(!path.empty()) {
    if (path.empty()) {
      return;
    }
    m_file.open(path, std::ios::binary);
    if (!m_file) {
      throw refused{"cannot write " + path};
    }
    if (!m_jsonl) {
      m_file << "msisdn,parts,encoding,price,status\n";
    }
  }

  /// Read by the threads that judge rows while one writes: a field of its own, set once.
  [[nodiscard]] auto wanted() const -> bool {
    return m_wanted;
  }

  /// Appends the line of one recipient to `lines`.
  void format(std::string& lines, std::string_view shown, const row_outcome& r) const {
    const bool sent = r.status == "ok";
    const char* coding = r.encoding == septet::encoding::gsm7 ? "text" : "unicode";
    if (m_jsonl) {
      nlohmann::ordered_json j{{"msisdn", shown}, {"parts", r.parts}, {"status", r.status}};
      j["encoding"] = sent ? nlohmann::ordered_json(coding) : nullptr;
      j["price"] = r.price ? nlohmann::ordered_json(from_micros(r.price->first)) : nullptr;
      lines += dump(j);
      lines += '\n';
      return;
    }
    // A malformed MSISDN may hold commas or quotes: quote it for the CSV.
    lines += '"';
    for (const char c : shown) {
      lines += c;
      if (c == '"') {
        lines += '"';
      }
    }
    lines += "\",";
    lines += std::to_string(r.parts);
    lines += ',';
    lines += sent ? coding : "";
    lines += ',';
    if (r.price) {
      char price[32];
      std::snprintf(price, sizeof price, "%g", from_micros(r.price->first));
      lines += price;
    }
    lines += ',';
    lines += r.status;
    lines += '\n';
  }

  void write(std::string_view lines) {
    if (m_file.is_open()) {
      m_file.write(lines.data(), static_cast<std::streamsize>(lines.size()));
    }
  }

  void finish() {
    if (m_file.is_open() && !m_file.flush()) {
      throw refused{"cannot write " + m_path + ": " + std::strerror(errno)};
    }
  }

 private:
  std::string m_path;
  bool m_jsonl;
  bool m_wanted;
  std::ofstream m_file;
};

/// Progress on stderr once a second (checked after every batch), from the second second on:
/// on a terminal one line, rewritten, with the share of the file read and the time left;
/// elsewhere (a log) a line each time.
class progress_lines {
 public:
  progress_lines(bool on, std::size_t file_bytes)
      : m_on(on), m_terminal(isatty(STDERR_FILENO) == 1), m_file_bytes(file_bytes) {}
  progress_lines(const progress_lines&) = delete;
  auto operator=(const progress_lines&) -> progress_lines& = delete;
  ~progress_lines() {
    finish();
  }

  /// Clears the line on a terminal, so that what follows starts on a clean one.
  void finish() {
    if (m_shown && m_terminal) {
      std::fputs("\r\033[K", stderr);
    }
    m_shown = false;
  }

  void update(std::size_t recipients, std::size_t bytes_read) {
    const auto now = std::chrono::steady_clock::now();
    if (!m_on || now < m_next) {
      return;
    }
    m_next = now + std::chrono::seconds(1);
    m_shown = true;
    std::string share;
    if (m_file_bytes > 0 && bytes_read <= m_file_bytes) {
      const double done = static_cast<double>(bytes_read) / static_cast<double>(m_file_bytes);
      const double elapsed = std::chrono::duration<double>(now - m_start).count();
      share = ", " + std::to_string(static_cast<int>(done * 100)) + "% of the file, " +
              human_duration(elapsed * (1 - done) / std::max(done, 1e-9)) + " left";
    }
    std::fprintf(stderr, "%sseptet: %zu recipients%s%s", m_terminal ? "\r\033[K" : "", recipients,
                 share.c_str(), m_terminal ? "" : "\n");
  }

 private:
  bool m_on;
  bool m_terminal;
  bool m_shown = false;
  std::size_t m_file_bytes;  // 0: not known (a pipe)
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point m_next = m_start + std::chrono::seconds(1);
};

void print_json(const totals& t,
                const estimate_settings& settings,
                bool priced,
                std::ostream& out) {
  nlohmann::ordered_json j;
  j["recipients"] = t.counted.recipients;
  j["failed"] = t.failed.count;
  j["parts"] = t.counted.parts();
  j["parts_by_encoding"] = {{"text", t.counted.text_parts}, {"unicode", t.counted.unicode_parts}};
  j["cost"] = priced ? nlohmann::ordered_json(from_micros(t.cost)) : nullptr;
  j["send_seconds"] =
      settings.rate > 0
          ? nlohmann::ordered_json(static_cast<double>(t.counted.parts()) / settings.rate)
          : nullptr;
  auto histogram = nlohmann::ordered_json::object();
  for (const auto& [parts, count] : parts_histogram(t.counted)) {
    histogram[parts] = count;
  }
  j["parts_per_recipient"] = std::move(histogram);
  auto by_prefix = nlohmann::ordered_json::object();
  for (const auto& [prefix, entry] : t.by_prefix) {
    by_prefix[prefix] = {{"parts", entry.first}, {"cost", from_micros(entry.second)}};
  }
  j["cost_by_prefix"] = std::move(by_prefix);
  j["failures"] = {{"by_reason", t.failed.by_reason}, {"examples", t.failed.examples}};
  j["unpriced"] = {{"count", t.unpriced.count}, {"examples", t.unpriced.examples}};
  out << dump(j) << '\n';
}

/// Consecutive whole records of the recipients' CSV, parsed and judged together.
struct row_batch {
  std::string text;
  std::size_t offset = 0;      ///< of text in the input
  std::size_t bytes_read = 0;  ///< of the input, up to the end of text
  totals counted;              ///< its rows numbered from 1
  std::string per_recipient_lines;
  std::string error;                        ///< why the parse of text stopped early, if it did
  std::optional<std::size_t> error_offset;  ///< where in text, for an error of the CSV's syntax
};

/// Beyond what two threads writing to their own data may share (x86-64 and AArch64 lines are 64
/// bytes; Apple's are 128).
constexpr std::size_t cache_line_bytes = 128;

/// A batch holds at least this many bytes of the CSV (about 2500 recipients): enough for the
/// hand-over between threads to cost little, little enough for a batch to stay in the cache of
/// the core that parses and judges it (1 MB batches were 1.4 times slower).
constexpr std::size_t batch_bytes = 1U << 16U;

/// What one thread judges rows with: its parameters (bound to each row in turn) and its CSV
/// parser. Each on its own cache lines, since they are written for every row.
struct alignas(cache_line_bytes) row_judge {
  row_judge(const pricing& prices_, row_parameters params_, char delimiter_)
      : prices(&prices_),
        params(std::move(params_)),
        delimiter(delimiter_),
        rows(text, false, delimiter) {}
  row_judge(const row_judge& other) : row_judge(*other.prices, other.params, other.delimiter) {}
  row_judge(row_judge&&) = delete;
  auto operator=(const row_judge&) -> row_judge& = delete;
  auto operator=(row_judge&&) -> row_judge& = delete;
  ~row_judge() = default;

  const pricing* prices;  ///< shared by every thread, read-only
  row_parameters params;
  char delimiter;
  std::istringstream text;  ///< the batch being parsed
  csv_rows rows;            ///< its parser, whose buffers serve every batch
  std::vector<std::string> row;
};

/// Everything the threads share, read-only, to judge a row.
struct judging_rules {
  septet::message_template tmpl;
  std::vector<std::string> keys;
  septet::options counting;
  std::size_t max_parts;
};

void judge_batch(row_batch& batch,
                 row_judge& judge,
                 const judging_rules& rules,
                 const per_recipient_file& per_recipient) {
  auto& t = batch.counted;
  t = totals{};
  batch.per_recipient_lines.clear();
  judge.text.str(std::move(batch.text));
  judge.text.clear();
  auto& rows = judge.rows;
  rows.restart(judge.text);
  auto& row = judge.row;
  septet::sinch::campaign_estimate campaign(rules.tmpl, rules.counting, rules.max_parts);
  while (rows.next(row)) {
    const std::string_view raw = row.empty() ? std::string_view{} : std::string_view(row[0]);
    const auto number = septet::parse_msisdn(raw);
    auto r = judge_row(row, rules.keys, number, judge.params, campaign);
    const std::size_t row_number = campaign.totals().recipients;
    const bool sent = r.status == "ok";
    const bool priced = !judge.prices->empty();
    if (sent && priced) {
      r.price = judge.prices->find(number->digits(), r.unpriced);
      price(t, r, row_number, number->digits());
    }
    if (!sent) {
      t.failed.add(row_number, raw, r.status);
    }
    if (per_recipient.wanted()) {
      per_recipient.format(batch.per_recipient_lines, number.ok() ? number->digits() : raw, r);
    }
    t.long_values += r.long_value ? 1 : 0;
  }
  t.counted = campaign.totals();
  batch.error = rows.error();
  batch.error_offset = rows.error_offset();
  batch.text = std::move(judge.text).str();  // its buffer serves the next read
}

/// The recipients' header row, read from the start of their CSV.
/// The recipients' CSV as its header row gives it: its delimiter and its parameter keys.
struct recipients_header {
  char delimiter = ',';
  std::vector<std::string> keys;
};

auto read_header(csv_record_pieces& pieces, const std::string& path) -> recipients_header {
  // The first record, with the blank lines before it (which the CSV parser skips).
  std::string first_record;
  for (std::string piece; pieces.next(1, piece);) {
    first_record += piece;
    if (first_record.find_first_not_of("\r\n\xEF\xBB\xBF") != std::string::npos) {
      break;
    }
  }
  recipients_header header;
  header.delimiter = delimiter_of(first_record);
  std::istringstream text(std::move(first_record));
  csv_rows rows(text, true, header.delimiter);
  header.keys = read_keys(rows, path);
  return header;
}

/// Warns of what makes every recipient fail, or a column count for nothing: a placeholder that
/// no column and no --default gives a value (with the column likely meant), a column that no
/// placeholder names.
void warn_of_unmatched_columns(const septet::message_template& tmpl,
                               const std::vector<std::string>& columns,
                               const defaults_map& defaults,
                               const std::string& path) {
  const auto has = [](const std::vector<std::string>& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  std::vector<std::string> keys;  // each once, in the template's order
  tmpl.for_each_piece([](std::string_view) {},
                      [&](std::string_view key, std::size_t) {
                        if (!has(keys, key)) {
                          keys.emplace_back(key);
                        }
                      });
  std::vector<std::string> unused;
  for (const auto& column : columns) {
    if (!has(keys, column)) {
      unused.push_back(column);
    }
  }
  for (const auto& key : keys) {
    if (has(columns, key) || defaults.contains(key)) {
      continue;
    }
    std::string warning = "septet: warning: ${" + key + "} has no column in " + path +
                          " and no --default: every recipient fails (unmatched_parameter)";
    if (const auto meant = nearest_name(key, unused)) {
      warning +=
          "; is column '" + *meant + "' meant to be '" + key + "'? (keys are case sensitive)";
    }
    std::fprintf(stderr, "%s\n", warning.c_str());
  }
  for (const auto& column : unused) {
    std::fprintf(stderr,
                 "septet: warning: column '%s' of %s is not a placeholder of the template\n",
                 column.c_str(), path.c_str());
  }
}

/// How many threads judge rows: --jobs, or every core.
auto thread_count(std::size_t jobs) -> std::size_t {
  return jobs != 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
}

/// Reads, judges and tallies every recipient row. Batches of rows are read by one thread at a
/// time, parsed and judged on every thread, and tallied and written in the input's order.
auto estimate_rows(const estimate_settings& settings) -> std::pair<totals, bool> {
  auto tmpl = read_template(settings.template_body);
  pricing prices;
  std::string error;
  if (!settings.prices_path.empty() && !load_prices(settings.prices_path, prices, error)) {
    throw refused{error};
  }
  const auto defaults = read_defaults(settings);
  std::ifstream file;
  if (auto failed = open_for_reading(settings.recipients_path, file)) {
    throw refused{"cannot read " + *failed};
  }
  csv_record_pieces pieces(file);
  auto header = read_header(pieces, settings.recipients_path);
  warn_of_unmatched_columns(tmpl, header.keys, defaults, settings.recipients_path);
  const judging_rules rules{std::move(tmpl), std::move(header.keys),
                            septet::sinch::uncapped(settings.options), settings.max_parts};
  per_recipient_file per_recipient(settings.per_recipient_path);
  progress_lines progress(settings.progress, file_size(settings.recipients_path));
  const std::size_t threads = thread_count(settings.jobs);
  std::vector<row_judge> judges(
      threads, row_judge{prices, row_parameters(rules.keys, defaults), header.delimiter});
  totals t;
  const bool priced = !prices.empty();
  const auto read = [&](row_batch& batch) {
    batch.offset = pieces.bytes_handed_out();
    const bool more = pieces.next(batch_bytes, batch.text);
    batch.bytes_read = pieces.bytes_handed_out();
    return more;
  };
  const auto judge = [&](row_batch& batch, std::size_t thread) {
    judge_batch(batch, judges[thread], rules, per_recipient);
  };
  const auto merge = [&](row_batch& batch) {
    t.merge(batch.counted, t.counted.recipients + 1);  // the header is row 1
    per_recipient.write(batch.per_recipient_lines);
    progress.update(t.counted.recipients, batch.bytes_read);
    if (!batch.error.empty()) {
      throw refused{settings.recipients_path + " row " + std::to_string(t.counted.recipients + 2) +
                    ": " + batch.error + at_byte(batch.error_offset, batch.offset)};
    }
  };
  run_in_order<row_batch>(threads, read, judge, merge);
  progress.finish();
  per_recipient.finish();
  if (t.long_values > 0) {
    warn_older_guide(std::to_string(t.long_values) + (t.long_values == 1 ? " row" : " rows") +
                     " with a value over " + std::to_string(septet::max_value_length) +
                     " characters");
  }
  return {std::move(t), priced};
}

}  // namespace

auto estimate(const estimate_settings& settings, std::ostream& out) -> exit_status {
  try {
    const auto [t, priced] = estimate_rows(settings);
    if (settings.json) {
      print_json(t, settings, priced, out);
    } else {
      print_human(t, settings, priced, out);
    }
    return t.failed.count == 0 ? ok : over_limit;
  } catch (const refused& r) {
    std::fprintf(stderr, "septet: %s\n", r.message.c_str());
    return invalid_input;
  }
}

}  // namespace septet_cli
