// C ABI over the septet core for WebAssembly. Text comes in as UTF-16 code units (a JavaScript
// string's own units), so every offset handed back is a JavaScript string index and a lone
// surrogate typed in JS is a typed error, not a silent replacement.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <septet/septet.hpp>
#include <septet/sinch/campaign.hpp>
#include <septet/sinch/rules.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

auto options_for(std::uint32_t udh_octets,
                 std::uint32_t grapheme,
                 std::uint32_t max_units_per_part = 0) -> septet::options {
  septet::options opts;
  opts.udh_octets = udh_octets;
  opts.boundary =
      grapheme != 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
  opts.max_units_per_part = max_units_per_part;
  return opts;
}

/// The languages whose bit is set in `mask` (bit i: national_language i).
auto languages_in(std::uint32_t mask, std::array<septet::national_language, 13>& out)
    -> std::span<const septet::national_language> {
  std::size_t n = 0;
  for (std::uint32_t i = 1; i < 14; ++i) {
    if ((mask & (1U << i)) != 0) {
      out[n++] = static_cast<septet::national_language>(i);
    }
  }
  return std::span<const septet::national_language>(out.data(), n);
}

auto to_u32(std::size_t value) -> std::uint32_t {
  return static_cast<std::uint32_t>(value);
}

/// Code points in valid UTF-16: its units less the second unit of each surrogate pair.
auto code_points_in(std::u16string_view units) -> std::size_t {
  const auto trailing = std::count_if(units.begin(), units.end(),
                                      [](char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; });
  return units.size() - static_cast<std::size_t>(trailing);
}

constexpr std::uint32_t analysis_fields = 17;

/// The analysis as 17 u32: status code and offset, encoding (0 gsm7, 1 ucs2), characters, units,
/// parts, units remaining, UTF-16 length, non-GSM count, first non-GSM index and code point (or
/// 0xFFFFFFFF), single-part and per-part capacity, limit code and offset, and the national
/// locking-shift and single-shift languages used (0: none).
void write_analysis(const septet::analysis& a,
                    const septet::national_tables& tables,
                    std::uint32_t* out) {
  const std::uint32_t none = 0xFFFFFFFFU;
  const std::uint32_t fields[analysis_fields] = {
      static_cast<std::uint32_t>(a.status.ec),
      to_u32(a.status.count),
      a.encoding == septet::encoding::gsm7 ? 0U : 1U,
      to_u32(a.characters),
      to_u32(a.units),
      to_u32(a.parts),
      to_u32(a.units_remaining),
      to_u32(a.utf16_units),
      to_u32(a.non_gsm_count),
      a.first_non_gsm ? to_u32(a.first_non_gsm->offset) : none,
      a.first_non_gsm ? static_cast<std::uint32_t>(a.first_non_gsm->code_point) : none,
      to_u32(a.capacity.single_part),
      to_u32(a.capacity.per_part),
      static_cast<std::uint32_t>(a.limits.ec),
      to_u32(a.limits.count),
      static_cast<std::uint32_t>(tables.locking),
      static_cast<std::uint32_t>(tables.single_shift),
  };
  for (std::uint32_t i = 0; i < analysis_fields; ++i) {
    out[i] = fields[i];
  }
}

/// The analysis of `text`; with a `national_mask`, under the national tables that send the
/// fewest parts, which are left in `opts.national`.
template <class Text>
auto analyze_choosing_tables(const Text& text, std::uint32_t national_mask, septet::options& opts)
    -> septet::analysis {
  auto a = septet::analyze(text, opts);
  if (national_mask != 0 && a.ok()) {
    std::array<septet::national_language, 13> storage{};
    const auto choice =
        septet::choose_national_tables(text, languages_in(national_mask, storage), opts);
    opts.national = choice.tables;
    a = choice.result;
  }
  return a;
}

/// One recipient's values, in the order of the template's keys; no value: nullopt.
struct listed_values {
  std::vector<std::string_view> keys;
  std::vector<std::optional<std::string_view>> values;

  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn&) const
      -> std::optional<std::string_view> {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return std::nullopt;
  }
};

/// The first value the template would use that Sinch refuses (not valid UTF-8), in template
/// order, unless a placeholder without a value comes first: the recipient fails for it.
auto first_refused_value(const septet::message_template& tmpl, const listed_values& params)
    -> septet::result {
  septet::result first{septet::errc::ok, 0};
  bool decided = false;
  tmpl.for_each_piece([](std::string_view) {},
                      [&](std::string_view key, std::size_t) {
                        const auto value = params.value_for(key, septet::msisdn{});
                        if (decided || !value) {
                          decided = true;
                          return;
                        }
                        const auto checked = septet::parameter_table::check_value(
                            *value, septet::sinch::placeholders);
                        if (!checked.ok()) {
                          first = checked;
                          decided = true;
                        }
                      });
  return first;
}

/// The campaign one `septet.estimate` call counts into (the library's campaign_estimate, as C++
/// callers and the CLI use it): made by septet_estimate_begin, one recipient at a time, freed by
/// septet_estimate_end. One per call, so an estimate started from inside another (a recipient's
/// getter may run any code) counts apart.
struct estimate_session {
  explicit estimate_session(std::string text,
                            const septet::options& counting,
                            std::uint32_t national_mask_,
                            std::uint32_t max_parts)
      : body(std::move(text)),
        tmpl(septet::message_template::parse(body, septet::sinch::placeholders).value()),
        national_mask(national_mask_),
        campaign(tmpl, counting, max_parts) {}
  estimate_session(const estimate_session&) = delete;
  estimate_session(estimate_session&&) = delete;
  auto operator=(const estimate_session&) -> estimate_session& = delete;
  auto operator=(estimate_session&&) -> estimate_session& = delete;
  ~estimate_session() = default;

  std::string body;  ///< the template's text, which tmpl views
  septet::message_template tmpl;
  std::uint32_t national_mask;
  septet::sinch::campaign_estimate campaign;
};

}  // namespace

extern "C" {

/// Everything `analyze` in JS needs in one call: the analysis fields, then the number of parts S
/// and S (begin, end, units, characters) quadruples (shown even past a limit; characters are code
/// points, as the analysis counts them), then the number of non-GSM characters N and N (index,
/// code point) pairs, then the number of characters that take two septets (an escape and a
/// septet: the extension table or a national single shift) E and E (index, code point) pairs.
/// `national_mask` allows national tables (bit i: language i); the pair that sends the fewest
/// parts is used. Returns the u32 count the whole record needs; writes only what fits `capacity`.
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_analyze_all(const char16_t* text,
                                                      std::uint32_t size,
                                                      std::uint32_t udh_octets,
                                                      std::uint32_t grapheme,
                                                      std::uint32_t max_units_per_part,
                                                      std::uint32_t national_mask,
                                                      std::uint32_t* out,
                                                      std::uint32_t capacity) {
  const std::u16string_view view(text, size);
  auto opts = options_for(udh_octets, grapheme, max_units_per_part);
  const auto a = analyze_choosing_tables(view, national_mask, opts);
  std::uint32_t scratch[analysis_fields];
  write_analysis(a, opts.national, capacity >= analysis_fields ? out : scratch);
  std::uint32_t at = analysis_fields;
  const auto put = [&](std::uint32_t value) {
    if (at < capacity) {
      out[at] = value;
    }
    ++at;
  };
  if (!a.ok()) {
    put(0);
    put(0);
    put(0);
    return at;
  }
  put(to_u32(a.parts));  // limits do not change where parts end
  // Characters per part; only a text with more units than characters has surrogate pairs.
  const bool pairs = a.utf16_units > a.characters;
  septet::detail::for_each_part(view, a, opts, [&](const septet::part& p) {
    put(to_u32(p.begin));
    put(to_u32(p.end));
    put(to_u32(p.units));
    const auto units = view.substr(p.begin, p.end - p.begin);
    put(to_u32(pairs ? code_points_in(units) : units.size()));
  });
  // A list of (index, code point) pairs after its length, which is known once it is written.
  std::uint32_t count_at = 0;
  std::uint32_t count = 0;
  const auto begin_list = [&] {
    count_at = at;
    count = 0;
    put(0);
  };
  const auto add = [&](std::size_t index, char32_t cp) {
    put(to_u32(index));
    put(static_cast<std::uint32_t>(cp));
    ++count;
  };
  const auto end_list = [&] {
    if (count_at < capacity) {
      out[count_at] = count;
    }
  };
  begin_list();
  if (a.non_gsm_count > 0) {
    (void)septet::for_each_code_point(view, [&](char32_t cp, std::size_t index) {
      if (septet::gsm7::septets(cp, opts.national) == 0) {
        add(index, cp);
      }
    });
  }
  end_list();
  // Sent as escape + septet (2 septets): in GSM 7-bit, units - characters of them. Such a text
  // has no surrogates (they are not GSM), so each unit is a character.
  begin_list();
  const std::size_t escaped = a.encoding == septet::encoding::gsm7 ? a.units - a.characters : 0;
  for (std::size_t i = 0; count < escaped && i < view.size(); ++i) {
    if (septet::gsm7::septets(view[i], opts.national) == 2) {
      add(i, view[i]);
    }
  }
  end_list();
  return at;
}

/// Encodes the parts of `text` as sent. Each part is a record of `record` (7 + 160) u32: UDH
/// size, size, TP-UDL, data coding, esm_class, begin, end (JS indices), then `size` octets one
/// per u32. Returns the number of parts, or 0x80000000 | error code (with the index in
/// out[0] when `capacity` > 0).
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_encode_parts(const char16_t* text,
                                                       std::uint32_t size,
                                                       std::uint32_t reference_16bit,
                                                       std::uint32_t reference,
                                                       std::uint32_t unpacked,
                                                       std::uint32_t grapheme,
                                                       std::uint32_t* out,
                                                       std::uint32_t capacity) {
  constexpr std::uint32_t record = 7 + septet::encoded_part::max_octets;
  septet::encode_options enc;
  enc.reference_size =
      reference_16bit != 0 ? septet::reference_size::bits16 : septet::reference_size::bits8;
  enc.reference = static_cast<std::uint16_t>(reference);
  enc.form = unpacked != 0 ? septet::septet_form::unpacked : septet::septet_form::packed;
  enc.text.boundary =
      grapheme != 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
  const auto parts = septet::encode_parts(std::u16string_view(text, size), enc);
  if (!parts.ok()) {
    if (capacity > 0) {
      out[0] = to_u32(parts.error().count);
    }
    return 0x80000000U | static_cast<std::uint32_t>(parts.error().ec);
  }
  const auto count = to_u32(parts->size());
  for (std::uint32_t i = 0; i < count && i < capacity; ++i) {
    const auto& p = (*parts)[i];
    std::uint32_t* r = out + static_cast<std::size_t>(i) * record;
    const std::uint32_t header[] = {to_u32(p.udh_size), to_u32(p.size), to_u32(p.udl),
                                    p.data_coding,      p.esm_class,    to_u32(p.text.begin),
                                    to_u32(p.text.end)};
    for (std::size_t k = 0; k < std::size(header); ++k) {
      r[k] = header[k];
    }
    for (std::size_t k = 0; k < p.size; ++k) {
      r[7 + k] = p.octets[k];
    }
  }
  return count;
}

/// Checks a template (UTF-8) as Sinch's adapter reads it (sinch::placeholders), or by the older
/// guide's limits when `strict` is 1: writes (begin, end) of each `${key}` in UTF-8 bytes, returns
/// their number, or 0x80000000 | error code with its byte offset in out[0].
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_template_placeholders(const char* body,
                                                                std::uint32_t size,
                                                                std::uint32_t* out,
                                                                std::uint32_t capacity,
                                                                std::uint32_t strict) {
  std::uint32_t found = 0;
  const auto status = septet::scan_template(
      std::string_view(body, size), [](std::string_view) {},
      [&](std::string_view key, std::size_t offset) {
        if (found < capacity) {
          out[2 * found] = to_u32(offset);
          out[2 * found + 1] = to_u32(offset + key.size() + 3);
        }
        ++found;
      },
      strict == 1 ? septet::placeholder_rules::strict : septet::sinch::placeholders);
  const auto valid = septet::validate(std::string_view(body, size));
  const auto first_error = !valid.ok() ? valid : status;
  if (!first_error.ok()) {
    if (capacity > 0) {
      out[0] = to_u32(first_error.count);
    }
    return 0x80000000U | static_cast<std::uint32_t>(first_error.ec);
  }
  return found;
}

/// Normalises an MSISDN (UTF-8) into `out` (15 bytes at most); returns its length, or
/// 0x80000000 | error code.
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_parse_msisdn(const char* text,
                                                       std::uint32_t size,
                                                       char* out) {
  const auto parsed = septet::parse_msisdn(std::string_view(text, size));
  if (!parsed.ok()) {
    return 0x80000000U | static_cast<std::uint32_t>(parsed.error().ec);
  }
  const auto digits = parsed->digits();
  for (std::size_t i = 0; i < digits.size(); ++i) {
    out[i] = digits[i];
  }
  return to_u32(digits.size());
}

/// Transliterates `text` (UTF-16). Writes the new text's UTF-16 units to `text_out` (at most
/// `text_capacity`) and a record to `out`: status code and offset, applied, encoding and parts
/// before, encoding and parts after, new text length R, replacement count N, then per
/// replacement (JS index, code point, kind, length of `to`, `to` as 3 UTF-16 units). Returns
/// the u32 count of the record; writes only what fits.
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_transliterate(const char16_t* text,
                                                        std::uint32_t size,
                                                        std::uint32_t only_if_fewer_parts,
                                                        std::uint32_t udh_octets,
                                                        std::uint32_t grapheme,
                                                        std::uint32_t max_units_per_part,
                                                        char16_t* text_out,
                                                        std::uint32_t text_capacity,
                                                        std::uint32_t* out,
                                                        std::uint32_t capacity) {
  std::uint32_t at = 0;
  const auto put = [&](std::uint32_t value) {
    if (at < capacity) {
      out[at] = value;
    }
    ++at;
  };
  // JavaScript's UTF-16 to UTF-8; a lone surrogate is the error it would be anywhere else.
  std::string utf8;
  const auto converted =
      septet::for_each_code_point(std::u16string_view(text, size), [&](char32_t cp, std::size_t) {
        char bytes[4];
        utf8.append(bytes, septet::put_utf8(cp, bytes, 0));
      });
  if (!converted.ok()) {
    put(static_cast<std::uint32_t>(converted.ec));
    put(to_u32(converted.count));
    return at;
  }
  const auto t =
      septet::transliterate(utf8,
                            only_if_fewer_parts != 0 ? septet::transliterate_mode::if_fewer_parts
                                                     : septet::transliterate_mode::always,
                            options_for(udh_octets, grapheme, max_units_per_part));
  put(static_cast<std::uint32_t>(t.status.ec));
  put(to_u32(t.status.count));
  put(t.applied ? 1U : 0U);
  put(t.before.encoding == septet::encoding::gsm7 ? 0U : 1U);
  put(to_u32(t.before.parts));
  put(t.after.encoding == septet::encoding::gsm7 ? 0U : 1U);
  put(to_u32(t.after.parts));
  std::uint32_t length = 0;
  (void)septet::for_each_code_point(std::string_view(t.text), [&](char32_t cp, std::size_t) {
    const auto unit = [&](char16_t u) {
      if (length < text_capacity) {
        text_out[length] = u;
      }
      ++length;
    };
    septet::put_utf16(cp, unit);
  });
  put(length);
  put(to_u32(t.replacements.size()));
  for (const auto& r : t.replacements) {
    put(to_u32(r.utf16));
    put(static_cast<std::uint32_t>(r.from));
    put(static_cast<std::uint32_t>(r.kind));
    // Every target is at most three characters of the BMP ("...", "Ç").
    std::array<std::uint32_t, 3> units{};
    std::size_t n = 0;
    (void)septet::for_each_code_point(r.to, [&](char32_t cp, std::size_t) {
      if (n < units.size()) {
        units[n++] = static_cast<std::uint32_t>(cp);
      }
    });
    put(to_u32(n));
    for (const auto u : units) {
      put(u);
    }
  }
  return at;
}

/// Capacity profiles: how many, and each one's name, UDH octets and per-part cap.
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_profile_count() {
  return to_u32(septet::profiles.size());
}
EMSCRIPTEN_KEEPALIVE const char* septet_profile_name(std::uint32_t i) {
  return i < septet::profiles.size() ? septet::profiles[i].name.data() : "";
}
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_profile_udh_octets(std::uint32_t i) {
  return i < septet::profiles.size() ? to_u32(septet::profiles[i].opts.udh_octets) : 0;
}
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_profile_max_units_per_part(std::uint32_t i) {
  return i < septet::profiles.size() ? to_u32(septet::profiles[i].opts.max_units_per_part) : 0;
}

/// A national language's short name (0: "none", 1: "tr", ... 13: "ur"), and a look-alike kind's.
EMSCRIPTEN_KEEPALIVE const char* septet_national_name(std::uint32_t language) {
  return septet::to_string(static_cast<septet::national_language>(language)).data();
}
EMSCRIPTEN_KEEPALIVE const char* septet_look_alike_name(std::uint32_t kind) {
  return septet::to_string(static_cast<septet::look_alike>(kind)).data();
}

/// The stable name of an error code, e.g. "utf16_unpaired_surrogate".
EMSCRIPTEN_KEEPALIVE const char* septet_error_name(std::uint32_t code) {
  return septet::name(static_cast<septet::errc>(code)).data();
}

/// 1 when the error is the caller's (septet::error_category::usage: an option out of range).
EMSCRIPTEN_KEEPALIVE std::uint32_t septet_error_is_usage(std::uint32_t code) {
  return septet::category(static_cast<septet::errc>(code)) == septet::error_category::usage ? 1U
                                                                                            : 0U;
}

/// Its English description.
EMSCRIPTEN_KEEPALIVE const char* septet_error_message(std::uint32_t code) {
  return septet::to_string(static_cast<septet::errc>(code)).data();
}

/// Begins a campaign for `septet.estimate`: the template (UTF-8) and the counting options.
/// Returns the campaign (for septet_estimate_add, _totals and _end), or null with the template's
/// error code and byte offset in `error` (nothing begun).
EMSCRIPTEN_KEEPALIVE estimate_session* septet_estimate_begin(const char* text,
                                                             std::uint32_t size,
                                                             std::uint32_t udh_octets,
                                                             std::uint32_t grapheme,
                                                             std::uint32_t max_units_per_part,
                                                             std::uint32_t national_mask,
                                                             std::uint32_t max_parts,
                                                             std::uint32_t* error) {
  std::string body(text, size);
  const auto parsed = septet::message_template::parse(body, septet::sinch::placeholders);
  if (!parsed.ok()) {
    error[0] = static_cast<std::uint32_t>(parsed.error().ec);
    error[1] = to_u32(parsed.error().offset());
    return nullptr;
  }
  return new estimate_session(
      std::move(body),
      septet::sinch::uncapped(options_for(udh_octets, grapheme, max_units_per_part)), national_mask,
      max_parts);
}

/// Frees a campaign septet_estimate_begin made.
EMSCRIPTEN_KEEPALIVE void septet_estimate_end(estimate_session* campaign) {
  delete campaign;
}

/// Adds one recipient to the campaign begun: `strings` holds UTF-8 text that `layout` points into
/// with (offset, size) u32 pairs: the MSISDN, then `count` (key, value) pairs; a value offset of
/// 0xFFFFFFFF means no value. The rendered body is counted as `analyze` counts (national tables
/// alike). Writes parts, encoding (0 gsm7, 1 ucs2) and the body's UTF-8 size to `out` and the body
/// to `body_out`; returns the reason: "ok", "invalid_msisdn", "unmatched_parameter",
/// "exceeded_parts_limit", or another error's name. A body longer than `body_capacity` returns
/// "output_too_small" with its size in out[2], and counts nothing: call again with room.
EMSCRIPTEN_KEEPALIVE const char* septet_estimate_add(estimate_session* campaign,
                                                     const char* strings,
                                                     const std::uint32_t* layout,
                                                     std::uint32_t count,
                                                     std::uint32_t* out,
                                                     char* body_out,
                                                     std::uint32_t body_capacity) {
  const std::uint32_t none = 0xFFFFFFFFU;
  const auto text_at = [&](std::size_t i) {
    return std::string_view(strings + layout[2 * i], layout[2 * i + 1]);
  };
  out[0] = out[1] = out[2] = 0;
  auto& session = *campaign;
  const auto recipient = septet::parse_msisdn(text_at(0));
  listed_values params;
  for (std::size_t i = 0; i < count; ++i) {
    params.keys.push_back(text_at(1 + 2 * i));
    const bool has_value = layout[2 * (2 + 2 * i)] != none;
    params.values.push_back(has_value ? std::optional(text_at(2 + 2 * i)) : std::nullopt);
  }
  if (!recipient.ok()) {
    return session.campaign.add_analyzed(recipient, {}).reason().data();
  }
  if (const auto refused = first_refused_value(session.tmpl, params); !refused.ok()) {
    session.campaign.refuse();
    return septet::name(refused.ec).data();
  }
  const auto body = septet::render(session.tmpl, params, *recipient);
  if (body.ok() && body->size() > body_capacity) {
    out[2] = to_u32(body->size());
    return "output_too_small";
  }
  septet::analysis counted;
  if (body.ok()) {
    auto opts = session.campaign.counting();
    counted = analyze_choosing_tables(*body, session.national_mask, opts);
  } else {
    counted.status = body.error();
  }
  const auto one = session.campaign.add_analyzed(recipient, counted);
  if (one.sent()) {
    out[0] = to_u32(counted.parts);
    out[1] = counted.encoding == septet::encoding::gsm7 ? 0U : 1U;
    out[2] = to_u32(body->size());
    std::copy(body->begin(), body->end(), body_out);
  }
  return one.reason().data();
}

/// The campaign's totals so far, as 4 u32: recipients, failed, GSM 7-bit parts, UCS-2 parts.
EMSCRIPTEN_KEEPALIVE void septet_estimate_totals(const estimate_session* campaign,
                                                 std::uint32_t* out) {
  const auto& t = campaign->campaign.totals();
  out[0] = to_u32(t.recipients);
  out[1] = to_u32(t.failed);
  out[2] = to_u32(t.text_parts);
  out[3] = to_u32(t.unicode_parts);
}

}  // extern "C"
