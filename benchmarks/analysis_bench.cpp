#include <benchmark/benchmark.h>

#include <array>
#include <septet/septet.hpp>

#include "bench_data.hpp"

namespace {

using septet_bench::text_class;

// Baseline: a count of UTF-8 lead bytes (code points) that the compiler can vectorise.
void bm_baseline_code_point_count(benchmark::State& state) {
  const auto text =
      septet_bench::text_of(text_class::ascii, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t count = 0;
    for (const char c : text) {
      count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    benchmark::DoNotOptimize(count);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_baseline_code_point_count)->Arg(160)->Arg(2000);

template <text_class Kind>
void bm_analyze(benchmark::State& state) {
  const auto text = septet_bench::text_of(Kind, static_cast<std::size_t>(state.range(0)));
  septet::options opts;
  opts.max_characters = 0;
  for (auto _ : state) {
    auto a = septet::analyze(text, opts);
    benchmark::DoNotOptimize(a);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_analyze<text_class::ascii>)->Arg(16)->Arg(160)->Arg(459)->Arg(2000)->Arg(1 << 20);
BENCHMARK(bm_analyze<text_class::gsm_extension>)->Arg(160)->Arg(2000);
BENCHMARK(bm_analyze<text_class::latin1>)->Arg(160)->Arg(2000);
BENCHMARK(bm_analyze<text_class::cyrillic>)->Arg(160)->Arg(2000);
BENCHMARK(bm_analyze<text_class::cjk>)->Arg(160)->Arg(2000);
BENCHMARK(bm_analyze<text_class::emoji>)->Arg(160)->Arg(2000);

template <text_class Kind>
void bm_segment(benchmark::State& state) {
  const auto text = septet_bench::text_of(Kind, static_cast<std::size_t>(state.range(0)));
  std::array<septet::part, 64> parts{};
  for (auto _ : state) {
    auto r = septet::segment(text, std::span{parts});
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(parts);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_segment<text_class::ascii>)->Arg(459)->Arg(2000);
BENCHMARK(bm_segment<text_class::emoji>)->Arg(459)->Arg(2000);

void bm_counter_keystrokes(benchmark::State& state) {
  const auto text =
      septet_bench::text_of(text_class::latin1, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    septet::counter c;
    for (std::size_t i = 0; i < text.size(); ++i) {
      (void)c.append(std::string_view(text).substr(i, 1));
    }
    auto a = c.analysis();
    benchmark::DoNotOptimize(a);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_counter_keystrokes)->Arg(160);

}  // namespace
