// The native side of the peer comparison, part of septet_bench when libgammu is found: septet's
// wire encoder and libgammu's automatic multipart encoder on the mixed corpus of
// benchmarks/peers/corpus.mjs (made in-process by its C++ twin in bench_data.hpp), bytes/s and
// messages (items)/s. analysis_bench.cpp has the corpus's baseline and segmentation next to them;
// benchmarks/peers/run.sh runs all four beside the JavaScript peers.
#include <benchmark/benchmark.h>
#include <gammu.h>

#include <cstring>
#include <memory>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "../bench_data.hpp"

namespace {

/// The wire format too: UDH, packed septets or UTF-16BE, per part (what Gammu's encoder makes).
void bm_corpus_encode_parts(benchmark::State& state) {
  const auto& bodies = septet_bench::mixed_corpus();
  std::vector<septet::encoded_part> parts(32);
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : bodies) {
      total += septet::encode_parts(body, std::span{parts}).count;
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["parts"] = static_cast<double>(total);
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_corpus_encode_parts);

/// libgammu's automatic multipart encoder (GSM or UCS-2, concatenated), from UTF-8 as it reads it.
void bm_gammu_encode_multipart(benchmark::State& state) {
  const auto& bodies = septet_bench::mixed_corpus();
  auto multi = std::make_unique<GSM_MultiSMSMessage>();
  std::vector<unsigned char> unicode;
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& body : bodies) {
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
  state.counters["parts"] = static_cast<double>(total);
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_gammu_encode_multipart);

}  // namespace
