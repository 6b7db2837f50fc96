// A downstream program using the Sinch adapter component.
#include <septet/sinch/dry_run.hpp>

auto main() -> int {
  const auto request = nlohmann::json::parse(R"({"to":["+46701234567"],"body":"Hi ${n}",
    "parameters":{"n":{"default":"there"}}})");
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  return !result.error && result.per_recipient.at(0).body == "Hi there" ? 0 : 1;
}
