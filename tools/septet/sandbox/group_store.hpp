#ifndef SEPTET_TOOLS_SANDBOX_GROUP_STORE_HPP
#define SEPTET_TOOLS_SANDBOX_GROUP_STORE_HPP

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <septet/sinch/models.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace septet_cli {

namespace sinch = septet::sinch;

/// What a change to a group came to.
enum class group_change : std::uint8_t {
  done,
  no_such_group,      ///< the group itself is unknown: 404
  unknown_reference,  ///< a child group or add/remove_from_group is unknown: 403 unknown_group
};

struct group_result {
  group_change change = group_change::done;
  sinch::group group;     ///< done: the group as it is now
  std::string reference;  ///< unknown_reference: the group ID it named
};

/// The sandbox's groups: each a set of numbers (as Sinch echoes them: digits only), in the order
/// they were added, duplicates ignored. Safe from any thread: every member takes the lock.
class group_store {
 public:
  /// `new_id` hands out IDs like the batches' (the batch store's).
  explicit group_store(std::function<std::string()> new_id) : m_new_id(std::move(new_id)) {}

  /// Creates a group from a checked request.
  auto create(const sinch::group_request& request) -> group_result;
  /// Replaces name, members, child groups and auto_update.
  auto replace(const std::string& id, const sinch::group_request& request) -> group_result;
  /// Adds (`add`, `add_from_group`), then removes (`remove`, `remove_from_group`); sets or
  /// clears the name, sets auto_update.
  auto update(const std::string& id, const sinch::group_update& update) -> group_result;
  /// False when there is no such group.
  auto remove(const std::string& id) -> bool;

  [[nodiscard]] auto get(const std::string& id) const -> std::optional<sinch::group>;
  /// Every group, newest first.
  [[nodiscard]] auto list() const -> std::vector<sinch::group>;
  /// The group's numbers and its child groups', each once; nullopt when there is no such group.
  [[nodiscard]] auto members(std::string_view id) const -> std::optional<std::vector<std::string>>;

 private:
  struct stored_group {
    sinch::group group;
    std::vector<std::string> members;  ///< the group's own numbers
  };

  [[nodiscard]] auto members_locked(std::string_view id) const
      -> std::optional<std::vector<std::string>>;
  [[nodiscard]] auto view_locked(const stored_group& g) const -> sinch::group;
  [[nodiscard]] auto missing_reference_locked(const std::vector<std::string>& ids) const
      -> std::optional<std::string>;
  void set_locked(stored_group& g, const sinch::group_request& request);

  mutable std::mutex m_mutex;
  std::function<std::string()> m_new_id;
  std::map<std::string, stored_group, std::less<>> m_groups;
  std::vector<std::string> m_order;  ///< IDs, oldest first
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_GROUP_STORE_HPP
