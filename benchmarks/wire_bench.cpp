#include <benchmark/benchmark.h>

#include <array>
#include <septet/septet.hpp>
#include <vector>

#include "bench_data.hpp"

namespace {

using septet_bench::text_class;

auto septets_of(std::size_t count) -> std::vector<std::uint8_t> {
  std::vector<std::uint8_t> septets(count);
  for (std::size_t i = 0; i < count; ++i) {
    septets[i] = static_cast<std::uint8_t>((i * 37U + 11U) & 0x7FU);
  }
  return septets;
}

// Bytes/s counts the septets packed (one per input octet).
void bm_pack(benchmark::State& state) {
  const auto septets = septets_of(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> out(septet::gsm7::packed_size(septets.size(), 1));
  for (auto _ : state) {
    auto r = septet::gsm7::pack(septets, out, 1);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(out.data());
  }
  septet_bench::set_throughput(state, septets.size());
}
BENCHMARK(bm_pack)->Arg(153)->Arg(4096);

// Bytes/s counts the packed octets read.
void bm_unpack(benchmark::State& state) {
  const auto septets = septets_of(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> packed(septet::gsm7::packed_size(septets.size(), 1));
  (void)septet::gsm7::pack(septets, packed, 1);
  std::vector<std::uint8_t> out(septets.size());
  for (auto _ : state) {
    auto r = septet::gsm7::unpack(packed, septets.size(), out, 1);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(out.data());
  }
  septet_bench::set_throughput(state, packed.size());
}
BENCHMARK(bm_unpack)->Arg(153)->Arg(4096);

template <text_class Kind>
void bm_encode_parts(benchmark::State& state) {
  const auto text = septet_bench::text_of(Kind, static_cast<std::size_t>(state.range(0)));
  std::vector<septet::encoded_part> parts(32);
  for (auto _ : state) {
    auto r = septet::encode_parts(text, std::span{parts});
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(parts.data());
  }
  septet_bench::set_throughput(state, text.size());
}
#define SEPTET_WIRE_SIZES ->Arg(16)->Arg(160)->Arg(459)->Arg(2000)
BENCHMARK(bm_encode_parts<text_class::ascii>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::gsm_extension>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::latin1>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::cyrillic>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::cjk>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::emoji>) SEPTET_WIRE_SIZES;
BENCHMARK(bm_encode_parts<text_class::mixed>) SEPTET_WIRE_SIZES;

/// Decoding: the parts' user data back to UTF-8 (bytes/s counts the text recovered).
template <text_class Kind>
void bm_reassemble(benchmark::State& state) {
  const auto text = septet_bench::text_of(Kind, static_cast<std::size_t>(state.range(0)));
  const auto parts = septet::encode_parts(text);
  std::vector<septet::received_part> in;
  for (const auto& p : parts.value()) {
    in.push_back({p.bytes(), p.data_coding, p.udh_size != 0, p.udl, septet::septet_form::packed});
  }
  std::string out(text.size() * 2, '\0');
  for (auto _ : state) {
    auto r = septet::reassemble(in, std::span{out});
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(out.data());
  }
  septet_bench::set_throughput(state, text.size());
}
BENCHMARK(bm_reassemble<text_class::ascii>)->Arg(160)->Arg(2000);
BENCHMARK(bm_reassemble<text_class::gsm_extension>)->Arg(160)->Arg(2000);
BENCHMARK(bm_reassemble<text_class::cyrillic>)->Arg(160)->Arg(2000);
BENCHMARK(bm_reassemble<text_class::emoji>)->Arg(160)->Arg(2000);
BENCHMARK(bm_reassemble<text_class::mixed>)->Arg(160)->Arg(2000);

/// Short messages (bench_data.hpp's short_corpus) one by one, as a gateway meets them: the byte
/// scan (a count of UTF-8 lead bytes, the floor of any pass over the text), analysis, and the
/// wire format. items/s are messages/s.
void bm_short_scan(benchmark::State& state) {
  const auto& bodies = septet_bench::short_corpus();
  for (auto _ : state) {
    benchmark::DoNotOptimize(septet_bench::count_lead_bytes(bodies));
  }
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_short_scan);

void bm_short_analyze(benchmark::State& state) {
  const auto& bodies = septet_bench::short_corpus();
  for (auto _ : state) {
    std::size_t parts = 0;
    for (const auto& body : bodies) {
      parts += septet::analyze(body).parts;
    }
    benchmark::DoNotOptimize(parts);
  }
  septet_bench::set_corpus_throughput(state, bodies);
}
BENCHMARK(bm_short_analyze);

/// encode_parts on each of `bodies`, as a gateway meets them; items/s are messages/s.
void encode_one_by_one(benchmark::State& state, const std::vector<std::string>& bodies) {
  std::array<septet::encoded_part, 4> parts{};
  for (auto _ : state) {
    std::size_t octets = 0;
    for (const auto& body : bodies) {
      const auto r = septet::encode_parts(body, std::span{parts});
      octets += parts[0].size + r.count;
    }
    benchmark::DoNotOptimize(octets);
    benchmark::DoNotOptimize(parts.data());
  }
  septet_bench::set_corpus_throughput(state, bodies);
}

void bm_short_encode_parts(benchmark::State& state) {
  encode_one_by_one(state, septet_bench::short_corpus());
}
BENCHMARK(bm_short_encode_parts);

/// The GSM 7-bit bodies of short_corpus alone (the two thirds that are not UCS-2).
auto short_gsm_corpus() -> const std::vector<std::string>& {
  static const std::vector<std::string> gsm = [] {
    std::vector<std::string> bodies;
    for (const auto& body : septet_bench::short_corpus()) {
      if (septet::analyze(body).encoding == septet::encoding::gsm7) {
        bodies.push_back(body);
      }
    }
    return bodies;
  }();
  return gsm;
}

void bm_short_gsm_encode_parts(benchmark::State& state) {
  encode_one_by_one(state, short_gsm_corpus());
}
BENCHMARK(bm_short_gsm_encode_parts);

}  // namespace
