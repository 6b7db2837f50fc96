#include <benchmark/benchmark.h>

#include <septet/septet.hpp>
#include <string>
#include <vector>

namespace {

// Per-recipient estimation as `septet estimate` does it: normalise the MSISDN, then count the
// template rendered for that recipient without building the text.
void bm_estimate_per_recipient(benchmark::State& state) {
  static constexpr septet::message_template tmpl =
      "Hi ${name}, your code is ${code}. Reply STOP to opt out.";
  septet::parameter_table params;
  std::vector<std::string> numbers;
  const char* names[] = {"Anna", "Bj\xC3\xB6rn", "Zo\xC3\xAB", "Sam", "Jos\xC3\xA9"};
  for (int i = 0; i < 1000; ++i) {
    numbers.push_back("+4670" + std::to_string(1000000 + i));
    (void)params.set("name", numbers.back(), names[i % 5]);
    (void)params.set("code", numbers.back(), std::to_string(100000 + i * 7));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const auto number = septet::parse_msisdn(numbers[i++ % numbers.size()]);
    auto a = septet::analyze_rendered(tmpl, params, number.value());
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(bm_estimate_per_recipient);

void bm_render(benchmark::State& state) {
  static constexpr septet::message_template tmpl = "Hello ${name}! Your order ${id} is ready.";
  septet::parameter_table params;
  (void)params.set("name", "default", "there");
  (void)params.set("id", "default", "A-12345");
  const auto number = septet::parse_msisdn("+46701234567").value();
  std::string out(256, '\0');
  for (auto _ : state) {
    auto r = septet::render(tmpl, params, number, std::span{out});
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(bm_render);

void bm_parse_msisdn(benchmark::State& state) {
  const std::string text = "+46 (70) 123-45-67";
  for (auto _ : state) {
    auto m = septet::parse_msisdn(text);
    benchmark::DoNotOptimize(m);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(bm_parse_msisdn);

}  // namespace
