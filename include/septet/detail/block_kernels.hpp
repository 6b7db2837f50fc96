// The vector routines of utf8_block.hpp (classify_bytes, scan_block, mark_units, the plain scan,
// the wire encoder's GSM septets and UTF-16BE) for one instruction set. No include guard:
// utf8_block.hpp includes this file once per instruction set it compiles, each time in a namespace
// of its own, after defining
//   SEPTET_KERNEL_NAMESPACE  the namespace (in septet::detail), e.g. avx2_kernels;
//   SEPTET_KERNEL_OPS        the ops type of byte_vector.hpp (undefined: the scalar code);
//   SEPTET_KERNEL_TARGET     the target attribute that instruction set needs (may be empty);
//   SEPTET_KERNEL_INLINE     SEPTET_ALWAYS_INLINE, or empty where run() flattens (see kernels);
//   SEPTET_KERNEL_ENTRY      SEPTET_FLATTEN on run() where the target is not the compiler's;
//   SEPTET_KERNEL_FAST_BMI2  (optional) the set has a fast PEXT and PDEP;
//   SEPTET_KERNEL_BMI2_IF_FAST (optional) the set has PEXT and PDEP, used if this CPU runs them
//                            fast (pext_runs_fast);
//   SEPTET_KERNEL_SHUFFLES   (optional) the set has SSSE3's byte shuffles and SSE4.1's blends on
//                            16 bytes (x86);
//   SEPTET_KERNEL_POPCNT     (optional) the set has POPCNT where the compiler's target may not.
// GCC and Clang refuse to inline an intrinsic into a function compiled for a smaller target, so
// every function and lambda here that can reach one carries SEPTET_KERNEL_TARGET; the C++ is
// written once and compiled for each target, and no other function of the library needs one.
#if !defined(SEPTET_KERNEL_NAMESPACE) || !defined(SEPTET_KERNEL_TARGET)
#  error "block_kernels.hpp is included by utf8_block.hpp only"
#endif

namespace septet::inline v0::detail::SEPTET_KERNEL_NAMESPACE {

/// `v`, which the compiler can then no longer take for a constant: a vector constant made so once
/// before a loop stays in a register (or on the stack), where GCC at -O2 would make it again at
/// each use in the loop (a move and a broadcast, for a constant of equal lanes). Compiled for the
/// path, so that its vectors pass in registers.
template <class Vector>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto opaque(Vector v) noexcept
    -> Vector {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  __asm__("" : "+x"(v));
#endif
  return v;
}

#if defined(SEPTET_KERNEL_OPS)
using ops = SEPTET_KERNEL_OPS;

/// Byte tests on one vector of Ops. Compares are signed: 0x80..0xFF are the negative bytes, so
/// "above 0xC1" is "greater than -63" among them; ASCII then passes, and callers drop it where it
/// matters.
template <class Ops>
struct vector_bytes_of {
  using flags = typename Ops::flags;
  typename Ops::vector v;

  SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET static auto splat(unsigned b) noexcept ->
      typename Ops::vector {
    return Ops::splat(static_cast<char>(static_cast<std::int8_t>(b)));
  }
  /// Signed v > b.
  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET auto above(unsigned b) const noexcept
      -> flags {
    return Ops::gt(v, splat(b));
  }
  /// Signed v < b.
  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET auto below(unsigned b) const noexcept
      -> flags {
    return Ops::gt(splat(b), v);
  }
  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET auto is(unsigned b) const noexcept
      -> flags {
    return Ops::eq(v, splat(b));
  }
  /// first <= v <= last, both in 0x00..0x7F or both in 0x80..0xFF.
  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET auto within(unsigned first,
                                                                      unsigned last) const noexcept
      -> flags {
    return Ops::bit_and(above(first - 1), below(last + 1));
  }
  /// Bytes 0x80..0xFF.
  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET auto high() const noexcept
      -> std::uint64_t {
    return Ops::sign_bits(v);
  }
};
using vector_bytes = vector_bytes_of<ops>;

/// Calls `visit(bytes, shift)` for each vector of a 64-byte block of which the first `size` bytes
/// are text; `shift` places its bits in a 64-bit mask. Unrolled, so that every shift is a
/// constant. No byte past the text is read: the vector it ends in is loaded in part, and those
/// after it are zeros.
template <class Visit>
SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline void for_each_vector(const std::uint8_t* p,
                                                                      std::size_t size,
                                                                      Visit visit) noexcept {
  constexpr std::size_t lanes = sizeof(ops::vector);
  const auto load = [&](std::size_t at) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    if (size >= at + lanes) [[likely]] {
      return ops::load(p + at);
    }
    return size > at ? ops::load_partial(p + at, size - at) : ops::splat(0);
  };
  [&]<std::size_t... K>(std::index_sequence<K...>) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    (visit(vector_bytes{load(K * lanes)}, K * lanes), ...);
  }
  (std::make_index_sequence<block_size / lanes>{});
}

/// How far back `size` bytes (a block, or a vector: `Width`) with `before` readable bytes before
/// them are read: where no masked load exists and enough precedes them, a short piece (the end of
/// the text or run) is read as the `Width` bytes that end with it, its masks then moved down by as
/// many bits (the bits past it are then zeros, as the classes of the zeros a partial load gives
/// are): a vector load of bytes just copied one by one would wait tens of cycles for the copy.
template <std::size_t Width = block_size>
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto read_back(std::size_t size,
                                                            std::size_t before) noexcept
    -> std::size_t {
  return !ops::masked_partial && size != 0 && size < Width && before + size >= Width ? Width - size
                                                                                     : 0;
}

/// is_ascii_extension, on a vector of Ops.
template <class Ops>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto ascii_extension_flags(
    const vector_bytes_of<Ops>& b) noexcept -> typename Ops::flags {
  return Ops::bit_or(Ops::bit_or(b.within(0x5B, 0x5E), b.within(0x7B, 0x7E)), b.is(0x0C));
}

/// GSM ASCII, on a vector: 0x20..0x7E but the backtick (plain, or an extension character), the
/// line breaks, and form feed.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto ascii_gsm_flags(
    const vector_bytes& b) noexcept -> vector_bytes::flags {
  const auto controls = ops::bit_or(ops::bit_or(b.is(0x0A), b.is(0x0D)), b.is(0x0C));
  return ops::bit_or(ops::and_not(b.is(0x60), b.within(0x20, 0x7E)), controls);
}

/// The classes of nibble_class of the vector `b` (bits placed by `shift`) added to `c`: four
/// table look-ups, where compares would take one per byte value or range.
template <class Ops>
SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline void add_nibble_classes(
    const vector_bytes_of<Ops>& b, std::size_t shift, byte_classes& c) noexcept {
  if constexpr (Ops::has_lookup) {
    const nibble_tables& t = class_nibble_tables;
    const auto high = Ops::high_nibbles(b.v);
    const auto low = Ops::low_nibbles(b.v);
    const auto classes = Ops::either(
        Ops::both(Ops::lookup(Ops::table(t.high_a), high), Ops::lookup(Ops::table(t.low_a), low)),
        Ops::both(Ops::lookup(Ops::table(t.high_b), high), Ops::lookup(Ops::table(t.low_b), low)));
    namespace k = nibble_class;
    c.from_c2 |= Ops::template bit_set<k::from_c2>(classes) << shift;
    c.ascii_gsm |= (Ops::template bit_set<k::ascii_gsm_to_6f>(classes) |
                    Ops::template bit_set<k::ascii_gsm_rest>(classes))
                   << shift;
    c.ascii_extension |= Ops::template bit_set<k::ascii_extension>(classes) << shift;
    c.latin_lead |= Ops::template bit_set<k::latin_lead>(classes) << shift;
    c.special_lead |= Ops::template bit_set<k::special_lead>(classes) << shift;
  }
}

/// The bytes that classify_bytes compares with, each in every lane: made once before a loop over
/// blocks (see opaque), where GCC at -O2 would make each again in every block.
struct class_bounds {
  ops::vector c0;
  ops::vector df;
  ops::vector ef;
  ops::vector f4;

  [[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET static auto make() noexcept
      -> class_bounds {
    const auto bound = [&](unsigned b) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
      return opaque(vector_bytes::splat(b));
    };
    return {bound(0xC0), bound(0xDF), bound(0xEF), bound(0xF4)};
  }
};

/// classify_bytes_scalar on vectors; `before` bytes of the text precede `p` (see read_back).
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto classify_bytes(
    const std::uint8_t* p,
    std::size_t size,
    std::size_t before,
    const class_bounds& k = class_bounds::make()) noexcept -> byte_classes {
  const std::size_t back = read_back(size, before);
  byte_classes c;
  for_each_vector(
      p - back, size + back,
      [&](const vector_bytes& b, std::size_t shift) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
        const auto bits = [&](vector_bytes::flags f) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
          return ops::to_bits(f) << shift;
        };
        c.non_ascii |= b.high() << shift;
        c.continuation |= bits(ops::gt(k.c0, b.v));
        c.from_e0 |= bits(ops::gt(b.v, k.df));
        c.from_f0 |= bits(ops::gt(b.v, k.ef));
        c.from_f5 |= bits(ops::gt(b.v, k.f4));
        if constexpr (ops::has_lookup) {
          add_nibble_classes(b, shift, c);
        } else {
          c.from_c2 |= bits(b.above(0xC1));
          c.ascii_gsm |= bits(ascii_gsm_flags(b));
          c.ascii_extension |= bits(ascii_extension_flags(b));
          c.latin_lead |= bits(ops::bit_or(ops::bit_or(b.is(latin_leads[0]), b.is(latin_leads[1])),
                                           b.is(latin_leads[2])));
          c.special_lead |=
              bits(ops::bit_or(ops::bit_or(ops::bit_or(b.is(0xE0), b.is(0xE2)), b.is(0xED)),
                               ops::bit_or(b.is(0xF0), b.is(0xF4))));
        }
      });
  if (back != 0) {
    c = c.from_byte(back);
  }
  c.from_c2 &= c.non_ascii;
  c.from_e0 &= c.non_ascii;
  c.from_f0 &= c.non_ascii;
  c.from_f5 &= c.non_ascii;
  return c;
}
#else
/// Nothing: the scalar code compares with constants.
struct class_bounds {
  [[nodiscard]] static auto make() noexcept -> class_bounds {
    return {};
  }
};

[[nodiscard]] SEPTET_ALWAYS_INLINE inline auto classify_bytes(
    const std::uint8_t* p,
    std::size_t size,
    std::size_t /*before*/,
    const class_bounds& /*k*/ = {}) noexcept -> byte_classes {
  if (size < block_size) {
    std::array<std::uint8_t, block_size> padded{};
    std::memcpy(padded.data(), p, size);
    return classify_bytes_scalar(padded.data());
  }
  return classify_bytes_scalar(p);
}
#endif

/// Reads the whole characters of the block (a character that it cuts is left for the next one).
/// size is 0 when they are not valid UTF-8, or the text ends inside a character: the caller then
/// goes one character at a time to find and name the error.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto scan_block(
    const text_block& block, bool at_end, const class_bounds& k) noexcept -> block_characters {
  const std::uint8_t* const bytes = block.bytes();
  const std::size_t limit = block.size();
  const byte_classes c = classify_bytes(bytes, limit, block.before(), k);
  const std::uint64_t in_limit = low_bits(limit);
  const std::uint64_t lead2 = c.from_c2 & ~c.from_e0 & in_limit;
  const std::uint64_t lead3 = c.from_e0 & ~c.from_f0 & in_limit;
  const std::uint64_t lead4 = c.from_f0 & ~c.from_f5 & in_limit;
  // Leads whose sequence runs past the block: the first of them starts the next block.
  const auto last = [&](std::size_t n) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    return ~low_bits(limit >= n ? limit - n : 0);
  };
  const std::uint64_t cut = (lead2 & last(1)) | (lead3 & last(2)) | (lead4 & last(3));
  const std::size_t size = cut != 0 ? static_cast<std::size_t>(std::countr_zero(cut)) : limit;
  if (size == 0 || (size < limit && at_end)) {
    return {};  // the text ends inside a character
  }
  const std::uint64_t whole = low_bits(size);
  const std::uint64_t l2 = lead2 & whole;
  const std::uint64_t l3 = lead3 & whole;
  const std::uint64_t l4 = lead4 & whole;
  // Every lead claims its continuation bytes; valid UTF-8 has exactly those and no others.
  const std::uint64_t claimed =
      (l2 << 1U) | (l3 << 1U) | (l3 << 2U) | (l4 << 1U) | (l4 << 2U) | (l4 << 3U);
  const std::uint64_t never = (c.non_ascii & ~c.continuation & ~c.from_c2) | c.from_f5;
  std::uint64_t euro = 0;
  if ((never & whole) != 0 || claimed != (c.continuation & whole) ||
      !settle_special_leads(bytes, c.special_lead & whole, euro)) {
    return {};
  }
  const std::uint64_t ascii = ~c.non_ascii & whole;
  block_characters b;
  b.size = size;
  b.starts = ~c.continuation & whole;
  b.astral = l4;
  b.latin = l2 & c.latin_lead;
  b.extension = (ascii & c.ascii_extension) | euro;
  b.non_gsm = (ascii & ~c.ascii_gsm) | (l2 & ~c.latin_lead) | (l3 & ~euro) | l4;
  return b;
}

/// unit_marks of the block, valid UTF-8 whose characters are all GSM when `gsm`. A character
/// that the block cuts is counted where its first byte is. In GSM text, lead E2 is the euro sign.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto mark_units(
    const text_block& block, bool gsm) noexcept -> unit_marks {
  std::uint64_t continuation = 0;
  std::uint64_t doubles = 0;
#if defined(SEPTET_KERNEL_OPS)
  const std::size_t back = read_back(block.size(), block.before());
  for_each_vector(
      block.bytes() - back, block.size() + back,
      [&](const vector_bytes& b, std::size_t shift) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
        continuation |= ops::to_bits(b.below(0xC0)) << shift;
        doubles |= ops::to_bits(gsm ? ops::bit_or(ascii_extension_flags(b), b.is(0xE2))
                                    : ops::bit_and(b.above(0xEF), b.below(0x00)))
                   << shift;
      });
  continuation >>= back;
  doubles >>= back;
#else
  for (std::size_t i = 0; i < block.size(); ++i) {
    const std::uint8_t b = block.bytes()[i];
    const std::uint64_t bit = std::uint64_t{1} << i;
    continuation |= b >= 0x80U && b < 0xC0U ? bit : 0U;
    doubles |= (gsm ? is_ascii_extension(b) || b == 0xE2U : b >= 0xF0U) ? bit : 0U;
  }
#endif
  const std::uint64_t in_limit = low_bits(block.size());
  return {~continuation & in_limit, doubles & in_limit};
}

#if defined(SEPTET_KERNEL_OPS)
/// is_plain_by_range on the bytes of one vector of Ops, a bit each.
template <class Ops>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto plain_bits(
    const vector_bytes_of<Ops>& b) noexcept -> std::uint64_t {
  return Ops::to_bits(
      Ops::and_not(Ops::bit_or(b.within(0x5B, 0x5E), b.is(0x60)), b.within(0x20, 0x7A)));
}

/// The septets of the bytes of one vector of Ops that are plain ASCII or line breaks: their own
/// byte, but for @ $ _ (moved_plain_ascii).
template <class Ops>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto plain_septets(
    const vector_bytes_of<Ops>& b) noexcept -> typename Ops::vector {
  typename Ops::vector septets = b.v;
  for (const std::uint8_t moved : moved_plain_ascii) {
    septets = Ops::select(b.is(moved), b.splat(tables::gsm7_reverse_direct[moved]), septets);
  }
  return septets;
}

/// The bytes of one vector of Ops whose septet is one, the byte's own or a moved one (plain ASCII
/// and line breaks), a bit each.
template <class Ops>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto one_septet_bits(
    const vector_bytes_of<Ops>& b) noexcept -> std::uint64_t {
  return plain_bits(b) | Ops::to_bits(Ops::bit_or(b.is(0x0A), b.is(0x0D)));
}

/// The septets of one vector of Ops (those of the bytes that are one septet, plain ASCII and line
/// breaks; the rest are not the bytes' septets), and which bytes those are, a bit each.
template <class Ops>
struct vector_septets {
  typename Ops::vector septets;
  std::uint64_t ones = 0;
};

/// plain_septets and one_septet_bits, by nibble look-ups (septet_nibble_table) where the path has
/// byte shuffles: fewer constants, which the loops then keep in registers.
template <class Ops>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto one_septets(
    const vector_bytes_of<Ops>& b) noexcept -> vector_septets<Ops> {
  if constexpr (Ops::has_lookup) {
    const septet_nibble_tables& t = septet_nibble_table;
    const auto classes = Ops::both(Ops::lookup(Ops::table(t.high), Ops::high_nibbles(b.v)),
                                   Ops::lookup(Ops::table(t.low), Ops::low_nibbles(b.v)));
    const auto moves = Ops::lookup(Ops::table(t.moves), Ops::low_nibbles(classes));
    const std::uint64_t others = Ops::to_bits(Ops::eq(classes, b.splat(0)));
    return {Ops::toggled(b.v, moves), ~others & low_bits(sizeof(typename Ops::vector))};
  } else {
    return {plain_septets(b), one_septet_bits(b)};
  }
}
#endif

/// plain_run_scalar on vectors; `before` bytes of the text precede `p`, so that the last vector
/// can be the one that ends with the text (see read_back).
template <class Char>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto plain_run(
    const Char* p, std::size_t n, std::size_t before) noexcept -> std::size_t {
#if defined(SEPTET_KERNEL_OPS)
  const auto* const bytes = reinterpret_cast<const std::uint8_t*>(p);
  constexpr std::size_t lanes = sizeof(ops::vector);
  std::size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const std::uint64_t plain = plain_bits(vector_bytes{ops::load(bytes + i)});
    if (plain != low_bits(lanes)) {
      return i + static_cast<std::size_t>(std::countr_one(plain));
    }
  }
  if (i == n) {
    return n;
  }
  // The bits past the text are zeros, as are bytes past it: neither is plain.
  const std::size_t back = read_back<lanes>(n - i, before + i);
  const std::uint64_t last = back != 0
                                 ? plain_bits(vector_bytes{ops::load(bytes + n - lanes)}) >> back
                                 : plain_bits(vector_bytes{ops::load_partial(bytes + i, n - i)});
  return i + static_cast<std::size_t>(std::countr_one(last));
#else
  (void)before;
  return plain_run_scalar(p, n);
#endif
}

/// The septets (tables::gsm7_reverse_direct) of the plain ASCII and line breaks that start `p`
/// (`n` bytes), written to `out` (`room` bytes); returns how many. The vector that ends the run is
/// written whole, as far as the room goes (septets past the text's end too): the caller takes it
/// from there.
template <class Char>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto ascii_septets(
    const Char* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept -> std::size_t {
#if defined(SEPTET_KERNEL_OPS)
  const auto* const bytes = reinterpret_cast<const std::uint8_t*>(p);
  constexpr std::size_t lanes = sizeof(ops::vector);
  const std::size_t limit = n < room ? n : room;
  // The septets of the vector of bytes at `at`, stored at out + at (`size` of them, or all when
  // `size` is `lanes`); the count of those that start it from byte `drop` on.
  const auto convert = [&](const vector_bytes& b, std::size_t at, std::size_t size,
                           std::size_t drop) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    const vector_septets<ops> converted = one_septets(b);
    if (size == lanes) {
      ops::store(out + at, converted.septets);
    } else {
      ops::store_partial(out + at, converted.septets, size);
    }
    return static_cast<std::size_t>(std::countr_one(converted.ones >> drop));
  };
  std::size_t i = 0;
  for (; i + lanes <= limit; i += lanes) {
    const std::size_t same = convert(vector_bytes{ops::load(bytes + i)}, i, lanes, 0);
    if (same != lanes) {
      return i + same;
    }
  }
  if (i == limit) {
    return i;
  }
  // Read back within the run only (the `i` bytes converted above): the vector that ends at
  // `limit`, whole; the bytes it shares with the last one were all plain or line breaks, so their
  // septets are written again unchanged, and their bits are dropped.
  if (const std::size_t back = read_back<lanes>(limit - i, i); back != 0) {
    return i + convert(vector_bytes{ops::load(bytes + limit - lanes)}, limit - lanes, lanes, back);
  }
  // The zeros past the bytes loaded are neither plain nor line breaks. Their septets may be
  // stored too where `out` has room for them.
  return i + convert(vector_bytes{ops::load_partial(bytes + i, limit - i)}, i,
                     room - i >= lanes ? lanes : limit - i, 0);
#else
  (void)p, (void)n, (void)out, (void)room;
  return 0;
#endif
}

#if defined(SEPTET_KERNEL_SHUFFLES)
/// The septets of 16 bytes `b` of GSM characters in ASCII at `out`, with the escape septet before
/// those of the extension characters (the bits of `doubled`), whose septets replace theirs in
/// `septets` (one_septets of `b`): up to 32 octets stored, the septets first.
SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline void put_escaped_septets(
    const vector_bytes_of<sse_shuffle_ops>& b,
    __m128i septets,
    unsigned doubled,
    std::uint8_t* out) noexcept {
  const escape_shuffle_tables& e = escape_shuffles;
  const __m128i low = _mm_and_si128(b.v, _mm_set1_epi8(0x0F));
  const __m128i high = _mm_and_si128(_mm_srli_epi16(b.v, 4), _mm_set1_epi8(0x0F));
  __m128i extension = _mm_setzero_si128();  // nonzero exactly at the extension characters
  [&]<std::size_t... Row>(std::index_sequence<Row...>) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    (
        [&]() SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
          if constexpr (escape_shuffles.row_has_extension(Row)) {
            const __m128i row =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(e.extension_rows[Row].data()));
            extension =
                _mm_or_si128(extension, _mm_and_si128(_mm_cmpeq_epi8(high, _mm_set1_epi8(Row)),
                                                      _mm_shuffle_epi8(row, low)));
          }
        }(),
        ...);
  }
  (std::make_index_sequence<e.extension_rows.size()>{});
  septets = _mm_blendv_epi8(extension, septets, _mm_cmpeq_epi8(extension, _mm_setzero_si128()));
  const __m128i escape = _mm_set1_epi8(tables::gsm7_escape);
  const auto put = [&](__m128i eight, unsigned mask,
                       std::uint8_t* to) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
    const __m128i shuffle =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(e.by_mask[mask].data()));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_shuffle_epi8(eight, shuffle));
    return 8 + static_cast<std::size_t>(std::popcount(mask));
  };
  const std::size_t first = put(_mm_unpacklo_epi64(septets, escape), doubled & 0xFFU, out);
  put(_mm_unpackhi_epi64(septets, escape), (doubled >> 8U) & 0xFFU, out + first);
}

/// The septets of the GSM characters in ASCII, extension characters among them, that start the
/// 16 bytes at `p` (`n` bytes in all), written to `out` (`room` bytes): what they took (up to all
/// 16), or nothing when fewer than 16 bytes are left or 32 octets of room. Octets past the septets
/// may be written.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto escaped_septets(
    const std::uint8_t* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept
    -> ascii_run {
  if (n < 16 || room < 32) {
    return {};
  }
  const vector_bytes_of<sse_shuffle_ops> b{_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))};
  const auto doubled = static_cast<unsigned>(sse_shuffle_ops::to_bits(ascii_extension_flags(b)));
  const vector_septets<sse_shuffle_ops> plain = one_septets(b);
  const auto run = static_cast<std::size_t>(std::countr_one(plain.ones | doubled));
  put_escaped_septets(b, plain.septets, doubled, out);
  return {run, run + static_cast<std::size_t>(std::popcount(doubled & low_bits(run)))};
}
#endif

/// The `n` bytes of UTF-8 text at `p` in the default GSM tables as unpacked septets at `out`
/// (`room` octets): runs of plain ASCII a vector at a time (ascii_septets); from an extension
/// character, where the path has byte shuffles, up to 16 bytes of ASCII at a time
/// (escaped_septets); the other characters a table look-up each. The septets written, or
/// not_default_gsm7 when a character is not in those tables, a sequence is not valid UTF-8 or
/// `out` is too small. Here, not in the caller, so that the vector routines are inlined: GCC
/// left ascii_septets a call per run in a build that chooses the path at run time.
template <class Char>
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto default_gsm7_septets(
    const Char* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept -> std::size_t {
  namespace t = tables;
  std::size_t written = 0;
  for (std::size_t i = 0; i < n;) {
    const std::uint8_t lead = byte_of(p[i]);
    std::uint8_t code = t::reverse_none;
    if (lead < 0x80U) {
      // ascii_septets from a plain character or a line break only: it stops at anything else.
      if (t::plain_ascii[lead] || is_line_break(lead)) {
        const std::size_t run = ascii_septets(p + i, n - i, out + written, room - written);
        if (run > 0) {
          i += run;
          written += run;
          continue;
        }
      }
#if defined(SEPTET_KERNEL_SHUFFLES)
      // From an extension character, a vector of up to 16 bytes costs about what it and the
      // plain run after it cost apart, and takes the extension characters further on too.
      if (is_ascii_extension(lead)) {
        const ascii_run run = escaped_septets(reinterpret_cast<const std::uint8_t*>(p) + i, n - i,
                                              out + written, room - written);
        if (run.bytes > 0) {
          i += run.bytes;
          written += run.septets;
          continue;
        }
      }
#endif
      code = t::gsm7_reverse_direct[lead];
      i += 1;
    } else if (lead >= 0xC2U && lead < 0xE0U && i + 1 < n &&
               is_utf8_continuation(byte_of(p[i + 1]))) {
      const std::size_t cp = ((lead & 0x1FU) << 6U) | (byte_of(p[i + 1]) & 0x3FU);
      code = cp < t::reverse_direct_limit ? t::gsm7_reverse_direct[cp] : t::reverse_none;
      i += 2;
    } else if (lead == 0xE2U && i + 2 < n && byte_of(p[i + 1]) == 0x82U &&
               byte_of(p[i + 2]) == 0xACU) {
      code = t::gsm7_wide_reverse[0].code;  // the euro sign, the one entry (utf8_block.hpp)
      i += 3;
    }
    const std::size_t size = (code & t::reverse_extension_flag) != 0 ? 2 : 1;
    if (code == t::reverse_none || written + size > room) {
      return not_default_gsm7;
    }
    if ((code & t::reverse_extension_flag) != 0) {
      out[written++] = t::gsm7_escape;
    }
    out[written++] = static_cast<std::uint8_t>(code & 0x7FU);
  }
  return written;
}

#if defined(SEPTET_KERNEL_SHUFFLES)
/// The bits that put_utf16be_window masks and adds, each in every 32-bit lane: made once before
/// the windows (see opaque), not at each use, as GCC does at -O2 with constants of equal lanes.
struct utf16be_window_bits {
  __m128i two_byte_payloads;  // of a character of up to two bytes in each 16-bit lane
  __m128i two_byte_leads;
  __m128i last_payload;  // of up to three bytes in a 32-bit lane
  __m128i second_payload;
  __m128i third_payload;
  __m128i continuation_payload;  // of four bytes
  __m128i second_of_four;
  __m128i lead_of_four;
  __m128i astral;
  __m128i low_ten;
  __m128i high_surrogate;
  __m128i low_surrogate;

  SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET static auto make() noexcept -> utf16be_window_bits {
    const auto bits = [](int b) SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
      return opaque(_mm_set1_epi32(b));
    };
    return {bits(0x007F007F), bits(0x07C007C0), bits(0x7F),    bits(0x0FC0),
            bits(0xF000),     bits(0x3F),       bits(0x3F000), bits(0x1C0000),
            bits(0x10000),    bits(0x3FF),      bits(0xD800),  bits(0xDC00)};
  }
};

/// One window of utf8_window_table's `shape` (not by_character) in `bytes`, as UTF-16BE at
/// `out`: 16 octets stored, those of its characters first; how many those are.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto put_utf16be_window(
    __m128i bytes, std::uint8_t shape, const utf16be_window_bits& k, std::uint8_t* out) noexcept
    -> std::size_t {
  const utf8_windows& t = utf8_window_table;
  const auto constant = [](const std::array<std::uint8_t, 16>& c)
                            SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
                              return _mm_loadu_si128(reinterpret_cast<const __m128i*>(c.data()));
                            };
  // Payload bits of the lane's bytes, from the last up, moved down to their place in the unit.
  const auto payload = [&](__m128i lanes, int shift, __m128i mask)
                           SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET {
                             return _mm_and_si128(_mm_srli_epi32(lanes, shift), mask);
                           };
  const __m128i w = _mm_shuffle_epi8(bytes, constant(t.lanes[shape]));
  // A continuation byte is 10xxxxxx, so bit 6 of the last byte is a payload bit only in ASCII.
  __m128i units;
  __m128i to_octets;
  if (shape < utf8_windows::four.first_shape) {
    units = _mm_or_si128(_mm_and_si128(w, k.two_byte_payloads),
                         _mm_and_si128(_mm_srli_epi16(w, 2), k.two_byte_leads));
    to_octets = constant(big_endian_words);
  } else {
    const __m128i bmp = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(w, k.last_payload), payload(w, 2, k.second_payload)),
        payload(w, 4, k.third_payload));
    if (shape < utf8_windows::three.first_shape) {
      units = bmp;
      to_octets = constant(big_endian_low_words);
    } else {
      // A four-byte character (its lead in the lane's top byte) becomes a surrogate pair.
      const __m128i above = _mm_sub_epi32(
          _mm_or_si128(
              _mm_or_si128(_mm_and_si128(w, k.continuation_payload),
                           payload(w, 2, k.second_payload)),
              _mm_or_si128(payload(w, 4, k.second_of_four), payload(w, 6, k.lead_of_four))),
          k.astral);
      const __m128i pair = _mm_or_si128(
          _mm_or_si128(_mm_srli_epi32(above, 10), k.high_surrogate),
          _mm_slli_epi32(_mm_or_si128(_mm_and_si128(above, k.low_ten), k.low_surrogate), 16));
      const __m128i in_bmp = _mm_cmpeq_epi32(_mm_srli_epi32(w, 24), _mm_setzero_si128());
      units = _mm_blendv_epi8(pair, bmp, in_bmp);
      to_octets = constant(t.three_octets[shape - utf8_windows::three.first_shape]);
    }
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_shuffle_epi8(units, to_octets));
  return t.octets[shape];
}

/// The 16 bytes of the text at p + at (`n` bytes in all) followed by zeros: near the end, the 16
/// that end the text moved down, or (a text under 16 bytes) the text itself, joined in registers.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto text_window(
    const std::uint8_t* p, std::size_t n, std::size_t at) noexcept -> __m128i {
  if (n - at >= 16) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
  }
  return n >= 16 ? end_moved_down(p + n, 16 - (n - at)) : partial_vector(p + at, n - at);
}

/// The last window of a block whose end mask (and the start after it) is in the block's starts.
inline constexpr std::size_t utf16be_last_window = block_size - utf8_windows::bytes - 1;

/// 16 ASCII bytes as UTF-16BE: 32 octets at `out`.
SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline void put_utf16be_ascii(
    __m128i bytes, std::uint8_t* out) noexcept {
  const __m128i zero = _mm_setzero_si128();
  auto* const to = reinterpret_cast<__m128i*>(out);
  _mm_storeu_si128(to, _mm_unpacklo_epi8(zero, bytes));
  _mm_storeu_si128(to + 1, _mm_unpackhi_epi8(zero, bytes));
}

/// The windows of the block at `block` (its starts given) whose 16 bytes are all text, written
/// at `to` while it is at most `last_to` (32 octets of room), up to utf16be_last_window: one
/// load and one bound per window, where the end of the text needs text_window. The bytes taken;
/// `to` moved past their octets.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto utf16be_whole_windows(
    const std::uint8_t* block,
    std::uint64_t starts,
    const utf16be_window_bits& k,
    std::uint8_t*& to,
    const std::uint8_t* last_to) noexcept -> std::size_t {
  const std::uint8_t* from = block;
  const std::uint8_t* const last_from = block + utf16be_last_window;
  while (from <= last_from && to <= last_to) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    if (_mm_movemask_epi8(bytes) == 0) {
      put_utf16be_ascii(bytes, to);
      from += 16;
      to += 32;
      continue;
    }
    const auto at = static_cast<std::size_t>(from - block);
    const utf8_windows::window w = window_at(starts, at);
    if (w.shape == utf8_windows::by_character) {
      break;  // never with 16 bytes of valid text: the caller goes on a character at a time
    }
    to += put_utf16be_window(bytes, w.shape, k, to);
    from += w.consumed;
  }
  return static_cast<std::size_t>(from - block);
}

/// utf16be_one_by_one, 16 bytes at a time where they are ASCII, else the characters that start a
/// window of 12 bytes at once (utf8_window_table), their end masks read from the starts of a block
/// (so that the next window waits for a table look-up only), the end of the text counting as a
/// start; the last few characters, one at a time. Where the windows of a block all have 16 bytes
/// of text, utf16be_whole_windows takes them. Stores are whole vectors: the room past the octets
/// written may be written too.
[[nodiscard]] SEPTET_ALWAYS_INLINE SEPTET_KERNEL_TARGET inline auto utf16be_from_valid_utf8(
    const std::uint8_t* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept
    -> std::size_t {
  const utf16be_window_bits window_bits = utf16be_window_bits::make();
  std::size_t i = 0;
  std::size_t written = 0;
  const auto fits = [&](std::size_t at)
                        SEPTET_ALWAYS_INLINE { return at < n && room - written >= 32; };
  while (fits(i)) {
    const std::size_t size = n - i;
    const std::uint64_t starts = mark_units(text_block(p + i, size, i), false).starts |
                                 (size < block_size ? std::uint64_t{1} << size : 0);
    std::size_t pos = 0;
    if (size >= utf16be_last_window + 16) {
      std::uint8_t* to = out + written;
      pos = utf16be_whole_windows(p + i, starts, window_bits, to, out + room - 32);
      written = static_cast<std::size_t>(to - out);
    }
    while (pos <= utf16be_last_window && fits(i + pos)) {
      const __m128i bytes = text_window(p, n, i + pos);
      if (_mm_movemask_epi8(bytes) == 0 && size - pos >= 16) {
        put_utf16be_ascii(bytes, out + written);
        pos += 16;
        written += 32;
        continue;
      }
      const utf8_windows::window w = window_at(starts, pos);
      if (w.shape != utf8_windows::by_character) {
        written += put_utf16be_window(bytes, w.shape, window_bits, out + written);
        pos += w.consumed;
        continue;
      }
      std::size_t at = i + pos;
      if (!put_utf16be_character(p, n, at, out, room, written)) {
        return utf16be_no_room;
      }
      pos = at - i;
    }
    i += pos;
  }
  while (i < n) {
    if (!put_utf16be_character(p, n, i, out, room, written)) {
      return utf16be_no_room;
    }
  }
  return written;
}
#endif

/// This instruction set's routines, for code written once for every path (see
/// with_vector_kernels): run(f) calls f(kernels{}) in a function compiled for the instruction set.
/// f and the loop it calls are forced inline, so they are compiled for it too; where the target is
/// not the compiler's, run also flattens (inlines the calls in it: GCC recursively, Clang those in
/// its own body), which brings in the routines below. They are not forced inline there: GCC and
/// Clang would then refuse to compile the loop's own body, whose target is the baseline.
struct kernels {
  /// The bounds scan_block compares bytes with, made before a loop over blocks.
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto class_bounds() noexcept
      -> SEPTET_KERNEL_NAMESPACE::class_bounds {
    return SEPTET_KERNEL_NAMESPACE::class_bounds::make();
  }
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto scan_block(
      const text_block& block,
      bool at_end,
      const SEPTET_KERNEL_NAMESPACE::class_bounds& bounds) noexcept -> block_characters {
    return SEPTET_KERNEL_NAMESPACE::scan_block(block, at_end, bounds);
  }
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto mark_units(
      const text_block& block, bool gsm) noexcept -> unit_marks {
    return SEPTET_KERNEL_NAMESPACE::mark_units(block, gsm);
  }
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto classify_bytes(
      const std::uint8_t* p, std::size_t size, std::size_t before) noexcept -> byte_classes {
    return SEPTET_KERNEL_NAMESPACE::classify_bytes(p, size, before);
  }
  template <class Char>
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto plain_run(
      const Char* p, std::size_t n, std::size_t before) noexcept -> std::size_t {
    return SEPTET_KERNEL_NAMESPACE::plain_run(p, n, before);
  }
  /// The septets of GSM text (see default_gsm7_septets above), or not_default_gsm7.
  template <class Char>
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto default_gsm7_septets(
      const Char* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept -> std::size_t {
    return SEPTET_KERNEL_NAMESPACE::default_gsm7_septets(p, n, out, room);
  }
  /// escaped_septets where the path has byte shuffles, else nothing (for the tests, which check
  /// that a path takes such runs).
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto escaped_septets(
      const std::uint8_t* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept
      -> ascii_run {
#if defined(SEPTET_KERNEL_SHUFFLES)
    return SEPTET_KERNEL_NAMESPACE::escaped_septets(p, n, out, room);
#else
    (void)p, (void)n, (void)out, (void)room;
    return {};
#endif
  }
  /// The `n` bytes of valid UTF-8 at `p` as UTF-16BE (see utf16be.hpp): the octets written to
  /// `out` (`room` of them), or utf16be_no_room.
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto utf16be_from_valid_utf8(
      const std::uint8_t* p, std::size_t n, std::uint8_t* out, std::size_t room) noexcept
      -> std::size_t {
#if defined(SEPTET_KERNEL_SHUFFLES)
    return SEPTET_KERNEL_NAMESPACE::utf16be_from_valid_utf8(p, n, out, room);
#else
    return utf16be_one_by_one(p, n, out, room);
#endif
  }
  /// count_bits: one POPCNT where the path has it and the compiler's target may not (a baseline
  /// build's AVX2 and AVX-512BW paths), since count_bits itself can only ask the preprocessor.
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET static auto count_bits(
      std::uint64_t m) noexcept -> std::size_t {
#if defined(SEPTET_KERNEL_POPCNT)
    return static_cast<std::size_t>(_mm_popcnt_u64(m));
#else
    return detail::count_bits(m);
#endif
  }
  /// Whether squeeze_septets and select_bit below are one PEXT and one PDEP: on the AVX-512BW
  /// path, whose CPUs all run them fast, and on the AVX2 path where this CPU does (AMD's before
  /// Zen 3, which have AVX2 and BMI2 but not AVX-512, take hundreds of cycles for them).
#if defined(SEPTET_KERNEL_FAST_BMI2)
  static constexpr bool fast_pext_and_pdep = true;
#elif defined(SEPTET_KERNEL_BMI2_IF_FAST)
  bool fast_pext_and_pdep = pext_runs_fast;  // read once per call, like the path
#else
  static constexpr bool fast_pext_and_pdep = false;
#endif
  /// squeeze_septets: one PEXT where fast_pext_and_pdep.
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET auto squeeze_septets(
      std::uint64_t x) const noexcept -> std::uint64_t {
#if defined(SEPTET_KERNEL_FAST_BMI2) || defined(SEPTET_KERNEL_BMI2_IF_FAST)
    if (fast_pext_and_pdep) {
      return _pext_u64(x, 0x7F7F7F7F7F7F7F7FULL);
    }
#endif
    return detail::squeeze_septets(x);
  }
  /// select_bit: one PDEP where fast_pext_and_pdep.
  [[nodiscard]] SEPTET_KERNEL_INLINE SEPTET_KERNEL_TARGET auto select_bit(
      std::uint64_t m, std::size_t k) const noexcept -> std::size_t {
#if defined(SEPTET_KERNEL_FAST_BMI2) || defined(SEPTET_KERNEL_BMI2_IF_FAST)
    if (fast_pext_and_pdep) {
      return static_cast<std::size_t>(std::countr_zero(_pdep_u64(std::uint64_t{1} << k, m)));
    }
#endif
    return detail::select_bit(m, k);
  }
  template <class F>
  SEPTET_KERNEL_ENTRY SEPTET_KERNEL_TARGET static auto run(F&& f) -> decltype(auto) {
    return std::forward<F>(f)(kernels{});
  }
};

}  // namespace septet::inline v0::detail::SEPTET_KERNEL_NAMESPACE

#undef SEPTET_KERNEL_NAMESPACE
#undef SEPTET_KERNEL_OPS
#undef SEPTET_KERNEL_TARGET
#undef SEPTET_KERNEL_INLINE
#undef SEPTET_KERNEL_ENTRY
#undef SEPTET_KERNEL_FAST_BMI2
#undef SEPTET_KERNEL_BMI2_IF_FAST
#undef SEPTET_KERNEL_SHUFFLES
#undef SEPTET_KERNEL_POPCNT
