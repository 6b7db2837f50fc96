#ifndef SEPTET_SINCH_REQUEST_CHECKS_HPP
#define SEPTET_SINCH_REQUEST_CHECKS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/detail/crypto.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/rules.hpp>
#include <septet/sinch/timestamp.hpp>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

/// The checks Sinch runs on a send request, written once: each gives the error body Sinch answers
/// with, and septet's typed error where a core check failed. The client (before sending), the
/// offline dry run and the sandbox all call these.
namespace septet::inline v0::sinch {

/// A request Sinch refuses with HTTP 400: its error body.
struct request_error {
  std::string code;  ///< syntax_invalid_json, syntax_invalid_parameter_format, ...
  std::string text;  ///< human-readable, as Sinch words its own

  [[nodiscard]] auto to_json() const -> nlohmann::ordered_json {
    return {{"code", code}, {"text", text}};
  }
};

/// A request Sinch would refuse: the field at fault, the error Sinch answers with, and, when one
/// of the core's checks failed (text, MSISDN, template, parameter), septet's error and offset.
/// Sinch's own rules (recipient count, delivery_report, callback_url, client_reference,
/// max_number_of_message_parts, binary bodies) have no core error: `core` is empty for them.
struct request_problem {
  std::string field;
  std::optional<septet::result> core;
  request_error answer;
};

/// The error body of a field whose value has the wrong form.
[[nodiscard]] inline auto invalid_format(const std::string& field,
                                         std::string_view value,
                                         std::string_view what) -> request_error {
  return {"syntax_invalid_parameter_format", "The format of parameter '" + field +
                                                 "' is invalid; value '" + std::string(value) +
                                                 "' is " + std::string(what) + "."};
}

/// The error body of a request that breaks one of Sinch's constraints.
[[nodiscard]] inline auto constraint_violation(std::string text) -> request_error {
  return {"syntax_constraint_violation", std::move(text)};
}

/// The error body of a request whose JSON does not conform to the API: not an object, or a field
/// of the wrong JSON type. Seed 001 gives syntax_invalid_json to "JSON in the request [that] is
/// invalid or doesn't conform to the API specification"; syntax_invalid_parameter_format is for a
/// value of the right type in the wrong form ("if a MSISDN is not correctly formatted").
[[nodiscard]] inline auto invalid_json(std::string text) -> request_error {
  return {"syntax_invalid_json", std::move(text)};
}

/// What Sinch answers for a body the strict reader refused: a missing required field breaks a
/// constraint (seed 001: "For example if a required field is missing"); anything else is JSON of
/// the wrong type.
[[nodiscard]] inline auto read_problem(const read_error& error) -> request_problem {
  if (error.missing) {
    return {error.field, std::nullopt,
            constraint_violation("The '" + error.field + "' field is required.")};
  }
  if (error.field.empty()) {
    return {"", std::nullopt, invalid_json("The request body is not a valid JSON object.")};
  }
  return {error.field, std::nullopt,
          invalid_json("The parameter '" + error.field + "' " + error.what + ".")};
}

/// Reads a request body as T the way Sinch does: a JSON object whose fields each have
/// their JSON type (read_mode::strict). The problem Sinch answers with, or nothing.
template <class T>
[[nodiscard]] auto read_request(const nlohmann::json& body, T& out)
    -> std::optional<request_problem> {
  if (!body.is_object()) {
    return read_problem(read_error{});
  }
  auto parsed = read<T>(body, read_mode::strict);
  if (!parsed.ok()) {
    return read_problem(*parsed.error);
  }
  out = std::move(parsed.value);
  return std::nullopt;
}

/// The same from the body's text (what the sandbox receives), parsed into `body`.
template <class T>
[[nodiscard]] auto read_request(std::string_view text, nlohmann::json& body, T& out)
    -> std::optional<request_problem> {
  body = nlohmann::json::parse(text, nullptr, false);
  return read_request(body.is_discarded() ? nlohmann::json() : body, out);
}

[[nodiscard]] inline auto is_delivery_report(std::string_view s) noexcept -> bool {
  return std::find(std::begin(delivery_report_values), std::end(delivery_report_values), s) !=
         std::end(delivery_report_values);
}

[[nodiscard]] inline auto is_batch_type(std::string_view s) noexcept -> bool {
  return std::find(std::begin(batch_types), std::end(batch_types), s) != std::end(batch_types);
}

[[nodiscard]] inline auto is_delivery_status(std::string_view s) noexcept -> bool {
  return std::find(std::begin(delivery_statuses), std::end(delivery_statuses), s) !=
         std::end(delivery_statuses);
}

/// An absolute http(s) URL with a host, within Sinch's length, without spaces or control
/// characters: what Sinch can POST callbacks to.
[[nodiscard]] inline auto is_callback_url(std::string_view s) noexcept -> bool {
  std::size_t host = 0;
  if (s.starts_with("https://")) {
    host = 8;
  } else if (s.starts_with("http://")) {
    host = 7;
  }
  if (host == 0 || s.size() == host || s.size() > max_callback_url || s[host] == '/') {
    return false;
  }
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
}

/// A group ID as Sinch issues them: 26 characters of [0-9A-Z] (ULID).
[[nodiscard]] inline auto is_group_id(std::string_view s) noexcept -> bool {
  constexpr std::size_t ulid_length = 26;
  return s.size() == ulid_length && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
         });
}

[[nodiscard]] inline auto is_hex(std::string_view s) noexcept -> bool {
  return s.size() % 2 == 0 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

// ---- request checks: each returns the problem, or nothing -----------------------------------

/// A batch has one recipient at least and, when `enforce_limit`, at most 1000.
[[nodiscard]] inline auto check_recipient_count(std::size_t count, bool enforce_limit = true)
    -> std::optional<request_problem> {
  if (count == 0) {
    return request_problem{"to", std::nullopt,
                           constraint_violation("The 'to' field needs at least one recipient.")};
  }
  if (enforce_limit && count > max_recipients_per_batch) {
    return request_problem{
        "to", std::nullopt,
        constraint_violation("The 'to' field has " + std::to_string(count) +
                             " recipients; at most " + std::to_string(max_recipients_per_batch) +
                             " are allowed.")};
  }
  return std::nullopt;
}

namespace detail {

/// The values of one of Sinch's enums, comma-separated.
template <std::size_t N>
auto value_list(const std::string_view (&values)[N]) -> std::string {
  std::string list;
  for (const auto value : values) {
    list.append(list.empty() ? "" : ", ").append(value);
  }
  return list;
}

/// send_at and expire_at: ISO-8601 moments, send_at before expire_at.
inline auto check_schedule(const batch_request& request) -> std::optional<request_problem> {
  std::optional<timestamp> moments[2];
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"send_at", &request.send_at}, {"expire_at", &request.expire_at}};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& [name, value] = fields[i];
    if (*value && !(moments[i] = parse_timestamp(**value))) {
      return request_problem{name, std::nullopt,
                             invalid_format(name, **value, "not an ISO-8601 date and time")};
    }
  }
  if (moments[0] && moments[1] && *moments[0] >= *moments[1]) {
    return request_problem{"expire_at", std::nullopt,
                           constraint_violation("The 'send_at' must be before 'expire_at'.")};
  }
  return std::nullopt;
}

/// `list[index]` (`to`, `to_add`, `to_remove`) = `shown` is neither an MSISDN nor a group ID.
inline auto recipient_problem(std::string_view list,
                              std::size_t index,
                              std::string_view shown,
                              std::optional<septet::result> status) -> request_problem {
  const std::string field = std::string(list) + "[" + std::to_string(index) + "]";
  return {field, status, invalid_format(field, shown, "not a valid MSISDN or group ID")};
}

}  // namespace detail

/// `list[index]` = `value` (list: `to`, or an update's `to_add` or `to_remove`) is an MSISDN or
/// (when `groups_allowed`) a group ID.
[[nodiscard]] inline auto check_recipient(std::size_t index,
                                          std::string_view value,
                                          bool groups_allowed = true,
                                          std::string_view list = "to")
    -> std::optional<request_problem> {
  const auto number = parse_msisdn(value);
  if (number.ok() || (groups_allowed && is_group_id(value))) {
    return std::nullopt;
  }
  return detail::recipient_problem(list, index, value, number.error());
}

/// A `to` entry in raw JSON: a string that passes check_recipient.
[[nodiscard]] inline auto check_recipient_entry(std::size_t index,
                                                const nlohmann::json& entry,
                                                bool groups_allowed = true)
    -> std::optional<request_problem> {
  if (entry.is_string()) {
    return check_recipient(index, entry.get_ref<const std::string&>(), groups_allowed);
  }
  return detail::recipient_problem("to", index, entry.dump(), std::nullopt);
}

/// An update's `to_add` or `to_remove` in raw JSON: an array of strings, each an MSISDN or a
/// group ID.
[[nodiscard]] inline auto check_recipient_changes(const char* list, const nlohmann::json& entries)
    -> std::optional<request_problem> {
  if (!entries.is_array()) {
    return request_problem{
        list, std::nullopt,
        invalid_json(std::string("The parameter '") + list + "' must be an array of strings.")};
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string field = std::string(list) + "[" + std::to_string(i) + "]";
    if (!entries[i].is_string()) {
      return request_problem{field, std::nullopt,
                             invalid_json("The parameter '" + field + "' must be a string.")};
    }
    if (auto problem = check_recipient(i, entries[i].get_ref<const std::string&>(), true, list)) {
      return problem;
    }
  }
  return std::nullopt;
}

/// An mt_text body: valid UTF-8, at most 2000 UTF-16 units, a well-formed template.
[[nodiscard]] inline auto check_text_body(std::string_view body) -> std::optional<request_problem> {
  septet::options cap;
  cap.max_characters = max_body_characters;
  cap.max_parts = 0;
  const auto measured = septet::analyze(body, cap);
  if (!measured.ok()) {
    return request_problem{"body", measured.status, invalid_format("body", "", "not valid UTF-8")};
  }
  if (!measured.limits.ok()) {
    return request_problem{
        "body", measured.limits,
        constraint_violation("The 'body' must be at most " + std::to_string(max_body_characters) +
                             " characters; it has " + std::to_string(measured.utf16_units) +
                             " (UTF-16 units).")};
  }
  const auto parsed = message_template::parse(body, placeholders);
  if (!parsed.ok()) {
    return request_problem{"body", parsed.error(),
                           invalid_format("body", body, septet::to_string(parsed.error().ec))};
  }
  return std::nullopt;
}

/// An mt_binary message: hexadecimal UDH (one octet at least), Base64 body, at most 140 octets
/// together.
[[nodiscard]] inline auto check_binary_body(std::string_view udh, std::string_view body)
    -> std::optional<request_problem> {
  const auto body_size = detail::base64_decoded_size(body);
  if (udh.empty() || !is_hex(udh)) {
    return request_problem{"udh", std::nullopt,
                           invalid_format("udh", udh, "not hexadecimal octets")};
  }
  if (!body_size) {
    return request_problem{"body", std::nullopt, invalid_format("body", body, "not Base64")};
  }
  if (*body_size + udh.size() / 2 > max_binary_octets) {
    return request_problem{"body", std::nullopt,
                           constraint_violation("The 'udh' and 'body' together must be at most " +
                                                std::to_string(max_binary_octets) + " octets.")};
  }
  return std::nullopt;
}

/// `parameters.{key}.{recipient}` = `value`, added to `table` when valid.
[[nodiscard]] inline auto add_parameter(parameter_table& table,
                                        const std::string& key,
                                        const std::string& recipient,
                                        std::string_view value) -> std::optional<request_problem> {
  const auto set = table.set(key, recipient, value);
  if (set.ok()) {
    return std::nullopt;
  }
  const std::string field = "parameters." + key + "." + recipient;
  return request_problem{field, set, invalid_format(field, value, septet::to_string(set.ec))};
}

/// The optional text fields of a send: each valid UTF-8, delivery_report one of Sinch's values,
/// callback_url a URL Sinch can call, client_reference within Sinch's length, send_at and
/// expire_at ISO-8601 with send_at first.
[[nodiscard]] inline auto check_text_fields(const batch_request& request)
    -> std::optional<request_problem> {
  const std::pair<const char*, const std::optional<std::string>*> text_fields[] = {
      {"from", &request.from},
      {"client_reference", &request.client_reference},
      {"callback_url", &request.callback_url},
      {"delivery_report", &request.delivery_report},
      {"send_at", &request.send_at},
      {"expire_at", &request.expire_at},
      {"udh", &request.udh}};
  for (const auto& [name, value] : text_fields) {
    if (!*value) {
      continue;
    }
    if (const auto valid = septet::validate(std::string_view(**value)); !valid.ok()) {
      return request_problem{name, valid, invalid_format(name, "", "not valid UTF-8")};
    }
  }
  if (request.delivery_report && !is_delivery_report(*request.delivery_report)) {
    return request_problem{
        "delivery_report", std::nullopt,
        invalid_format("delivery_report", *request.delivery_report,
                       "not one of " + detail::value_list(delivery_report_values))};
  }
  if (request.callback_url && !is_callback_url(*request.callback_url)) {
    return request_problem{"callback_url", std::nullopt,
                           invalid_format("callback_url", *request.callback_url,
                                          "not an http or https URL of at most " +
                                              std::to_string(max_callback_url) + " characters")};
  }
  if (request.client_reference && request.client_reference->size() > max_client_reference) {
    return request_problem{
        "client_reference", std::nullopt,
        constraint_violation("The 'client_reference' must be at most " +
                             std::to_string(max_client_reference) + " characters.")};
  }
  return detail::check_schedule(request);
}

/// `max_number_of_message_parts` is an integer (`parts`: none when it is not) of at least 1.
/// `value` is its JSON text.
[[nodiscard]] inline auto check_max_parts(std::optional<std::int64_t> parts, std::string_view value)
    -> std::optional<request_problem> {
  if (parts && *parts >= 1) {
    return std::nullopt;
  }
  return request_problem{
      "max_number_of_message_parts", std::nullopt,
      invalid_format("max_number_of_message_parts", value, "not an integer of at least 1")};
}

namespace detail {

/// from_ton 0-6 and from_npi 0-18 when given.
inline auto check_numbering(const batch_request& request) -> std::optional<request_problem> {
  const std::tuple<const char*, const std::optional<std::int64_t>*, std::int64_t> fields[] = {
      {"from_ton", &request.from_ton, max_from_ton}, {"from_npi", &request.from_npi, max_from_npi}};
  for (const auto& [name, value, most] : fields) {
    if (*value && (**value < 0 || **value > most)) {
      return request_problem{name, std::nullopt,
                             invalid_format(name, std::to_string(**value),
                                            "not an integer from 0 to " + std::to_string(most))};
    }
  }
  return std::nullopt;
}

/// What only one type takes: mt_binary a `udh` and no `parameters` (it has no text to put them
/// in), mt_media a `body` object with a `url`.
inline auto check_type_fields(const batch_request& request) -> std::optional<request_problem> {
  if (request.type == "mt_binary") {
    if (!request.udh) {
      return request_problem{"udh", std::nullopt,
                             constraint_violation("The 'udh' field is required for mt_binary.")};
    }
    if (request.parameters) {
      return request_problem{
          "parameters", std::nullopt,
          constraint_violation("The 'parameters' field is not allowed for mt_binary.")};
    }
  }
  if (request.type == "mt_media") {
    const auto* body = request.media_body ? &*request.media_body : nullptr;
    if (body == nullptr || !body->is_object()) {
      return request_problem{"body", std::nullopt,
                             invalid_json("The parameter 'body' must be an object for mt_media.")};
    }
    const auto url = body->find("url");
    if (url == body->end() || url->is_null()) {
      return request_problem{"body.url", std::nullopt,
                             constraint_violation("The 'body.url' field is required.")};
    }
    if (!url->is_string()) {
      return request_problem{"body.url", std::nullopt,
                             invalid_json("The parameter 'body.url' must be a string.")};
    }
  }
  return std::nullopt;
}

}  // namespace detail

/// Checks a typed send body the way Sinch validates it: the first problem, or nothing.
[[nodiscard]] inline auto check_request(const batch_request& request)
    -> std::optional<request_problem> {
  if (!is_batch_type(request.type)) {
    return request_problem{
        "type", std::nullopt,
        invalid_format("type", request.type, "not one of " + detail::value_list(batch_types))};
  }
  if (auto problem = check_recipient_count(request.to.size())) {
    return problem;
  }
  for (std::size_t i = 0; i < request.to.size(); ++i) {
    if (auto problem = check_recipient(i, request.to[i])) {
      return problem;
    }
  }
  if (auto problem = check_text_fields(request)) {
    return problem;
  }
  if (request.max_number_of_message_parts) {
    const auto parts = *request.max_number_of_message_parts;
    if (auto problem = check_max_parts(parts, std::to_string(parts))) {
      return problem;
    }
  }
  if (auto problem = detail::check_numbering(request)) {
    return problem;
  }
  if (auto problem = detail::check_type_fields(request)) {
    return problem;
  }
  if (request.type == "mt_binary") {
    return check_binary_body(request.udh.value_or(""), request.body);
  }
  if (request.type != "mt_text") {
    return std::nullopt;  // mt_media: nothing septet counts
  }
  if (auto problem = check_text_body(request.body)) {
    return problem;
  }
  if (request.parameters) {
    parameter_table table(placeholders);
    for (const auto& [key, column] : *request.parameters) {
      for (const auto& [recipient, value] : column) {
        if (auto problem = add_parameter(table, key, recipient, value)) {
          return problem;
        }
      }
    }
  }
  return std::nullopt;
}

/// Something septet lets through because Sinch's documents do not forbid it, though Sinch's older
/// guide did: the field, the error the strict rules give (with its offset), and why it may matter.
struct request_warning {
  std::string field;
  septet::result core;
  std::string text;
};

/// What the older guide's limits (placeholder_rules::strict) refuse in an mt_text request that
/// Sinch's current documents allow: a malformed "${" in the body (sent as literal text), a key
/// over 16 characters, a value over 160. Each may work; none is sourced to Sinch's documents.
[[nodiscard]] inline auto request_warnings(const batch_request& request)
    -> std::vector<request_warning> {
  std::vector<request_warning> out;
  if (request.type != "mt_text") {
    return out;
  }
  const auto older_guide = " (refused by Sinch's older SMS guide, not by its current documents)";
  if (const auto body = check_template(request.body); !body.ok()) {
    // A long key is still a placeholder (substituted); any other malformed "${" is literal text.
    const auto effect = body.ec == errc::key_too_long ? ": a placeholder all the same"
                                                      : ": the \"${\" is sent as written";
    out.push_back({"body", body,
                   std::string(septet::to_string(body.ec)) + " at byte " +
                       std::to_string(body.count) + effect + older_guide});
  }
  static const parameter_map none;
  for (const auto& [key, column] : request.parameters ? *request.parameters : none) {
    if (const auto k = check_key(key); !k.ok()) {
      out.push_back({"parameters." + key, k,
                     "key '" + key + "': " + std::string(septet::to_string(k.ec)) + older_guide});
    }
    for (const auto& [recipient, value] : column) {
      if (const auto v = parameter_table::check_value(value); !v.ok()) {
        out.push_back({"parameters." + key + "." + recipient, v,
                       std::string(septet::to_string(v.ec)) + ": over " +
                           std::to_string(max_value_length) + " characters" + older_guide});
      }
    }
  }
  return out;
}

// ---- groups ---------------------------------------------------------------------------------

/// The HTTP status of unknown_group.
inline constexpr int unknown_group_status = 403;

/// Sinch's 403 for a group ID in `to` (or a request) that names no group.
[[nodiscard]] inline auto unknown_group(std::string_view id) -> request_error {
  return {"unknown_group", "A referenced group ID is unknown: '" + std::string(id) +
                               "'. This could happen if the ID is invalid or if the group has "
                               "been deleted."};
}

/// A group's name: valid UTF-8. Its length is a warning (group_warnings).
[[nodiscard]] inline auto check_group_name(std::string_view name)
    -> std::optional<request_problem> {
  if (const auto valid = septet::validate(name); !valid.ok()) {
    return request_problem{"name", valid, invalid_format("name", "", "not valid UTF-8")};
  }
  return std::nullopt;
}

/// `field[i]` of a member list: each an MSISDN.
[[nodiscard]] inline auto check_group_numbers(const char* field,
                                              const std::vector<std::string>& numbers)
    -> std::optional<request_problem> {
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const auto number = parse_msisdn(numbers[i]);
    if (!number.ok()) {
      const std::string at = std::string(field) + "[" + std::to_string(i) + "]";
      return request_problem{at, number.error(),
                             invalid_format(at, numbers[i], "not a valid MSISDN")};
    }
  }
  return std::nullopt;
}

/// A short code: 3 to 8 digits, the lengths national numbering plans give them.
[[nodiscard]] inline auto is_short_code(std::string_view s) noexcept -> bool {
  constexpr std::size_t shortest = 3;
  constexpr std::size_t longest = 8;
  return s.size() >= shortest && s.size() <= longest &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// auto_update: a `to` number, the Sinch number the keywords arrive at: an MSISDN (seed 001:
/// "Only MSISDNs in international format are accepted") or a short code (seed 003: numbers
/// "formatted as either E.164 or short codes"). Its keywords' form is a warning (group_warnings).
[[nodiscard]] inline auto check_auto_update(const group_auto_update& a)
    -> std::optional<request_problem> {
  if (a.to.empty()) {
    return request_problem{"auto_update.to", std::nullopt,
                           constraint_violation("The 'auto_update.to' field is required.")};
  }
  if (const auto number = parse_msisdn(a.to); !number.ok() && !is_short_code(a.to)) {
    return request_problem{
        "auto_update.to", number.error(),
        invalid_format("auto_update.to", a.to, "neither a valid MSISDN nor a short code")};
  }
  return std::nullopt;
}

// A group ID in child_groups, add_from_group or remove_from_group is not checked for its form:
// seed 001's 403 unknown_group covers an ID that "is invalid", so the server answers it.

/// A create (`POST /groups`) or replace (`PUT /groups/{id}`) body, as Sinch validates it.
[[nodiscard]] inline auto check_group_request(const group_request& request)
    -> std::optional<request_problem> {
  if (request.name) {
    if (auto problem = check_group_name(*request.name)) {
      return problem;
    }
  }
  if (auto problem = check_group_numbers("members", request.members)) {
    return problem;
  }
  return request.auto_update ? check_auto_update(*request.auto_update) : std::nullopt;
}

/// An update (`POST /groups/{id}`), as Sinch validates it.
[[nodiscard]] inline auto check_group_update(const group_update& update)
    -> std::optional<request_problem> {
  if (update.name.value) {
    if (auto problem = check_group_name(*update.name.value)) {
      return problem;
    }
  }
  if (auto problem = check_group_numbers("add", update.add)) {
    return problem;
  }
  if (auto problem = check_group_numbers("remove", update.remove)) {
    return problem;
  }
  return update.auto_update ? check_auto_update(*update.auto_update) : std::nullopt;
}

/// An auto_update keyword: 1 to 15 word characters (`^\w+$`).
[[nodiscard]] inline auto is_group_keyword(std::string_view s) noexcept -> bool {
  return !s.empty() && s.size() <= max_group_keyword && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  });
}

namespace detail {

/// The group limits of Sinch's OpenAPI models (rules.hpp), which the seeds do not give.
inline constexpr auto group_guidance = " (Sinch's API models say so; its documents do not)";

inline void warn_group_size(std::vector<request_warning>& out,
                            const char* field,
                            std::size_t size,
                            std::size_t most,
                            const char* what) {
  if (size > most) {
    out.push_back(
        {field,
         {},
         std::to_string(size) + " " + what + ", over " + std::to_string(most) + group_guidance});
  }
}

inline void warn_group_name(std::vector<request_warning>& out, std::string_view name) {
  const auto units = septet::analyze(name, uncapped(septet::options{})).utf16_units;
  if (units > max_group_name) {
    out.push_back({"name",
                   {},
                   "a name of " + std::to_string(units) + " characters, over " +
                       std::to_string(max_group_name) + group_guidance});
  }
}

inline void warn_keywords(std::vector<request_warning>& out, const group_auto_update& a) {
  const std::pair<const char*, const std::optional<group_keywords>*> sides[] = {
      {"add", &a.add}, {"remove", &a.remove}};
  for (const auto& [side, keywords] : sides) {
    if (!*keywords) {
      continue;
    }
    for (const auto& [name, word] : {std::pair{"first_word", &(*keywords)->first_word},
                                     std::pair{"second_word", &(*keywords)->second_word}}) {
      if (*word && !is_group_keyword(**word)) {
        out.push_back({std::string("auto_update.") + side + "." + name,
                       {},
                       "'" + **word + "' is not 1 to " + std::to_string(max_group_keyword) +
                           " word characters" + group_guidance});
      }
    }
  }
}

}  // namespace detail

/// What a group create or replace may exceed that only Sinch's API models limit: a name over 20
/// characters, over 10 000 members, over 10 child groups, keywords other than 1 to 15 word
/// characters. Each may be refused by Sinch; the seeds give none of them.
[[nodiscard]] inline auto group_warnings(const group_request& request)
    -> std::vector<request_warning> {
  std::vector<request_warning> out;
  if (request.name) {
    detail::warn_group_name(out, *request.name);
  }
  detail::warn_group_size(out, "members", request.members.size(), max_group_members, "members");
  detail::warn_group_size(out, "child_groups", request.child_groups.size(), max_child_groups,
                          "child groups");
  if (request.auto_update) {
    detail::warn_keywords(out, *request.auto_update);
  }
  return out;
}

/// The same for a group update.
[[nodiscard]] inline auto group_warnings(const group_update& update)
    -> std::vector<request_warning> {
  std::vector<request_warning> out;
  if (update.name.value) {
    detail::warn_group_name(out, *update.name.value);
  }
  detail::warn_group_size(out, "add", update.add.size(), max_group_members, "numbers to add");
  detail::warn_group_size(out, "remove", update.remove.size(), max_group_members,
                          "numbers to remove");
  if (update.auto_update) {
    detail::warn_keywords(out, *update.auto_update);
  }
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_REQUEST_CHECKS_HPP
