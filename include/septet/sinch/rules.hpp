#ifndef SEPTET_SINCH_RULES_HPP
#define SEPTET_SINCH_RULES_HPP

#include <cstddef>
#include <cstdint>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/options.hpp>
#include <string_view>

/// Sinch's rules for a batch, written once: its limits, and what happens to one recipient of an
/// accepted batch (sent, or failed alone with code 405 or 411). The checks of a whole request
/// are in request_checks.hpp. Only the core is needed here, so the WebAssembly module uses these
/// too.
namespace septet::inline v0::sinch {

/// Sinch's regions (seeds 001 and 002 list their hosts https://{region}.sms.api.sinch.com); an
/// account is in the US unless Sinch set it up elsewhere.
inline constexpr std::string_view regions[] = {"us", "eu", "au", "br", "ca", "gb"};
inline constexpr std::string_view default_region = "us";
inline constexpr std::size_t max_recipients_per_batch = 1000;
/// Sinch's cap on a body, in UTF-16 units: the core's default cap is this rule.
inline constexpr std::size_t max_body_characters = septet::default_max_characters;
inline constexpr std::size_t max_client_reference = 2048;
inline constexpr std::size_t max_callback_url = 2048;
/// An mt_binary message: UDH and body together fill one part's user data.
inline constexpr std::size_t max_binary_octets = 140;
/// dry_run's `number_of_recipients`: how many per_recipient entries, by default and at most.
inline constexpr std::size_t default_per_recipient_limit = 100;
inline constexpr std::size_t max_per_recipient_limit = 1000;
/// List endpoints: items per page, at most.
inline constexpr std::int64_t max_page_size = 100;
/// `from_ton` and `from_npi`, the sender's SMPP type of number and numbering plan: 0-6 and 0-18.
/// Not in the seeds; Sinch's OpenAPI models as the official SDKs carry them
/// (research/sinch-api.md, send body fields).
inline constexpr std::int64_t max_from_ton = 6;
inline constexpr std::int64_t max_from_npi = 18;

/// A batch's `type`: text, binary or media.
inline constexpr std::string_view batch_types[] = {"mt_text", "mt_binary", "mt_media"};
/// Groups (`/groups`): a name of at most 20 characters (UTF-16 units), at most 10 000 members
/// and 10 child groups; auto_update keywords are word characters (`^\w+$`), at most 15. The seeds
/// give none of these (only that a duplicate member is ignored, seed 003): septet warns
/// (group_warnings in request_checks.hpp) instead of refusing.
inline constexpr std::size_t max_group_name = 20;
inline constexpr std::size_t max_group_members = 10'000;
inline constexpr std::size_t max_child_groups = 10;
inline constexpr std::size_t max_group_keyword = 15;

inline constexpr std::string_view delivery_report_values[] = {
    "none", "summary", "full", "per_recipient", "per_recipient_final"};
/// A delivery report's `status` (the filter `status` of the report endpoints takes these). Seed 003
/// names "message statuses" without listing them; these are the SDKs' enum (research/sinch-api.md,
/// delivery reports).
inline constexpr std::string_view delivery_statuses[] = {
    "Queued",  "Dispatched", "Aborted", "Cancelled", "Rejected",
    "Deleted", "Delivered",  "Failed",  "Expired",   "Unknown"};

/// How Sinch's templates are read: its documents (the seeds) give the `${key}` form and nothing
/// else, so a long key or value, or a "${" that opens no placeholder, may be accepted; septet
/// sends those and warns (request_checks.hpp, request_warnings) instead of refusing them.
inline constexpr auto placeholders = septet::placeholder_rules::lenient;

/// Delivery-report codes a recipient of an accepted batch fails with.
inline constexpr int code_unmatched_parameter = 405;
inline constexpr int code_exceeded_parts_limit = 411;

// ---- one recipient of an accepted batch ------------------------------------------------------

/// What Sinch does with one recipient of a batch it accepted.
enum class recipient_status : std::uint8_t {
  sent,
  unmatched_parameter,   ///< a placeholder with no value and no default: code 405
  exceeded_parts_limit,  ///< more parts than max_number_of_message_parts: code 411
  invalid_text,          ///< the rendered text cannot be counted (see the analysis' status)
};

struct recipient_verdict {
  recipient_status status = recipient_status::sent;
  /// The rendered text's analysis (unmatched_parameter: its status holds the placeholder's
  /// offset in the body).
  septet::analysis counted;

  [[nodiscard]] constexpr auto sent() const noexcept -> bool {
    return status == recipient_status::sent;
  }
  /// The delivery-report code the recipient fails with (0 when sent).
  [[nodiscard]] constexpr auto code() const noexcept -> int {
    return status == recipient_status::unmatched_parameter    ? code_unmatched_parameter
           : status == recipient_status::exceeded_parts_limit ? code_exceeded_parts_limit
                                                              : 0;
  }
  /// A stable name: "ok", "unmatched_parameter", "exceeded_parts_limit", or the core error's
  /// name.
  [[nodiscard]] constexpr auto reason() const noexcept -> std::string_view {
    switch (status) {
      case recipient_status::sent:
        return "ok";
      case recipient_status::exceeded_parts_limit:
        return "exceeded_parts_limit";
      case recipient_status::unmatched_parameter:
      case recipient_status::invalid_text:
        break;
    }
    return septet::name(counted.status.ec);
  }
};

/// The rule for one recipient, given the analysis of its rendered text: a placeholder without a
/// value fails it (405), more parts than `max_parts` (0: no limit) fail it (411).
[[nodiscard]] constexpr auto judge_recipient(const septet::analysis& rendered,
                                             std::size_t max_parts) noexcept -> recipient_verdict {
  recipient_verdict verdict{recipient_status::sent, rendered};
  if (rendered.status.ec == errc::unmatched_parameter) {
    verdict.status = recipient_status::unmatched_parameter;
  } else if (!rendered.ok()) {
    verdict.status = recipient_status::invalid_text;
  } else if (max_parts != 0 && rendered.parts > max_parts) {
    verdict.status = recipient_status::exceeded_parts_limit;
  }
  return verdict;
}

/// Renders `tmpl` for `recipient` (without building the text) and judges the result. `counting`
/// should have no caps: Sinch's cap applies to the template, checked by check_text_body.
template <parameter_source Parameters>
[[nodiscard]] constexpr auto evaluate_recipient(const message_template& tmpl,
                                                const Parameters& params,
                                                const msisdn& recipient,
                                                const septet::options& counting,
                                                std::size_t max_parts) -> recipient_verdict {
  return judge_recipient(analyze_rendered(tmpl, params, recipient, counting), max_parts);
}

/// The counting options for rendered texts: `base` without caps (they apply to the template).
[[nodiscard]] constexpr auto uncapped(septet::options base) noexcept -> septet::options {
  base.max_characters = 0;
  base.max_parts = 0;
  return base;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_RULES_HPP
