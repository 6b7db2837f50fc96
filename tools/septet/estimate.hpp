#ifndef SEPTET_TOOLS_ESTIMATE_HPP
#define SEPTET_TOOLS_ESTIMATE_HPP

#include <cstddef>
#include <iosfwd>
#include <septet/options.hpp>
#include <string>
#include <utility>
#include <vector>

#include "exit_status.hpp"

namespace septet_cli {

struct estimate_settings {
  std::string template_body;
  std::string recipients_path;     ///< CSV: an msisdn column, then one column per parameter
  std::string prices_path;         ///< CSV: prefix (or country) and price per part; optional
  std::string per_recipient_path;  ///< write one line per recipient: .csv or .jsonl
  std::vector<std::pair<std::string, std::string>> defaults;  ///< key -> default value
  double rate = 0;            ///< parts per second the plan allows; 0: unknown
  std::size_t max_parts = 0;  ///< Sinch max_number_of_message_parts; 0: none
  septet::options options;
  bool json = false;
  bool progress = true;  ///< progress lines on stderr once a second has passed
  std::size_t jobs = 0;  ///< threads that judge recipients; 0: one per core
};

/// `septet estimate`: what sending the template to every recipient would cost, streamed.
auto estimate(const estimate_settings& settings, std::ostream& out) -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_ESTIMATE_HPP
