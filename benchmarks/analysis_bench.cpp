// Analysis and segmentation for every input class and size, each next to the byte-count
// baseline on the same text, so that one run gives both rates and their ratio
// (benchmarks/run.sh turns them into docs/speed.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "bench_data.hpp"

namespace {

using septet_bench::text_class;

/// No body cap and no part cap: the 1 MiB stream is analysed whole, like every other size.
auto uncapped() -> septet::options {
  septet::options opts;
  opts.max_characters = 0;
  opts.max_parts = 0;
  return opts;
}

auto text_for(const benchmark::State& state, text_class kind) -> std::string {
  return septet_bench::text_of(kind, static_cast<std::size_t>(state.range(0)));
}

// The baseline: a count of UTF-8 lead bytes (code points) that the compiler vectorises.
template <text_class Kind>
void bm_baseline(benchmark::State& state) {
  const auto text = text_for(state, Kind);
  for (auto _ : state) {
    benchmark::DoNotOptimize(text.data());
    std::size_t count = 0;
    for (const char c : text) {
      count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    benchmark::DoNotOptimize(count);
  }
  septet_bench::set_throughput(state, text.size());
}

template <text_class Kind>
void bm_analyze(benchmark::State& state) {
  const auto text = text_for(state, Kind);
  const auto opts = uncapped();
  for (auto _ : state) {
    auto a = septet::analyze(text, opts);
    benchmark::DoNotOptimize(a);
  }
  septet_bench::set_throughput(state, text.size());
}

/// What every peer computes: encoding, parts, and where each part ends.
template <text_class Kind>
void bm_segment(benchmark::State& state) {
  const auto text = text_for(state, Kind);
  const auto opts = uncapped();
  std::vector<septet::part> parts(septet::analyze(text, opts).parts);
  for (auto _ : state) {
    auto r = septet::segment(text, std::span{parts}, opts);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(parts.data());
  }
  state.counters["parts"] = static_cast<double>(parts.size());
  septet_bench::set_throughput(state, text.size());
}

// Sizes: a short message, one full GSM part, three parts, the body cap, and a 1 MiB stream.
#define SEPTET_SIZES ->Arg(16)->Arg(160)->Arg(459)->Arg(2000)->Arg(1 << 20)
#define SEPTET_FOR_CLASS(kind)                           \
  BENCHMARK(bm_baseline<text_class::kind>) SEPTET_SIZES; \
  BENCHMARK(bm_analyze<text_class::kind>) SEPTET_SIZES;  \
  BENCHMARK(bm_segment<text_class::kind>) SEPTET_SIZES;
SEPTET_FOR_CLASS(ascii)
SEPTET_FOR_CLASS(gsm_extension)
SEPTET_FOR_CLASS(latin1)
SEPTET_FOR_CLASS(cyrillic)
SEPTET_FOR_CLASS(cjk)
SEPTET_FOR_CLASS(emoji)
SEPTET_FOR_CLASS(mixed)

/// The peers' corpus body by body (benchmarks/peers): short and long messages of every kind.
void bm_corpus_baseline(benchmark::State& state) {
  const auto& bodies = septet_bench::mixed_corpus();
  for (auto _ : state) {
    benchmark::DoNotOptimize(septet_bench::count_lead_bytes(bodies));
  }
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_corpus_baseline);

#if defined(__SSE2__) && defined(__x86_64__)
void bm_corpus_scan_sse2(benchmark::State& state) {
  const auto& bodies = septet_bench::mixed_corpus();
  const std::size_t expected = septet_bench::count_lead_bytes(bodies);
  for (auto _ : state) {
    const std::size_t count = septet_bench::count_lead_bytes_sse2(bodies);
    if (count != expected) {
      state.SkipWithError("the SSE2 scan counted otherwise than the byte loop");
      break;
    }
    benchmark::DoNotOptimize(count);
  }
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_corpus_scan_sse2);
#endif

void bm_corpus_segment(benchmark::State& state) {
  const auto& bodies = septet_bench::mixed_corpus();
  std::array<septet::part, 255> parts{};
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : bodies) {
      total += septet::segment(body, std::span{parts}).count;
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["parts"] = static_cast<double>(total);
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_corpus_segment);

void bm_counter_keystrokes(benchmark::State& state) {
  const auto text = text_for(state, text_class::latin1);
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

// The national pick over every language (14 x 14 pairs at most) on Bengali text that needs a
// mixed pair, next to analysing it under every pair, as a chooser without per-table counts would.
const std::string bengali_promotion =
    "আজই কিনুন। সব পণ্যে 50% ছাড়। অফার সীমিত সময়ের জন্য, এখনই দোকানে আসুন এবং উপহার নিন। ";

auto bengali_text(const benchmark::State& state) -> std::string {
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0))) {
    text += bengali_promotion;
  }
  return text;
}

void bm_national_every_pair_analysed(benchmark::State& state) {
  const auto text = bengali_text(state);
  for (auto _ : state) {
    std::size_t fewest = SIZE_MAX;
    for (std::size_t l = 0; l < 14; ++l) {
      for (std::size_t s = 0; s < 14; ++s) {
        auto opts = uncapped();
        opts.national = {static_cast<septet::national_language>(l),
                         static_cast<septet::national_language>(s)};
        if (l == 0 || septet::has_locking_table(opts.national.locking)) {
          fewest = std::min(fewest, septet::analyze(text, opts).parts);
        }
      }
    }
    benchmark::DoNotOptimize(fewest);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_national_every_pair_analysed)->Arg(256)->Arg(2048);

void bm_national_choice(benchmark::State& state) {
  const auto text = bengali_text(state);
  for (auto _ : state) {
    auto choice = septet::choose_national_tables(text, septet::all_national_languages, uncapped());
    benchmark::DoNotOptimize(choice);
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_national_choice)->Arg(256)->Arg(2048);

}  // namespace
