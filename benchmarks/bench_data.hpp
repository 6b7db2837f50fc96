#ifndef SEPTET_BENCHMARKS_BENCH_DATA_HPP
#define SEPTET_BENCHMARKS_BENCH_DATA_HPP

#include <benchmark/benchmark.h>

#if defined(__SSE2__) && defined(__x86_64__)
#  include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <septet/analysis.hpp>
#include <string>
#include <string_view>
#include <vector>

// Inputs made in-process (nothing is downloaded): `size` bytes of text of one class, cut at a
// character boundary.
namespace septet_bench {

enum class text_class { ascii, gsm_extension, latin1, cyrillic, cjk, emoji, mixed };

/// `text` cut back to a character boundary at or below `size`.
inline auto cut_at_character(std::string text, std::size_t size) -> std::string {
  std::size_t end = size;
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
    --end;
  }
  text.resize(end < text.size() ? end : text.size());
  return text;
}

/// The mixed corpus of benchmarks/peers/corpus.mjs, body for body: 500 bodies, half GSM (some
/// extension characters), half UCS-2 (emoji, CJK, Cyrillic, Arabic, curly quotes), from a fixed
/// seed. The generator is JavaScript's arithmetic done the same way: the product is rounded to a
/// double as JavaScript rounds it (never fused with the addition), the rest is exact.
inline auto mixed_corpus() -> const std::vector<std::string>& {
  static const std::vector<std::string> corpus = [] {
    double seed = 20261123;
    const auto random = [&seed] {
      const auto product = static_cast<double>(static_cast<std::uint64_t>(seed) * 1103515245U);
      seed = std::fmod(product + 12345.0, 2147483648.0);
      return seed / 2147483648.0;
    };
    const std::vector<std::string_view> gsm_words = {
        "Your", "code",  "is",    "4711", "order",     "shipped",   "today",    "Reply",
        "STOP", "{ref}", "[1/2]", "~50%", "EUR\u20AC", "caf\u00E9", "\u00C5sa", "ma\u00F1ana"};
    const std::vector<std::string_view> other_words = {"\U0001F600",
                                                       "\U0001F389\U0001F38A",
                                                       "\u4F60\u597D",
                                                       "\u4E16\u754C",
                                                       "\u041F\u0440\u0438\u0432\u0435\u0442",
                                                       "\u0645\u0631\u062D\u0628\u0627",
                                                       "\u201Cok\u201D",
                                                       "na\u00EFve",
                                                       "stra\u00DFe",
                                                       "\U0001F44D\U0001F3FD"};
    std::vector<std::string> bodies;
    for (std::size_t i = 0; i < 500; ++i) {
      std::string body;
      const auto target = static_cast<std::size_t>(40 + std::floor(random() * 860));
      std::size_t length = 0;
      while (length < target) {
        const auto& pool = i % 2 == 0 || random() < 0.7 ? gsm_words : other_words;
        const auto word =
            pool[static_cast<std::size_t>(std::floor(random() * static_cast<double>(pool.size())))];
        body += body.empty() ? "" : " ";
        body += word;
        length += septet::analyze(word).utf16_units + 1;  // JavaScript's word.length
      }
      bodies.push_back(std::move(body));
    }
    return bodies;
  }();
  return corpus;
}

/// FNV-1a (32 bits) of the corpus printed one body per line, as bench.mjs prints it: the native
/// and JavaScript runs prove they measured the same bytes.
inline auto fingerprint(const std::vector<std::string>& bodies) -> std::uint32_t {
  std::uint32_t hash = 2166136261U;
  const auto add = [&](unsigned char byte) { hash = (hash ^ byte) * 16777619U; };
  for (const auto& body : bodies) {
    for (const char c : body) {
      add(static_cast<unsigned char>(c));
    }
    add('\n');
  }
  return hash;
}

inline auto text_of(text_class kind, std::size_t size) -> std::string {
  std::string_view piece;
  switch (kind) {
    case text_class::mixed: {
      // The corpus's bodies one after another, as one stream.
      std::string text;
      for (std::size_t i = 0; text.size() < size; ++i) {
        const auto& bodies = mixed_corpus();
        text += bodies[i % bodies.size()];
        text += ' ';
      }
      return cut_at_character(std::move(text), size);
    }
    case text_class::ascii:
      piece = "Your verification code is 483920. It expires in 10 minutes. ";
      break;
    case text_class::gsm_extension:
      piece = "Pay {EUR} 12 \xE2\x82\xAC [ref: A|B] ~ ok ^ ";
      break;
    case text_class::latin1:
      piece =
          "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
          "e \xC3\xA0 l'\xC3\xA9picerie ";
      break;
    case text_class::cyrillic:
      piece = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80! ";
      break;
    case text_class::cjk:
      piece = "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\xE3\x80\x82";
      break;
    case text_class::emoji:
      piece = "ok \xF0\x9F\x98\x80\xF0\x9F\x8E\x89 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ";
      break;
  }
  std::string text;
  while (text.size() < size) {
    text += piece;
  }
  return cut_at_character(std::move(text), size);
}

/// Short messages as services send them, 1000 bodies (median about 70 bytes): one-time codes,
/// shipping and appointment notices, promotions, card alerts, balances with a euro sign (a GSM
/// extension character); a third UCS-2: an emoji, Cyrillic, Arabic, Chinese, Portuguese with an
/// emoji. Made from the index alone, so every run and every build reads the same bytes.
inline auto short_corpus() -> const std::vector<std::string>& {
  static const std::vector<std::string> corpus = [] {
    const std::array<const char*, 10> names = {"Anna",      "J\u00FCrgen", "Zo\u00EB",   "Ivan",
                                               "Jos\u00E9", "Fatima",      "S\u00F8ren", "Li",
                                               "Priya",     "Tom"};
    const std::array<const char*, 5> days = {"Monday", "Tuesday", "Friday", "12 March", "tomorrow"};
    std::vector<std::string> bodies;
    for (std::size_t i = 0; i < 1000; ++i) {
      const std::string code = std::to_string(100000 + (i * 7919) % 900000);
      const std::string name = names[i % names.size()];
      const std::string day = days[i % days.size()];
      const std::string number = std::to_string(10000 + (i * 104729) % 90000);
      switch (i % 10) {
        case 0:
          bodies.push_back("Your verification code is " + code +
                           ". It expires in 10 minutes. Do not share it.");
          break;
        case 1:
          bodies.push_back(name + ", your order #" + number + " has shipped and arrives " + day +
                           ".");
          break;
        case 2:
          bodies.push_back("Reminder: your appointment is on " + day +
                           " at 10:30. Reply C to "
                           "cancel.");
          break;
        case 3:
          bodies.push_back("Hi " + name +
                           "! 20% off everything this weekend with code SAVE20 "
                           "at example.com");
          break;
        case 4:
          bodies.push_back("Your balance is \u20AC" + std::to_string(i % 500) +
                           ".50. Top up at "
                           "example.com/pay");
          break;
        case 5:
          bodies.push_back("ALERT: card ending " + number.substr(0, 4) + " used for $" +
                           std::to_string(i % 300) + " at " + name +
                           "'s Shop. Not you? Call "
                           "0800 123 456");
          break;
        case 6:
          bodies.push_back(name + " \U0001F389 your package is out for delivery today!");
          break;
        case 7:
          bodies.push_back("\u0412\u0430\u0448 \u043A\u043E\u0434: " + code +
                           ". \u041D\u0438\u043A\u043E\u043C\u0443 \u0435\u0433\u043E "
                           "\u043D\u0435 \u0441\u043E\u043E\u0431\u0449\u0430\u0439\u0442\u0435.");
          break;
        case 8:
          bodies.push_back(i % 20 == 8
                               ? "\u0631\u0645\u0632 \u0627\u0644\u062A\u062D\u0642\u0642: " + code
                               : "\u60A8\u7684\u9A8C\u8BC1\u7801\u662F" + code +
                                     "\uFF0C10\u5206\u949F\u5185\u6709\u6548\u3002");
          break;
        default:
          bodies.push_back("Ol\u00E1 " + name + ", o seu pedido #" + number +
                           " foi enviado \U0001F69A");
          break;
      }
    }
    return bodies;
  }();
  return corpus;
}

/// The byte-count baseline: characters of every body, counted as UTF-8 lead bytes (the floor
/// of any pass over the text).
inline auto count_lead_bytes(const std::vector<std::string>& bodies) -> std::size_t {
  std::size_t count = 0;
  for (const auto& body : bodies) {
    benchmark::DoNotOptimize(body.data());
    for (const char c : body) {
      count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
  }
  return count;
}

#if defined(__SSE2__) && defined(__x86_64__)
/// count_lead_bytes written for vectors (SSE2, which every x86-64 has), whatever the build's flags:
/// GCC leaves that loop a byte at a time at -O2 (Debian's flags) and vectorises it at -O3. A
/// continuation byte (0x80..0xBF) is below -64 as a signed byte; the flags of 255 vectors at most
/// are added in bytes, then summed.
inline auto count_lead_bytes_sse2(const std::vector<std::string>& bodies) -> std::size_t {
  std::size_t count = 0;
  for (const auto& body : bodies) {
    benchmark::DoNotOptimize(body.data());
    const auto* const p = reinterpret_cast<const unsigned char*>(body.data());
    const std::size_t n = body.size();
    std::size_t i = 0;
    __m128i sums = _mm_setzero_si128();
    while (n - i >= 16) {
      const std::size_t end = i + 16 * std::min<std::size_t>((n - i) / 16, 255);
      __m128i leads = _mm_setzero_si128();
      for (; i < end; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        leads = _mm_sub_epi8(leads, _mm_cmpgt_epi8(v, _mm_set1_epi8(-65)));
      }
      sums = _mm_add_epi64(sums, _mm_sad_epu8(leads, _mm_setzero_si128()));
    }
    count += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    for (; i < n; ++i) {
      count += (p[i] & 0xC0U) != 0x80U ? 1 : 0;
    }
  }
  return count;
}
#endif

/// Reports `bytes` per iteration as bytes/s, and one message per iteration as items/s.
inline void set_throughput(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

/// Bytes of all `bodies` per iteration as bytes/s, and bodies as items/s; the corpus's
/// fingerprint as a counter.
inline void set_corpus_throughput(benchmark::State& state, const std::vector<std::string>& bodies) {
  std::size_t bytes = 0;
  for (const auto& body : bodies) {
    bytes += body.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bodies.size()));
  state.counters["corpus_fnv"] = static_cast<double>(fingerprint(bodies));
}

}  // namespace septet_bench

#endif  // SEPTET_BENCHMARKS_BENCH_DATA_HPP
