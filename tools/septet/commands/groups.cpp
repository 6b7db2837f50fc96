// septet groups: create, list, get, update, replace and delete Sinch groups, and list members.
#include <cstdio>
#include <iostream>
#include <septet/sinch/rules.hpp>
#include <string>
#include <utility>
#include <vector>

#include "../comma_list.hpp"
#include "../numeric_option.hpp"
#include "../sinch_commands.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

namespace sinch = septet::sinch;
using sinch::json;

/// The command line of `septet groups ...`, as parsed: every subcommand writes into it.
struct groups_command_line {
  sinch_connection connection;
  std::string id;
  std::string name;
  bool clear_name = false;
  std::vector<std::string> members;  ///< each may hold several numbers separated by commas
  std::vector<std::string> add;
  std::vector<std::string> remove;
  std::vector<std::string> child_groups;
  std::string add_from_group;
  std::string remove_from_group;
  long page_size = sinch::max_page_size;
  bool name_given = false;  ///< --name was given (an empty name included)
};

using action = exit_status (*)(groups_command_line&);

auto numbers(const std::vector<std::string>& lists) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& list : lists) {
    for (auto& number : split_commas(list)) {
      out.push_back(std::move(number));
    }
  }
  return out;
}

/// A failure's exit status. A create that may have left is 3 (outcome unknown): it may have
/// created the group, so creating it again could make two. (Every other groups request is
/// repeated until it is answered, so it never ends unknown.)
auto fail(const sinch::failure& f, const groups_command_line& line, bool creating = false)
    -> exit_status {
  const auto status = report_failure(f, line.connection, std::cout);
  if (creating && (f.kind == sinch::failure_kind::outcome_unknown ||
                   f.kind == sinch::failure_kind::bad_response)) {
    std::fprintf(stderr, "septet: run septet groups list before creating the group again\n");
    return outcome_unknown;
  }
  return status;
}

void print_group(const sinch::group& g, const groups_command_line& line) {
  if (line.connection.json) {
    std::cout << sinch::to_json(g).dump(2) << '\n';
    return;
  }
  std::string children;
  for (const auto& c : g.child_groups) {
    children += (children.empty() ? "" : ", ") + c;
  }
  std::cout << "group " << g.id << '\n'
            << "  name          " << g.name.value_or("(none)") << '\n'
            << "  size          " << g.size << '\n'
            << "  created       " << g.created_at.value_or("?") << '\n'
            << "  modified      " << g.modified_at.value_or("?") << '\n';
  if (!children.empty()) {
    std::cout << "  child groups  " << children << '\n';
  }
  if (g.auto_update) {
    std::cout << "  auto update   to " << g.auto_update->to << '\n';
  }
}

/// Prints the group a call answered with, or the failure.
auto finish(const sinch::response<sinch::group>& r,
            const groups_command_line& line,
            bool creating = false) -> exit_status {
  if (!r.ok()) {
    return fail(*r.error, line, creating);
  }
  print_group(r.value, line);
  return ok;
}

auto request_of(const groups_command_line& line) -> sinch::group_request {
  sinch::group_request request;
  if (line.name_given) {
    request.name = line.name;
  }
  request.members = numbers(line.members);
  request.child_groups = numbers(line.child_groups);
  return request;
}

auto run_create(groups_command_line& line) -> exit_status {
  const auto request = request_of(line);
  print_request_warnings(sinch::group_warnings(request));
  return finish(connect(line.connection).create_group(request), line, true);
}

auto run_replace(groups_command_line& line) -> exit_status {
  const auto request = request_of(line);
  print_request_warnings(sinch::group_warnings(request));
  return finish(connect(line.connection).replace_group(line.id, request), line);
}

auto run_get(groups_command_line& line) -> exit_status {
  return finish(connect(line.connection).get_group(line.id), line);
}

auto run_update(groups_command_line& line) -> exit_status {
  sinch::group_update update;
  update.add = numbers(line.add);
  update.remove = numbers(line.remove);
  if (line.clear_name) {
    update.name = sinch::nullable<std::string>::null();
  } else if (line.name_given) {
    update.name = line.name;
  }
  if (!line.add_from_group.empty()) {
    update.add_from_group = line.add_from_group;
  }
  if (!line.remove_from_group.empty()) {
    update.remove_from_group = line.remove_from_group;
  }
  print_request_warnings(sinch::group_warnings(update));
  return finish(connect(line.connection).update_group(line.id, update), line);
}

auto run_list(groups_command_line& line) -> exit_status {
  auto client = connect(line.connection);
  sinch::list_groups_query query;
  query.page_size = line.page_size;
  auto pages = client.group_pages(query);
  json all = json::array();
  std::size_t count = 0;
  while (auto page = pages.next()) {
    if (!page->ok()) {
      return fail(*page->error, line);
    }
    for (const auto& g : page->value.items) {
      ++count;
      if (line.connection.json) {
        all.push_back(sinch::to_json(g));
      } else {
        std::cout << g.id << "  " << g.size << " member" << (g.size == 1 ? "" : "s") << "  "
                  << g.name.value_or("") << '\n';
      }
    }
  }
  if (line.connection.json) {
    std::cout << all.dump(2) << '\n';
  } else if (count == 0) {
    std::cout << "no groups\n";
  }
  return ok;
}

auto run_delete(groups_command_line& line) -> exit_status {
  const auto r = connect(line.connection).delete_group(line.id);
  if (!r.ok()) {
    return fail(*r.error, line);
  }
  if (line.connection.json) {
    std::cout << json{{"deleted", line.id}}.dump(2) << '\n';
  } else {
    std::cout << "group " << line.id << " deleted\n";
  }
  return ok;
}

auto run_members(groups_command_line& line) -> exit_status {
  const auto r = connect(line.connection).list_group_members(line.id);
  if (!r.ok()) {
    return fail(*r.error, line);
  }
  if (line.connection.json) {
    std::cout << json(r.value).dump(2) << '\n';
    return ok;
  }
  for (const auto& number : r.value) {
    std::cout << number << '\n';
  }
  return ok;
}

/// --name, remembering that it was given.
auto add_name_option(CLI::App& sub, groups_command_line& line, const std::string& help)
    -> CLI::Option* {
  return sub.add_option_function<std::string>(
      "--name",
      [&line](const std::string& name) {
        line.name = name;
        line.name_given = true;
      },
      help);
}

/// The options that a create or a replace takes: the whole group.
void add_group_options(CLI::App& sub, groups_command_line& line) {
  add_name_option(sub, line, "The group's name (at most 20 characters)");
  sub.add_option("--member", line.members, "Members (MSISDNs), comma-separated or repeated")
      ->allow_extra_args(false);
  sub.add_option("--child-group", line.child_groups, "Child group IDs, whose members it includes")
      ->allow_extra_args(false);
}

void add_update_options(CLI::App& sub, groups_command_line& line) {
  sub.add_option("--add", line.add, "Numbers to add (added before removes)")
      ->allow_extra_args(false);
  sub.add_option("--remove", line.remove, "Numbers to remove")->allow_extra_args(false);
  auto* name = add_name_option(sub, line, "A new name");
  sub.add_flag("--clear-name", line.clear_name, "Remove the name (JSON null)")->excludes(name);
  sub.add_option("--add-from-group", line.add_from_group, "Add every member of this group");
  sub.add_option("--remove-from-group", line.remove_from_group,
                 "Remove every member of this group");
}

/// Adds `groups NAME` with the connection options (and the group ID when `with_id`).
auto add_action(CLI::App& groups,
                groups_command_line& line,
                const char* name,
                bool with_id,
                const char* description,
                const char* example) -> CLI::App* {
  auto* sub = groups.add_subcommand(name, description);
  add_examples(*sub, std::string("  ") + example + "\n");
  add_connection_options(*sub, line.connection);
  if (with_id) {
    sub->add_option("group_id", line.id, "Group ID")->required();
  }
  return sub;
}

}  // namespace

auto add_groups_command(CLI::App& app) -> command {
  auto* groups =
      app.add_subcommand("groups",
                         "Sinch groups: create, list, get, update, replace, delete, members.\n"
                         "A group ID may stand in --to of send for all its members.");
  groups->require_subcommand(1);
  add_examples(*groups,
               "  septet groups create --name Staff --member +46700000001,+46700000002\n"
               "  septet groups list\n"
               "  septet groups members GROUP_ID\n");
  auto line = std::make_shared<groups_command_line>();
  auto& l = *line;
  std::vector<std::pair<CLI::App*, action>> actions;
  auto* create = add_action(*groups, l, "create", false, "Creates a group (prints its ID)",
                            "septet groups create --name Staff --member +46700000001,+46700000002");
  add_group_options(*create, l);
  actions.emplace_back(create, run_create);
  auto* list = add_action(*groups, l, "list", false, "Lists the groups, every page",
                          "septet groups list --json");
  list->add_option("--page-size", l.page_size, "Groups per request")
      ->check(whole_number(1, sinch::max_page_size));
  actions.emplace_back(list, run_list);
  actions.emplace_back(add_action(*groups, l, "get", true, "A group", "septet groups get GROUP_ID"),
                       run_get);
  auto* update =
      add_action(*groups, l, "update", true, "Adds or removes members, renames",
                 "septet groups update GROUP_ID --add +46700000003 --remove +46700000001");
  add_update_options(*update, l);
  actions.emplace_back(update, run_update);
  auto* replace = add_action(*groups, l, "replace", true, "Sets name and members anew",
                             "septet groups replace GROUP_ID --name Team --member +46700000004");
  add_group_options(*replace, l);
  actions.emplace_back(replace, run_replace);
  actions.emplace_back(
      add_action(*groups, l, "delete", true, "Deletes a group", "septet groups delete GROUP_ID"),
      run_delete);
  actions.emplace_back(add_action(*groups, l, "members", true, "A group's members",
                                  "septet groups members GROUP_ID"),
                       run_members);
  return {groups, [line, actions] {
            for (const auto& [sub, run] : actions) {
              if (sub->parsed()) {
                return run(*line);
              }
            }
            return invalid_input;
          }};
}

}  // namespace septet_cli
