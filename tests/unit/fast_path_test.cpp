// The run-time fast path (bulk runs of plain ASCII, 64-byte blocks classified by vector compares,
// utfcpp) against the one-code-point-at-a-time path that constant evaluation uses, once on each
// vector path this build has and this machine runs, pinned with septet::set_vector_path: scalar,
// SSE2, AVX2 and AVX-512BW in a build for the x86-64 baseline. CMake also builds this file for the
// scalar code alone (SEPTET_NO_SIMD), with the compiler targeting the widest vectors this machine
// runs, and for AArch64 (NEON) under qemu; each of those has its one path.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <random>
#include <septet/septet.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "test_text.hpp"

namespace septet::inline v0 {
/// Test names and failures name the path, not its byte.
void PrintTo(vector_path path, std::ostream* out) {
  *out << to_string(path);
}
}  // namespace septet::inline v0

namespace {

using septet::vector_path;

constexpr std::array<vector_path, 5> every_path = {vector_path::scalar, vector_path::sse2,
                                                   vector_path::avx2, vector_path::avx512bw,
                                                   vector_path::neon};

/// The paths this build must offer here, narrowest first: the compiler's target, or, in a GCC or
/// Clang build for the x86-64 baseline, scalar, SSE2 and what CMake's check_cxx_source_runs found
/// this machine runs (SEPTET_TEST_RUNS_*), not what the library's own check says.
auto expected_paths() -> std::vector<vector_path> {
#if defined(SEPTET_NO_SIMD)
  return {vector_path::scalar};
#elif defined(__aarch64__)
  return {vector_path::neon};
#elif defined(__AVX512BW__)
  return {vector_path::avx512bw};
#elif defined(__AVX2__)
  return {vector_path::avx2};
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(_MSC_VER)
#  if !defined(SEPTET_TEST_RUNS_AVX2) || !defined(SEPTET_TEST_RUNS_AVX512BW)
#    error "tests/CMakeLists.txt says what this machine runs"
#  endif
  std::vector<vector_path> paths = {vector_path::scalar, vector_path::sse2};
  if (SEPTET_TEST_RUNS_AVX2 != 0) {
    paths.push_back(vector_path::avx2);
  }
  if (SEPTET_TEST_RUNS_AVX512BW != 0) {
    paths.push_back(vector_path::avx512bw);
  }
  return paths;
#elif defined(__SSE2__) || defined(_M_X64)
  return {vector_path::sse2};
#else
  return {vector_path::scalar};  // i386 without SSE2, wasm32, MSVC ARM64, armv7, RISC-V, ...
#endif
}

auto expected_to_run(vector_path path) -> bool {
  const auto paths = expected_paths();
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

TEST(vector_path_test, the_automatic_choice_is_the_widest_path_this_machine_runs) {
  const vector_path widest = expected_paths().back();
  EXPECT_EQ(septet::vector_path_in_use(),
            widest);  // the first use chose it (ctest runs this alone)
  ASSERT_TRUE(septet::set_vector_path(expected_paths().front()).ok());
  EXPECT_EQ(septet::reset_vector_path(), widest);
  EXPECT_EQ(septet::vector_path_in_use(), widest);
}

TEST(vector_path_test, pins_exactly_the_paths_this_machine_runs) {
  for (const vector_path path : every_path) {
    SCOPED_TRACE(septet::to_string(path));
    const vector_path before = septet::vector_path_in_use();
    EXPECT_EQ(septet::vector_path_runs(path), expected_to_run(path));
    const septet::result pinned = septet::set_vector_path(path);
    EXPECT_EQ(pinned.ec, expected_to_run(path) ? septet::errc::ok : septet::errc::invalid_option);
    EXPECT_EQ(septet::vector_path_in_use(), pinned.ok() ? path : before);
  }
  EXPECT_EQ(septet::reset_vector_path(), expected_paths().back());
}

/// The tests below run once on each path, pinned for the test and unpinned after it.
class fast_path_test : public testing::TestWithParam<vector_path> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(septet::set_vector_path(GetParam()).ok());
    ASSERT_EQ(septet::vector_path_in_use(), GetParam());
  }
  void TearDown() override {
    (void)septet::reset_vector_path();
  }
};

INSTANTIATE_TEST_SUITE_P(path,
                         fast_path_test,
                         testing::ValuesIn(expected_paths()),
                         [](const testing::TestParamInfo<vector_path>& info) {
                           return std::string(septet::to_string(info.param));
                         });

auto per_code_point(std::string_view text, const septet::options& opts) -> septet::analysis {
  return septet::detail::analyze_per_code_point(text, opts);
}

/// segment() one code point at a time, as constant evaluation does it.
auto per_code_point_parts(std::string_view text, const septet::options& opts)
    -> std::vector<septet::part> {
  std::vector<septet::part> parts;
  septet::detail::for_each_part_per_code_point(text, per_code_point(text, opts), opts,
                                               [&](const septet::part& p) { parts.push_back(p); });
  return parts;
}

/// Text lengths around every vector width (16, 32, 64 bytes), where whole vectors end and the
/// last one is read back from the text's end, or loaded in part.
constexpr std::array<std::size_t, 10> lengths_around_vectors = {1,  15, 16, 17, 33,
                                                                48, 63, 64, 65, 150};

TEST_P(fast_path_test, vector_scan_matches_the_table_for_every_byte_at_every_position) {
  for (const std::size_t length : lengths_around_vectors) {
    for (unsigned b = 0; b < 256; ++b) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(b);
        const auto expected = septet::detail::plain_run_scalar(text.data(), text.size());
        ASSERT_EQ(septet::detail::plain_run(text.data(), text.size()), expected)
            << b << " at " << at << " of " << length;
        ASSERT_EQ(expected, septet::detail::tables::plain_ascii[b] ? text.size() : at);
      }
    }
  }
}

TEST_P(fast_path_test,
       wire_septets_match_the_checked_encoder_for_every_ascii_byte_at_every_position) {
  // Plain ASCII with the characters whose septet moves (@ $ _) and line breaks, every ASCII byte
  // put at every position, into buffers too small, exact and roomy.
  const std::string pattern = "Hi @ $5_off\nnow\r";
  std::array<std::uint8_t, 200> checked{};
  std::array<std::uint8_t, 200> fast{};
  for (const std::size_t length : lengths_around_vectors) {
    for (unsigned b = 0; b < 0x80; ++b) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text;
        while (text.size() < length) {
          text += pattern;
        }
        text.resize(length);
        text[at] = static_cast<char>(b);
        const septet::result expected = septet::gsm7::encode(text, std::span{checked});
        for (const std::size_t room :
             {length / 2, length - 1, length, length + 1, length + 17, fast.size()}) {
          fast.fill(0xEE);
          const auto got = septet::detail::default_gsm7_septets(std::string_view{text},
                                                                std::span{fast}.first(room));
          // Whole vectors are stored, but never past the room given.
          ASSERT_TRUE(std::all_of(fast.begin() + static_cast<std::ptrdiff_t>(room), fast.end(),
                                  [](std::uint8_t b) { return b == 0xEE; }));
          SCOPED_TRACE(testing::Message()
                       << b << " at " << at << " of " << length << ", room " << room);
          if (!expected.ok() || expected.count > room) {
            ASSERT_EQ(got, septet::detail::not_default_gsm7);
            continue;
          }
          ASSERT_EQ(got, expected.count);
          ASSERT_TRUE(std::equal(checked.begin(),
                                 checked.begin() + static_cast<std::ptrdiff_t>(got), fast.begin()));
        }
      }
    }
  }
}

TEST_P(fast_path_test, wire_septets_of_runs_dense_with_extension_characters_are_the_checked_ones) {
  // Runs of ASCII with extension characters (an escape septet each) among plain ones, the moved
  // ones and line breaks, at times a byte that stops a run (outside GSM, or not ASCII), into
  // rooms of none to 79 septets (16 bytes take up to 32) and a roomy one.
  const std::string gsm_ascii = "[\\]^{|}~\f@$_\n\rAz09 .";
  const std::array<std::string, 5> stops = {"`", "\x01", "\xC3\xA9", "\xE2\x82\xAC", "\xC3"};
  std::mt19937 rng(11);
  std::array<std::uint8_t, 420> checked{};
  std::array<std::uint8_t, 420> fast{};
  std::size_t escaped_from_the_start = 0;
  std::size_t encoded = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = rng() % 200;
    const unsigned stop_odds = round % 2 == 0 ? 40 : 1000;
    while (text.size() < length) {
      text += rng() % stop_odds == 0 ? stops[rng() % stops.size()]
                                     : std::string(1, gsm_ascii[rng() % gsm_ascii.size()]);
    }
    const auto* const bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const septet::detail::ascii_run run = septet::detail::with_vector_kernels([&](auto kernels) {
      return kernels.escaped_septets(bytes, text.size(), fast.data(), fast.size());
    });
    escaped_from_the_start += run.bytes > 0 ? 1 : 0;
    const septet::result expected = septet::gsm7::encode(text, std::span{checked});
    const std::size_t room = rng() % 2 == 0 ? fast.size() - 20 : rng() % 80;
    fast.fill(0xEE);
    const auto got =
        septet::detail::default_gsm7_septets(std::string_view{text}, std::span{fast}.first(room));
    SCOPED_TRACE(testing::Message() << "round " << round << ", room " << room);
    ASSERT_TRUE(std::all_of(fast.begin() + static_cast<std::ptrdiff_t>(room), fast.end(),
                            [](std::uint8_t b) { return b == 0xEE; }));
    if (!expected.ok() || expected.count > room) {
      ASSERT_EQ(got, septet::detail::not_default_gsm7);
      continue;
    }
    ASSERT_EQ(got, expected.count);
    ASSERT_TRUE(std::equal(checked.begin(), checked.begin() + static_cast<std::ptrdiff_t>(got),
                           fast.begin()));
    ++encoded;
  }
  EXPECT_GT(encoded, 5000U);
  // The paths with byte shuffles take such runs 16 bytes at a time; the others a character at a
  // time.
  const bool shuffles = GetParam() == vector_path::avx2 || GetParam() == vector_path::avx512bw;
  if (shuffles) {
    EXPECT_GT(escaped_from_the_start, 10000U);
  } else {
    EXPECT_EQ(escaped_from_the_start, 0U);
  }
}

TEST_P(fast_path_test, block_classes_match_the_scalar_definition_for_every_byte_at_every_position) {
  std::array<std::uint8_t, septet::detail::block_size> block{};
  std::mt19937 rng(3);
  for (unsigned b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < block.size(); ++at) {
      for (auto& byte : block) {
        byte = static_cast<std::uint8_t>(rng());
      }
      block[at] = static_cast<std::uint8_t>(b);
      ASSERT_TRUE(septet::detail::classify_bytes(block.data()) ==
                  septet::detail::classify_bytes_scalar(block.data()))
          << b << " at " << at;
    }
  }
}

TEST_P(fast_path_test, every_code_point_costs_what_the_tables_say_at_every_block_offset) {
  // All of Unicode, 61 code points to a text after 0..3 bytes of ASCII, so that characters of
  // every length straddle block boundaries; each text is UCS-2 or GSM as its characters are.
  std::string text;
  std::size_t texts = 0;
  septet::options opts;
  opts.max_characters = 0;
  const auto check = [&] {
    SCOPED_TRACE(texts);
    septet_test::expect_same(septet::analyze(text, opts), per_code_point(text, opts));
    ASSERT_EQ(septet::segment(text, opts).value(), per_code_point_parts(text, opts));
    text.assign(++texts % 4, 'a');
  };
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      continue;
    }
    text += septet_test::utf8_of(cp);
    if (cp % 61 == 60) {
      check();
    }
  }
  check();
  // Every GSM character in a GSM text, where extension characters cost 2.
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (septet::gsm7::is_gsm7(cp)) {
      text += septet_test::utf8_of(cp);
    }
  }
  text += text;
  check();
  EXPECT_EQ(septet::analyze(text, opts).encoding, septet::encoding::gsm7);
}

TEST_P(fast_path_test, a_short_block_is_classified_as_if_zeros_followed_it) {
  // The text's last block, with `before` bytes of text before it: too few to read back, it is
  // loaded in part; enough (64 in all), it is read as the 64 bytes that end the text and its masks
  // moved down. The bytes are in a buffer of exactly their size, so that a read outside it is a
  // heap overflow under AddressSanitizer.
  std::mt19937 rng(11);
  for (std::size_t size = 1; size < septet::detail::block_size; ++size) {
    const std::size_t reach = septet::detail::block_size - size;  // the least that reads back
    for (const std::size_t before : {std::size_t{0}, reach - 1, reach, reach + 7}) {
      for (int round = 0; round < 20; ++round) {
        const auto bytes = std::make_unique<std::uint8_t[]>(before + size);
        std::array<std::uint8_t, septet::detail::block_size> padded{};
        for (std::size_t i = 0; i < before + size; ++i) {
          bytes[i] = static_cast<std::uint8_t>(rng());
        }
        std::copy_n(bytes.get() + before, size, padded.begin());
        ASSERT_TRUE(septet::detail::classify_bytes(bytes.get() + before, size, before) ==
                    septet::detail::classify_bytes_scalar(padded.data()))
            << size << " bytes after " << before << ", round " << round;
      }
    }
  }
}

TEST_P(fast_path_test, a_short_blocks_unit_marks_are_those_of_the_block_followed_by_zeros) {
  // mark_units on the text's last block, read back or loaded in part as above, against the scalar
  // marks of a zero-padded copy; random bytes, so that starts and doubles are anywhere.
  std::mt19937 rng(17);
  for (std::size_t size = 1; size < septet::detail::block_size; ++size) {
    const std::size_t reach = septet::detail::block_size - size;
    for (const std::size_t before : {std::size_t{0}, reach - 1, reach, reach + 7}) {
      for (const bool gsm : {true, false}) {
        const auto bytes = std::make_unique<std::uint8_t[]>(before + size);
        std::array<std::uint8_t, septet::detail::block_size> padded{};
        for (std::size_t i = 0; i < before + size; ++i) {
          bytes[i] = static_cast<std::uint8_t>(rng());
        }
        std::copy_n(bytes.get() + before, size, padded.begin());
        const auto marks = septet::detail::with_vector_kernels([&](auto kernels) {
          return kernels.mark_units(septet::detail::text_block(bytes.get() + before, size, before),
                                    gsm);
        });
        const auto expected = septet::detail::scalar_kernels::kernels::mark_units(
            septet::detail::text_block(padded.data(), size, 0), gsm);
        ASSERT_EQ(marks.starts, expected.starts) << size << " after " << before << " " << gsm;
        ASSERT_EQ(marks.doubles, expected.doubles) << size << " after " << before << " " << gsm;
      }
    }
  }
}

TEST_P(fast_path_test, texts_in_buffers_of_their_exact_size_read_nothing_past_them) {
  // Plain ASCII, Latin, Cyrillic, emoji and the euro sign, cut at every length up to 200 bytes and
  // copied to a heap buffer of exactly that size: the scan, analysis and parts match the
  // per-code-point path, the wire bytes those of the same text in a std::string (whose buffer has
  // room past the text), and under AddressSanitizer no routine reads past the buffer.
  const std::string source =
      "Hi Zo\xC3\xAB, \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xF0\x9F\x98\x80 "
      "total \xE2\x82\xAC"
      "12.50 [ok] {at} 10:30, reply STOP to opt out of these messages. "
      "Plain text follows so that whole vectors of it are read: abcdefghijklmnopqrstuvwxyz 0123";
  septet::options opts;
  opts.max_characters = 0;
  for (std::size_t start : {std::size_t{0}, std::size_t{38}}) {
    for (std::size_t length = 0; start + length <= source.size() && length <= 200; ++length) {
      const std::string_view cut = std::string_view{source}.substr(start, length);
      const auto bytes = std::make_unique<char[]>(length);
      std::copy(cut.begin(), cut.end(), bytes.get());
      const std::string_view text{bytes.get(), length};
      SCOPED_TRACE(testing::Message() << "bytes " << start << ".." << start + length);
      for (const std::size_t skip : {std::size_t{0}, std::size_t{1}, std::size_t{40}}) {
        if (skip <= length) {  // with `skip` bytes of the text before the run, to read back
          ASSERT_EQ(septet::detail::plain_run(text.data() + skip, length - skip, skip),
                    septet::detail::plain_run_scalar(text.data() + skip, length - skip))
              << skip;
        }
      }
      const septet::analysis a = septet::analyze(text, opts);
      septet_test::expect_same(a, per_code_point(text, opts));
      if (a.ok()) {  // a cut inside a character is an error, reported as the reference does
        ASSERT_EQ(septet::segment(text, opts).value(), per_code_point_parts(text, opts));
        const auto parts = septet::encode_parts(text);
        const auto reference = septet::encode_parts(std::string{text});
        ASSERT_EQ(parts.has_value(), reference.has_value());
        if (parts.has_value()) {
          ASSERT_EQ(parts->size(), reference->size());
          for (std::size_t k = 0; k < parts->size(); ++k) {
            ASSERT_TRUE(std::ranges::equal((*parts)[k].bytes(), (*reference)[k].bytes())) << k;
          }
        }
      }
    }
  }
}

TEST_P(fast_path_test, the_paths_squeeze_of_eight_septets_is_the_portable_one) {
  // One PEXT where the path uses it (see below), elsewhere shifts and masks: the same 56 bits.
  std::mt19937_64 rng(13);
  for (int round = 0; round < 10000; ++round) {
    const std::uint64_t septets = (round == 0 ? ~std::uint64_t{0} : rng()) & 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t squeezed = septet::detail::with_vector_kernels(
        [&](auto kernels) { return kernels.squeeze_septets(septets); });
    ASSERT_EQ(squeezed, septet::detail::squeeze_septets(septets)) << std::hex << septets;
  }
}

TEST_P(fast_path_test, pext_and_pdep_are_used_where_the_cpu_runs_them_fast) {
  // Fast on every CPU with AVX-512BW; on the AVX2 path, where this CPU runs them fast (microcode
  // on AMD's before Zen 3, which have AVX2).
  const bool fast =
      septet::detail::with_vector_kernels([](auto kernels) { return kernels.fast_pext_and_pdep; });
#if defined(SEPTET_PEXT_SPEED_AT_RUN_TIME)
  const bool avx2_fast = septet::detail::pext_runs_fast;
#else
  const bool avx2_fast = false;
#endif
  EXPECT_EQ(fast,
            GetParam() == vector_path::avx512bw || (GetParam() == vector_path::avx2 && avx2_fast));
}

TEST_P(fast_path_test, select_bit_finds_the_bit_of_every_rank) {
  // The part splitters' cut finder: the path's (one PDEP where it uses it, see above) and the
  // portable one (running sums per byte, or one PDEP where the compiler targets BMI2).
  std::mt19937_64 rng(5);
  for (int round = 0; round < 2000; ++round) {
    const std::uint64_t mask = round == 0 ? ~std::uint64_t{0} : rng() & rng();
    std::size_t rank = 0;
    for (std::size_t bit = 0; bit < 64; ++bit) {
      if (((mask >> bit) & 1U) != 0) {
        const std::size_t on_path = septet::detail::with_vector_kernels(
            [&](auto kernels) { return kernels.select_bit(mask, rank); });
        ASSERT_EQ(on_path, bit) << std::hex << mask << std::dec << " rank " << rank;
        ASSERT_EQ(septet::detail::select_bit(mask, rank), bit) << std::hex << mask;
        ++rank;
      }
    }
    ASSERT_EQ(rank, septet::detail::count_bits(mask));
  }
}

TEST_P(fast_path_test, leads_with_a_narrower_second_byte_are_settled_at_every_block_offset) {
  // E0 ED F0 F4 with every continuation byte as the second (overlong forms, surrogates and code
  // points past U+10FFFF among them), and E2 with the euro sign's bytes and its neighbours, after
  // 0..63 bytes of ASCII and before more, so that each lead sits at every position of a block.
  septet::options opts;
  opts.max_characters = 0;
  for (const unsigned lead : {0xE0U, 0xE2U, 0xEDU, 0xF0U, 0xF4U}) {
    for (unsigned second = 0x80; second < 0xC0; ++second) {
      for (const unsigned third : {0x80U, 0xACU, 0xBFU}) {
        std::string character{static_cast<char>(lead), static_cast<char>(second),
                              static_cast<char>(third)};
        if (lead >= 0xF0U) {
          character += '\x80';
        }
        for (std::size_t at = 0; at < septet::detail::block_size; ++at) {
          const std::string text = std::string(at, 'a') + character + "b\xE2\x82\xAC c";
          SCOPED_TRACE(testing::Message() << std::hex << lead << ' ' << second << ' ' << third
                                          << std::dec << " at " << at);
          septet_test::expect_same(septet::analyze(text, opts), per_code_point(text, opts));
        }
      }
    }
  }
}

TEST_P(fast_path_test, segment_matches_the_per_code_point_split) {
  const std::vector<std::string> pieces = {"Hello there, ",
                                           "a",
                                           "]",
                                           "\x0C",
                                           "\xE2\x82\xAC",
                                           "\r\n",
                                           "\xC3\xA9",
                                           "\xCE\x94",
                                           "\xC2\xA3",
                                           "\xD0\xB6",
                                           "\xE2\x80\x9C",
                                           "\xE4\xBD\xA0",
                                           "\xF0\x9F\x98\x80",
                                           "\xC3\xAA",
                                           "`",
                                           "\xF4\x8F\xBF\xBF"};
  std::mt19937 rng(17);
  for (std::size_t round = 0; round < 3000; ++round) {
    // GSM-only pieces in some rounds, everything in the others.
    const std::size_t kinds = round % 3 == 0 ? 9 : pieces.size();
    const std::string text = septet_test::random_text(rng, pieces, kinds, 400);
    septet::options opts;
    opts.max_characters = 0;
    opts.max_parts = 0;
    opts.udh_octets = round % 4 == 0 ? 7 : (round % 4 == 1 ? 6 : 6 + round % 60);
    opts.max_units_per_part = round % 5 == 0 ? 2 + round % 150 : 0;
    SCOPED_TRACE(round);
    const auto a = septet::analyze(text, opts);
    septet_test::expect_same(a, per_code_point(text, opts));
    const auto parts = septet::segment(text, opts);
    ASSERT_TRUE(parts.ok());
    ASSERT_EQ(parts.value(), per_code_point_parts(text, opts));
  }
}

/// The analysis and, for a valid text, the parts of `text` under `opts`, against the
/// per-code-point path.
void expect_per_code_point_analysis_and_parts(const std::string& text, septet::options opts) {
  const auto slow = per_code_point(text, opts);
  septet_test::expect_same(septet::analyze(text, opts), slow);
  if (slow.ok()) {
    opts.max_parts = 0;
    opts.max_characters = 0;
    const auto parts = septet::segment(text, opts);
    ASSERT_TRUE(parts.ok());
    ASSERT_EQ(parts.value(), per_code_point_parts(text, opts));
  }
}

TEST_P(fast_path_test, a_message_that_turns_ucs2_late_splits_as_the_per_code_point_path) {
  // While a whole text is GSM, its UCS-2 split waits, and is made from the text before the first
  // non-GSM character when one comes: GSM prefixes across many UCS-2 parts (past the 254 cuts a
  // log keeps, with small parts), then the turn, alone or with an encoding error after it in the
  // same block, or an error alone (the split is made up to it, then not read).
  const std::vector<std::string> gsm = {"Hello there, ", "a",        "]",        "\xE2\x82\xAC",
                                        "\r\n",          "\xC3\xA9", "\xCE\x94", "\xC2\xA3"};
  const std::vector<std::string> turns = {
      "\xD0\xB6", "\xE4\xBD\xA0", "\xF0\x9F\x98\x80", "`",
      "\xC3\xAA", "\xFF",         "\xD0\xB6\xFF",     "`\xE2\x82"};
  std::mt19937 rng(23);
  for (std::size_t round = 0; round < 1500; ++round) {
    std::string text = septet_test::random_text(rng, gsm, gsm.size(), 1 + round % 300);
    text += turns[round % turns.size()];
    text += septet_test::random_text(rng, gsm, gsm.size(), round % 20);
    septet::options opts;
    opts.max_characters = round % 3 == 0 ? 0 : 1 + round % 900;
    opts.max_parts = round % 4 == 0 ? 0 : 1 + round % 9;
    opts.udh_octets = round % 2 == 0 ? 7 : 6;
    opts.max_units_per_part = round % 5 == 0 ? 2 + round % 7 : 0;
    SCOPED_TRACE(round);
    expect_per_code_point_analysis_and_parts(text, opts);
  }
  // Every prefix length up to three blocks of two- and three-byte GSM characters, so that the
  // blocks the split is made from cut them at every position.
  std::string prefix;
  while (prefix.size() < 3 * septet::detail::block_size) {
    SCOPED_TRACE(prefix.size());
    expect_per_code_point_analysis_and_parts(prefix + "\xD0\xB6 ok", septet::options{});
    prefix += prefix.size() % 3 == 0 ? "\xC3\xA9" : (prefix.size() % 3 == 1 ? "\xE2\x82\xAC" : "a");
  }
}

TEST_P(fast_path_test, analysis_matches_the_per_code_point_path) {
  const std::vector<std::string> pieces = {"Hello there, ",
                                           "a",
                                           "]",
                                           "\xE2\x82\xAC",
                                           "\r\n",
                                           "`",
                                           "\xC3\xA9",
                                           "\xD0\xB6",
                                           "\xF0\x9F\x98\x80",
                                           "\xCC\x81",
                                           "\xF0\x9F\x87\xB8",
                                           "\xE2\x80\x8D",
                                           std::string(1, '\0'),
                                           "\xFF",
                                           "\xE2\x82",
                                           "\xED\xA0\x80",
                                           "\xC0\x80",
                                           "plain text without anything special "};
  std::mt19937 rng(11);
  for (std::size_t round = 0; round < 2000; ++round) {
    const std::size_t kinds = round % 4 == 0 ? pieces.size() : (round % 4 == 1 ? 8 : 13);
    const std::string text = septet_test::random_text(rng, pieces, kinds, 300);
    septet::options opts;
    opts.boundary =
        round % 2 == 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
    opts.max_characters = round % 5 == 0 ? 0 : 1 + round % 700;
    opts.max_parts = round % 7 == 0 ? 0 : 1 + round % 6;
    opts.udh_octets = round % 3 == 0 ? 7 : 6;
    SCOPED_TRACE(round);
    const auto slow = per_code_point(text, opts);
    septet_test::expect_same(septet::analyze(text, opts), slow);
    // The UTF-16 fast path gives the same figures (offsets are then in UTF-16 units).
    std::u16string utf16;
    std::vector<std::size_t> utf16_offset_of_byte(text.size() + 1, 0);
    const auto valid =
        septet::for_each_code_point(std::string_view(text), [&](char32_t cp, std::size_t offset) {
          utf16_offset_of_byte[offset] = utf16.size();
          septet::put_utf16(cp, [&](char16_t unit) { utf16 += unit; });
        });
    if (valid.ok()) {
      utf16_offset_of_byte[text.size()] = utf16.size();
      const auto wide = septet::analyze(std::u16string_view(utf16), opts);
      EXPECT_EQ(wide.encoding, slow.encoding);
      EXPECT_EQ(wide.units, slow.units);
      EXPECT_EQ(wide.parts, slow.parts);
      EXPECT_EQ(wide.units_remaining, slow.units_remaining);
      EXPECT_EQ(wide.characters, slow.characters);
      EXPECT_EQ(wide.limits.ec, slow.limits.ec);
      if (!slow.limits.ok()) {
        EXPECT_EQ(wide.limits.count, utf16_offset_of_byte[slow.limits.count]);
      }
    }
  }
}

/// Wire options for round `round` of a random test: 8-bit and 16-bit references in turn.
auto alternate_references(std::size_t round) -> septet::encode_options {
  septet::encode_options enc;
  enc.reference_size =
      round % 2 == 0 ? septet::reference_size::bits8 : septet::reference_size::bits16;
  return enc;
}

/// `septets` packed one bit at a time after `fill` bits.
auto packed_bit_by_bit(std::span<const std::uint8_t> septets, std::size_t fill)
    -> std::vector<std::uint8_t> {
  std::vector<std::uint8_t> packed(septet::gsm7::packed_size(septets.size(), fill), 0);
  for (std::size_t i = 0; i < septets.size(); ++i) {
    for (std::size_t bit = 0; bit < 7; ++bit) {
      const std::size_t at = fill + i * 7 + bit;
      packed[at / 8] =
          static_cast<std::uint8_t>(packed[at / 8] | (((septets[i] >> bit) & 1U) << (at % 8)));
    }
  }
  return packed;
}

/// Part `p` of `text` holds what the checked encoders make of its text: GSM septets packed bit by
/// bit, or UTF-16BE.
void expect_checked_user_data(std::string_view text, const septet::encoded_part& p) {
  const auto user_data = p.user_data();
  const std::vector<std::uint8_t> got(user_data.begin(), user_data.end());
  if (p.data_coding == septet::data_coding_ucs2) {
    const auto checked = septet::ucs2::encode(septet::part_text(text, p.text));
    ASSERT_TRUE(checked.ok());
    EXPECT_EQ(got, checked.value());
    EXPECT_EQ(p.udl, p.size);
    return;
  }
  const auto septets = septet::gsm7::encode(septet::part_text(text, p.text));
  ASSERT_TRUE(septets.ok());
  EXPECT_EQ(got, packed_bit_by_bit(septets.value(), septet::gsm7::fill_bits(p.udh_size)));
  EXPECT_EQ(p.udl, septet::gsm7::user_data_length(p.udh_size, septets->size()));
}

TEST_P(fast_path_test, gsm_parts_hold_the_checked_encoders_septets_packed_bit_by_bit) {
  // encode_parts takes GSM septets from a table per character and packs them in a register at
  // run time; the checked encoder (gsm7::encode) and a packer that sets one bit at a time agree.
  const std::vector<std::string> pieces = {"Hello there, ", "@$_",     "]",        "\x0C",
                                           "\xE2\x82\xAC",  "\r\n",    "\xC3\xA9", "\xCE\x94",
                                           "\xC2\xA3",      "{|}~^\\["};
  std::mt19937 rng(29);
  for (std::size_t round = 0; round < 1500; ++round) {
    const std::string text = septet_test::random_text(rng, pieces, pieces.size(), 150);
    SCOPED_TRACE(round);
    const auto parts = septet::encode_parts(text, alternate_references(round));
    ASSERT_TRUE(parts.ok());
    for (const auto& p : parts.value()) {
      ASSERT_EQ(p.data_coding, septet::data_coding_gsm7);
      expect_checked_user_data(text, p);
    }
  }
}

TEST_P(fast_path_test, ucs2_parts_hold_the_checked_encoders_utf16be) {
  // encode_parts writes UTF-16BE from the analysed (valid) UTF-8 without checking it again; the
  // checked encoder (ucs2::encode) agrees, surrogate pairs and part ends included.
  const std::vector<std::string> pieces = {
      "Hi ",          "\xC3\xA9",         "\xD0\x96",         "\xE2\x82\xAC", "\xE4\xB8\xAD",
      "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\r\n",         "{}"};
  std::mt19937 rng(31);
  for (std::size_t round = 0; round < 1500; ++round) {
    const std::string text =
        septet_test::random_text(rng, pieces, pieces.size(), 150) + "\xE4\xB8\xAD";
    SCOPED_TRACE(round);
    const auto parts = septet::encode_parts(text, alternate_references(round));
    ASSERT_TRUE(parts.ok());
    for (const auto& p : parts.value()) {
      ASSERT_EQ(p.data_coding, septet::data_coding_ucs2);
      expect_checked_user_data(text, p);
    }
  }
}

/// encode_parts by the general path: analysis, split, then the parts' user data.
auto analysed_parts(std::string_view text,
                    std::span<septet::encoded_part> out,
                    const septet::encode_options& enc) -> septet::result {
  return septet::detail::encode_text_parts(
      septet::detail::analyzed_text(text, septet::detail::wire_text_options(enc)), out, enc);
}

/// Two parts are the same on the wire and carry the same text.
void expect_same_part(const septet::encoded_part& got, const septet::encoded_part& expected) {
  EXPECT_TRUE(std::ranges::equal(got.bytes(), expected.bytes()));
  EXPECT_EQ(got.udh_size, expected.udh_size);
  EXPECT_EQ(got.udl, expected.udl);
  EXPECT_EQ(got.data_coding, expected.data_coding);
  EXPECT_EQ(got.esm_class, expected.esm_class);
  EXPECT_EQ(got.text, expected.text);
}

/// The parts of `text` one by one (encode_one_part over the analysed split), as encode_parts made
/// them before it converted parts in batches.
auto parts_one_by_one(std::string_view text, const septet::encode_options& enc)
    -> std::vector<septet::encoded_part> {
  const septet::detail::analyzed_text analyzed(text, septet::detail::wire_text_options(enc));
  std::vector<septet::encoded_part> parts;
  analyzed.for_each_part([&](const septet::part& range) {
    parts.emplace_back();
    EXPECT_TRUE(septet::detail::encode_one_part(text, range, analyzed.analysis(), enc,
                                                parts.size() - 1, parts.back())
                    .ok());
  });
  return parts;
}

TEST_P(fast_path_test, parts_of_long_messages_are_the_parts_made_one_by_one) {
  // encode_parts converts the text of batch_parts parts at once and hands each part its share:
  // past a batch, in both encodings, with the caps lifted, under 16-bit references, the unpacked
  // form with an extra IE, or short parts, every part is on the wire what encoding it alone
  // makes, the packed ones hold what the checked encoders make of its text, and the parts cover
  // the text.
  const std::vector<std::string> pieces = {
      "Good morning ", "\xC3\xA9", "{}",       "\xE2\x82\xAC",
      "\r\n",          "x",        "\xD0\x96", "\xF0\x9F\x98\x80"};
  const std::array<std::uint8_t, 4> ports = {0x0B, 0x84, 0x23, 0xF0};
  const std::array<septet::information_element, 1> port = {{{0x05, ports}}};
  std::mt19937 rng(43);
  std::array<std::size_t, 2> past_a_batch{};
  for (std::size_t round = 0; round < 120; ++round) {
    const bool gsm = round % 2 == 0;
    septet::encode_options enc = alternate_references(round / 2);
    enc.text.max_characters = 0;
    enc.text.max_parts = 0;
    if (round % 8 >= 4) {
      enc.form = septet::septet_form::unpacked;
      enc.extra_elements = port;
    }
    if (round % 3 == 0) {
      enc.text.max_units_per_part = 40;
    }
    const std::string text = septet_test::random_text(rng, pieces, gsm ? 6 : pieces.size(), 1600);
    SCOPED_TRACE(round);
    const auto parts = septet::encode_parts(text, enc);
    ASSERT_TRUE(parts.ok());
    const std::vector<septet::encoded_part> expected = parts_one_by_one(text, enc);
    ASSERT_EQ(parts->size(), expected.size());
    std::size_t covered = 0;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      const septet::encoded_part& p = parts.value()[k];
      expect_same_part(p, expected[k]);
      ASSERT_EQ(p.text.begin, covered);
      covered = p.text.end;
      if (enc.form == septet::septet_form::packed) {
        expect_checked_user_data(text, p);
      }
    }
    EXPECT_EQ(covered, text.size());
    if (parts->size() > septet::detail::batch_parts) {
      ++past_a_batch[parts->front().data_coding == septet::data_coding_ucs2 ? 1 : 0];
    }
  }
  EXPECT_GT(past_a_batch[0], 20U);
  EXPECT_GT(past_a_batch[1], 20U);
}

TEST_P(fast_path_test, a_one_part_message_is_encoded_as_the_analysed_path_does) {
  // encode_parts takes a message that fits one part without analysing it first. GSM text around
  // the one-part limits, some with characters outside GSM (UCS-2) or one invalid sequence
  // anywhere, under the options that change what one part holds: both forms give what the
  // general path gives.
  const std::vector<std::string> gsm = {"Hello there, ", "a",        "]",   "\xE2\x82\xAC",
                                        "\xC3\xA9",      "\xC2\xA3", "\r\n"};
  const std::vector<std::string> outside = {
      "\xD0\x96", "\xE4\xBD\xA0", "\xF0\x9F\x98\x80", "\x01", "`", std::string(1, '\0')};
  // Not UTF-8, but a GSM character if the trail byte (C3 29: e acute) or the lead (C1 A1: a;
  // 80 61: !) went unchecked; a cut euro sign; a lead at the end.
  const std::vector<std::string> invalid = {"\xC3\x29", "\xC1\xA1", "\x80\x61", "\xE2\x82", "\xC3"};
  const std::array<std::uint8_t, 4> ports = {0x0B, 0x84, 0x23, 0xF0};
  const std::array<septet::information_element, 1> port = {{{0x05, ports}}};
  std::mt19937 rng(41);
  std::size_t one_gsm_part = 0;
  std::size_t one_ucs2_part = 0;
  std::size_t invalid_texts = 0;
  for (std::size_t round = 0; round < 6000; ++round) {
    std::string text = septet_test::random_text(rng, gsm, gsm.size(),
                                                std::array<std::size_t, 3>{200, 60, 25}[round % 3]);
    const auto insert = [&](const std::string& piece) {
      text.insert(rng() % (text.size() + 1), piece);  // a cut sequence now and then
    };
    if (round % 4 == 0) {
      insert(invalid[(round / 4) % invalid.size()]);
    } else if (round % 4 == 2) {
      for (std::size_t k = 0; k <= round % 3; ++k) {
        insert(outside[rng() % outside.size()]);
      }
    }
    septet::encode_options enc = alternate_references(round);
    enc.form = round % 3 == 0 ? septet::septet_form::unpacked : septet::septet_form::packed;
    enc.text.max_characters = std::array<std::size_t, 5>{0, 2000, 150, 10, 65}[round % 5];
    enc.text.max_units_per_part = std::array<std::size_t, 4>{0, 150, 0, 60}[round % 4];
    if (round % 5 == 2) {
      enc.extra_elements = port;
    }
    if (round % 7 == 3) {
      enc.text.national = {septet::national_language::turkish, septet::national_language::none};
    }
    SCOPED_TRACE(testing::Message() << "round " << round << ": " << testing::PrintToString(text));
    // Room for every part of the longest text (2600 bytes, 150 septets a part).
    std::vector<septet::encoded_part> direct(20);
    std::vector<septet::encoded_part> general(20);
    const septet::result got = septet::encode_parts(text, std::span{direct}, enc);
    const septet::result expected = analysed_parts(text, std::span{general}, enc);
    ASSERT_EQ(got.ec, expected.ec);
    ASSERT_EQ(got.count, expected.count);
    const auto owned = septet::encode_parts(text, enc);
    ASSERT_EQ(owned.ok(), expected.ok());
    if (!expected.ok()) {
      if (!septet::validate(std::string_view{text}).ok()) {
        ++invalid_texts;
      }
      continue;
    }
    ASSERT_EQ(owned->size(), expected.count);
    for (std::size_t i = 0; i < expected.count; ++i) {
      expect_same_part(direct[i], general[i]);
      expect_same_part(owned.value()[i], general[i]);
    }
    if (expected.count == 1) {
      ++(general[0].data_coding == septet::data_coding_gsm7 ? one_gsm_part : one_ucs2_part);
    }
  }
  // Each way is taken often: one-part GSM and UCS-2 messages, and text the checks turn away.
  EXPECT_GT(one_gsm_part, 1000U);
  EXPECT_GT(one_ucs2_part, 300U);
  EXPECT_GT(invalid_texts, 600U);
}

/// utf16be_from_valid_utf8 against the checked encoder, the text in a buffer of exactly its size,
/// into rooms of exactly the octets needed, one less (no room: nothing), one more, around the 32
/// the vector path needs to store, and roomy; under AddressSanitizer no read or write leaves the
/// buffers.
void expect_checked_utf16be(const std::string& source) {
  const auto expected = septet::ucs2::encode(source);
  ASSERT_TRUE(expected.ok());
  const auto text = std::make_unique<char[]>(source.size());
  std::copy(source.begin(), source.end(), text.get());
  const std::size_t needed = expected->size();
  for (const std::size_t room : {needed, needed == 0 ? 0 : needed - 1, needed + 1, std::size_t{31},
                                 std::size_t{32}, std::size_t{33}, needed + 40}) {
    SCOPED_TRACE(testing::Message() << "room " << room);
    const auto out = std::make_unique<std::uint8_t[]>(room);
    const auto written = septet::detail::utf16be_from_valid_utf8(
        std::string_view{text.get(), source.size()}, std::span{out.get(), room});
    if (room < needed) {
      ASSERT_FALSE(written.has_value());
      continue;
    }
    ASSERT_EQ(written, needed);
    ASSERT_TRUE(std::equal(expected->begin(), expected->end(), out.get()));
  }
}

TEST_P(fast_path_test, utf16be_of_random_valid_utf8_is_the_checked_encoders) {
  // Characters of one to four bytes, the ends of each range among them, in runs of few kinds.
  const std::vector<std::string> pieces = {"a",
                                           "Hi, ",
                                           "\xC2\x80",
                                           "\xD0\x96",
                                           "\xDF\xBF",
                                           "\xE0\xA0\x80",
                                           "\xE4\xB8\xAD",
                                           "\xEF\xBF\xBF",
                                           "\xF0\x90\x80\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\xF4\x8F\xBF\xBF",
                                           "0123456789abcdef"};
  std::mt19937 rng(37);
  for (std::size_t round = 0; round < 3000; ++round) {
    const std::size_t first = round % pieces.size();
    const std::vector<std::string> kinds = {pieces[first],
                                            pieces[(first + round / 11) % pieces.size()],
                                            pieces[(first + round / 7) % pieces.size()]};
    SCOPED_TRACE(round);
    expect_checked_utf16be(septet_test::random_text(rng, kinds, 1 + round % 3, 60));
  }
}

TEST_P(fast_path_test, every_window_shape_is_taken_and_converts_as_the_checked_encoder) {
  // For each shape of the window table, its characters (lengths from the shape, each range's ends
  // in turn): the table gives the shape for their end mask, and they convert as the checked
  // encoder does, first in the text or after 16 ASCII bytes, at the end of the text or followed by
  // a character that keeps the earlier families from taking the window.
  using windows = septet::detail::utf8_windows;
  const std::array<std::array<std::string, 2>, 5> of_length = {
      {{"", ""},
       {"a", "\x7F"},
       {"\xC2\x80", "\xDF\xBF"},
       {"\xE0\xA0\x80", "\xEF\xBF\xBF"},
       {"\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}}};
  const auto& table = septet::detail::utf8_window_table;
  for (const septet::detail::utf8_window_family* f :
       {&windows::six, &windows::four, &windows::three}) {
    for (std::size_t shape = f->first_shape; shape < f->first_shape + f->shapes(); ++shape) {
      std::string window;
      unsigned ends = 0;
      for (std::size_t k = 0, digits = shape - f->first_shape; k < f->characters;
           ++k, digits /= f->longest) {
        window += of_length[digits % f->longest + 1][k % 2];
        ends |= 1U << (window.size() - 1);
      }
      SCOPED_TRACE(testing::Message() << "shape " << shape << ", " << window.size() << " bytes");
      ASSERT_EQ(table.of_ends[ends].shape, shape);
      ASSERT_EQ(table.of_ends[ends].consumed, window.size());
      const std::string next = of_length[f == &windows::three ? 4 : 3][0];
      for (const std::string& before : {std::string{}, std::string{"0123456789abcdef"}}) {
        for (const std::string& after : {std::string{}, next + " and more text"}) {
          expect_checked_utf16be(before + window + after);
        }
      }
    }
  }
}

}  // namespace
