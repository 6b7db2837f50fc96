#ifndef SEPTET_TOOLS_WIRE_HPP
#define SEPTET_TOOLS_WIRE_HPP

#include <cstdint>
#include <iosfwd>
#include <septet/user_data.hpp>
#include <string_view>

#include "exit_status.hpp"

namespace septet_cli {

struct encode_settings {
  septet::encode_options options;
  bool json = false;
};

/// `septet encode`: every part of `text` as hex with its data coding.
auto encode(std::string_view text, const encode_settings& settings, std::ostream& out)
    -> exit_status;

enum class udhi_mode : std::uint8_t { automatic, yes, no };

struct decode_settings {
  std::uint8_t data_coding = septet::data_coding_gsm7;
  septet::septet_form form = septet::septet_form::packed;
  udhi_mode udhi = udhi_mode::automatic;
  bool newline = false;  ///< end the text with a newline (on a terminal)
};

/// `septet decode`: parts as lines of hex (UDH followed by UD), in any order, or the JSON object
/// `septet encode --json` prints; writes the reassembled text.
auto decode(std::string_view input, const decode_settings& settings, std::ostream& out)
    -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_WIRE_HPP
