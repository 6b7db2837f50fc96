#ifndef SEPTET_SINCH_CURL_TRANSPORT_HPP
#define SEPTET_SINCH_CURL_TRANSPORT_HPP

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <memory>
#include <septet/sinch/http.hpp>
#include <septet/version.hpp>
#include <string>
#include <string_view>

/// The shipped `http_transport`: libcurl, TLS verification on, timeouts, one connection kept
/// alive across calls. One object per thread (a curl easy handle is not shared between threads).
namespace septet::inline v0::sinch {

struct curl_options {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{30'000};  ///< the whole exchange
  std::string user_agent = "septet/" SEPTET_VERSION_STRING;
  std::string ca_file;  ///< empty: the system's trust store
  bool verify_tls = true;
};

class curl_transport {
 public:
  explicit curl_transport(curl_options options = {})
      : m_options(std::move(options)), m_handle(curl_easy_init(), &curl_easy_cleanup) {}

  [[nodiscard]] auto send(const http_request& request) -> http_result {
    http_result out;
    CURL* curl = m_handle.get();
    if (curl == nullptr) {
      out.error = transport_error::not_sent;
      out.message = "libcurl could not be initialised";
      return out;
    }
    curl_easy_reset(curl);  // keeps the connection cache, drops the last request's settings
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_options.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_options.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, m_options.verify_tls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, m_options.verify_tls ? 2L : 0L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!m_options.ca_file.empty()) {
      curl_easy_setopt(curl, CURLOPT_CAINFO, m_options.ca_file.c_str());
    }
    if (!request.idempotent) {
      // libcurl silently resends a request whose reused connection died before any answer; for a
      // send that could deliver the batch twice, so such requests get a connection of their own.
      curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    }
    if (request.method == "GET") {
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      // Only a request with a body gets one: a DELETE with POSTFIELDS would carry a form
      // Content-Type, which Sinch may refuse with 415.
      if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
      }
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      const std::string line = name + ": " + value;
      headers = curl_slist_append(headers, line.c_str());
    }
    // curl adds "Expect: 100-continue" to large bodies; Sinch's bodies are small, skip the wait.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out.response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &out.response.headers);
    std::array<char, CURL_ERROR_SIZE> error_text{};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text.data());

    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      out.error = classify(curl, code);
      out.message = error_text[0] != '\0' ? std::string(error_text.data())
                                          : std::string(curl_easy_strerror(code));
      return out;
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    out.response.status = static_cast<int>(status);
    return out;
  }

 private:
  static auto classify(CURL* curl, CURLcode code) -> transport_error {
    switch (code) {
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_CONNECT:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        return transport_error::not_sent;
      case CURLE_OPERATION_TIMEDOUT: {
        // A timeout before the connection was up (and the TLS handshake done) sent nothing.
        curl_off_t pretransfer = 0;
        curl_easy_getinfo(curl, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
        return pretransfer == 0 ? transport_error::not_sent : transport_error::timeout;
      }
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
        return transport_error::connection_lost;
      default:
        return transport_error::other;
    }
  }

  static auto write_body(char* data, std::size_t size, std::size_t count, void* user)
      -> std::size_t {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
  }

  static auto write_header(char* data, std::size_t size, std::size_t count, void* user)
      -> std::size_t {
    auto& headers = *static_cast<std::vector<http_header>*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
      headers.clear();  // a new response (after a redirect or 100 Continue)
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
      }
      while (!value.empty() &&
             (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
        value.remove_suffix(1);
      }
      headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    return size * count;
  }

  curl_options m_options;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> m_handle;
};

static_assert(http_transport<curl_transport>);

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_CURL_TRANSPORT_HPP
