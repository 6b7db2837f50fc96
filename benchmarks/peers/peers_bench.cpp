// septet and libgammu on the mixed corpus of benchmarks/peers/corpus.mjs (made in-process by its
// C++ twin in bench_data.hpp), with the byte-count baseline, in one Google Benchmark run:
// bytes/s and messages (items)/s. benchmarks/peers/run.sh runs it next to the JavaScript peers.
#include <benchmark/benchmark.h>
#include <gammu.h>

#include <array>
#include <cstring>
#include <memory>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "../bench_data.hpp"

namespace {

struct corpus {
  const std::vector<std::string>& bodies = septet_bench::mixed_corpus();
};

auto load() -> corpus {
  return {};
}

/// Bytes and messages per second, the corpus's fingerprint, and the parts one pass over the
/// corpus makes (a cross-check).
void report(benchmark::State& state, const corpus& c, std::size_t parts = 0) {
  septet_bench::set_corpus_throughput(state, c.bodies);
  state.counters["parts"] = static_cast<double>(parts);
}

/// The floor: count the code points (non-continuation bytes) of every body.
void bm_baseline_count(benchmark::State& state) {
  const auto& c = load();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& body : c.bodies) {
      for (const char ch : body) {
        n += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1U : 0U;
      }
    }
    benchmark::DoNotOptimize(n);
  }
  report(state, c);
}
BENCHMARK(bm_baseline_count);

/// What every peer computes: encoding and parts, with where each part ends.
void bm_septet_analyze_segment(benchmark::State& state) {
  const auto& c = load();
  std::array<septet::part, 255> parts{};
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : c.bodies) {
      total += septet::segment(body, std::span{parts}).count;
    }
    benchmark::DoNotOptimize(total);
  }
  report(state, c, total);
}
BENCHMARK(bm_septet_analyze_segment);

/// The wire format too: UDH, packed septets or UTF-16BE, per part (what Gammu's encoder makes).
void bm_septet_encode_parts(benchmark::State& state) {
  const auto& c = load();
  std::vector<septet::encoded_part> parts(32);
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : c.bodies) {
      total += septet::encode_parts(body, std::span{parts}).count;
    }
    benchmark::DoNotOptimize(total);
  }
  report(state, c, total);
}
BENCHMARK(bm_septet_encode_parts);

/// libgammu's automatic multipart encoder (GSM or UCS-2, concatenated), from UTF-8 as it reads it.
void bm_gammu_encode_multipart(benchmark::State& state) {
  const auto& c = load();
  auto multi = std::make_unique<GSM_MultiSMSMessage>();
  std::vector<unsigned char> unicode;
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : c.bodies) {
      unicode.assign((body.size() + 1) * 2 + 2, 0);
      DecodeUTF8(unicode.data(), body.c_str(), body.size());
      GSM_MultiPartSMSInfo info;
      GSM_ClearMultiPartSMSInfo(&info);
      info.EntriesNum = 1;
      info.Entries[0].ID = SMS_ConcatenatedAutoTextLong;
      info.Entries[0].Buffer = unicode.data();
      std::memset(multi.get(), 0, sizeof(GSM_MultiSMSMessage));
      if (GSM_EncodeMultiPartSMS(nullptr, &info, multi.get()) == ERR_NONE) {
        total += static_cast<std::size_t>(multi->Number);
      }
    }
    benchmark::DoNotOptimize(total);
  }
  report(state, c, total);
}
BENCHMARK(bm_gammu_encode_multipart);

}  // namespace
