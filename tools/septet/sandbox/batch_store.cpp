#include "batch_store.hpp"

#include <algorithm>
#include <septet/msisdn.hpp>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/timestamp.hpp>
#include <utility>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::echo_number;
using answers::now_iso;

void as_sinch_returns(sinch::batch& b) {
  for (auto& to : b.to) {
    to = echo_number(to);
  }
  if (b.from) {
    *b.from = echo_number(*b.from);
  }
  if (b.parameters) {
    for (auto& [key, column] : *b.parameters) {
      std::map<std::string, std::string> by_number;
      for (auto& [recipient, value] : column) {
        // "default" is no number and stays; echo_number leaves it as it is.
        by_number[echo_number(recipient)] = std::move(value);
      }
      column = std::move(by_number);
    }
  }
  for (auto* moment : {&b.send_at, &b.expire_at}) {
    if (*moment) {
      *moment = sinch::normalize_timestamp(**moment).value_or(**moment);
    }
  }
}

namespace {

/// The batch's recipients: its numbers, and each group's members in place of its ID.
auto recipients_of(const sinch::batch& b, const sinch::group_resolver& groups)
    -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& to : b.to) {
    if (septet::parse_msisdn(to).ok() || !groups) {
      out.push_back(to);
    } else if (const auto members = groups(to)) {
      out.insert(out.end(), members->begin(), members->end());
    }
  }
  return out;
}

}  // namespace

auto deliver(const sinch::batch& b, const sinch::json& body, const sinch::group_resolver& groups)
    -> std::vector<sinch::recipient_delivery_report> {
  std::map<std::string, std::pair<std::int64_t, std::string>> outcome;
  std::map<std::string, std::int64_t> parts;
  const auto recipients = recipients_of(b, groups);
  if (b.type == "mt_text") {
    sinch::dry_run_options opts;
    opts.per_recipient = true;
    opts.per_recipient_limit = std::max(recipients.size(), b.to.size());
    opts.group_members = groups;
    const auto run = sinch::dry_run(body, opts);
    for (const auto& f : run.failures) {
      outcome[f.recipient] = {f.code, "Aborted"};
    }
    for (const auto& r : run.per_recipient) {
      parts[r.recipient] = static_cast<std::int64_t>(r.number_of_parts);
    }
  }
  std::vector<sinch::recipient_delivery_report> out;
  const auto at = now_iso();
  for (const auto& to : recipients) {
    sinch::recipient_delivery_report r;
    r.batch_id = b.id;
    r.recipient = to;
    const auto o = outcome.find(to);
    r.code = o == outcome.end() ? 0 : o->second.first;
    r.status = o == outcome.end() ? "Delivered" : o->second.second;
    r.at = at;
    r.operator_status_at = at;
    r.client_reference = b.client_reference;
    if (b.max_number_of_message_parts && parts.contains(to)) {
      r.number_of_message_parts = parts[to];
    }
    out.push_back(std::move(r));
  }
  return out;
}

auto summarise(const stored_batch& s, bool full, const answers::report_filters& filters)
    -> sinch::batch_delivery_report {
  sinch::batch_delivery_report d;
  d.batch_id = s.batch.id;
  d.client_reference = s.batch.client_reference;
  d.total_message_count = static_cast<std::int64_t>(s.reports.size());
  std::map<std::pair<std::int64_t, std::string>, sinch::delivery_status> rows;
  for (const auto& r : s.reports) {
    if (!filters.matches(r.status, r.code)) {
      continue;
    }
    auto& row = rows[{r.code, r.status}];
    row.code = r.code;
    row.status = r.status;
    ++row.count;
    if (full) {
      row.recipients.push_back(r.recipient);
    }
  }
  for (auto& [key, row] : rows) {
    d.statuses.push_back(std::move(row));
  }
  return d;
}

auto batch_store::new_id() -> std::string {
  std::lock_guard lock(m_mutex);
  return new_id_locked();
}

auto batch_store::new_id_locked() -> std::string {
  static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string id = "01";
  std::uint64_t a = m_next_id++;
  std::uint64_t b = m_random();
  for (int i = 0; i < 12; ++i, a >>= 5U) {
    id.push_back(alphabet[a & 31U]);
  }
  for (int i = 0; i < 12; ++i, b >>= 5U) {
    id.push_back(alphabet[b & 31U]);
  }
  return id;
}

auto batch_store::create(const sinch::batch_request& request,
                         const sinch::json& body,
                         const sinch::group_resolver& groups) -> stored_batch {
  stored_batch s;
  static_cast<sinch::batch_request&>(s.batch) = request;
  as_sinch_returns(s.batch);
  s.batch.created_at = s.batch.modified_at = now_iso();
  std::lock_guard lock(m_mutex);
  s.batch.id = new_id_locked();
  s.reports = deliver(s.batch, body, groups);
  m_index[s.batch.id] = m_batches.size();
  m_batches.push_back(s);
  return s;
}

auto batch_store::add_inbound(const std::string& from,
                              const std::string& to,
                              const std::string& body,
                              const inbound_details& details) -> sinch::inbound {
  sinch::inbound m;
  m.from = echo_number(from);
  m.to = echo_number(to);
  m.body = body;
  m.sent_at = m.received_at = details.received_at.value_or(now_iso());
  std::lock_guard lock(m_mutex);
  m.id = new_id_locked();
  m.client_reference = details.client_reference;
  m.operator_id = details.operator_id;
  for (auto it = m_batches.rbegin(); !m.client_reference && it != m_batches.rend(); ++it) {
    const auto& b = it->batch;
    if (b.from == m.to && std::find(b.to.begin(), b.to.end(), m.from) != b.to.end()) {
      m.client_reference = b.client_reference;
    }
  }
  m_inbounds.push_back(m);
  return m;
}

auto batch_store::find_inbounds(const std::vector<std::string>& to) const
    -> std::vector<sinch::inbound> {
  std::lock_guard lock(m_mutex);
  std::vector<sinch::inbound> found;
  for (auto it = m_inbounds.rbegin(); it != m_inbounds.rend(); ++it) {
    if (to.empty() || std::any_of(to.begin(), to.end(),
                                  [&](const auto& t) { return echo_number(t) == it->to; })) {
      found.push_back(*it);
    }
  }
  return found;
}

auto batch_store::inbound(const std::string& id) const -> std::optional<sinch::inbound> {
  std::lock_guard lock(m_mutex);
  for (const auto& m : m_inbounds) {
    if (m.id == id) {
      return m;
    }
  }
  return std::nullopt;
}

auto batch_store::created() const -> std::size_t {
  std::lock_guard lock(m_mutex);
  return m_batches.size();
}

}  // namespace septet_cli
