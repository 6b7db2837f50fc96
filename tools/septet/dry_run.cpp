#include "dry_run.hpp"

#include <cstdio>
#include <ostream>

namespace septet_cli {

auto dry_run(std::string_view request, const dry_run_settings& settings, std::ostream& out)
    -> exit_status {
  const auto parsed = nlohmann::json::parse(request, nullptr, false);
  if (parsed.is_discarded()) {
    out << septet::sinch::request_error{"syntax_invalid_json", "The request is not valid JSON."}
               .to_json()
               .dump()
        << '\n';
    return invalid_input;
  }
  const auto result = septet::sinch::dry_run(parsed, settings.options);
  out << result.to_json(settings.options.per_recipient).dump() << '\n';
  if (result.error) {
    return invalid_input;
  }
  if (const auto typed = septet::sinch::read<septet::sinch::batch_request>(parsed); typed.ok()) {
    for (const auto& w : septet::sinch::request_warnings(typed.value)) {
      const auto line = nlohmann::json{
          {"warning", w.field},
          {"code", septet::to_string(w.core.ec)},
          {"byte", w.core.count},
          {"text", w.text}}.dump();
      std::fprintf(stderr, "%s\n", line.c_str());
    }
  }
  return report_recipients(result) ? ok : some_failed;
}

auto report_recipients(const septet::sinch::dry_run_result& result) -> bool {
  for (const auto& f : result.failures) {
    const auto line =
        nlohmann::json{{"recipient", f.recipient}, {"code", f.code}, {"reason", f.reason}}.dump();
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  // A group whose members are unknown here: the counts leave them out, and say so.
  for (const auto& group : result.uncounted_groups) {
    const auto line = nlohmann::json{{"group", group},
                                     {"reason",
                                      "a group's members are unknown here (offline, or not "
                                      "readable from Sinch): not counted or checked"}}
                          .dump();
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  return result.failures.empty() && result.uncounted_groups.empty();
}

}  // namespace septet_cli
