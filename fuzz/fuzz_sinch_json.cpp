// Sinch JSON from arbitrary bytes: every model reader, the error-body reader and the callback
// parser never throw or crash; what reads also writes back and reads again to the same JSON; and
// validate() + serialising a request read from the wire never throws.
#include <septet/sinch/client.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/webhook.hpp>
#include <string>

#include "fuzz_check.hpp"

namespace {

namespace sinch = septet::sinch;

/// read → to_json → read → to_json is a fixed point.
template <class T>
void round_trip(const sinch::json& j) {
  const auto first = sinch::read<T>(j);
  if (!first.ok()) {
    SEPTET_FUZZ_CHECK(!first.error->what.empty());
    return;
  }
  const sinch::json written = to_json(first.value);
  const auto second = sinch::read<T>(written);
  SEPTET_FUZZ_CHECK(second.ok());
  SEPTET_FUZZ_CHECK(to_json(second.value) == written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto error = sinch::read_api_error(500, body);
  SEPTET_FUZZ_CHECK(error.body == body);
  for (const char c : error.text) {  // printable ASCII, or text from a parsed (UTF-8) body
    SEPTET_FUZZ_CHECK(error.shape != sinch::error_shape::not_json || (c >= 0x20 && c < 0x7F));
  }
  (void)error.message();
  const auto callback = sinch::parse_callback(body);
  SEPTET_FUZZ_CHECK(callback.ok() || !callback.error->what.empty());

  const sinch::json j = sinch::json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    SEPTET_FUZZ_CHECK(!sinch::read<sinch::batch>(body).ok());
    return 0;
  }
  round_trip<sinch::batch_request>(j);
  round_trip<sinch::batch>(j);
  round_trip<sinch::dry_run_response>(j);
  round_trip<sinch::batch_delivery_report>(j);
  round_trip<sinch::recipient_delivery_report>(j);
  round_trip<sinch::inbound>(j);
  round_trip<sinch::page<sinch::batch>>(j);
  round_trip<sinch::page<sinch::inbound>>(j);
  round_trip<sinch::page<sinch::recipient_delivery_report>>(j);

  const auto request = sinch::read<sinch::batch_request>(j);
  if (request.ok()) {
    const auto refused = sinch::validate(request.value);
    std::string text;
    sinch::failure f;
    // Strings that came through the JSON parser are UTF-8, so serialising cannot fail.
    SEPTET_FUZZ_CHECK(sinch::serialize(to_json(request.value), text, f));
    if (refused) {
      SEPTET_FUZZ_CHECK(refused->kind == sinch::failure_kind::invalid_request);
      SEPTET_FUZZ_CHECK(!refused->field.empty() && !refused->message.empty());
    }
  }
  return 0;
}
