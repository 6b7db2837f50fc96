// Estimate a campaign before sending it: what docs/getting-started.md shows, compiled and run by
// ctest (docs.example.estimate_campaign) against estimate_campaign.output.
#include <iostream>
#include <optional>
#include <septet/septet.hpp>
#include <septet/sinch/campaign.hpp>
#include <string>
#include <string_view>
#include <vector>

/// Your recipients, from wherever they live: a number and a first name (empty: none).
struct contact {
  std::string msisdn;
  std::string first_name;
};

/// Where the template's ${name} comes from: the contact's first name, else nothing (Sinch then
/// fails that recipient alone, code 405). septet::parameter_table holds Sinch's own form.
struct contact_values {
  const contact* who;
  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn& /*number*/) const
      -> std::optional<std::string_view> {
    if (key == "name" && !who->first_name.empty()) {
      return who->first_name;
    }
    return std::nullopt;
  }
};

int main() {
  const std::vector<contact> contacts = {{"+46701234567", "Anna"},
                                         {"+46 70 765 43 21", "Zo\u00EB \U0001F389"},
                                         {"0046701112233", ""},
                                         {"12345", "Bo"}};
  const std::string body = "Hi ${name}, your table for two is booked for Friday at 19:00.";
  const auto tmpl = septet::message_template::parse(body, septet::sinch::placeholders).value();
  septet::sinch::campaign_estimate campaign(tmpl);
  for (const auto& c : contacts) {
    const auto one = campaign.add(c.msisdn, contact_values{&c});
    std::cout << c.msisdn << ": " << one.reason();
    if (one.sent()) {
      std::cout << ", " << one.verdict.counted.parts << " part, " << one.verdict.counted.encoding;
    }
    std::cout << '\n';
  }
  const auto& t = campaign.totals();
  std::cout << t.recipients << " recipients, " << t.failed << " would fail, " << t.parts()
            << " parts (" << t.text_parts << " GSM 7-bit, " << t.unicode_parts << " UCS-2)\n";
}
