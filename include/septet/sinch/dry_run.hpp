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

/// `check_request`; with the batch limit off, every rule but that one: the request checked with
/// as many recipients as Sinch takes, then each recipient beyond them.
inline auto check_dry_run_request(const batch_request& request, bool enforce_batch_limit)
    -> std::optional<request_problem> {
  if (enforce_batch_limit || request.to.size() <= max_recipients_per_batch) {
    return check_request(request);
  }
  auto within_limit = request;
  within_limit.to.resize(max_recipients_per_batch);
  if (auto problem = check_request(within_limit)) {
    return problem;
  }
  for (std::size_t i = max_recipients_per_batch; i < request.to.size(); ++i) {
    if (auto problem = check_recipient(i, request.to[i])) {
      return problem;
    }
  }
  return std::nullopt;
}

/// The recipients of a checked `to`: its MSISDNs, and the members of each group ID when
/// `opts.group_members` can tell them (else the ID goes to `uncounted`). An unknown group is
/// Sinch's 403 unknown_group.
inline auto dry_run_recipients(const std::vector<std::string>& to,
                               const dry_run_options& opts,
                               std::vector<septet::msisdn>& recipients,
                               std::vector<std::string>& uncounted)
    -> std::optional<request_error> {
  recipients.reserve(to.size());
  std::optional<request_error> forbidden;
  for (const auto& entry : to) {
    if (const auto number = septet::parse_msisdn(entry); number.ok()) {
      recipients.push_back(number.value());
    } else if (!opts.group_members) {
      uncounted.push_back(entry);
    } else if (const auto members = opts.group_members(entry)) {
      for (const auto& member : *members) {
        if (const auto m = septet::parse_msisdn(member); m.ok()) {
          recipients.push_back(m.value());
        }
      }
    } else if (!forbidden) {
      forbidden = unknown_group(entry);
    }
  }
  return forbidden;
}

/// The `parameters` of a checked request, as the table the template is rendered with.
inline auto dry_run_parameters(const batch_request& request) -> septet::parameter_table {
  septet::parameter_table table(placeholders);
  if (!request.parameters) {
    return table;
  }
  for (const auto& [key, column] : *request.parameters) {
    for (const auto& [recipient, value] : column) {
      // check_request has added each one to a table like this already: none fails here.
      static_cast<void>(table.set(key, recipient, value));
    }
  }
  return table;
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
        out.per_recipient.push_back({digits, septet::render(tmpl, params, recipient).value(), parts,
                                     verdict.counted.encoding});
      }
    }
  }
}

}  // namespace detail

/// Works out what Sinch's dry run would answer for `request` (a send-batch body, mt_text), by
/// Sinch's rules (rules.hpp): GSM 7-bit or UCS-2 per recipient after substitution, 160/153 and
/// 70/67. A request Sinch refuses is refused by the same checks as the client's and the
/// sandbox's (`read_request`, `check_request`).
inline auto dry_run(const nlohmann::json& request, const dry_run_options& opts = {})
    -> dry_run_result {
  dry_run_result out;
  batch_request typed;
  if (auto problem = read_request(request, typed)) {
    out.error = std::move(problem->answer);
    return out;
  }
  if (auto problem = detail::check_dry_run_request(typed, opts.enforce_batch_limit)) {
    out.error = std::move(problem->answer);
    return out;
  }
  if (typed.type != "mt_text") {
    out.error = constraint_violation("Offline dry run supports type 'mt_text' only, not '" +
                                     typed.type + "'.");
    return out;
  }
  std::vector<septet::msisdn> recipients;
  if (auto forbidden =
          detail::dry_run_recipients(typed.to, opts, recipients, out.uncounted_groups)) {
    out.error = std::move(forbidden);
    out.error_status = unknown_group_status;
    return out;
  }
  const auto tmpl = septet::message_template::parse(typed.body, placeholders).value();
  out.number_of_recipients = recipients.size();
  detail::judge_recipients(tmpl, detail::dry_run_parameters(typed), recipients,
                           static_cast<std::size_t>(typed.max_number_of_message_parts.value_or(0)),
                           opts, out);
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_DRY_RUN_HPP
