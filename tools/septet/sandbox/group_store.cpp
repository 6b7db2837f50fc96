#include "group_store.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::echo_number;
using answers::now_iso;

namespace {

/// Appends the numbers of `from` not yet in `to` (as Sinch echoes them), keeping their order.
void add_numbers(std::vector<std::string>& to, const std::vector<std::string>& from) {
  std::set<std::string> seen(to.begin(), to.end());
  for (const auto& number : from) {
    auto digits = echo_number(number);
    if (seen.insert(digits).second) {
      to.push_back(std::move(digits));
    }
  }
}

/// auto_update as Sinch echoes it: its `to` without + or 00, like every number it writes.
auto as_echoed(std::optional<sinch::group_auto_update> a)
    -> std::optional<sinch::group_auto_update> {
  if (a) {
    a->to = echo_number(a->to);
  }
  return a;
}

void remove_numbers(std::vector<std::string>& from, const std::vector<std::string>& numbers) {
  std::set<std::string> gone;
  for (const auto& number : numbers) {
    gone.insert(echo_number(number));
  }
  std::erase_if(from, [&](const std::string& n) { return gone.contains(n); });
}

}  // namespace

auto group_store::create(const sinch::group_request& request) -> group_result {
  // The ID first: the batch store's lock is never taken under this one.
  const auto id = m_new_id();
  std::lock_guard lock(m_mutex);
  if (auto missing = missing_reference_locked(request.child_groups)) {
    return {group_change::unknown_reference, {}, std::move(*missing)};
  }
  stored_group g;
  g.group.id = id;
  g.group.created_at = now_iso();
  set_locked(g, request);
  m_order.push_back(id);
  const auto& stored = m_groups[id] = std::move(g);
  return {group_change::done, view_locked(stored), {}};
}

auto group_store::replace(const std::string& id, const sinch::group_request& request)
    -> group_result {
  std::lock_guard lock(m_mutex);
  const auto it = m_groups.find(id);
  if (it == m_groups.end()) {
    return {group_change::no_such_group, {}, {}};
  }
  if (auto missing = missing_reference_locked(request.child_groups)) {
    return {group_change::unknown_reference, {}, std::move(*missing)};
  }
  it->second.members.clear();
  set_locked(it->second, request);
  return {group_change::done, view_locked(it->second), {}};
}

auto group_store::update(const std::string& id, const sinch::group_update& update) -> group_result {
  std::lock_guard lock(m_mutex);
  const auto it = m_groups.find(id);
  if (it == m_groups.end()) {
    return {group_change::no_such_group, {}, {}};
  }
  std::vector<std::string> named;
  for (const auto* ref : {&update.add_from_group, &update.remove_from_group}) {
    if (*ref) {
      named.push_back(**ref);
    }
  }
  if (auto missing = missing_reference_locked(named)) {
    return {group_change::unknown_reference, {}, std::move(*missing)};
  }
  auto& g = it->second;
  // Adds before removes, as Sinch applies them.
  add_numbers(g.members, update.add);
  if (update.add_from_group) {
    add_numbers(g.members, *members_locked(*update.add_from_group));
  }
  remove_numbers(g.members, update.remove);
  if (update.remove_from_group) {
    remove_numbers(g.members, *members_locked(*update.remove_from_group));
  }
  if (update.name.present) {
    g.group.name = update.name.value;
  }
  if (update.auto_update) {
    g.group.auto_update = as_echoed(update.auto_update);
  }
  g.group.modified_at = now_iso();
  return {group_change::done, view_locked(g), {}};
}

auto group_store::remove(const std::string& id) -> bool {
  std::lock_guard lock(m_mutex);
  if (m_groups.erase(id) == 0) {
    return false;
  }
  std::erase(m_order, id);
  return true;
}

auto group_store::get(const std::string& id) const -> std::optional<sinch::group> {
  std::lock_guard lock(m_mutex);
  const auto it = m_groups.find(id);
  if (it == m_groups.end()) {
    return std::nullopt;
  }
  return view_locked(it->second);
}

auto group_store::list() const -> std::vector<sinch::group> {
  std::lock_guard lock(m_mutex);
  std::vector<sinch::group> out;
  out.reserve(m_order.size());
  for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
    out.push_back(view_locked(m_groups.find(*it)->second));
  }
  return out;
}

auto group_store::members(std::string_view id) const -> std::optional<std::vector<std::string>> {
  std::lock_guard lock(m_mutex);
  return members_locked(id);
}

auto group_store::members_locked(std::string_view id) const
    -> std::optional<std::vector<std::string>> {
  if (m_groups.find(id) == m_groups.end()) {
    return std::nullopt;
  }
  // The group's numbers, then its child groups' (and theirs), each group and number once: a
  // group may name itself or its parent as a child.
  std::vector<std::string> out;
  std::set<std::string, std::less<>> visited;
  std::vector<std::string> pending{std::string(id)};
  while (!pending.empty()) {
    const auto next = std::move(pending.front());
    pending.erase(pending.begin());
    const auto it = m_groups.find(next);
    if (it == m_groups.end() || !visited.insert(next).second) {
      continue;  // a deleted child group adds nobody
    }
    add_numbers(out, it->second.members);
    pending.insert(pending.end(), it->second.group.child_groups.begin(),
                   it->second.group.child_groups.end());
  }
  return out;
}

auto group_store::view_locked(const stored_group& g) const -> sinch::group {
  auto view = g.group;
  view.size = static_cast<std::int64_t>(members_locked(g.group.id)->size());
  return view;
}

auto group_store::missing_reference_locked(const std::vector<std::string>& ids) const
    -> std::optional<std::string> {
  for (const auto& id : ids) {
    if (m_groups.find(id) == m_groups.end()) {
      return id;
    }
  }
  return std::nullopt;
}

void group_store::set_locked(stored_group& g, const sinch::group_request& request) {
  g.group.name = request.name;
  g.group.child_groups = request.child_groups;
  g.group.auto_update = as_echoed(request.auto_update);
  g.group.extra = sinch::json::object();
  add_numbers(g.members, request.members);
  g.group.modified_at = now_iso();
}

}  // namespace septet_cli
