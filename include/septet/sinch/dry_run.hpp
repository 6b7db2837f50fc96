#ifndef SEPTET_SINCH_DRY_RUN_HPP
#define SEPTET_SINCH_DRY_RUN_HPP

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/request_checks.hpp>
#include <string>
#include <string_view>
#include <vector>

/// Sinch's `POST /batches/dry_run`, computed offline: the same response shape, for as many
/// recipients as you like, plus every recipient Sinch would fail and every request it would
/// refuse.
namespace septet::inline v0::sinch {

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

/// A group's members (MSISDNs) by its ID; nullopt when no such group exists.
using group_resolver =
    std::function<std::optional<std::vector<std::string>>(std::string_view group_id)>;

struct dry_run_options {
  bool per_recipient = false;
  std::size_t per_recipient_limit = default_per_recipient_limit;
  /// Enforce the 1000-recipient batch limit (off to estimate larger lists offline).
  bool enforce_batch_limit = true;
  /// Expands the group IDs of `to` into their members, as Sinch does. Empty (offline): a group's
  /// members are unknown, so its recipients are not counted and its ID is listed in
  /// `dry_run_result::uncounted_groups`.
  group_resolver group_members = {};
};

struct dry_run_result {
  std::optional<request_error> error;  ///< set: Sinch would answer `error_status` with this body
  int error_status = 400;              ///< 400, or 403 for `unknown_group`
  std::size_t number_of_recipients = 0;
  std::size_t number_of_messages = 0;  ///< total parts over the recipients that would be sent
  std::vector<recipient_result> per_recipient;
  std::vector<recipient_failure> failures;
  /// Group IDs of `to` whose members could not be counted (no `group_members` resolver): the
  /// counts above leave them out.
  std::vector<std::string> uncounted_groups;

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

/// The recipients of `to`, checked: MSISDNs, and the members of each group ID when
/// `opts.group_members` can tell them (else the ID goes to `uncounted`). An unknown group is
/// Sinch's 403 unknown_group, set in `forbidden`.
inline auto dry_run_recipients(const nlohmann::json& request,
                               const dry_run_options& opts,
                               std::vector<septet::msisdn>& recipients,
                               std::vector<std::string>& uncounted,
                               std::optional<request_error>& forbidden)
    -> std::optional<request_problem> {
  const auto to = request.find("to");
  const bool listed = to != request.end() && to->is_array();
  if (auto problem = check_recipient_count(listed ? to->size() : 0, opts.enforce_batch_limit)) {
    return problem;
  }
  recipients.reserve(to->size());
  for (std::size_t i = 0; i < to->size(); ++i) {
    if (auto problem = check_recipient_entry(i, (*to)[i])) {
      return problem;
    }
    const auto& entry = (*to)[i].get_ref<const std::string&>();
    if (const auto number = septet::parse_msisdn(entry); number.ok()) {
      recipients.push_back(number.value);
    } else if (!opts.group_members) {
      uncounted.push_back(entry);
    } else if (const auto members = opts.group_members(entry)) {
      for (const auto& member : *members) {
        if (const auto m = septet::parse_msisdn(member); m.ok()) {
          recipients.push_back(m.value);
        }
      }
    } else if (!forbidden) {
      forbidden = unknown_group(entry);
    }
  }
  return std::nullopt;
}

/// The `parameters` object, checked, into `params`.
inline auto dry_run_parameters(const nlohmann::json& request, septet::parameter_table& params)
    -> std::optional<request_error> {
  const auto p = request.find("parameters");
  if (p == request.end() || p->is_null()) {
    return std::nullopt;
  }
  if (!p->is_object()) {
    return invalid_format("parameters", p->dump(), "not an object");
  }
  for (const auto& [key, column] : p->items()) {
    if (!column.is_object()) {
      return invalid_format("parameters." + key, column.dump(), "not an object");
    }
    for (const auto& [recipient, value] : column.items()) {
      if (!value.is_string()) {
        return invalid_format("parameters." + key + "." + recipient, value.dump(), "not a string");
      }
      if (auto problem =
              add_parameter(params, key, recipient, value.get_ref<const std::string&>())) {
        return problem->answer;
      }
    }
  }
  return std::nullopt;
}

/// `max_number_of_message_parts`, checked: 0 when absent (no limit).
inline auto dry_run_max_parts(const nlohmann::json& request, std::size_t& max_parts)
    -> std::optional<request_problem> {
  const auto m = request.find("max_number_of_message_parts");
  if (m == request.end()) {
    return std::nullopt;
  }
  const auto parts = m->is_number_integer() ? std::optional(m->get<std::int64_t>()) : std::nullopt;
  if (auto problem = check_max_parts(parts, m->dump())) {
    return problem;
  }
  max_parts = static_cast<std::size_t>(*parts);
  return std::nullopt;
}

/// The body of an mt_text request, checked: its template.
inline auto dry_run_body(const nlohmann::json& request,
                         std::optional<septet::message_template>& tmpl)
    -> std::optional<request_error> {
  const auto type_field = request.find("type");
  const std::string type = type_field == request.end() ? std::string("mt_text")
                           : type_field->is_string()   ? type_field->get<std::string>()
                                                       : type_field->dump();
  if (type != "mt_text") {
    return constraint_violation("Offline dry run supports type 'mt_text' only, not '" + type +
                                "'.");
  }
  const auto body = request.find("body");
  if (body == request.end() || body->is_null()) {
    return constraint_violation("The 'body' field is required.");
  }
  if (!body->is_string()) {
    return invalid_format("body", body->dump(), "not a string");
  }
  if (auto problem = check_text_body(body->get_ref<const std::string&>())) {
    return problem->answer;
  }
  tmpl = septet::message_template::parse(body->get_ref<const std::string&>(), placeholders).value;
  return std::nullopt;
}

/// Every recipient judged by Sinch's rule; the accepted ones counted (and rendered when listed).
inline void judge_recipients(const septet::message_template& tmpl,
                             const septet::parameter_table& params,
                             const std::vector<septet::msisdn>& recipients,
                             std::size_t max_parts,
                             const dry_run_options& opts,
                             dry_run_result& out) {
  const auto counting = uncapped(septet::options{});
  for (const auto& recipient : recipients) {
    const std::string digits(recipient.digits());
    const auto verdict = evaluate_recipient(tmpl, params, recipient, counting, max_parts);
    const auto parts = verdict.counted.parts;
    if (verdict.status == recipient_status::unmatched_parameter) {
      out.failures.push_back({digits, verdict.code(),
                              "no value and no default for a parameter at byte " +
                                  std::to_string(verdict.counted.status.count) + " of the body"});
    } else if (verdict.status == recipient_status::exceeded_parts_limit) {
      out.failures.push_back({digits, verdict.code(),
                              std::to_string(parts) + " parts exceed max_number_of_message_parts " +
                                  std::to_string(max_parts)});
    } else {
      out.number_of_messages += parts;
      if (opts.per_recipient && out.per_recipient.size() < opts.per_recipient_limit) {
        out.per_recipient.push_back({digits, septet::render(tmpl, params, recipient).value, parts,
                                     verdict.counted.encoding});
      }
    }
  }
}

}  // namespace detail

/// Works out what Sinch's dry run would answer for `request` (a send-batch body, mt_text), by
/// Sinch's rules (rules.hpp): GSM 7-bit or UCS-2 per recipient after substitution, 160/153 and
/// 70/67.
inline auto dry_run(const nlohmann::json& request, const dry_run_options& opts = {})
    -> dry_run_result {
  dry_run_result out;
  if (!request.is_object()) {
    out.error = request_error{"syntax_invalid_json", "The request body must be a JSON object."};
    return out;
  }
  std::optional<septet::message_template> tmpl;
  std::vector<septet::msisdn> recipients;
  septet::parameter_table params(placeholders);
  std::size_t max_parts = 0;
  std::optional<request_error> forbidden;
  if (auto e = detail::dry_run_body(request, tmpl)) {
    out.error = std::move(e);
  } else if (auto p = detail::dry_run_recipients(request, opts, recipients, out.uncounted_groups,
                                                 forbidden)) {
    out.error = std::move(p->answer);
  } else if (auto e2 = detail::dry_run_parameters(request, params)) {
    out.error = std::move(e2);
  } else if (auto p2 = detail::dry_run_max_parts(request, max_parts)) {
    out.error = std::move(p2->answer);
  } else if (forbidden) {
    out.error = std::move(forbidden);
    out.error_status = unknown_group_status;
  } else {
    out.number_of_recipients = recipients.size();
    detail::judge_recipients(*tmpl, params, recipients, max_parts, opts, out);
  }
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_DRY_RUN_HPP
