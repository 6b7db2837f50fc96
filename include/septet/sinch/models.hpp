#ifndef SEPTET_SINCH_MODELS_HPP
#define SEPTET_SINCH_MODELS_HPP

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/// The JSON bodies of Sinch's SMS REST API ("XMS"), as typed values. Reading never throws:
/// `read<T>(json)` gives the value or the first field that does not fit. Fields septet does not
/// know are kept in `extra` and written back; enums are plain strings, so values Sinch adds later
/// survive a round trip. Numbers are accepted as JSON numbers or as strings of digits, because
/// the docs show both (sinch-api.md, (d).8).
namespace septet::inline v0::sinch {

using json = nlohmann::json;

/// Values of `delivery_report` on a send.
namespace delivery_report_kind {
inline constexpr std::string_view none = "none";
inline constexpr std::string_view summary = "summary";
inline constexpr std::string_view full = "full";
inline constexpr std::string_view per_recipient = "per_recipient";
inline constexpr std::string_view per_recipient_final = "per_recipient_final";
}  // namespace delivery_report_kind

/// `parameters`: key → (MSISDN or "default") → value.
using parameter_map = std::map<std::string, std::map<std::string, std::string>>;

/// A send body: `mt_text` (body is the text), `mt_binary` (body is Base64, `udh` hex) or
/// `mt_media` (body kept as JSON in `media_body`).
struct batch_request {
  std::string type = "mt_text";
  std::vector<std::string> to;
  std::optional<std::string> from;
  std::string body;
  std::optional<json> media_body;
  std::optional<std::string> udh;
  std::optional<parameter_map> parameters;
  std::optional<std::string> delivery_report;
  std::optional<std::string> send_at;
  std::optional<std::string> expire_at;
  std::optional<std::string> callback_url;
  std::optional<std::string> client_reference;
  std::optional<bool> feedback_enabled;
  std::optional<bool> flash_message;
  std::optional<bool> truncate_concat;
  std::optional<std::int64_t> max_number_of_message_parts;
  std::optional<std::int64_t> from_ton;
  std::optional<std::int64_t> from_npi;
  json extra = json::object();  ///< fields septet does not model, kept as they came
};

/// A batch as Sinch returns it: the request echoed back plus its identity.
struct batch : batch_request {
  std::string id;
  std::optional<std::string> created_at;
  std::optional<std::string> modified_at;
  bool canceled = false;
};

/// `POST /batches/{id}`: only the fields that are set are sent.
struct batch_update {
  std::optional<std::string> type;
  std::vector<std::string> to_add;
  std::vector<std::string> to_remove;
  std::optional<std::string> from;
  std::optional<std::string> body;
  std::optional<std::string> udh;
  std::optional<parameter_map> parameters;
  std::optional<std::string> delivery_report;
  std::optional<std::string> send_at;
  std::optional<std::string> expire_at;
  std::optional<std::string> callback_url;
  std::optional<std::string> client_reference;
  std::optional<bool> feedback_enabled;
  json extra = json::object();
};

struct dry_run_recipient {
  std::string recipient;
  std::string body;
  std::int64_t number_of_parts = 0;
  std::string encoding;  ///< "text" or "unicode"
  json extra = json::object();
};

struct dry_run_response {
  std::int64_t number_of_recipients = 0;
  std::int64_t number_of_messages = 0;
  std::optional<std::vector<dry_run_recipient>> per_recipient;
  json extra = json::object();
};

/// One status row of a batch delivery report.
struct delivery_status {
  std::int64_t code = 0;
  std::string
      status;  ///< Queued, Dispatched, Aborted, Cancelled, Rejected, Deleted, Delivered, ...
  std::int64_t count = 0;
  std::vector<std::string> recipients;  ///< only in `full` reports
  json extra = json::object();
};

/// `delivery_report_sms` (GET or callback).
struct batch_delivery_report {
  std::string type = "delivery_report_sms";
  std::string batch_id;
  std::int64_t total_message_count = 0;
  std::vector<delivery_status> statuses;
  std::optional<std::string> client_reference;
  json extra = json::object();
};

/// `recipient_delivery_report_sms` (GET or callback).
struct recipient_delivery_report {
  std::string type = "recipient_delivery_report_sms";
  std::string batch_id;
  std::string recipient;
  std::int64_t code = 0;
  std::string status;
  std::string at;
  std::optional<std::string> operator_status_at;
  std::optional<std::string> client_reference;
  std::optional<std::string> applied_originator;
  std::optional<std::string> operator_id;  ///< JSON `operator`
  std::optional<std::string> encoding;     ///< GSM or UNICODE, with smart encoding only
  std::optional<std::int64_t> number_of_message_parts;
  json extra = json::object();
};

/// What became of one MO media attachment, by its `code` (seed 003_953307431a937a9f.txt:
/// "On a successful upload, the code will be 0. If the upload fails, the code will be a value
/// other than 0").
struct media_upload_code {
  std::int64_t code;
  std::string_view name;
  std::string_view status;  ///< the `status` Sinch sends with it
  std::string_view description;
};

inline constexpr std::array<media_upload_code, 3> media_upload_codes = {{
    {0, "Uploaded", "Uploaded", "Attachment successfully uploaded to storage."},
    {1, "Internal failure", "Failed", "Internal exception happened during upload."},
    {2, "Bucket not found", "Failed", "Provisioned bucket doesn't exist."},
}};

/// The documented meaning of an upload code; nullptr for a code the seeds do not list (the
/// Node SDK also names 3, "bucket key error"): such an attachment is simply not uploaded.
[[nodiscard]] constexpr auto find_media_upload_code(std::int64_t code) noexcept
    -> const media_upload_code* {
  for (const auto& c : media_upload_codes) {
    if (c.code == code) {
      return &c;
    }
  }
  return nullptr;
}

/// One attachment of an `mo_media` message: Sinch uploads it to the account's storage and
/// gives the URL to download it from.
struct mo_media_item {
  std::optional<std::string> url;  ///< absent when the upload failed
  std::optional<std::string> content_type;
  std::string status;     ///< "Uploaded" or "Failed" (media_upload_codes)
  std::int64_t code = 0;  ///< 0 uploaded; anything else failed
  json extra = json::object();

  [[nodiscard]] auto uploaded() const noexcept -> bool {
    return code == 0;
  }
};

/// The `body` of an `mo_media` message.
struct mo_media_body {
  std::optional<std::string> subject;
  std::optional<std::string> message;
  std::vector<mo_media_item> media;
  json extra = json::object();
};

/// An MO message: `mo_text` (body is the text), `mo_binary` (body Base64, `udh` hex) or
/// `mo_media` (body in `media`: subject, message and the uploaded attachments).
struct inbound {
  std::string type = "mo_text";
  std::string id;
  std::string from;
  std::string to;
  std::string body;
  std::optional<mo_media_body> media;  ///< set exactly for mo_media
  std::optional<std::string> udh;
  std::optional<std::string> operator_id;
  std::optional<std::string> client_reference;
  std::optional<std::string> sent_at;
  std::optional<std::string> received_at;
  json extra = json::object();
};

/// A field of an update that may be left out (unchanged), set to JSON null (cleared), or set to a
/// value: Sinch's "explicitly setting null will overwrite a previously set value with null".
template <class T>
struct nullable {
  bool present = false;    ///< false: left out of the JSON
  std::optional<T> value;  ///< with `present`: nullopt is JSON null

  nullable() = default;
  template <class U>
  requires std::is_constructible_v<T, U&&> nullable(U&& v)
      : present(true), value(std::forward<U>(v)) {}  // NOLINT(google-explicit-constructor)

  /// JSON null: clears the field.
  [[nodiscard]] static auto null() -> nullable {
    nullable n;
    n.present = true;
    return n;
  }
  [[nodiscard]] auto is_null() const noexcept -> bool {
    return present && !value;
  }
};

/// Keywords of a group's auto_update: an MO message whose first (and second) word match.
struct group_keywords {
  std::optional<std::string> first_word;
  std::optional<std::string> second_word;
  json extra = json::object();
};

/// A group that MO messages to `to` join (`add`) or leave (`remove`) by keyword.
struct group_auto_update {
  std::string to;  ///< the number MOs are sent to; read from a JSON string or number
  std::optional<group_keywords> add;
  std::optional<group_keywords> remove;
  json extra = json::object();
};

/// A group as Sinch returns it (`GET /groups/{id}`): members are listed separately.
struct group {
  std::string id;
  std::optional<std::string> name;
  std::int64_t size = 0;  ///< members, counting those of the child groups
  std::optional<std::string> created_at;
  std::optional<std::string> modified_at;
  std::vector<std::string> child_groups;
  std::optional<group_auto_update> auto_update;
  json extra = json::object();
};

/// `POST /groups` (create) and `PUT /groups/{id}` (replace) bodies.
struct group_request {
  std::optional<std::string> name;
  std::vector<std::string> members;  ///< MSISDNs; duplicates are ignored
  std::vector<std::string> child_groups;
  std::optional<group_auto_update> auto_update;
  json extra = json::object();
};

/// `POST /groups/{id}`: adds are applied before removes; `name` null clears the name.
struct group_update {
  std::vector<std::string> add;
  std::vector<std::string> remove;
  nullable<std::string> name;
  std::optional<std::string> add_from_group;     ///< a group ID whose members are added
  std::optional<std::string> remove_from_group;  ///< a group ID whose members are removed
  std::optional<group_auto_update> auto_update;
  json extra = json::object();
};

/// A list response: `{page, page_size, count, <items>}`.
template <class Item>
struct page {
  std::int64_t number = 0;  ///< JSON `page`, 0-based
  std::int64_t page_size = 0;
  std::int64_t count = 0;  ///< items over all pages
  std::vector<Item> items;

  /// Whether a later page exists, counting with the page size the server used.
  [[nodiscard]] auto has_next() const noexcept -> bool {
    return page_size > 0 && (number + 1) * page_size < count;
  }
};

/// Which of the three error bodies Sinch answered with, if any.
enum class error_shape : std::uint8_t {
  sinch,     ///< {code, text}
  spring,    ///< {timestamp, status, error, path}
  problem,   ///< RFC 7807 {type, title, detail}
  classic,   ///< the Classic API's {errorCode, message, reference}
  not_json,  ///< a body that is not one of the above (an HTML page, a proxy's text, nothing)
};

/// A non-2xx answer, whatever its body.
struct api_error {
  int http_status = 0;
  error_shape shape = error_shape::not_json;
  std::string code;  ///< {code}, {error} or {type}; empty for not_json
  std::string text;  ///< {text}, {path: message}, {detail or title}, or the start of the body
  std::string body;  ///< the raw body, as received

  [[nodiscard]] auto message() const -> std::string {
    std::string out = "HTTP " + std::to_string(http_status);
    if (!code.empty()) {
      out += " " + code;
    }
    if (!text.empty()) {
      out += ": " + text;
    }
    return out;
  }
};

/// A body that could not be read as the model asked for.
struct read_error {
  std::string field;  ///< JSON pointer-like path ("to[2]", "statuses[0].code"); empty: whole body
  std::string what;
  std::size_t byte = 0;  ///< for a JSON syntax error: its byte offset in the body
  bool missing = false;  ///< a required field is absent (or null), rather than malformed

  [[nodiscard]] auto message() const -> std::string {
    return field.empty() ? what : field + ": " + what;
  }
};

template <class T>
struct read_result {
  T value{};
  std::optional<read_error> error;
  [[nodiscard]] auto ok() const noexcept -> bool {
    return !error;
  }
};

/// How a body is read. Sinch's responses leniently: its docs show numbers as strings too
/// ("total_message_count": "20000"), and a reader should take what the server sends. Requests
/// strictly, as Sinch reads them: each field of its JSON type (a string is a string, an integer an
/// integer, an array of strings holds only strings), or the request does not conform (seed 001's
/// syntax_invalid_json).
enum class read_mode : std::uint8_t { lenient, strict };

namespace detail {

/// Reads one JSON value into a C++ value; false when the JSON type does not fit.
inline auto convert(const json& j, std::string& out) -> bool {
  if (!j.is_string()) {
    return false;
  }
  out = j.get_ref<const std::string&>();
  return true;
}

inline auto convert(const json& j, bool& out) -> bool {
  if (!j.is_boolean()) {
    return false;
  }
  out = j.get<bool>();
  return true;
}

inline auto convert(const json& j, std::int64_t& out) -> bool {
  if (j.is_number_integer()) {
    out = j.get<std::int64_t>();
    return true;
  }
  if (j.is_number_float()) {
    const double d = j.get<double>();
    // Only whole numbers inside int64 (casting anything else is undefined).
    if (!(d >= -9.2e18 && d <= 9.2e18) || static_cast<double>(static_cast<std::int64_t>(d)) != d) {
      return false;
    }
    out = static_cast<std::int64_t>(d);
    return true;
  }
  if (j.is_string()) {  // "20000", "0": the docs show both forms
    const auto& s = j.get_ref<const std::string&>();
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc{} && ptr == end && !s.empty();
  }
  return false;
}

inline auto convert(const json& j, json& out) -> bool {
  out = j;
  return true;
}

/// The JSON type a C++ value is read from, for error messages.
inline auto json_type_of(const std::string&) -> const char* {
  return "a string";
}
inline auto json_type_of(bool) -> const char* {
  return "a boolean";
}
inline auto json_type_of(std::int64_t) -> const char* {
  return "an integer";
}
inline auto json_type_of(const json&) -> const char* {
  return "any JSON value";
}

inline auto convert(const json& j, std::vector<std::string>& out) -> bool {
  if (!j.is_array()) {
    return false;
  }
  out.clear();
  for (const auto& e : j) {
    // Numbers show up where strings belong (group auto_update.to in sinch-api.md (d).16).
    if (e.is_string()) {
      out.push_back(e.get<std::string>());
    } else if (e.is_number_integer()) {
      out.push_back(e.dump());
    } else {
      return false;
    }
  }
  return true;
}

inline auto convert(const json& j, parameter_map& out) -> bool {
  if (!j.is_object()) {
    return false;
  }
  out.clear();
  for (const auto& [key, column] : j.items()) {
    if (!column.is_object()) {
      return false;
    }
    auto& values = out[key];
    for (const auto& [recipient, value] : column.items()) {
      if (!value.is_string()) {
        return false;
      }
      values[recipient] = value.get<std::string>();
    }
  }
  return true;
}

inline auto json_type_of(const std::vector<std::string>&) -> const char* {
  return "an array of strings";
}
inline auto json_type_of(const parameter_map&) -> const char* {
  return "an object of objects of strings";
}

/// convert() under a read_mode: strict takes integers only as JSON integers, and arrays of strings
/// only with strings in them; the other types are read the same either way.
template <class T>
auto convert(const json& j, T& out, read_mode mode) -> bool {
  if (mode == read_mode::strict) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
      if (!j.is_number_integer()) {
        return false;
      }
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      if (!j.is_array() ||
          !std::all_of(j.begin(), j.end(), [](const json& e) { return e.is_string(); })) {
        return false;
      }
    }
  }
  return convert(j, out);
}

/// Reads the fields of one JSON object, remembering which it used, so that the rest can be kept.
class object_reader {
 public:
  object_reader(const json& j,
                std::string path,
                std::optional<read_error>& error,
                read_mode mode = read_mode::lenient)
      : m_json(j), m_path(std::move(path)), m_error(error), m_mode(mode) {
    if (!j.is_object() && !m_error) {
      m_error = read_error{m_path, "expected a JSON object"};
    }
  }

  [[nodiscard]] auto has(const char* key) const -> bool {
    return m_json.is_object() && m_json.contains(key) && !m_json[key].is_null();
  }

  template <class T>
  void required(const char* key, T& out) {
    if (!m_json.is_object() || m_error) {
      return;
    }
    m_used.emplace_back(key);
    const auto it = m_json.find(key);
    if (it == m_json.end() || it->is_null()) {
      m_error = read_error{field(key), "required field is missing", 0, true};
      return;
    }
    if (!convert(*it, out, m_mode)) {
      m_error = wrong_type(key, out);
    }
  }

  template <class T>
  void optional(const char* key, std::optional<T>& out) {
    if (!m_json.is_object() || m_error) {
      return;
    }
    m_used.emplace_back(key);
    const auto it = m_json.find(key);
    if (it == m_json.end() || it->is_null()) {
      out.reset();
      return;
    }
    T value{};
    if (!convert(*it, value, m_mode)) {
      m_error = wrong_type(key, value);
      return;
    }
    out = std::move(value);
  }

  void mark_used(const char* key) {
    m_used.emplace_back(key);
  }

  [[nodiscard]] auto mode() const noexcept -> read_mode {
    return m_mode;
  }

  /// An optional field whose absence leaves `out` as it was.
  template <class T>
  void optional_plain(const char* key, T& out) {
    if (has(key)) {
      required(key, out);
    } else {
      m_used.emplace_back(key);
    }
  }

  /// Reads an array of objects, each with its read_into (found by argument-dependent lookup).
  template <class T>
  void array(const char* key, std::vector<T>& out, bool is_required) {
    if (!m_json.is_object() || m_error) {
      return;
    }
    m_used.emplace_back(key);
    const auto it = m_json.find(key);
    if (it == m_json.end() || it->is_null()) {
      if (is_required) {
        m_error = read_error{field(key), "required field is missing", 0, true};
      }
      return;
    }
    if (!it->is_array()) {
      m_error = read_error{field(key), "expected an array"};
      return;
    }
    out.clear();
    out.reserve(it->size());
    for (std::size_t i = 0; i < it->size() && !m_error; ++i) {
      T item{};
      read_into((*it)[i], field(key) + "[" + std::to_string(i) + "]", item, m_error);
      out.push_back(std::move(item));
    }
  }

  [[nodiscard]] auto field(const char* key) const -> std::string {
    return m_path.empty() ? std::string(key) : m_path + "." + key;
  }

  /// Every field not read so far.
  [[nodiscard]] auto rest() const -> json {
    json out = json::object();
    if (!m_json.is_object()) {
      return out;
    }
    for (const auto& [key, value] : m_json.items()) {
      bool used = false;
      for (const auto& u : m_used) {
        used = used || u == key;
      }
      if (!used) {
        out[key] = value;
      }
    }
    return out;
  }

 private:
  template <class T>
  [[nodiscard]] auto wrong_type(const char* key, const T& value) const -> read_error {
    return read_error{field(key), std::string("must be ") + json_type_of(value)};
  }

  const json& m_json;
  std::string m_path;
  std::optional<read_error>& m_error;
  read_mode m_mode;
  std::vector<std::string> m_used;
};

template <class T>
void put(json& j, const char* key, const std::optional<T>& value) {
  if (value) {
    j[key] = *value;
  }
}

inline void merge_extra(json& j, const json& extra) {
  if (extra.is_object()) {
    for (const auto& [key, value] : extra.items()) {
      if (!j.contains(key)) {
        j[key] = value;
      }
    }
  }
}

inline void read_request_fields(object_reader& r, batch_request& b) {
  r.optional_plain("type", b.type);
  r.required("to", b.to);
  r.optional("from", b.from);
  if (r.has("body") && b.type == "mt_media") {
    json media;
    r.required("body", media);
    b.media_body = std::move(media);
  } else {
    r.required("body", b.body);
  }
  r.optional("udh", b.udh);
  r.optional("parameters", b.parameters);
  r.optional("delivery_report", b.delivery_report);
  r.optional("send_at", b.send_at);
  r.optional("expire_at", b.expire_at);
  r.optional("callback_url", b.callback_url);
  r.optional("client_reference", b.client_reference);
  r.optional("feedback_enabled", b.feedback_enabled);
  r.optional("flash_message", b.flash_message);
  r.optional("truncate_concat", b.truncate_concat);
  r.optional("max_number_of_message_parts", b.max_number_of_message_parts);
  r.optional("from_ton", b.from_ton);
  r.optional("from_npi", b.from_npi);
}

inline void write_request_fields(json& j, const batch_request& b) {
  j["to"] = b.to;
  put(j, "from", b.from);
  if (b.media_body) {
    j["body"] = *b.media_body;
  } else {
    j["body"] = b.body;
  }
  j["type"] = b.type;
  put(j, "udh", b.udh);
  put(j, "parameters", b.parameters);
  put(j, "delivery_report", b.delivery_report);
  put(j, "send_at", b.send_at);
  put(j, "expire_at", b.expire_at);
  put(j, "callback_url", b.callback_url);
  put(j, "client_reference", b.client_reference);
  put(j, "feedback_enabled", b.feedback_enabled);
  put(j, "flash_message", b.flash_message);
  put(j, "truncate_concat", b.truncate_concat);
  put(j, "max_number_of_message_parts", b.max_number_of_message_parts);
  put(j, "from_ton", b.from_ton);
  put(j, "from_npi", b.from_npi);
}

}  // namespace detail

// ---- reading: read_into(json, path, T&, error) for each model -----------------------------

inline void read_into(const json& j,
                      const std::string& path,
                      batch_request& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  detail::read_request_fields(r, out);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      batch& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  detail::read_request_fields(r, out);
  r.required("id", out.id);
  r.optional("created_at", out.created_at);
  r.optional("modified_at", out.modified_at);
  r.optional_plain("canceled", out.canceled);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      dry_run_recipient& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.required("recipient", out.recipient);
  r.required("body", out.body);
  r.required("number_of_parts", out.number_of_parts);
  r.required("encoding", out.encoding);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      dry_run_response& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.required("number_of_recipients", out.number_of_recipients);
  r.required("number_of_messages", out.number_of_messages);
  if (r.has("per_recipient")) {
    out.per_recipient.emplace();
    r.array("per_recipient", *out.per_recipient, false);
  } else {
    r.mark_used("per_recipient");
  }
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      delivery_status& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.required("code", out.code);
  r.required("status", out.status);
  r.optional_plain("count", out.count);
  r.optional_plain("recipients", out.recipients);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      batch_delivery_report& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.optional_plain("type", out.type);
  r.required("batch_id", out.batch_id);
  r.optional_plain("total_message_count", out.total_message_count);
  r.array("statuses", out.statuses, true);
  r.optional("client_reference", out.client_reference);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      recipient_delivery_report& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.optional_plain("type", out.type);
  r.required("batch_id", out.batch_id);
  r.required("recipient", out.recipient);
  r.required("code", out.code);
  r.required("status", out.status);
  r.optional_plain("at", out.at);
  r.optional("operator_status_at", out.operator_status_at);
  r.optional("client_reference", out.client_reference);
  r.optional("applied_originator", out.applied_originator);
  r.optional("operator", out.operator_id);
  r.optional("encoding", out.encoding);
  r.optional("number_of_message_parts", out.number_of_message_parts);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      mo_media_item& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.optional("url", out.url);
  r.optional("content_type", out.content_type);
  r.optional_plain("status", out.status);
  r.required("code", out.code);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      mo_media_body& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.optional("subject", out.subject);
  r.optional("message", out.message);
  r.array("media", out.media, false);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      inbound& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.optional_plain("type", out.type);
  r.required("id", out.id);
  r.required("from", out.from);
  r.required("to", out.to);
  if (out.type == "mo_media") {
    json media;
    r.required("body", media);
    if (!error) {
      out.media.emplace();
      read_into(media, r.field("body"), *out.media, error);
    }
  } else {
    r.required("body", out.body);
  }
  r.optional("udh", out.udh);
  r.optional("operator_id", out.operator_id);
  r.optional("client_reference", out.client_reference);
  r.optional("sent_at", out.sent_at);
  r.optional("received_at", out.received_at);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      group_keywords& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  r.optional("first_word", out.first_word);
  r.optional("second_word", out.second_word);
  out.extra = r.rest();
}

namespace detail {

/// An optional object field read with its read_into.
template <class T>
void optional_object(object_reader& r,
                     const json& j,
                     const char* key,
                     std::optional<T>& out,
                     std::optional<read_error>& error) {
  r.mark_used(key);
  if (!r.has(key)) {
    out.reset();
    return;
  }
  T value{};
  read_into(j[key], r.field(key), value, error, r.mode());
  out = std::move(value);
}

}  // namespace detail

inline void read_into(const json& j,
                      const std::string& path,
                      group_auto_update& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  // The docs give `to` as a string in requests and as a number in responses ((d).16).
  if (mode == read_mode::lenient && r.has("to") && j["to"].is_number_integer()) {
    r.mark_used("to");
    out.to = j["to"].dump();
  } else {
    r.required("to", out.to);
  }
  detail::optional_object(r, j, "add", out.add, error);
  detail::optional_object(r, j, "remove", out.remove, error);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      group& out,
                      std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.required("id", out.id);
  r.optional("name", out.name);
  r.optional_plain("size", out.size);
  r.optional("created_at", out.created_at);
  r.optional("modified_at", out.modified_at);
  r.optional_plain("child_groups", out.child_groups);
  detail::optional_object(r, j, "auto_update", out.auto_update, error);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      group_request& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  r.optional("name", out.name);
  r.optional_plain("members", out.members);
  r.optional_plain("child_groups", out.child_groups);
  detail::optional_object(r, j, "auto_update", out.auto_update, error);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      group_update& out,
                      std::optional<read_error>& error,
                      read_mode mode = read_mode::lenient) {
  detail::object_reader r(j, path, error, mode);
  r.optional_plain("add", out.add);
  r.optional_plain("remove", out.remove);
  // Present and null clears the name; absent leaves it.
  out.name = {};
  if (j.is_object() && j.contains("name")) {
    if (j["name"].is_null()) {
      r.mark_used("name");
      out.name = nullable<std::string>::null();
    } else {
      std::string name;
      r.required("name", name);
      out.name = std::move(name);
    }
  }
  r.optional("add_from_group", out.add_from_group);
  r.optional("remove_from_group", out.remove_from_group);
  detail::optional_object(r, j, "auto_update", out.auto_update, error);
  out.extra = r.rest();
}

/// `GET /groups/{id}/members`: a JSON array of MSISDNs.
inline void read_into(const json& j,
                      const std::string& path,
                      std::vector<std::string>& out,
                      std::optional<read_error>& error) {
  if (!detail::convert(j, out) && !error) {
    error = read_error{path, "expected an array of strings"};
  }
}

/// The key that holds a list's items.
template <class Item>
inline constexpr const char* page_items_key = nullptr;
template <>
inline constexpr const char* page_items_key<batch> = "batches";
template <>
inline constexpr const char* page_items_key<inbound> = "inbounds";
template <>
inline constexpr const char* page_items_key<recipient_delivery_report> = "delivery_reports";
template <>
inline constexpr const char* page_items_key<group> = "groups";

template <class Item>
void read_into(const json& j,
               const std::string& path,
               page<Item>& out,
               std::optional<read_error>& error) {
  detail::object_reader r(j, path, error);
  r.required("page", out.number);
  r.required("page_size", out.page_size);
  r.required("count", out.count);
  r.array(page_items_key<Item>, out.items, false);
}

/// Reads a parsed JSON value as T.
template <class T>
[[nodiscard]] auto read(const json& j) -> read_result<T> {
  read_result<T> out;
  read_into(j, "", out.value, out.error);
  return out;
}

/// Reads a request body as Sinch does (read_mode::strict): batch_request, batch, group_request,
/// group_update.
template <class T>
[[nodiscard]] auto read(const json& j, read_mode mode) -> read_result<T> {
  read_result<T> out;
  read_into(j, "", out.value, out.error, mode);
  return out;
}

/// Parses `body` (never throws) and reads it as T.
template <class T>
[[nodiscard]] auto read(std::string_view body) -> read_result<T> {
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    read_result<T> out;
    out.error = read_error{"", "not valid JSON"};
    return out;
  }
  return read<T>(j);
}

/// The same for a std::string or a literal body (which would otherwise convert to both json and
/// std::string_view, and be ambiguous).
template <class T>
[[nodiscard]] auto read(const std::string& body) -> read_result<T> {
  return read<T>(std::string_view(body));
}

template <class T>
[[nodiscard]] auto read(const char* body) -> read_result<T> {
  return read<T>(std::string_view(body));
}

// ---- writing ------------------------------------------------------------------------------

inline auto to_json(const batch_request& b) -> json {
  json j = json::object();
  detail::write_request_fields(j, b);
  detail::merge_extra(j, b.extra);
  return j;
}

inline auto to_json(const batch& b) -> json {
  json j = json::object();
  j["id"] = b.id;
  detail::write_request_fields(j, b);
  detail::put(j, "created_at", b.created_at);
  detail::put(j, "modified_at", b.modified_at);
  j["canceled"] = b.canceled;
  detail::merge_extra(j, b.extra);
  return j;
}

inline auto to_json(const batch_update& u) -> json {
  json j = json::object();
  detail::put(j, "type", u.type);
  if (!u.to_add.empty()) {
    j["to_add"] = u.to_add;
  }
  if (!u.to_remove.empty()) {
    j["to_remove"] = u.to_remove;
  }
  detail::put(j, "from", u.from);
  detail::put(j, "body", u.body);
  detail::put(j, "udh", u.udh);
  detail::put(j, "parameters", u.parameters);
  detail::put(j, "delivery_report", u.delivery_report);
  detail::put(j, "send_at", u.send_at);
  detail::put(j, "expire_at", u.expire_at);
  detail::put(j, "callback_url", u.callback_url);
  detail::put(j, "client_reference", u.client_reference);
  detail::put(j, "feedback_enabled", u.feedback_enabled);
  detail::merge_extra(j, u.extra);
  return j;
}

inline auto to_json(const dry_run_response& d) -> json {
  json j = {{"number_of_recipients", d.number_of_recipients},
            {"number_of_messages", d.number_of_messages}};
  if (d.per_recipient) {
    j["per_recipient"] = json::array();
    for (const auto& r : *d.per_recipient) {
      json e = {{"recipient", r.recipient},
                {"body", r.body},
                {"number_of_parts", r.number_of_parts},
                {"encoding", r.encoding}};
      detail::merge_extra(e, r.extra);
      j["per_recipient"].push_back(std::move(e));
    }
  }
  detail::merge_extra(j, d.extra);
  return j;
}

inline auto to_json(const batch_delivery_report& d) -> json {
  json j = {{"type", d.type},
            {"batch_id", d.batch_id},
            {"total_message_count", d.total_message_count},
            {"statuses", json::array()}};
  for (const auto& s : d.statuses) {
    json e = {{"code", s.code}, {"status", s.status}, {"count", s.count}};
    if (!s.recipients.empty()) {
      e["recipients"] = s.recipients;
    }
    detail::merge_extra(e, s.extra);
    j["statuses"].push_back(std::move(e));
  }
  detail::put(j, "client_reference", d.client_reference);
  detail::merge_extra(j, d.extra);
  return j;
}

inline auto to_json(const recipient_delivery_report& d) -> json {
  json j = {{"type", d.type}, {"batch_id", d.batch_id}, {"recipient", d.recipient},
            {"code", d.code}, {"status", d.status},     {"at", d.at}};
  detail::put(j, "operator_status_at", d.operator_status_at);
  detail::put(j, "client_reference", d.client_reference);
  detail::put(j, "applied_originator", d.applied_originator);
  detail::put(j, "operator", d.operator_id);
  detail::put(j, "encoding", d.encoding);
  detail::put(j, "number_of_message_parts", d.number_of_message_parts);
  detail::merge_extra(j, d.extra);
  return j;
}

inline auto to_json(const mo_media_body& b) -> json {
  json j = json::object();
  detail::put(j, "subject", b.subject);
  detail::put(j, "message", b.message);
  j["media"] = json::array();
  for (const auto& item : b.media) {
    json e = json::object();
    detail::put(e, "url", item.url);
    detail::put(e, "content_type", item.content_type);
    e["status"] = item.status;
    e["code"] = item.code;
    detail::merge_extra(e, item.extra);
    j["media"].push_back(std::move(e));
  }
  detail::merge_extra(j, b.extra);
  return j;
}

inline auto to_json(const inbound& m) -> json {
  json j = {{"type", m.type}, {"id", m.id}, {"from", m.from}, {"to", m.to}};
  if (m.media) {
    j["body"] = to_json(*m.media);
  } else {
    j["body"] = m.body;
  }
  detail::put(j, "udh", m.udh);
  detail::put(j, "operator_id", m.operator_id);
  detail::put(j, "client_reference", m.client_reference);
  detail::put(j, "sent_at", m.sent_at);
  detail::put(j, "received_at", m.received_at);
  detail::merge_extra(j, m.extra);
  return j;
}

inline auto to_json(const group_keywords& k) -> json {
  json j = json::object();
  detail::put(j, "first_word", k.first_word);
  detail::put(j, "second_word", k.second_word);
  detail::merge_extra(j, k.extra);
  return j;
}

inline auto to_json(const group_auto_update& a) -> json {
  json j = {{"to", a.to}};
  if (a.add) {
    j["add"] = to_json(*a.add);
  }
  if (a.remove) {
    j["remove"] = to_json(*a.remove);
  }
  detail::merge_extra(j, a.extra);
  return j;
}

inline auto to_json(const group& g) -> json {
  json j = {{"id", g.id}};
  detail::put(j, "name", g.name);
  j["size"] = g.size;
  detail::put(j, "created_at", g.created_at);
  detail::put(j, "modified_at", g.modified_at);
  j["child_groups"] = g.child_groups;
  if (g.auto_update) {
    j["auto_update"] = to_json(*g.auto_update);
  }
  detail::merge_extra(j, g.extra);
  return j;
}

inline auto to_json(const group_request& g) -> json {
  json j = json::object();
  detail::put(j, "name", g.name);
  j["members"] = g.members;
  if (!g.child_groups.empty()) {
    j["child_groups"] = g.child_groups;
  }
  if (g.auto_update) {
    j["auto_update"] = to_json(*g.auto_update);
  }
  detail::merge_extra(j, g.extra);
  return j;
}

inline auto to_json(const group_update& u) -> json {
  json j = json::object();
  if (!u.add.empty()) {
    j["add"] = u.add;
  }
  if (!u.remove.empty()) {
    j["remove"] = u.remove;
  }
  if (u.name.present) {
    j["name"] = u.name.value ? json(*u.name.value) : json(nullptr);
  }
  detail::put(j, "add_from_group", u.add_from_group);
  detail::put(j, "remove_from_group", u.remove_from_group);
  if (u.auto_update) {
    j["auto_update"] = to_json(*u.auto_update);
  }
  detail::merge_extra(j, u.extra);
  return j;
}

template <class Item>
auto to_json(const page<Item>& p) -> json {
  json j = {{"page", p.number}, {"page_size", p.page_size}, {"count", p.count}};
  auto& items = j[page_items_key<Item>] = json::array();
  for (const auto& item : p.items) {
    items.push_back(to_json(item));
  }
  return j;
}

/// Reads any error answer: Sinch's {code, text}, a Spring-style {timestamp, status, error, path},
/// an RFC 7807 {type, title, detail}, or a body that is none of these.
[[nodiscard]] inline auto read_api_error(int http_status, std::string_view body) -> api_error {
  api_error e;
  e.http_status = http_status;
  e.body = std::string(body);
  const json j = json::parse(body, nullptr, false);
  const auto text_of = [&](const char* key) -> std::string {
    if (!j.is_object() || !j.contains(key)) {
      return {};
    }
    const auto& v = j[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  if (j.is_object() && j.contains("code") && (j.contains("text") || j.contains("description"))) {
    e.shape = error_shape::sinch;
    e.code = text_of("code");
    e.text = j.contains("text") ? text_of("text") : text_of("description");
  } else if (j.is_object() && j.contains("error") && j.contains("status")) {
    e.shape = error_shape::spring;
    e.code = text_of("error");
    e.text = j.contains("message") ? text_of("message") : text_of("path");
  } else if (j.is_object() && j.contains("errorCode")) {
    e.shape = error_shape::classic;
    e.code = text_of("errorCode");
    e.text = text_of("message");
    if (j.contains("reference")) {
      e.text += " (reference " + text_of("reference") + ")";
    }
  } else if (j.is_object() && (j.contains("title") || j.contains("detail"))) {
    e.shape = error_shape::problem;
    e.code = j.contains("type") ? text_of("type") : text_of("title");
    e.text = j.contains("detail") ? text_of("detail") : text_of("title");
  } else {
    e.shape = error_shape::not_json;
    // The start of the body, as printable ASCII: it may be HTML, Latin-1 or cut mid-character,
    // and it ends up in messages and JSON output.
    constexpr std::size_t shown = 200;
    for (const char c : body.substr(0, shown)) {
      e.text.push_back(c >= 0x20 && c < 0x7F ? c : (c == '\n' || c == '\t') ? ' ' : '?');
    }
  }
  return e;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_MODELS_HPP
