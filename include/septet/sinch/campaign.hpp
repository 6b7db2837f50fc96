#ifndef SEPTET_SINCH_CAMPAIGN_HPP
#define SEPTET_SINCH_CAMPAIGN_HPP

#include <array>
#include <cstddef>
#include <septet/error.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/options.hpp>
#include <septet/sinch/rules.hpp>
#include <string_view>

/// A campaign's estimate before anything is sent: one template, recipients streamed one at a
/// time, each judged by Sinch's rule (rules.hpp), and the totals `septet estimate --json` prints.
/// No allocation and no exception: the totals are fixed-size counters, so they also serve as the
/// state of a parallel aggregate (merge adds two).
namespace septet::inline v0::sinch {

/// Recipients are counted by their number of parts up to this (the most a concatenated message
/// has); those with more are counted together.
inline constexpr std::size_t most_counted_parts = 255;

struct campaign_totals {
  /// Where failures are counted: one slot per core error (errc), then these two.
  static constexpr std::size_t exceeded_parts_limit_slot = std::size(septet::detail::error_table);
  /// Recipients the caller refused before Sinch's rule (campaign_estimate::refuse).
  static constexpr std::size_t refused_slot = exceeded_parts_limit_slot + 1;
  static constexpr std::size_t failure_slots = refused_slot + 1;

  std::size_t recipients = 0;
  std::size_t failed = 0;
  std::size_t text_parts = 0;     ///< GSM 7-bit
  std::size_t unicode_parts = 0;  ///< UCS-2
  /// [n]: recipients sent in n parts, n from 1 to most_counted_parts; [most_counted_parts + 1]:
  /// in more.
  std::array<std::size_t, most_counted_parts + 2> recipients_by_parts{};
  /// Failed recipients by reason (see failure_reason).
  std::array<std::size_t, failure_slots> failures{};

  [[nodiscard]] constexpr auto parts() const noexcept -> std::size_t {
    return text_parts + unicode_parts;
  }

  /// Counts one recipient as Sinch would treat it.
  constexpr void count(const recipient_verdict& verdict) noexcept {
    ++recipients;
    if (!verdict.sent()) {
      ++failed;
      ++failures[verdict.status == recipient_status::exceeded_parts_limit
                     ? exceeded_parts_limit_slot
                     : static_cast<std::size_t>(verdict.counted.status.ec)];
      return;
    }
    const std::size_t parts = verdict.counted.parts;
    (verdict.counted.encoding == encoding::ucs2 ? unicode_parts : text_parts) += parts;
    ++recipients_by_parts[parts <= most_counted_parts ? parts : most_counted_parts + 1];
  }

  /// Counts a recipient that fails before its text is looked at (an invalid MSISDN: Sinch
  /// refuses it); `why` is not ok (an ok one is counted under "ok").
  constexpr void count_failure(result why) noexcept {
    count_failure_in(static_cast<std::size_t>(why.ec));
  }

  /// Counts a failed recipient in failure slot `slot`.
  constexpr void count_failure_in(std::size_t slot) noexcept {
    ++recipients;
    ++failed;
    ++failures[slot];
  }

  /// Adds `other` (counted over other recipients) to these.
  constexpr void merge(const campaign_totals& other) noexcept {
    recipients += other.recipients;
    failed += other.failed;
    text_parts += other.text_parts;
    unicode_parts += other.unicode_parts;
    for (std::size_t i = 0; i < recipients_by_parts.size(); ++i) {
      recipients_by_parts[i] += other.recipients_by_parts[i];
    }
    for (std::size_t i = 0; i < failures.size(); ++i) {
      failures[i] += other.failures[i];
    }
  }

  /// The stable name of failure slot `slot`, as recipient_verdict::reason() gives it:
  /// "unmatched_parameter", "exceeded_parts_limit", "invalid_msisdn", ...
  [[nodiscard]] static constexpr auto failure_reason(std::size_t slot) noexcept
      -> std::string_view {
    if (slot >= failure_slots) {
      return {};
    }
    if (slot == refused_slot) {
      return "refused";
    }
    return slot == exceeded_parts_limit_slot ? std::string_view("exceeded_parts_limit")
                                             : name(static_cast<errc>(slot));
  }
};

/// One recipient of a campaign: its number as Sinch reads it, and what Sinch would do.
struct recipient_estimate {
  outcome<msisdn> number;     ///< not ok: Sinch refuses the number (invalid_msisdn)
  recipient_verdict verdict;  ///< when the number is ok (else left as it was made: use sent())

  [[nodiscard]] constexpr auto sent() const noexcept -> bool {
    return number.ok() && verdict.sent();
  }
  /// "ok", or why it fails (see campaign_totals::failure_reason).
  [[nodiscard]] constexpr auto reason() const noexcept -> std::string_view {
    return number.ok() ? verdict.reason() : name(number.error().ec);
  }
};

/// A campaign estimated one recipient at a time, in constant memory:
///
///     septet::sinch::campaign_estimate campaign(tmpl);
///     for (const auto& row : rows) {
///       const auto one = campaign.add(row.msisdn, row_parameters(row));
///     }
///     campaign.totals().parts();
///
/// `tmpl` must outlive it. Counting ignores the caps of `counting` (Sinch's cap is on the
/// template: parse it with septet::sinch::placeholders and check it with check_text_body).
class campaign_estimate {
 public:
  explicit constexpr campaign_estimate(const message_template& tmpl,
                                       const options& counting = {},
                                       std::size_t max_parts = 0) noexcept
      : m_template(&tmpl), m_counting(uncapped(counting)), m_max_parts(max_parts) {}

  /// Judges and counts the recipient `number` (as written: "+46 70-123 45 67" and
  /// "0046701234567" are one number), whose values `parameters` gives.
  template <parameter_source Parameters>
  constexpr auto add(std::string_view number, const Parameters& parameters) -> recipient_estimate {
    return add(msisdn::parse(number), parameters);
  }

  /// The same, for a number the caller has read already (msisdn::parse).
  template <parameter_source Parameters>
  constexpr auto add(const outcome<msisdn>& number, const Parameters& parameters)
      -> recipient_estimate {
    if (!number.ok()) {
      return add_analyzed(number, analysis{});
    }
    return add_analyzed(number, analyze_rendered(*m_template, parameters, *number, m_counting));
  }

  /// The same, for a recipient whose rendered text the caller has analysed itself (with national
  /// tables it chose for that text, say), with the counting options.
  constexpr auto add_analyzed(const outcome<msisdn>& number, const analysis& counted)
      -> recipient_estimate {
    recipient_estimate one{number, {}};
    if (!one.number.ok()) {
      m_totals.count_failure(one.number.error());
      return one;
    }
    one.verdict = judge_recipient(counted, m_max_parts);
    m_totals.count(one.verdict);
    return one;
  }

  /// The options rendered texts are counted with (the constructor's, without caps).
  [[nodiscard]] constexpr auto counting() const noexcept -> const options& {
    return m_counting;
  }

  /// Counts a recipient the caller refuses before Sinch's rule is applied (a CSV row that does
  /// not fit its header, say) as failed, under "refused".
  constexpr void refuse() noexcept {
    m_totals.count_failure_in(campaign_totals::refused_slot);
  }

  [[nodiscard]] constexpr auto totals() const noexcept -> const campaign_totals& {
    return m_totals;
  }

 private:
  const message_template* m_template;
  options m_counting;
  std::size_t m_max_parts;
  campaign_totals m_totals;
};

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_CAMPAIGN_HPP
