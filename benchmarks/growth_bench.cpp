// Cost growth: analysis + segmentation time against body length, and the time to estimate a
// whole recipient list against its size. benchmarks/peers/run.sh plots both (docs/growth.svg).
#include <benchmark/benchmark.h>

#include <array>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "bench_data.hpp"

namespace {

using septet_bench::text_class;

/// Half GSM, half UCS-2 (Cyrillic), `size` bytes each.
template <text_class Kind>
void bm_growth_body_length(benchmark::State& state) {
  const auto text = septet_bench::text_of(Kind, static_cast<std::size_t>(state.range(0)));
  septet::options opts;
  opts.max_characters = 0;
  opts.max_parts = 0;
  std::vector<septet::part> parts(2048);
  for (auto _ : state) {
    auto r = septet::segment(text, std::span{parts}, opts);
    benchmark::DoNotOptimize(r);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_growth_body_length<text_class::ascii>)->RangeMultiplier(4)->Range(16, 1 << 16);
BENCHMARK(bm_growth_body_length<text_class::cyrillic>)->RangeMultiplier(4)->Range(16, 1 << 16);

/// Estimating a list: normalise each MSISDN and count the template rendered for it.
void bm_growth_recipients(benchmark::State& state) {
  static constexpr septet::message_template tmpl = "Hi ${name}, your code is ${code}.";
  const auto count = static_cast<std::size_t>(state.range(0));
  septet::parameter_table params;
  std::vector<std::string> numbers;
  numbers.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    numbers.push_back("+4670" + std::to_string(1000000 + i));
    (void)params.set("name", numbers.back(), i % 3 == 0 ? "Zo\xC3\xAB" : "Sam");
    (void)params.set("code", numbers.back(), std::to_string(100000 + i));
  }
  for (auto _ : state) {
    std::size_t parts = 0;
    for (const auto& n : numbers) {
      parts += septet::analyze_rendered(tmpl, params, septet::parse_msisdn(n).value()).parts;
    }
    benchmark::DoNotOptimize(parts);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
}
BENCHMARK(bm_growth_recipients)->RangeMultiplier(10)->Range(10, 100'000);

}  // namespace
