#ifndef SEPTET_SINCH_DRY_RUN_HPP
#define SEPTET_SINCH_DRY_RUN_HPP

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <string>
#include <string_view>
#include <vector>

/// Sinch's `POST /batches/dry_run`, computed offline: the same response shape, for as many
/// recipients as you like, plus every recipient Sinch would fail and every request it would
/// refuse.
namespace septet::inline v0::sinch {

/// Sinch's limits on a batch.
inline constexpr std::size_t max_recipients_per_batch = 1000;
inline constexpr std::size_t max_body_characters = 2000;
/// dry_run's `number_of_recipients` query parameter: how many per_recipient entries, at most.
inline constexpr std::size_t default_per_recipient_limit = 100;

/// Delivery-report codes a recipient would fail with.
inline constexpr int code_unmatched_parameter = 405;
inline constexpr int code_exceeded_parts_limit = 411;

/// A request Sinch would refuse with HTTP 400: its error body.
struct request_error {
  std::string code;  ///< syntax_invalid_json, syntax_invalid_parameter_format, ...
  std::string text;  ///< human-readable, as Sinch words its own

  [[nodiscard]] auto to_json() const -> nlohmann::ordered_json {
    return {{"code", code}, {"text", text}};
  }
};

/// A recipient Sinch would accept but not deliver to, with the delivery-report code.
struct recipient_failure {
  std::string recipient;  ///< digits, as Sinch echoes it
  int code = 0;
  std::string reason;
};

struct recipient_result {
  std::string recipient;
  std::string body;
  std::size_t number_of_parts = 0;
  septet::encoding encoding = septet::encoding::gsm7;
};

struct dry_run_options {
  bool per_recipient = false;
  std::size_t per_recipient_limit = default_per_recipient_limit;
  /// Enforce the 1000-recipient batch limit (off to estimate larger lists offline).
  bool enforce_batch_limit = true;
};

struct dry_run_result {
  std::optional<request_error> error;  ///< set: Sinch would answer 400 with this body
  std::size_t number_of_recipients = 0;
  std::size_t number_of_messages = 0;  ///< total parts over the recipients that would be sent
  std::vector<recipient_result> per_recipient;
  std::vector<recipient_failure> failures;

  /// The JSON Sinch's dry run answers with (without septet's failures list).
  [[nodiscard]] auto to_json(bool with_per_recipient) const -> nlohmann::ordered_json {
    if (error) {
      return error->to_json();
    }
    nlohmann::ordered_json j = {{"number_of_recipients", number_of_recipients},
                                {"number_of_messages", number_of_messages}};
    if (with_per_recipient) {
      auto& list = j["per_recipient"] = nlohmann::ordered_json::array();
      for (const auto& r : per_recipient) {
        list.push_back({{"recipient", r.recipient},
                        {"body", r.body},
                        {"number_of_parts", r.number_of_parts},
                        {"encoding", r.encoding == septet::encoding::gsm7 ? "text" : "unicode"}});
      }
    }
    return j;
  }
};

namespace detail {

inline auto invalid_format(std::string field, std::string_view value, std::string_view what)
    -> request_error {
  return {"syntax_invalid_parameter_format", "The format of parameter '" + field +
                                                 "' is invalid; value '" + std::string(value) +
                                                 "' is " + std::string(what) + "."};
}

}  // namespace detail

/// Works out what Sinch's dry run would answer for `request` (a send-batch body, mt_text).
/// Counting follows septet: GSM 7-bit or UCS-2 per recipient after substitution, 160/153 and 70/67.
inline auto dry_run(const nlohmann::json& request, const dry_run_options& opts = {})
    -> dry_run_result {
  dry_run_result out;
  const auto fail = [&](request_error e) {
    out.error = std::move(e);
    return out;
  };
  if (!request.is_object()) {
    return fail({"syntax_invalid_json", "The request body must be a JSON object."});
  }
  const auto type_field = request.find("type");
  const std::string type = type_field == request.end() ? std::string("mt_text")
                           : type_field->is_string()   ? type_field->get<std::string>()
                                                       : type_field->dump();
  if (type != "mt_text") {
    return fail({"syntax_constraint_violation",
                 "Offline dry run supports type 'mt_text' only, not '" + type + "'."});
  }
  const auto body_field = request.find("body");
  if (body_field == request.end() || body_field->is_null()) {
    return fail({"syntax_constraint_violation", "The 'body' field is required."});
  }
  if (!body_field->is_string()) {
    return fail(detail::invalid_format("body", body_field->dump(), "not a string"));
  }
  const std::string& body = body_field->get_ref<const std::string&>();
  septet::options cap;
  cap.max_characters = max_body_characters;
  cap.max_parts = 0;
  const auto measured = septet::analyze(body, cap);
  if (!measured.ok()) {
    return fail(detail::invalid_format("body", "", "not valid UTF-8"));
  }
  if (!measured.limits.ok()) {
    return fail({"syntax_constraint_violation",
                 "The 'body' must be at most 2000 characters; it has " +
                     std::to_string(measured.utf16_units) + " (UTF-16 units)."});
  }
  const auto tmpl = septet::message_template::parse(body);
  if (!tmpl.ok()) {
    return fail(
        detail::invalid_format("body", body, std::string(septet::to_string(tmpl.status.ec))));
  }
  const auto to = request.find("to");
  if (to == request.end() || !to->is_array() || to->empty()) {
    return fail({"syntax_constraint_violation", "The 'to' field needs at least one recipient."});
  }
  if (opts.enforce_batch_limit && to->size() > max_recipients_per_batch) {
    return fail({"syntax_constraint_violation", "The 'to' field has " + std::to_string(to->size()) +
                                                    " recipients; at most 1000 are allowed."});
  }
  std::vector<septet::msisdn> recipients;
  recipients.reserve(to->size());
  for (std::size_t i = 0; i < to->size(); ++i) {
    const auto& entry = (*to)[i];
    const std::string field = "to[" + std::to_string(i) + "]";
    if (!entry.is_string()) {
      return fail(detail::invalid_format(field, entry.dump(), "not a valid MSISDN or group ID"));
    }
    const auto number = septet::parse_msisdn(entry.get_ref<const std::string&>());
    if (!number.ok()) {
      return fail(detail::invalid_format(field, entry.get_ref<const std::string&>(),
                                         "not a valid MSISDN or group ID"));
    }
    recipients.push_back(number.value);
  }
  septet::parameter_table params;
  if (const auto p = request.find("parameters"); p != request.end() && !p->is_null()) {
    if (!p->is_object()) {
      return fail(detail::invalid_format("parameters", p->dump(), "not an object"));
    }
    for (const auto& [key, column] : p->items()) {
      if (!column.is_object()) {
        return fail(detail::invalid_format("parameters." + key, column.dump(), "not an object"));
      }
      for (const auto& [recipient, value] : column.items()) {
        const std::string field = "parameters." + key + "." + recipient;
        if (!value.is_string()) {
          return fail(detail::invalid_format(field, value.dump(), "not a string"));
        }
        const auto set = params.set(key, recipient, value.get_ref<const std::string&>());
        if (!set.ok()) {
          return fail(detail::invalid_format(field, value.get_ref<const std::string&>(),
                                             std::string(septet::to_string(set.ec))));
        }
      }
    }
  }
  std::optional<std::size_t> max_parts;
  if (const auto m = request.find("max_number_of_message_parts"); m != request.end()) {
    if (!m->is_number_integer() || m->get<long long>() < 1) {
      return fail(detail::invalid_format("max_number_of_message_parts", m->dump(),
                                         "not an integer of at least 1"));
    }
    max_parts = m->get<std::size_t>();
  }
  out.number_of_recipients = recipients.size();
  septet::options counting;
  counting.max_characters = 0;  // the cap applies to the template as sent, checked above
  counting.max_parts = 0;
  for (const auto& recipient : recipients) {
    const std::string digits(recipient.digits());
    const auto text = septet::render(tmpl.value, params, recipient);
    if (!text.ok()) {
      out.failures.push_back({digits, code_unmatched_parameter,
                              "no value and no default for a parameter at byte " +
                                  std::to_string(text.status.count) + " of the body"});
      continue;
    }
    const auto a = septet::analyze(text.value, counting);
    if (max_parts && a.parts > *max_parts) {
      out.failures.push_back({digits, code_exceeded_parts_limit,
                              std::to_string(a.parts) +
                                  " parts exceed max_number_of_message_parts " +
                                  std::to_string(*max_parts)});
      continue;
    }
    out.number_of_messages += a.parts;
    if (opts.per_recipient && out.per_recipient.size() < opts.per_recipient_limit) {
      out.per_recipient.push_back({digits, text.value, a.parts, a.encoding});
    }
  }
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_DRY_RUN_HPP
