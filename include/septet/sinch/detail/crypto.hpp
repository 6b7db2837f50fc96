#ifndef SEPTET_SINCH_DETAIL_CRYPTO_HPP
#define SEPTET_SINCH_DETAIL_CRYPTO_HPP

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <optional>
#include <string>
#include <string_view>

/// The few OpenSSL calls the signatures need: HMAC, MD5, Base64 and a constant-time compare.
namespace septet::inline v0::sinch::detail {

[[nodiscard]] inline auto base64_encode(std::string_view bytes) -> std::string {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// Decoded length of strict standard Base64 (alphabet A-Z a-z 0-9 + /, length a multiple of 4,
/// `=` only as the last one or two characters), or nullopt when `text` is not that.
[[nodiscard]] inline auto base64_decoded_size(std::string_view text) noexcept
    -> std::optional<std::size_t> {
  if (text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (c == '=' && i + 2 >= text.size() && (padding == 0 || text[i - 1] == '=')) {
      ++padding;
    } else if (!alphabet || padding != 0) {
      return std::nullopt;
    }
  }
  return text.size() / 4 * 3 - padding;
}

/// Strict standard Base64 (see base64_decoded_size); nullopt for anything else. OpenSSL's
/// decoder alone is lenient (it trims whitespace and reads '=' as zero bits), hence the check.
[[nodiscard]] inline auto base64_decode(std::string_view text) -> std::optional<std::string> {
  const auto size = base64_decoded_size(text);
  if (!size) {
    return std::nullopt;
  }
  std::string out(text.size() / 4 * 3, '\0');
  if (EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(text.data()),
                      static_cast<int>(text.size())) < 0) {
    return std::nullopt;
  }
  out.resize(*size);
  return out;
}

/// HMAC of `data` keyed by `key` with the named digest ("SHA256", "SHA512", "SHA1");
/// nullopt for a digest OpenSSL does not know.
[[nodiscard]] inline auto hmac(std::string_view digest, std::string_view key, std::string_view data)
    -> std::optional<std::string> {
  const EVP_MD* md = EVP_get_digestbyname(std::string(digest).c_str());
  if (md == nullptr) {
    return std::nullopt;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (HMAC(md, key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac,
           &size) == nullptr) {
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(mac), size);
}

[[nodiscard]] inline auto md5(std::string_view data) -> std::string {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

/// Compares in time that depends only on the lengths, so a forger learns nothing from timing.
[[nodiscard]] inline auto equal_constant_time(std::string_view a, std::string_view b) -> bool {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace septet::inline v0::sinch::detail

#endif  // SEPTET_SINCH_DETAIL_CRYPTO_HPP
