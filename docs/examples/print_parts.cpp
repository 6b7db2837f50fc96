// Count, split and print a message: what docs/getting-started.md shows, compiled and run by
// ctest (docs.example.print_parts) against print_parts.output.
#include <iostream>
#include <septet/septet.hpp>
#include <string>

int main() {
  const std::string body =
      "Your order #4521 has shipped and will arrive on Tuesday between 9:00 and 12:00. Track it "
      "at example.com/t/4521 or reply STOP to opt out. Questions? Call us any time: {24/7}.";
  const auto a = septet::analyze(body);
  std::cout << a << '\n';
  for (const auto& p : septet::segment(body).value()) {
    std::cout << p << ": " << septet::part_text(body, p) << '\n';
  }
  std::cout << septet::analyze("ab\xC3").status << '\n';
}
