// Templates and MSISDNs from arbitrary bytes: parsing never crashes; a valid template renders,
// and analyzing the pieces as a stream equals analyzing the rendered text.
#include <septet/septet.hpp>
#include <string>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto number = septet::parse_msisdn(input.substr(0, 24));
  if (number.ok()) {
    const auto digits = number->digits();
    SEPTET_FUZZ_CHECK(digits.size() >= septet::msisdn_min_digits &&
                      digits.size() <= septet::msisdn_max_digits);
    SEPTET_FUZZ_CHECK(digits.find_first_not_of("0123456789") == std::string_view::npos);
    SEPTET_FUZZ_CHECK(septet::parse_msisdn(digits).value() == number.value());  // idempotent
  } else {
    SEPTET_FUZZ_CHECK(number.error().count <= std::min<std::size_t>(size, 24));
  }
  const auto tmpl = septet::message_template::parse(input);
  if (!tmpl.ok()) {
    SEPTET_FUZZ_CHECK(tmpl.error().count < size);
    return 0;
  }
  // Every key gets the text of the template itself as its default, if that is a valid value.
  septet::parameter_table params;
  bool all_set = true;
  tmpl->for_each_piece([](std::string_view) {},
                       [&](std::string_view key, std::size_t) {
                         all_set = params.set(key, "default", input.substr(0, 40)).ok() && all_set;
                       });
  const auto recipient = septet::parse_msisdn("+46701234567").value();
  const auto text = septet::render(tmpl.value(), params, recipient);
  if (!all_set) {
    return 0;
  }
  SEPTET_FUZZ_CHECK(text.ok());
  const auto direct = septet::analyze(text.value());
  const auto streamed = septet::analyze_rendered(tmpl.value(), params, recipient);
  SEPTET_FUZZ_CHECK(direct.status == streamed.status && direct.units == streamed.units &&
                    direct.parts == streamed.parts && direct.encoding == streamed.encoding);
  // Every recipient gets the defaults: the bounds are that one message, and the safe range
  // computed without rendering contains it.
  const auto exact = septet::bounds(tmpl.value(), params);
  SEPTET_FUZZ_CHECK(exact.exact && exact.min_parts == direct.parts &&
                    exact.max_parts == direct.parts &&
                    exact.any_ucs2 == (direct.encoding == septet::encoding::ucs2));
  // With one listed recipient (whose values are the same) and a render limit of 0, the range
  // computed from value ranges alone must still contain the message.
  tmpl->for_each_piece([](std::string_view) {},
                       [&](std::string_view key, std::size_t) {
                         (void)params.set(key, "+46701234567", input.substr(0, 40));
                       });
  for (const auto policy :
       {septet::boundary_policy::code_point, septet::boundary_policy::grapheme}) {
    septet::options opts;
    opts.boundary = policy;
    const auto one = septet::analyze_rendered(tmpl.value(), params, recipient, opts);
    const auto range = septet::bounds(tmpl.value(), params, opts, 0);
    SEPTET_FUZZ_CHECK(range.min_parts <= one.parts && one.parts <= range.max_parts);
  }
  return 0;
}
