// Cross-check of the national language tables against an independent decoder: smsd, from
// Debian's smstools (3.1.21), which reads the locking-shift IE (0x25) and the single-shift IE
// (0x24) of TS 23.040 each with its own language, for all 13 languages of TS 23.038 Annex A, and
// joins concatenated parts. libgammu reads neither IE.
//
// Each text goes through septet's wire path (choose_national_tables as `--national auto` does,
// then encode_parts), each part into an SMS-DELIVER TPDU (smsd decodes only what a phone
// receives: the PDU of a submitted part carries the same TP-PID, TP-DCS, TP-UDHI, TP-UDL and
// TP-UD), and smsd, in its test mode (no modem; PDUs read from files), writes each message it
// decoded to a file: its text must be the text septet encoded, and its Language (locking) and
// Language_ext (single shift) the tables septet chose. septet's own reassembly must agree too.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <septet/septet.hpp>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "test_text.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX has programs declare it

namespace {

namespace fs = std::filesystem;
using septet::national_language;
using septet::national_tables;

// --- The TPDU ------------------------------------------------------------------------------

/// The SMS-DELIVER TPDU (TS 23.040 §9.2.2.1) that brings `part` from `originator` (digits, an
/// international number).
auto deliver_tpdu(const septet::encoded_part& part, std::string_view originator)
    -> std::vector<std::uint8_t> {
  std::vector<std::uint8_t> pdu;
  // TP-MTI 00 (SMS-DELIVER), TP-MMS 1 (no more messages waiting), TP-UDHI when there is a UDH.
  pdu.push_back(part.udh_size != 0 ? 0x44 : 0x04);
  // TP-OA: the number of digits, type of address 0x91 (international, ISDN), then the digits in
  // semi-octets, low nibble first, an odd count padded with 0xF.
  pdu.push_back(static_cast<std::uint8_t>(originator.size()));
  pdu.push_back(0x91);
  for (std::size_t i = 0; i < originator.size(); i += 2) {
    const auto low = static_cast<unsigned>(originator[i] - '0');
    const auto high =
        i + 1 < originator.size() ? static_cast<unsigned>(originator[i + 1] - '0') : 0xFU;
    pdu.push_back(static_cast<std::uint8_t>(high << 4U | low));
  }
  pdu.push_back(0x00);              // TP-PID: a plain short message
  pdu.push_back(part.data_coding);  // TP-DCS
  // TP-SCTS: 2024-01-21 13:50:00 UTC, in swapped semi-octets.
  const std::uint8_t timestamp[] = {0x42, 0x10, 0x12, 0x31, 0x05, 0x00, 0x00};
  pdu.insert(pdu.end(), std::begin(timestamp), std::end(timestamp));
  pdu.push_back(static_cast<std::uint8_t>(part.udl));  // TP-UDL: at most 160
  const auto ud = part.bytes();
  pdu.insert(pdu.end(), ud.begin(), ud.end());  // TP-UD: the UDH, then the user data
  return pdu;
}

// --- smsd ----------------------------------------------------------------------------------

/// One message as smsd wrote it: the header lines, then a blank line, then the text.
struct smsd_message {
  std::map<std::string, std::string> headers;
  std::string text;
};

auto read_file(const fs::path& path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

auto parse_smsd_message(const std::string& file) -> smsd_message {
  smsd_message m;
  std::size_t at = 0;
  while (at < file.size()) {
    const std::size_t end = std::min(file.find('\n', at), file.size());
    const std::string line = file.substr(at, end - at);
    at = end + 1;
    if (line.empty()) {
      m.text = at < file.size() ? file.substr(at) : std::string();
      break;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      const std::size_t value = line.find_first_not_of(' ', colon + 1);
      m.headers[line.substr(0, colon)] =
          value == std::string::npos ? std::string() : line.substr(value);
    }
  }
  return m;
}

/// smsd in its test mode, with a configuration that keeps every file in a fresh directory of its
/// own: PDUs are read from `pdu/` (one file each, "00" for no SMSC address, then the TPDU in
/// hex), each message decoded is written to `in/`, the log says what happened.
class smsd_run {
 public:
  smsd_run() {
    // smsd refuses a PDU directory whose path holds a '.'.
    fs::path base = fs::temp_directory_path();
    if (base.string().find('.') != std::string::npos) {
      base = "/tmp";
    }
    std::string dir = (base / "septet_smsd_XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) {
      throw std::runtime_error("cannot create " + dir + ": " + std::strerror(errno));
    }
    m_dir = dir;
    for (const char* sub : {"pdu", "in", "outgoing", "checked", "failed"}) {
      fs::create_directory(m_dir / sub);
    }
    std::ofstream(m_dir / "modem").flush();  // the device must exist; it is never opened
    std::ofstream conf(m_dir / "smsd.conf");
    const std::string d = m_dir.string();
    conf << "devices = septet\n"
         << "outgoing = " << d << "/outgoing\n"
         << "checked = " << d << "/checked\n"
         << "failed = " << d << "/failed\n"
         << "incoming = " << d << "/in\n"
         << "logfile = " << d << "/smsd.log\n"
         << "loglevel = 6\n"  // info: one "Wrote an incoming message file" line per message
         << "infofile = " << d << "/smsd.working\n"
         << "pidfile = " << d << "/smsd.pid\n"
         << "incoming_utf8 = yes\n"
         << "internal_combine = yes\n"
         // No purge of incomplete concatenations: else parts older than the purge time (the
         // TPDUs carry a fixed 2024 timestamp) are written one by one as "Incomplete".
         << "ic_purge_hours = 0\n"
         << "ic_purge_minutes = 0\n"
         << "delaytime = 1\n"
         << "[septet]\n"
         << "device = " << d << "/modem\n"
         << "modem_disabled = yes\n"
         << "incoming = yes\n"
         << "pdu_from_file = " << d << "/pdu/\n";
  }

  smsd_run(const smsd_run&) = delete;
  auto operator=(const smsd_run&) -> smsd_run& = delete;

  ~smsd_run() {
    stop();
    if (!m_dir.empty()) {
      std::error_code ignored;
      fs::remove_all(m_dir, ignored);
    }
  }

  /// Queues one message: its parts' TPDUs.
  void add(const std::vector<std::vector<std::uint8_t>>& tpdus) {
    ++m_messages;
    for (const auto& tpdu : tpdus) {
      std::string name = "m";
      name += std::to_string(m_files++);
      std::ofstream(m_dir / "pdu" / name) << "00" << septet_test::hex(tpdu) << '\n';
    }
  }

  /// Runs smsd until it has written a file for every message queued (or has read every PDU and
  /// stayed idle for a while, or a deadline passed), stops it, and returns what it wrote by the
  /// originator's number ("From:").
  auto run() -> std::map<std::string, smsd_message> {
    start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    auto idle_since = std::chrono::steady_clock::time_point::max();
    while (std::chrono::steady_clock::now() < deadline && written() < m_messages) {
      if (exited()) {
        break;  // a missing library, say: its console output says
      }
      if (fs::is_empty(m_dir / "pdu")) {
        const auto now = std::chrono::steady_clock::now();
        idle_since = std::min(idle_since, now);
        if (now - idle_since > std::chrono::seconds(2)) {
          break;  // every PDU read, and some message never written
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
    std::map<std::string, smsd_message> out;
    for (const auto& entry : fs::directory_iterator(m_dir / "in")) {
      if (entry.path().filename().string().rfind("septet.", 0) != 0) {
        continue;  // smsd's own scratch files
      }
      auto m = parse_smsd_message(read_file(entry.path()));
      out[m.headers["From"]] = std::move(m);
    }
    return out;
  }

  /// The end of smsd's log, and what it printed (a missing library, say), for failure messages.
  [[nodiscard]] auto log_tail() const -> std::string {
    const std::string log = read_file(m_dir / "smsd.log");
    return (log.size() > 4000 ? "..." + log.substr(log.size() - 4000) : log) +
           read_file(m_dir / "console");
  }

 private:
  void start() {
    std::string conf = "-c" + (m_dir / "smsd.conf").string();
    const std::string console = (m_dir / "console").string();
    std::string program = SEPTET_SMSD;
    std::string terminal = "-t";  // stay in the foreground: the PID is smsd's main process
    std::vector<char*> argv = {program.data(), conf.data(), terminal.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, console.c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const int failed =
        posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
      m_pid = 0;
      ADD_FAILURE() << "cannot start " << program << ": " << std::strerror(failed);
    }
  }

  /// Stops smsd the way its init script does (SIGTERM); its main process stops its modem handler
  /// and file checker before it exits.
  void stop() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGTERM);
      int status = 0;
      ::waitpid(m_pid, &status, 0);
      m_pid = 0;
    }
  }

  /// Whether smsd has exited by itself (it was started and is no longer running).
  auto exited() -> bool {
    int status = 0;
    if (m_pid > 0 && ::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_pid = 0;
      ADD_FAILURE() << "smsd exited by itself: "
                    << (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                          : "signal " + std::to_string(WTERMSIG(status)));
      return true;
    }
    return m_pid == 0;
  }

  [[nodiscard]] auto written() const -> std::size_t {
    const std::string log = read_file(m_dir / "smsd.log");
    std::size_t count = 0;
    for (std::size_t at = log.find("Wrote an incoming message file"); at != std::string::npos;
         at = log.find("Wrote an incoming message file", at + 1)) {
      ++count;
    }
    return count;
  }

  fs::path m_dir;
  pid_t m_pid = 0;
  std::size_t m_messages = 0;
  std::size_t m_files = 0;
};

// --- Samples -------------------------------------------------------------------------------

auto tables_name(const national_tables& t) -> std::string {
  return "locking " + std::string(septet::to_string(t.locking)) + ", single shift " +
         std::string(septet::to_string(t.single_shift));
}

/// A text, and the tables it must go with: those septet chooses among every language (as
/// `--national auto`), or, for `given`, those it is told to use.
struct sample {
  std::string name;
  std::string text;
  national_tables tables;
  bool given = false;
  septet::reference_size reference_size = septet::reference_size::bits8;
  std::size_t parts = 0;  ///< the parts it must take, when not 0
};

/// The language smsd names in a header ("Turkish (1)", " (-1)" for the default table, no header
/// when the message has no shift IE), as TS 23.038 numbers it; -1 for the default table.
auto language_number(const smsd_message& m, const std::string& header) -> int {
  const auto it = m.headers.find(header);
  if (it == m.headers.end()) {
    return -1;
  }
  const std::size_t open = it->second.rfind('(');
  return open == std::string::npos ? -2 : std::atoi(it->second.c_str() + open + 1);
}

auto expected_number(national_language l) -> int {
  return l == national_language::none ? -1 : static_cast<int>(l);
}

/// Where two texts first differ, as code points with some context.
auto first_difference(const std::string& want, const std::string& got) -> std::string {
  const auto code_points = [](const std::string& s) {
    std::vector<char32_t> out;
    (void)septet::for_each_code_point(std::string_view(s),
                                      [&](char32_t cp, std::size_t) { out.push_back(cp); });
    return out;
  };
  const auto a = code_points(want);
  const auto b = code_points(got);
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    ++i;
  }
  const auto around = [i](const std::vector<char32_t>& v) {
    std::string out;
    char cell[16];
    for (std::size_t k = i > 3 ? i - 3 : 0; k < std::min(v.size(), i + 4); ++k) {
      std::snprintf(cell, sizeof cell, "%sU+%04X", k == i ? " >" : " ",
                    static_cast<unsigned>(v[k]));
      out += cell;
    }
    return out;
  };
  return "first difference at character " + std::to_string(i) + " of " + std::to_string(a.size()) +
         " sent / " + std::to_string(b.size()) + " decoded\n  sent:   " + around(a) +
         "\n  smsd:  " + around(b);
}

/// A sample as septet sends it.
struct sent_message {
  national_tables tables;  ///< the tables in its UDH
  std::string originator;  ///< a number of its own: smsd's files say whom a message is from
  std::vector<std::vector<std::uint8_t>> tpdus;
  std::string description;  ///< the sample, its tables and every part in hex
};

/// Encodes the `index`th sample through septet's wire path (its own originator and
/// concatenation reference), and checks that septet reads its parts back.
void send(const sample& s, std::size_t index, sent_message& out) {
  septet::encode_options enc;
  enc.reference_size = s.reference_size;
  enc.reference = static_cast<std::uint16_t>(0x40 + index);
  out.tables = s.tables;
  if (!s.given) {
    out.tables = septet::choose_national_tables(s.text, septet::all_national_languages,
                                                septet::detail::wire_text_options(enc))
                     .tables;
    // The pair this sample is here for: a change in the choice must be deliberate.
    ASSERT_EQ(out.tables, s.tables)
        << "septet chose " << tables_name(out.tables) << ", not " << tables_name(s.tables);
  }
  enc.text.national = out.tables;
  const auto parts = septet::encode_parts(s.text, enc);
  ASSERT_TRUE(parts.ok()) << septet::name(parts.error().ec) << " at " << parts.error().count;
  if (s.parts != 0) {
    ASSERT_EQ(parts->size(), s.parts);
  }
  const auto back = septet::reassemble(septet_test::received(parts.value()));
  ASSERT_TRUE(back.ok()) << septet::name(back.error().ec);
  EXPECT_EQ(back.value(), s.text) << "septet's own reading; "
                                  << first_difference(s.text, back.value());

  const std::string digits = std::to_string(index);
  out.originator = "4670";  // +4670 and 8 digits
  out.originator.append(8 - std::min<std::size_t>(digits.size(), 8), '0');
  out.originator += digits;
  out.description = s.name + " (" + tables_name(out.tables) + ", " + std::to_string(parts->size()) +
                    " part" + (parts->size() == 1 ? "" : "s") + ", from +" + out.originator + ")";
  for (const auto& p : parts.value()) {
    ASSERT_EQ(p.data_coding, septet::data_coding_gsm7) << "septet sends it as UCS-2";
    out.tpdus.push_back(deliver_tpdu(p, out.originator));
    out.description += "\n  udh " +
                       (p.udh_size == 0 ? std::string("-") : septet_test::hex(p.udh())) + "  udl " +
                       std::to_string(p.udl) + "  ud " + septet_test::hex(p.user_data()) +
                       "\n  tpdu " + septet_test::hex(out.tpdus.back());
  }
}

auto header_or_dash(const smsd_message& m, const std::string& header) -> std::string {
  const auto it = m.headers.find(header);
  return it == m.headers.end() ? "-" : it->second;
}

/// smsd read the whole text, with the tables septet announced.
void expect_read_as_sent(const smsd_message& m, const std::string& text, const sent_message& sent) {
  EXPECT_EQ(m.headers.count("Error"), 0U) << "smsd: " << header_or_dash(m, "Error");
  EXPECT_EQ(m.headers.count("Incomplete"), 0U) << "smsd did not join the parts";
  EXPECT_EQ(m.text, text) << first_difference(text, m.text);
  EXPECT_EQ(language_number(m, "Language"), expected_number(sent.tables.locking))
      << "smsd's Language: " << header_or_dash(m, "Language");
  EXPECT_EQ(language_number(m, "Language_ext"), expected_number(sent.tables.single_shift))
      << "smsd's Language_ext: " << header_or_dash(m, "Language_ext");
}

/// Encodes every sample with septet, has smsd decode them all in one run, and checks that smsd
/// reads each text back with the tables septet put in the UDH.
void expect_smsd_reads(const std::vector<sample>& samples) {
  smsd_run smsd;
  std::vector<sent_message> sent(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    SCOPED_TRACE(samples[i].name);
    ASSERT_NO_FATAL_FAILURE(send(samples[i], i, sent[i]));
    smsd.add(sent[i].tpdus);
  }
  const auto decoded = smsd.run();
  bool log_shown = false;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    SCOPED_TRACE(sent[i].description);
    const auto it = decoded.find(sent[i].originator);
    if (it == decoded.end()) {
      ADD_FAILURE() << "smsd wrote no message from +" << sent[i].originator
                    << (log_shown ? "" : "; its log and console:\n" + smsd.log_tail());
      log_shown = true;
      continue;
    }
    expect_read_as_sent(it->second, samples[i].text, sent[i]);
  }
}

constexpr auto bn = national_language::bengali;
constexpr auto gu = national_language::gujarati;
constexpr auto hi = national_language::hindi;
constexpr auto tr = national_language::turkish;
constexpr auto pt = national_language::portuguese;
constexpr auto none = national_language::none;

// A Bengali promotion: no Bengali table holds the danda, the Gujarati single-shift table does.
const std::string bengali =
    "আজই কিনুন। সব পণ্যে 50% ছাড়। অফার সীমিত সময়ের জন্য, এখনই দোকানে আসুন এবং উপহার নিন।";
// ş İ ı are only in Turkish tables, ã õ ê only in Portuguese ones.
const std::string turkish_portuguese =
    "Sevgili müşterimiz, İstanbul şubemizde promoção especial: você ganha um cupão de 50% até "
    "amanhã! Çok teşekkürler.";

TEST(smstools_test, mixed_pairs_in_one_part) {
  expect_smsd_reads({
      {"Bengali with dandas", bengali, {bn, gu}},
      {"Turkish and Portuguese letters", turkish_portuguese, {tr, pt}},
      {"Portuguese and Turkish letters with escapes",
       "İstanbul şubemizde {promoção}: você ganha [€5] ~ | ^ \\ até amanhã!",
       {pt, tr}},
      {"Hindi with Portuguese words", "नमस्ते, promoção amanhã! ", {hi, pt}},
      {"Hindi with Turkish words", "नमस्ते! şubemiz açıldı, ağustosa kadar indirim.", {hi, tr}},
      {"Tamil with a danda", "நன்றி, வணக்கம்! 50% தள்ளுபடி।", {national_language::tamil, gu}},
      {"Punjabi with a danda", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ। 50% ਛੋਟ", {national_language::punjabi, gu}},
      {"Kannada with a danda", "ಧನ್ಯವಾದಗಳು। 50% ರಿಯಾಯಿತಿ", {national_language::kannada, gu}},
      {"Malayalam with a danda", "നന്ദി। 50% കിഴിവ്", {national_language::malayalam, gu}},
      {"Telugu with a danda", "ధన్యవాదాలు। 50% తగ్గింపు", {national_language::telugu, gu}},
  });
}

TEST(smstools_test, mixed_pairs_in_several_parts) {
  constexpr auto bits8 = septet::reference_size::bits8;
  expect_smsd_reads({
      {"Bengali with dandas, 3 parts",
       septet_test::repeat(bengali + " ", 4),
       {bn, gu},
       false,
       bits8,
       3},
      {"Turkish and Portuguese letters, 2 parts, 16-bit reference",
       septet_test::repeat(turkish_portuguese + " {€} ", 2),
       {tr, pt},
       false,
       septet::reference_size::bits16,
       2},
      {"Hindi with Turkish words, 4 parts",
       septet_test::repeat("नमस्ते! şubemiz açıldı, ağustosa kadar indirim. ", 10),
       {hi, tr},
       false,
       bits8,
       4},
  });
}

TEST(smstools_test, one_language_and_one_table) {
  expect_smsd_reads({
      {"Gujarati", "ધન્યવાદ। 50% છૂટ", {gu, gu}},
      {"Oriya", "ଧନ୍ୟବାଦ। 50% ରିହାତି", {national_language::oriya, national_language::oriya}},
      {"Urdu with escapes",
       "سلام! 50% رعایت۔ {€}",
       {national_language::urdu, national_language::urdu}},
      {"Turkish locking only", "şişe ığdır Ağustos'ta 5€", {tr, none}},
      {"Portuguese locking only", "Você não está? Ótimo, ação! {€} [x]", {pt, none}},
      {"Spanish single shift only",
       "¿Qué tal? Mañana voy a Málaga, también a Cádiz.",
       {none, national_language::spanish}},
      {"default tables with escapes", "Hello {world} [x] ~ \\ | ^ €", {none, none}},
  });
}

/// Every character of a pair of tables (the default alphabet or extension table for `none`),
/// each once.
auto every_character_of(const national_tables& t) -> std::string {
  namespace tables = septet::detail::tables;
  std::string text;
  const auto* locking = septet::detail::locking_table(t.locking);
  for (std::size_t s = 0; s < 128; ++s) {
    const char32_t cp = locking != nullptr ? (*locking)[s] : tables::gsm7_basic[s];
    if (s != tables::gsm7_escape && cp != 0) {
      text += septet_test::utf8_of(cp);
    }
  }
  if (const auto* single = septet::detail::single_shift_table(t.single_shift)) {
    for (const char32_t cp : *single) {
      if (cp != 0 && text.find(septet_test::utf8_of(cp)) == std::string::npos) {
        text += septet_test::utf8_of(cp);
      }
    }
  } else {
    for (const auto& e : tables::gsm7_extension) {
      text += septet_test::utf8_of(e.unit);
    }
  }
  return text;
}

TEST(smstools_test, every_character_of_every_table) {
  // Each language's own pair (Spanish: its single-shift table with the default alphabet), and
  // each single-shift table with the default alphabet, which sends as escapes the characters that
  // the language's locking table holds too: every cell but the repeated '¡' and '*' of the
  // Indic and Urdu single-shift tables (septet sends the first of each).
  std::vector<sample> samples;
  for (std::size_t l = 0; l < 14; ++l) {
    const auto language = static_cast<national_language>(l);
    const national_tables own{septet::has_locking_table(language) ? language : none, language};
    std::string text = every_character_of(own);
    if (l == 0) {
      // Without a shift IE smsd decodes through ISO-8859-15, whose octet for the currency sign
      // '¤' (GSM 0x24, TS 23.038 §6.2.1) is the euro sign: it writes '€' for it. The '¤' is
      // sent under every national single-shift table below, where smsd reads it right.
      const std::string currency_sign = septet_test::utf8_of(0xA4);
      text.erase(text.find(currency_sign), currency_sign.size());
    }
    samples.push_back({"every character of " + tables_name(own), text, own, true});
    if (own.locking != none) {
      const national_tables single{none, language};
      samples.push_back(
          {"every character of " + tables_name(single), every_character_of(single), single, true});
    }
  }
  expect_smsd_reads(samples);
}

}  // namespace
