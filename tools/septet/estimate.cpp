#include "estimate.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <septet/septet.hpp>
#include <septet/sinch/rules.hpp>
#include <string_view>
#include <unordered_map>

#include "cli_io.hpp"
#include "csv_rows.hpp"
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

auto is_digits(std::string_view text) -> bool {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

/// Prices by dialling prefix (longest wins) or by country. A country is found for each number
/// with libphonenumber, because calling codes are shared (+1: US, CA and the Caribbean; +7: RU
/// and KZ; +44: GB, GG, JE, IM).
class pricing {
 public:
  void add_prefix(std::string_view prefix, std::int64_t price) {
    m_prefixes.add(prefix, price);
  }
  void add_country(std::string region, std::int64_t price) {
    m_countries[std::move(region)] = price;
  }
  [[nodiscard]] auto empty() const -> bool {
    return m_prefixes.empty() && m_countries.empty();
  }
  /// The price of `digits` and what it was found by (a prefix, or a country code).
  [[nodiscard]] auto find(std::string_view digits)
      -> std::optional<std::pair<std::int64_t, const std::string*>> {
    if (m_countries.empty()) {
      return m_prefixes.find(digits);
    }
    const auto found = m_countries.find(region_of(digits));
    if (found == m_countries.end()) {
      return std::nullopt;
    }
    return {{found->second, &found->first}};
  }

 private:
  /// The ISO region of an international number ("ZZ" if none). A calling code used by one
  /// region answers at once; numbers under a shared code are parsed by libphonenumber, cached by
  /// their first 8 digits (numbering plans hand out regions by leading digits).
  auto region_of(std::string_view digits) -> std::string {
    const auto* phone = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    for (std::size_t length = 1; length <= 3 && length <= digits.size(); ++length) {
      const int code = std::stoi(std::string(digits.substr(0, length)));
      const auto single = m_single_region.find(code);
      if (single != m_single_region.end()) {
        if (!single->second.empty()) {
          return single->second;
        }
        break;  // a shared code: look at the number
      }
      std::list<std::string> regions;
      phone->GetRegionCodesForCountryCallingCode(code, &regions);
      if (regions.empty()) {
        continue;  // not a calling code yet: calling codes are prefix-free
      }
      m_single_region[code] = regions.size() == 1 ? regions.front() : std::string();
      if (regions.size() == 1) {
        return regions.front();
      }
      break;
    }
    const std::string key(digits.substr(0, 8));
    const auto cached = m_region_cache.find(key);
    if (cached != m_region_cache.end()) {
      return cached->second;
    }
    i18n::phonenumbers::PhoneNumber number;
    std::string region = "ZZ";
    if (phone->Parse("+" + std::string(digits), "ZZ", &number) ==
        i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR) {
      phone->GetRegionCodeForNumber(number, &region);
    }
    if (m_region_cache.size() > 100000) {
      m_region_cache.clear();  // keep memory flat on huge, scattered lists
    }
    m_region_cache.emplace(key, region);
    return region;
  }

  price_table m_prefixes;
  std::map<std::string, std::int64_t, std::less<>> m_countries;
  std::map<int, std::string> m_single_region;  // calling code -> its one region, or "" if shared
  std::unordered_map<std::string, std::string> m_region_cache;
};

/// Reads `prefix,price` or `country,price` rows (header first); countries are ISO 3166 alpha-2
/// codes that libphonenumber knows. Prices are decimal numbers of at most a million.
auto load_prices(const std::string& path, pricing& prices, std::string& error) -> bool {
  std::ifstream file;
  if (auto failed = open_for_reading(path, file)) {
    error = "cannot read " + *failed;
    return false;
  }
  csv_rows rows(file);
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
    if (row.size() < 2) {
      error = where + ": two fields expected";
      return false;
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
    error = path + ": " + rows.error();
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

struct failure_summary {
  std::size_t count = 0;
  std::map<std::string, std::size_t> by_reason;
  std::vector<nlohmann::ordered_json> examples;  // the first few, so memory stays flat

  void add(std::size_t row, std::string_view recipient, const std::string& reason) {
    ++count;
    ++by_reason[reason];
    if (examples.size() < 20) {
      examples.push_back({{"row", row}, {"recipient", recipient}, {"reason", reason}});
    }
  }
};

struct totals {
  std::size_t recipients = 0;
  std::size_t parts = 0;
  std::size_t text_parts = 0;
  std::size_t unicode_parts = 0;
  std::int64_t cost = 0;                                                  // micro-units
  std::map<std::string, std::pair<std::size_t, std::int64_t>> by_prefix;  // prefix or country
  std::map<std::size_t, std::size_t> histogram;                           // parts -> recipients
  failure_summary failed;
  failure_summary unpriced;
};

auto print_human(const totals& t, const estimate_settings& settings, bool priced, std::ostream& out)
    -> void {
  char line[256];
  std::snprintf(line, sizeof line,
                "recipients   %zu (%zu would fail)\nparts        %zu (%zu text, %zu unicode)\n",
                t.recipients, t.failed.count, t.parts, t.text_parts, t.unicode_parts);
  out << line;
  if (priced) {
    std::snprintf(line, sizeof line, "cost         %.6g (%zu recipients without a price)\n",
                  from_micros(t.cost), t.unpriced.count);
    out << line;
  }
  if (settings.rate > 0) {
    std::snprintf(line, sizeof line, "send time    %.1f s at %g parts/s\n",
                  static_cast<double>(t.parts) / settings.rate, settings.rate);
    out << line;
  }
  std::size_t widest = 1;
  for (const auto& [parts, count] : t.histogram) {
    widest = std::max(widest, count);
  }
  out << "\nparts per recipient\n";
  for (const auto& [parts, count] : t.histogram) {
    const auto bar =
        static_cast<std::size_t>(40.0 * static_cast<double>(count) / static_cast<double>(widest));
    std::snprintf(line, sizeof line, "  %3zu  %10zu  ", parts, count);
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
      out << "  row " << e["row"] << "  " << e["recipient"].get<std::string>() << '\n';
    }
  }
}

}  // namespace

auto estimate(const estimate_settings& settings, std::ostream& out) -> exit_status {
  const auto fail = [](const std::string& message) {
    std::fprintf(stderr, "septet: %s\n", message.c_str());
    return invalid_input;
  };
  const auto tmpl = septet::message_template::parse(settings.template_body);
  if (!tmpl.ok()) {
    return fail("template: " + std::string(septet::to_string(tmpl.status.ec)) + " at byte " +
                std::to_string(tmpl.status.count));
  }
  septet::options cap;
  cap.max_parts = 0;
  const auto body = septet::analyze(settings.template_body, cap);
  if (!body.ok()) {
    return fail("template: " + std::string(septet::to_string(body.status.ec)) + " at byte " +
                std::to_string(body.status.count));
  }
  if (!body.limits.ok()) {
    return fail("template: longer than Sinch's " +
                std::to_string(septet::sinch::max_body_characters) + " characters (" +
                std::to_string(body.utf16_units) + " UTF-16 units)");
  }
  pricing prices;
  std::string error;
  if (!settings.prices_path.empty() && !load_prices(settings.prices_path, prices, error)) {
    return fail(error);
  }
  std::map<std::string, std::string, std::less<>> defaults;
  for (const auto& [key, value] : settings.defaults) {
    const auto key_ok = septet::check_key(key);
    const auto value_ok = septet::parameter_table::check_value(value);
    if (!key_ok.ok() || !value_ok.ok()) {
      return fail("--default " + key + ": " +
                  std::string(septet::to_string(key_ok.ok() ? value_ok.ec : key_ok.ec)));
    }
    defaults[key] = value;
  }

  std::ifstream file;
  if (auto failed = open_for_reading(settings.recipients_path, file)) {
    return fail("cannot read " + *failed);
  }
  csv_rows rows(file);
  std::vector<std::string> header;
  if (!rows.next(header) || header.empty() || header[0] != "msisdn") {
    return fail(settings.recipients_path + ": the first column must be 'msisdn'");
  }
  const std::vector<std::string> keys(header.begin() + 1, header.end());
  for (auto key = keys.begin(); key != keys.end(); ++key) {
    if (!septet::check_key(*key).ok()) {
      return fail(settings.recipients_path + ": column '" + *key + "' is not a parameter key");
    }
    if (std::find(keys.begin(), key, *key) != key) {
      return fail(settings.recipients_path + ": column '" + *key + "' appears twice");
    }
  }
  std::ofstream per_recipient;
  const bool jsonl = settings.per_recipient_path.ends_with(".jsonl");
  if (!settings.per_recipient_path.empty()) {
    per_recipient.open(settings.per_recipient_path, std::ios::binary);
    if (!per_recipient) {
      return fail("cannot write " + settings.per_recipient_path);
    }
    if (!jsonl) {
      per_recipient << "msisdn,parts,encoding,price,status\n";
    }
  }

  totals t;
  row_parameters params(keys, defaults);
  std::vector<std::string> row;
  const auto counting = septet::sinch::uncapped(settings.options);
  const auto started = std::chrono::steady_clock::now();
  auto next_report = started + std::chrono::seconds(1);
  while (rows.next(row)) {
    ++t.recipients;
    const std::size_t row_number = rows.row_number();
    const std::string_view raw = row.empty() ? std::string_view{} : std::string_view(row[0]);
    std::string status = "ok";
    std::size_t parts = 0;
    std::optional<std::pair<std::int64_t, const std::string*>> price;
    septet::encoding encoding = septet::encoding::gsm7;
    const auto number = septet::parse_msisdn(raw);
    if (!number.ok()) {
      status = "invalid_msisdn";
    } else {
      if (row.size() > header.size()) {
        status = "more_fields_than_the_header";
      }
      for (std::size_t column = 1; column < row.size() && status == "ok"; ++column) {
        if (!row[column].empty() && !septet::parameter_table::check_value(row[column]).ok()) {
          status = "value_too_long_or_invalid:" + keys[column - 1];
        }
      }
    }
    if (status == "ok") {
      params.bind(&row);
      const auto verdict = septet::sinch::evaluate_recipient(tmpl.value, params, number.value,
                                                             counting, settings.max_parts);
      if (!verdict.sent()) {
        status = std::string(verdict.reason());
      } else {
        parts = verdict.counted.parts;
        encoding = verdict.counted.encoding;
      }
    }
    if (status != "ok") {
      t.failed.add(row_number, raw, status);
    } else {
      t.parts += parts;
      (encoding == septet::encoding::gsm7 ? t.text_parts : t.unicode_parts) += parts;
      ++t.histogram[parts];
      if (!prices.empty()) {
        price = prices.find(number.value.digits());
        if (price) {
          const std::int64_t cost = static_cast<std::int64_t>(parts) * price->first;
          t.cost += cost;
          auto& entry = t.by_prefix[*price->second];
          entry.first += parts;
          entry.second += cost;
        } else {
          t.unpriced.add(row_number, number.value.digits(), "no price");
        }
      }
    }
    if (per_recipient.is_open()) {
      const std::string_view shown = number.ok() ? number.value.digits() : raw;
      const char* coding = encoding == septet::encoding::gsm7 ? "text" : "unicode";
      if (jsonl) {
        nlohmann::ordered_json j{{"msisdn", shown}, {"parts", parts}, {"status", status}};
        j["encoding"] = status == "ok" ? nlohmann::ordered_json(coding) : nullptr;
        j["price"] = price ? nlohmann::ordered_json(from_micros(price->first)) : nullptr;
        per_recipient << dump(j) << '\n';
      } else {
        char csv_line[128];
        std::snprintf(csv_line, sizeof csv_line, "%zu,%s,", parts, status == "ok" ? coding : "");
        // A malformed MSISDN may hold commas or quotes: quote it for the CSV.
        std::string quoted = "\"";
        for (const char c : shown) {
          quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        quoted += "\"";
        per_recipient << quoted << ',' << csv_line;
        if (price) {
          per_recipient << from_micros(price->first);
        }
        per_recipient << ',' << status << '\n';
      }
    }
    if (settings.progress && (t.recipients & 0x3FFFU) == 0 &&
        std::chrono::steady_clock::now() >= next_report) {
      std::fprintf(stderr, "septet: %zu recipients, %zu MB read\n", t.recipients,
                   rows.bytes_read() >> 20U);
      next_report += std::chrono::seconds(1);
    }
  }
  if (!rows.error().empty()) {
    return fail(settings.recipients_path + " row " + std::to_string(rows.row_number() + 1) + ": " +
                rows.error());
  }
  if (per_recipient.is_open() && !per_recipient.flush()) {
    return fail("cannot write " + settings.per_recipient_path + ": " + std::strerror(errno));
  }

  const bool priced = !prices.empty();
  if (settings.json) {
    nlohmann::ordered_json j;
    j["recipients"] = t.recipients;
    j["failed"] = t.failed.count;
    j["parts"] = t.parts;
    j["parts_by_encoding"] = {{"text", t.text_parts}, {"unicode", t.unicode_parts}};
    j["cost"] = priced ? nlohmann::ordered_json(from_micros(t.cost)) : nullptr;
    j["send_seconds"] = settings.rate > 0
                            ? nlohmann::ordered_json(static_cast<double>(t.parts) / settings.rate)
                            : nullptr;
    auto histogram = nlohmann::ordered_json::object();
    for (const auto& [parts, count] : t.histogram) {
      histogram[std::to_string(parts)] = count;
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
  } else {
    print_human(t, settings, priced, out);
  }
  return t.failed.count == 0 ? within_limits : over_limit;
}

}  // namespace septet_cli
