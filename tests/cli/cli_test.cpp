// Runs the real `septet` binary and reads what it prints.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <septet/septet.hpp>
#include <septet/sinch/campaign.hpp>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

/// The temporary files the tests write, removed when the test program ends.
class temp_files {
 public:
  temp_files() = default;
  temp_files(const temp_files&) = delete;
  auto operator=(const temp_files&) -> temp_files& = delete;
  ~temp_files() {
    for (const auto& path : paths_) {
      std::remove(path.c_str());
    }
  }
  void add(const std::string& path) {
    paths_.insert(path);
  }

 private:
  std::set<std::string> paths_;
};

/// A path in the test directory for `name`, one per process (ctest runs the cases in parallel);
/// the process ID goes before the extension, which the CLI reads.
auto temp_path(const std::string& name) -> std::string {
  static temp_files files;
  const auto dot = std::min(name.rfind('.'), name.size());
  const std::string path = ::testing::TempDir() + name.substr(0, dot) + "_" +
                           std::to_string(getpid()) + name.substr(dot);
  files.add(path);
  return path;
}

struct run_result {
  int status = -1;
  std::string out;
};

/// Runs the shell command line `command` and captures its stdout and exit status.
auto run_shell(const std::string& command) -> run_result {
  run_result result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// Runs `septet ARGS` with `input` on stdin (via a temporary file) and captures stdout, and
/// stderr too with `with_stderr`.
auto run(const std::string& args, const std::string& input = "", bool with_stderr = false)
    -> run_result {
  const std::string input_path = temp_path("septet_cli_input");
  {
    std::ofstream file(input_path, std::ios::binary);
    file << input;
  }
  const std::string command = std::string(SEPTET_CLI) + " " + args + " < '" + input_path + "'" +
                              (with_stderr ? " 2>&1" : " 2>/dev/null");
  return run_shell(command);
}

/// Runs `septet ARGS` on a pseudo-terminal (util-linux script) and returns what it printed.
auto run_in_terminal(const std::string& args, bool no_color) -> std::string {
  const std::string inner = std::string(no_color ? "NO_COLOR=1 " : "") + SEPTET_CLI + " " + args;
  std::string quoted;
  for (const char c : inner) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return run_shell("script -qec '" + quoted + "' /dev/null < /dev/null").out;
}

TEST(cli_test, hi_euro_from_stdin_as_json) {
  const auto r = run("inspect --json", "Hi \xE2\x82\xAC");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["encoding"], "gsm7");
  EXPECT_EQ(j["characters"], 4);
  EXPECT_EQ(j["units"], 5);
  EXPECT_EQ(j["parts"], 1);
  EXPECT_EQ(j["units_remaining"], 155);
  EXPECT_EQ(j["segments"], nlohmann::json::array({"Hi \xE2\x82\xAC"}));
  EXPECT_EQ(j["segment_units"], nlohmann::json::array({5}));
  EXPECT_TRUE(j["non_gsm"].empty());
  EXPECT_EQ(j["within_limits"], true);
  EXPECT_TRUE(j["errors"].empty());
}

TEST(cli_test, stdin_is_read_verbatim) {
  // A trailing newline is part of the message.
  const auto j = nlohmann::json::parse(run("inspect --json", "Hi\n").out);
  EXPECT_EQ(j["characters"], 3);
}

TEST(cli_test, text_argument_and_non_gsm_list) {
  const auto r = run("inspect --json 'ok \xF0\x9F\x98\x80 \xE2\x80\xA6'");
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["encoding"], "ucs2");
  EXPECT_EQ(j["units"], 7);
  ASSERT_EQ(j["non_gsm"].size(), 2U);
  EXPECT_EQ(j["non_gsm"][0]["char"], "\xF0\x9F\x98\x80");
  EXPECT_EQ(j["non_gsm"][0]["code_point"], "U+1F600");
  EXPECT_EQ(j["non_gsm"][0]["byte_offset"], 3);
  EXPECT_EQ(j["non_gsm"][1]["code_point"], "U+2026");
  EXPECT_EQ(j["non_gsm"][1]["byte_offset"], 8);
}

TEST(cli_test, parts_and_udh_octets) {
  const std::string text(161, 'a');
  const auto j = nlohmann::json::parse(run("inspect --json", text).out);
  EXPECT_EQ(j["parts"], 2);
  EXPECT_EQ(j["segment_units"], nlohmann::json::array({153, 8}));
  const auto k = nlohmann::json::parse(run("inspect --json --udh-octets 7", text).out);
  EXPECT_EQ(k["segment_units"], nlohmann::json::array({152, 9}));
  EXPECT_EQ(run("inspect --udh-octets 200", text).status, 2);
}

TEST(cli_test, grapheme_safe_flag) {
  std::string text;
  for (int i = 0; i < 65; ++i) {
    text += "\xD0\xB6";
  }
  text +=
      "\xF0\x9F\x87\xB8\xF0\x9F\x87\xAA"
      "abc";  // a flag across the 67-unit boundary
  const auto minimal = nlohmann::json::parse(run("inspect --json", text).out);
  EXPECT_EQ(minimal["segment_units"], nlohmann::json::array({67, 5}));  // flag cut in two
  const auto safe = nlohmann::json::parse(run("inspect --json --grapheme-safe", text).out);
  EXPECT_EQ(safe["segment_units"], nlohmann::json::array({65, 7}));
}

TEST(cli_test, over_the_limit_is_reported_with_exit_1) {
  const auto r = run("inspect --json", std::string(2001, 'a'));
  EXPECT_EQ(r.status, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["within_limits"], false);
  ASSERT_EQ(j["errors"].size(), 1U);
  EXPECT_EQ(j["errors"][0]["code"], "body_too_long");
  EXPECT_EQ(j["errors"][0]["byte_offset"], 2000);
  EXPECT_EQ(j["parts"], 14);
  std::string joined;
  for (const auto& s : j["segments"]) {
    joined += s.get<std::string>();
  }
  EXPECT_EQ(joined, std::string(2001, 'a'));  // never truncated
}

TEST(cli_test, invalid_utf8_exits_2_naming_the_byte_offset) {
  const auto r = run("inspect --json", "abc\xE2\x28\xA1");
  EXPECT_EQ(r.status, 2);
  const auto j = nlohmann::json::parse(r.out);  // the usual shape, figures up to the error
  EXPECT_EQ(j["within_limits"], false);
  EXPECT_EQ(j["characters"], 3);
  ASSERT_EQ(j["errors"].size(), 1U);
  EXPECT_EQ(j["errors"][0]["code"], "utf8_truncated");
  EXPECT_EQ(j["errors"][0]["byte_offset"], 3);
  const std::string command = std::string(SEPTET_CLI) + " inspect $(printf 'ab\\377') 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 512> buffer{};
  const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe);
  EXPECT_EQ(WEXITSTATUS(pclose(pipe)), 2);
  const std::string message(buffer.data(), n);
  EXPECT_NE(message.find("byte 2"), std::string::npos) << message;
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1);
}

TEST(cli_test, both_limits_are_listed_in_text_order) {
  const auto j =
      nlohmann::json::parse(run("inspect --json --max-parts 1", std::string(2001, 'a')).out);
  ASSERT_EQ(j["errors"].size(), 2U);
  EXPECT_EQ(j["errors"][0]["code"], "too_many_parts");
  EXPECT_EQ(j["errors"][0]["byte_offset"], 153);
  EXPECT_EQ(j["errors"][1]["code"], "body_too_long");
  EXPECT_EQ(j["errors"][1]["byte_offset"], 2000);
}

TEST(cli_test, stdin_keeps_cr_nul_and_leading_spaces) {
  const auto j = nlohmann::json::parse(run("inspect --json", std::string("  a\r\n\0b", 7)).out);
  EXPECT_EQ(j["characters"], 7);
  EXPECT_EQ(j["encoding"], "ucs2");  // NUL is not a GSM character
  EXPECT_EQ(j["non_gsm"][0]["byte_offset"], 5);
  EXPECT_EQ(j["segments"][0], std::string("  a\r\n\0b", 7));
}

TEST(cli_test, bidi_controls_are_escaped_in_human_output) {
  const auto r = run("inspect",
                     "a\xE2\x80\xAE"
                     "b");
  EXPECT_NE(r.out.find("\\u{202E}"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\xE2\x80\xAE"), std::string::npos);
}

TEST(cli_test, human_output_plain_when_piped_and_coloured_on_request) {
  const auto plain = run("inspect",
                         "a\xE2\x80\x9C"
                         "b");
  EXPECT_EQ(plain.status, 0);
  EXPECT_NE(plain.out.find("encoding         ucs2"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("U+201C"), std::string::npos);
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos);
  const auto colour = run("inspect --color always",
                          "a\xE2\x80\x9C"
                          "b");
  EXPECT_NE(colour.out.find("\x1b[1;7;31m\xE2\x80\x9C\x1b[0m"), std::string::npos);
  // On a terminal colour is the default, unless NO_COLOR is set (script(1) supplies the tty).
  const auto tty = run_in_terminal("inspect 'a\xE2\x80\x9C'", false);
  EXPECT_NE(tty.find("\x1b[1;7;31m"), std::string::npos) << tty;
  const auto no_color = run_in_terminal("inspect 'a\xE2\x80\x9C'", true);
  EXPECT_NE(no_color.find("U+201C"), std::string::npos) << no_color;
  EXPECT_EQ(no_color.find("\x1b[1;7;31m"), std::string::npos);
}

}  // namespace

namespace {

TEST(cli_test, encode_single_part_json) {
  const auto r = run("encode --json hellohello");
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["data_coding"], 0);
  ASSERT_EQ(j["parts"].size(), 1U);
  EXPECT_EQ(j["parts"][0]["udh"], "");
  EXPECT_EQ(j["parts"][0]["ud"], "E8329BFD4697D9EC37");
  EXPECT_EQ(j["parts"][0]["udl"], 10);
}

TEST(cli_test, encode_three_parts_and_decode_them_in_any_order) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "part of a long message [" + std::to_string(i) + "] ";
  }
  const auto r = run("encode --json --ref 77", text);
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["parts"].size(), 3U);
  char udh[16];
  std::snprintf(udh, sizeof udh, "0500034D%02zX01", j["parts"].size());
  EXPECT_EQ(j["parts"][0]["udh"], udh);
  EXPECT_EQ(j["parts"][0]["esm_class"], 64);
  std::string lines;
  for (std::size_t i = j["parts"].size(); i-- > 0;) {  // reversed order
    lines +=
        j["parts"][i]["udh"].get<std::string>() + j["parts"][i]["ud"].get<std::string>() + "\n";
  }
  const auto back = run("decode --data-coding 0", lines);
  EXPECT_EQ(back.status, 0);
  EXPECT_EQ(back.out, text);
  // The JSON itself is accepted too.
  EXPECT_EQ(run("decode", r.out).out, text);
}

TEST(cli_test, encode_ucs2_with_16bit_reference_round_trips) {
  const std::string text = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xF0\x9F\x91\x8B";
  std::string long_text;
  for (int i = 0; i < 12; ++i) {
    long_text += text;
  }
  const auto r = run("encode --json --udh-ref 16 --ref 4660", long_text);
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["data_coding"], 8);
  EXPECT_EQ(j["parts"][0]["udh"].get<std::string>().substr(0, 8), "06080412");
  std::string lines;
  for (const auto& p : j["parts"]) {
    lines += p["udh"].get<std::string>() + p["ud"].get<std::string>() + "\n";
  }
  EXPECT_EQ(run("decode --data-coding 8", lines).out, long_text);
}

TEST(cli_test, decode_with_udl_keeps_a_final_at_sign) {
  // "1234567@": 8 septets fill 7 octets; without TP-UDL the final '@' (septet 0) reads as padding.
  const auto j = nlohmann::json::parse(run("encode --json '1234567@'").out);
  const std::string ud = j["parts"][0]["ud"];
  EXPECT_EQ(run("decode", ud + "\n").out, "1234567");  // and a warning on stderr
  EXPECT_EQ(run("decode", ud + ":8\n").out, "1234567@");
  EXPECT_EQ(run("decode", ud + ":x\n").status, 2);
  EXPECT_EQ(run("decode", R"({"data_coding":"zero","parts":[]})").status, 2);  // typed, no abort
}

TEST(cli_test, decode_reports_missing_parts_and_bad_hex) {
  const auto j = nlohmann::json::parse(run("encode --json", std::string(400, 'z')).out);
  const std::string only_first =
      j["parts"][0]["udh"].get<std::string>() + j["parts"][0]["ud"].get<std::string>() + "\n" +
      j["parts"][2]["udh"].get<std::string>() + j["parts"][2]["ud"].get<std::string>() + "\n";
  const auto missing = run("decode", only_first, true);
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.out, "septet: part 2 of 3 is missing\n");
  const auto line = [&](std::size_t i) {
    return j["parts"][i]["udh"].get<std::string>() + j["parts"][i]["ud"].get<std::string>() + "\n";
  };
  EXPECT_EQ(run("decode", line(0) + line(1) + line(2) + line(0), true).out,
            "septet: part 1 of 3 arrived twice\n");
  EXPECT_EQ(run("decode", "XYZ\n").status, 2);
  // A UDH whose length runs past the data, without TP-UDL: an error, not a crash.
  for (const std::string bad_udh : {"05FF\n05FF\n", "--udhi yes|05FF\n"}) {
    const auto split = bad_udh.find('|');
    const auto args = split == std::string::npos ? std::string() : bad_udh.substr(0, split);
    const auto input = split == std::string::npos ? bad_udh : bad_udh.substr(split + 1);
    const auto r = run("decode " + args, input, true);
    EXPECT_EQ(r.status, 2) << bad_udh << r.out;
    EXPECT_NE(r.out.find("invalid user data header"), std::string::npos) << r.out;
  }
  EXPECT_EQ(run("encode", "abc\xFF").status, 2);
  EXPECT_EQ(run("encode", std::string(2001, 'a')).status, 1);
}

TEST(cli_test, decode_reads_a_lone_part_with_a_concatenation_udh_as_a_part) {
  const auto j = nlohmann::json::parse(run("encode --json", std::string(200, 'z')).out);
  const std::string first =
      j["parts"][0]["udh"].get<std::string>() + j["parts"][0]["ud"].get<std::string>() + "\n";
  const auto alone = run("decode", first, true);
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.out.find("starts with a concatenation UDH (part 1 of 2)"), std::string::npos)
      << alone.out;
  EXPECT_NE(alone.out.find("part 2 of 2 is missing"), std::string::npos) << alone.out;
  // Part 1 of 1 is a whole message; --udhi no still reads the octets as text.
  const std::string one_of_one = "050003070101" + j["parts"][0]["ud"].get<std::string>();
  EXPECT_EQ(run("decode", one_of_one + "\n").out, std::string(153, 'z'));
  const auto as_text = run("decode --udhi no", first);
  EXPECT_EQ(as_text.status, 0);
  EXPECT_NE(as_text.out.find(std::string(100, 'z')), std::string::npos);
  EXPECT_NE(as_text.out.substr(0, 10).find_first_not_of('z'), std::string::npos);
}

TEST(cli_test, decode_points_from_the_human_encode_output_to_the_json) {
  const auto human = run("encode", std::string(200, 'z')).out;
  const auto r = run("decode", human, true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("pipe 'septet encode --json' into 'septet decode'"), std::string::npos)
      << r.out;
}

}  // namespace

namespace {

TEST(cli_test, dry_run_prints_sinch_shape_and_fails_recipients_alone) {
  const std::string request = R"({"to":["+12017777777","+12018888888"],
    "parameters":{"name":{"+12017777777":"John"}},"body":"Hello ${name}!"})";
  const auto r = run("dry-run --per-recipient", request);
  EXPECT_EQ(r.status, 1);  // one recipient has no value and no default
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["number_of_recipients"], 2);
  EXPECT_EQ(j["number_of_messages"], 1);
  ASSERT_EQ(j["per_recipient"].size(), 1U);
  EXPECT_EQ(j["per_recipient"][0]["body"], "Hello John!");
  EXPECT_EQ(j["per_recipient"][0]["encoding"], "text");
  EXPECT_EQ(r.out.find("number_of_recipients"), 2U);  // Sinch's field order
  const auto refused = run("dry-run", R"({"to":["+1"],"body":"x"})");
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(nlohmann::json::parse(refused.out)["code"], "syntax_invalid_parameter_format");
  EXPECT_EQ(run("dry-run", "not json").status, 2);
}

// What Sinch refuses, the offline dry run refuses with Sinch's error (exit status 2, as for every
// refused request), never with counts.
TEST(cli_test, dry_run_refuses_fields_sinch_refuses) {
  const std::string recipient = R"("to":["46701234567"],"body":"Hi")";
  const std::pair<std::string, std::string> refused[] = {
      {R"("delivery_report":"bogus")", "delivery_report"},
      {R"("type":"mt_bogus")", "type"},
      {R"("send_at":"tomorrow")", "send_at"},
      {R"("callback_url":"not a url")", "callback_url"}};
  for (const auto& [field, name] : refused) {
    const auto r = run("dry-run", "{" + recipient + "," + field + "}");
    EXPECT_EQ(r.status, 2) << field << ": " << r.out;
    const auto error = nlohmann::json::parse(r.out);
    EXPECT_EQ(error["code"], "syntax_invalid_parameter_format") << r.out;
    EXPECT_NE(error["text"].get<std::string>().find("'" + name + "'"), std::string::npos) << r.out;
    EXPECT_FALSE(error.contains("number_of_recipients"));
  }
}

}  // namespace

namespace {

auto write_file(const std::string& name, const std::string& contents) -> std::string {
  const std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

TEST(cli_test, estimate_totals_prices_and_failures) {
  // Quoted fields with commas, quotes and newlines; an empty cell falls back to --default; a
  // missing value without default fails that recipient (Sinch's 405); a bad MSISDN fails too.
  const auto recipients =
      write_file("recipients.csv",
                 "msisdn,name,city\n"
                 "+46701234567,Anna,\"Stockholm, Sweden\"\n"
                 "+46 70 123 45 68,\"Bj\xC3\xB6rn \"\"B\"\"\",\"Line one\nline two\"\n"
                 "0046701234569,,Malm\xC3\xB6\n"
                 "+4915112345678,Zo\xC3\xAB \xF0\x9F\x98\x80,Berlin\n"
                 "+12025550123,Sam,\n"
                 "not-a-number,X,Y\n");
  const auto prices = write_file("prices.csv",
                                 "prefix,price\n"
                                 "46,0.05\n"
                                 "4670,0.04\n"  // the longest prefix wins
                                 "+49,0.07\n");
  const auto r =
      run("estimate --json --no-progress --template 'Hi ${name} in ${city}!' "
          "--default name=there --recipients " +
          recipients + " --prices " + prices + " --rate 10");
  EXPECT_EQ(r.status, 1) << r.out;  // some recipients fail
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["recipients"], 6);
  EXPECT_EQ(j["failed"], 2);  // +12025550123 has no city; not-a-number
  EXPECT_EQ(j["failures"]["by_reason"]["unmatched_parameter"], 1);
  EXPECT_EQ(j["failures"]["by_reason"]["invalid_msisdn"], 1);
  EXPECT_EQ(j["parts"], 4);
  EXPECT_EQ(j["parts_by_encoding"]["text"], 3);
  EXPECT_EQ(j["parts_by_encoding"]["unicode"], 1);
  EXPECT_NEAR(j["cost"].get<double>(), 3 * 0.04 + 0.07, 1e-9);
  EXPECT_EQ(j["cost_by_prefix"]["4670"]["parts"], 3);
  EXPECT_NEAR(j["send_seconds"].get<double>(), 0.4, 1e-9);
  EXPECT_EQ(j["unpriced"]["count"], 0);
}

TEST(cli_test, estimate_agrees_with_rendering_every_recipient) {
  const auto value_for = [](int i) {
    std::string value(static_cast<std::size_t>(1 + i % 150), i % 7 == 0 ? '[' : 'x');
    if (i % 11 == 0) {
      value += "\xE2\x80\x9C";  // a curly quote: UCS-2
    }
    return value;
  };
  std::string csv = "msisdn,v\n";
  constexpr int recipients_count = 120;
  for (int i = 0; i < recipients_count; ++i) {
    csv += "+4670" + std::to_string(1000000 + i) + "," + value_for(i) + "\n";
  }
  const auto recipients = write_file("agree.csv", csv);
  const auto per_recipient = temp_path("agree.jsonl");
  const auto r = run("estimate --json --no-progress --template 'Code: ${v}${v}' --recipients " +
                     recipients + " --per-recipient " + per_recipient);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  // Each recipient's line equals `septet inspect` of its rendered body, and the lines add up to
  // the totals.
  std::ifstream lines(per_recipient);
  std::string line;
  std::size_t parts = 0;
  std::size_t unicode = 0;
  int i = 0;
  for (; std::getline(lines, line); ++i) {
    const auto estimated = nlohmann::json::parse(line);
    const std::string value = value_for(i);
    const auto inspected =
        nlohmann::json::parse(run("inspect --json", "Code: " + value + value).out);
    EXPECT_EQ(estimated["parts"], inspected["parts"]) << "recipient " << i;
    EXPECT_EQ(estimated["encoding"] == "unicode", inspected["encoding"] == "ucs2") << i;
    parts += estimated["parts"].get<std::size_t>();
    unicode += estimated["encoding"] == "unicode" ? estimated["parts"].get<std::size_t>() : 0;
  }
  EXPECT_EQ(i, recipients_count);
  EXPECT_EQ(j["parts"], parts);
  EXPECT_EQ(j["parts_by_encoding"]["unicode"], unicode);
}

/// A recipients' CSV of `count` rows, long enough to span many of estimate's batches, with the
/// rows that judging and the CSV reader meet: quoted fields holding commas, quotes and line
/// breaks, CRLF line ends, UCS-2 names, values over 160 characters, missing values (every 13th
/// row fails), bad numbers (rows where i % 997 == 5) and numbers without a price (+33).
/// One recipient of the campaign the estimate tests read: empty values are no value.
struct campaign_row {
  std::string number;
  std::string name;
  std::string city;

  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn& /*recipient*/) const
      -> std::optional<std::string_view> {
    const std::string& value = key == "name" ? name : city;
    return value.empty() ? std::nullopt : std::optional<std::string_view>(value);
  }
};

/// Invalid numbers, missing names, UCS-2 names, quoted line breaks and long values, mixed.
auto campaign_rows(int count) -> std::vector<campaign_row> {
  std::vector<campaign_row> rows;
  for (int i = 0; i < count; ++i) {
    campaign_row row;
    row.number = i % 997 == 5 ? "not-a-number"
                              : (i % 7 == 0 ? "+3361" : "+4670") + std::to_string(1000000 + i);
    if (i % 13 != 0) {
      row.name = i % 3 == 0 ? "Zo\xC3\xAB \xF0\x9F\x98\x80" : "Anna";
    }
    row.city = i % 5 == 0        ? "Line, one\r\nline \"two\""
               : i % 1000 == 999 ? std::string(170, 'x')
                                 : std::string("Berlin");
    rows.push_back(std::move(row));
  }
  return rows;
}

/// A CSV field, quoted as RFC 4180 wants when it holds a comma, a quote or a line break.
auto csv_field(const std::string& value) -> std::string {
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string quoted = "\"";
  for (const char c : value) {
    quoted += c == '"' ? "\"\"" : std::string(1, c);
  }
  return quoted + "\"";
}

auto campaign_csv(int count) -> std::string {
  std::string csv = "msisdn,name,city\n";
  int i = 0;
  for (const auto& row : campaign_rows(count)) {
    csv += row.number + ',' + csv_field(row.name) + ',' + csv_field(row.city);
    csv += i++ % 17 == 0 ? "\r\n" : "\n";
  }
  return csv;
}

/// The outputs of one `septet estimate` run: what it prints, and its --per-recipient file.
auto estimate_outputs(const std::string& args, const std::string& per_recipient) -> std::string {
  const auto r =
      run("estimate --no-progress " + args + " --per-recipient " + per_recipient, "", true);
  std::ifstream file(per_recipient, std::ios::binary);
  const std::string lines{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  return "status " + std::to_string(r.status) + "\n" + r.out + "\n" + lines;
}

TEST(cli_test, estimate_gives_the_same_bytes_with_any_number_of_jobs) {
  constexpr int count = 60000;  // about 2.5 MB: ten batches
  const auto recipients = write_file("campaign.csv", campaign_csv(count));
  const auto prices = write_file("campaign_prices.csv", "prefix,price\n4670,0.04\n");
  const std::string template_args =
      "--template 'Hi ${name} in ${city}!' --recipients " + recipients + " --prices " + prices;
  for (const std::string form : {"--json", ""}) {
    for (const std::string extension : {".csv", ".jsonl"}) {
      const auto args = form + " " + template_args;
      const auto one = estimate_outputs(args + " --jobs 1", temp_path("jobs1" + extension));
      for (const std::string jobs : {"2", "5"}) {
        EXPECT_EQ(estimate_outputs(args + " --jobs " + jobs, temp_path("jobs" + jobs + extension)),
                  one)
            << "--jobs " << jobs << " " << form << " " << extension;
      }
    }
  }
  // Rows are numbered as in the file, whichever batch they were judged in.
  const auto r = run("estimate --json --no-progress --jobs 2 " + template_args);
  const auto j = nlohmann::json::parse(r.out);
  std::vector<int> failing;
  for (int i = 0; i < count; ++i) {
    if (i % 13 == 0 || i % 997 == 5) {
      failing.push_back(i + 2);  // the header is row 1
    }
  }
  ASSERT_EQ(j["failures"]["examples"].size(), 20);
  for (std::size_t k = 0; k < 20; ++k) {
    EXPECT_EQ(j["failures"]["examples"][k]["row"], failing[k]) << k;
  }
  EXPECT_EQ(j["recipients"], count);
  EXPECT_EQ(j["failed"], failing.size());
}

// One implementation: the CLI counts through the library's campaign_estimate, so a C++ caller
// streaming the same recipients gets the same totals.
TEST(cli_test, estimate_counts_as_the_library_campaign_does) {
  constexpr int count = 3000;
  const std::string body = "Hi ${name} in ${city}!";
  const auto recipients = write_file("library_campaign.csv", campaign_csv(count));
  const auto r =
      run("estimate --json --no-progress --template '" + body + "' --recipients " + recipients);
  const auto j = nlohmann::json::parse(r.out);
  const auto tmpl = septet::message_template::parse(body, septet::sinch::placeholders).value();
  septet::sinch::campaign_estimate campaign(tmpl);
  for (const auto& row : campaign_rows(count)) {
    (void)campaign.add(row.number, row);
  }
  const auto& t = campaign.totals();
  EXPECT_EQ(j["recipients"], t.recipients);
  EXPECT_EQ(j["failed"], t.failed);
  EXPECT_EQ(j["parts"], t.parts());
  EXPECT_EQ(j["parts_by_encoding"]["text"], t.text_parts);
  EXPECT_EQ(j["parts_by_encoding"]["unicode"], t.unicode_parts);
  for (std::size_t parts = 0; parts < t.recipients_by_parts.size(); ++parts) {
    const auto key = std::to_string(parts);
    EXPECT_EQ(j["parts_per_recipient"].value(key, std::size_t{0}), t.recipients_by_parts[parts])
        << parts;
  }
  for (std::size_t slot = 0; slot < t.failures.size(); ++slot) {
    const auto reason = std::string(septet::sinch::campaign_totals::failure_reason(slot));
    EXPECT_EQ(j["failures"]["by_reason"].value(reason, std::size_t{0}), t.failures[slot]) << reason;
  }
  EXPECT_GT(t.failed, 0U);
  EXPECT_GT(t.unicode_parts, 0U);
}

TEST(cli_test, estimate_stops_at_the_same_row_with_any_number_of_jobs) {
  // A quote inside an unquoted field, deep into the file: the rows before it are counted and
  // written, then the run stops with the row's number.
  auto csv = campaign_csv(50000);
  const auto row_40001 = csv.find("+4670" + std::to_string(1000000 + 39999));
  csv.insert(row_40001 + 3, "\"");
  const auto recipients = write_file("campaign_broken.csv", csv);
  const auto args = "--template 'Hi ${name}' --recipients " + recipients;
  const auto one = estimate_outputs(args + " --jobs 1", temp_path("broken1.csv"));
  EXPECT_NE(one.find("status 2\n"), std::string::npos) << one.substr(0, 200);
  EXPECT_NE(one.find(recipients + " row 40001: "), std::string::npos) << one.substr(0, 400);
  EXPECT_EQ(estimate_outputs(args + " --jobs 2", temp_path("broken2.csv")), one);
}

TEST(cli_test, estimate_names_columns_the_template_does_not_match) {
  const auto misspelt = write_file("misspelt.csv", "msisdn,nme\n+46701234567,Anna\n");
  const auto r =
      run("estimate --no-progress --template 'Hi ${name}' --recipients " + misspelt, "", true);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("${name} has no column in " + misspelt +
                       " and no --default: every recipient fails (unmatched_parameter); is "
                       "column 'nme' meant to be 'name'?"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("column 'nme' of " + misspelt + " is not a placeholder of the template"),
            std::string::npos)
      << r.out;
  // A placeholder used twice is named once.
  const auto twice = run(
      "estimate --no-progress --template 'Hi ${name}, ${name}' --recipients " + misspelt, "", true);
  EXPECT_EQ(twice.out.find("has no column"), twice.out.rfind("has no column")) << twice.out;
  // With a --default nothing fails, and only the unused column is named.
  const auto defaulted =
      run("estimate --no-progress --default name=you --template 'Hi ${name}' "
          "--recipients " +
              misspelt,
          "", true);
  EXPECT_EQ(defaulted.status, 0) << defaulted.out;
  EXPECT_EQ(defaulted.out.find("has no column"), std::string::npos) << defaulted.out;
}

TEST(cli_test, estimate_reads_semicolons_an_upper_case_msisdn_and_decimal_commas) {
  const auto people = write_file("semicolons.csv",
                                 "MSISDN;name\r\n+46701234567;Anna\r\n+46701234568;\"Bo; B\"\r\n");
  const auto prices = write_file("semicolon_prices.csv", "prefix;price\n46;0,05\n");
  const auto r = run("estimate --json --no-progress --template 'Hi ${name}!' --recipients " +
                     people + " --prices " + prices);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["recipients"], 2);
  EXPECT_EQ(j["failed"], 0);
  EXPECT_EQ(j["parts"], 2);
  EXPECT_NEAR(j["cost"].get<double>(), 0.10, 1e-9);
  const auto per_recipient = temp_path("semicolons.csv");
  run("estimate --no-progress --template '${name}' --recipients " + people + " --per-recipient " +
      per_recipient);
  std::ifstream lines(per_recipient);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);
  std::getline(lines, line);
  EXPECT_EQ(line, "\"46701234568\",1,text,,ok");  // "Bo; B" was one field
}

TEST(cli_test, estimate_prices_a_number_by_the_number_alone_with_any_number_of_jobs) {
  // +1 201 555 012 is too short for any +1 country; +1 201 555 0123 is a US number. Both begin
  // with the same 8 digits, and they are far apart in the file: a cache by leading digits, or
  // one per thread, would price one by the other.
  std::string csv = "msisdn\n+1201555012\n";
  for (int i = 0; i < 6000; ++i) {
    csv += "+4670" + std::to_string(1000000 + i) + "\n";
  }
  csv += "+12015550123\n";
  const auto people = write_file("shared_code.csv", csv);
  const auto prices = write_file("shared_code_prices.csv", "country,price\nUS,0.01\nCA,0.02\n");
  const auto args =
      "estimate --json --no-progress --template Hi --recipients " + people + " --prices " + prices;
  const auto one = run(args + " --jobs 1");
  const auto j = nlohmann::json::parse(one.out);
  EXPECT_EQ(j["cost_by_prefix"]["US"]["parts"], 1) << one.out;
  ASSERT_EQ(j["unpriced"]["count"], 6001);  // the short one and every +46
  EXPECT_EQ(j["unpriced"]["examples"][0]["reason"],
            "libphonenumber finds no country for the number, and the countries of +1 have "
            "different prices");
  for (const std::string jobs : {"2", "5"}) {
    EXPECT_EQ(run(args + " --jobs " + jobs).out, one.out) << jobs;
  }
}

TEST(cli_test, estimate_reads_prices_from_a_pipe_and_refuses_a_third_field) {
  const auto people = write_file("pipe_people.csv", "msisdn\n+46701234567\n");
  const auto piped = run_shell("printf 'prefix,price\\n46,0.05\\n' | " + std::string(SEPTET_CLI) +
                               " estimate --json --no-progress --template Hi --recipients " +
                               people + " --prices /dev/stdin");
  ASSERT_EQ(piped.status, 0) << piped.out;
  const auto j = nlohmann::json::parse(piped.out);
  EXPECT_NEAR(j["cost"].get<double>(), 0.05, 1e-9) << piped.out;
  const auto comma = write_file("comma_prices.csv", "prefix,price\n46,0,05\n");
  const auto r =
      run("estimate --no-progress --template Hi --recipients " + people + " --prices " + comma, "",
          true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("two fields expected, not 3 (a price with a decimal comma goes in quotes"),
            std::string::npos)
      << r.out;
}

TEST(cli_test, estimate_skips_blank_lines_before_the_header) {
  const auto people = write_file("blank_first.csv", "\r\n\r\nmsisdn;name\r\n+46701234567;Anna\r\n");
  const auto r =
      run("estimate --json --no-progress --template 'Hi ${name}' --recipients " + people, "", true);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("\"recipients\":1,\"failed\":0"), std::string::npos) << r.out;
  const auto upper = write_file("upper_key.csv", "msisdn,firstname\n+46701234567,Anna\n");
  EXPECT_NE(
      run("estimate --no-progress --template 'Hi ${FIRSTNAME}' --recipients " + upper, "", true)
          .out.find("is column 'firstname' meant to be 'FIRSTNAME'?"),
      std::string::npos);
}

TEST(cli_test, estimate_says_where_and_why_a_csv_is_broken) {
  const auto stray = write_file("stray_quote.csv", "msisdn,name\n+46701234567,An\"na\n");
  const auto r = run("estimate --no-progress --template Hi --recipients " + stray, "", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find(stray + " row 2: a quote inside a field that does not start with one"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(byte 27)"), std::string::npos) << r.out;  // the quote itself
  const auto open = write_file("open_quote.csv", "msisdn,name\n+46701234567,\"Anna\n");
  const auto o = run("estimate --no-progress --template Hi --recipients " + open, "", true);
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.out.find("a quoted field is still open at the end of the file"), std::string::npos)
      << o.out;
  const auto header = write_file("phone_header.csv", "phone,name\n+46701234567,Anna\n");
  EXPECT_NE(run("estimate --template Hi --recipients " + header, "", true)
                .out.find("the first column of the header row must be 'msisdn', not 'phone'"),
            std::string::npos);
  EXPECT_NE(run("estimate --template Hi --recipients " + temp_path("missing.csv"), "", true)
                .out.find("No such file or directory"),
            std::string::npos);
}

TEST(cli_test, estimate_says_why_a_recipient_has_no_price) {
  const auto people = write_file("unpriced.csv",
                                 "msisdn\n+46701234567\n+33612345678\n+19995550123\n"
                                 "+999123456789\n+88212345\n");
  const auto prices = write_file("unpriced_prices.csv", "country,price\nSE,0.05\nUS,0.01\n");
  const auto r = run("estimate --json --no-progress --template Hi --recipients " + people +
                     " --prices " + prices);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  // +1 999 is no assigned area code, so no country; of +1's countries only the US has a price.
  EXPECT_EQ(j["cost_by_prefix"]["US"]["parts"], 1) << r.out;
  EXPECT_NEAR(j["cost"].get<double>(), 0.06, 1e-9);
  ASSERT_EQ(j["unpriced"]["count"], 3) << r.out;
  const auto& examples = j["unpriced"]["examples"];
  EXPECT_EQ(examples[0]["reason"], "no price for its country, FR");
  EXPECT_EQ(examples[1]["reason"], "no calling code begins the number");
  EXPECT_EQ(examples[2]["reason"], "a non-geographic number (no country to price it by)");
  const auto by_prefix = write_file("unpriced_prefixes.csv", "prefix,price\n4670,0.05\n");
  const auto p = nlohmann::json::parse(run("estimate --json --no-progress --template Hi "
                                           "--recipients " +
                                           people + " --prices " + by_prefix)
                                           .out);
  EXPECT_EQ(p["unpriced"]["examples"][0]["reason"],
            "no prefix of the price list begins the number");
}

TEST(cli_test, estimate_tells_times_in_human_units) {
  std::string csv = "msisdn\n";
  for (int i = 0; i < 1000; ++i) {
    csv += "+4670" + std::to_string(1000000 + i) + "\n";
  }
  const auto people = write_file("thousand.csv", csv);
  const auto r = run("estimate --no-progress --template Hi --rate 0.05 --recipients " + people);
  EXPECT_NE(r.out.find("send time    5 h 33 min at 0.05 parts/s"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(run("estimate --json --no-progress --template Hi "
                                           "--rate 0.05 --recipients " +
                                           people)
                                           .out);
  EXPECT_NEAR(j["send_seconds"].get<double>(), 20000.0, 1e-6);
}

TEST(cli_test, estimate_shows_progress_and_time_left_on_a_terminal) {
  // Progress shows once a run has lasted a second (checked every 64 KiB of the file). The rows
  // double until a run lasts 2 s, which leaves time for script, sh and septet to start under
  // load. A long mixed template makes each row cost about 2 microseconds.
  std::string body = "Hi ${name}, ";
  while (body.size() < 1800) {
    body += "Gr\u00FC\u00DFe \u20AC ok ";
  }
  const auto tmpl = write_file("progress_template.txt", body);
  const auto people = temp_path("progress.csv");
  for (int rows = 1000000; rows <= 8000000; rows *= 2) {
    {
      std::ofstream csv(people, std::ios::binary);
      csv << "msisdn,name\n";
      for (int i = 0; i < rows; ++i) {
        csv << "+4670" << 1000000 + i % 9000000 << ",Anna\n";
      }
    }
    const auto start = std::chrono::steady_clock::now();
    const auto out =
        run_in_terminal("estimate --jobs 1 --template " + tmpl + " --recipients " + people, false);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds < 2) {
      continue;
    }
    EXPECT_NE(out.find("\r\033[Kseptet: "), std::string::npos) << out.substr(0, 300);
    EXPECT_NE(out.find("% of the file, "), std::string::npos) << out.substr(0, 300);
    EXPECT_NE(out.find(" left"), std::string::npos) << out.substr(0, 300);
    // The line is cleared before the totals, which start a line of their own.
    EXPECT_NE(out.find("\r\033[Krecipients   " + std::to_string(rows)), std::string::npos)
        << out.substr(0, 300);
    return;
  }
  FAIL() << "no run lasted 2 s";
}

TEST(cli_test, estimate_prices_by_country_and_bad_input) {
  const auto recipients = write_file("country.csv", "msisdn\n+46701234567\n+33612345678\n");
  const auto prices = write_file("country_prices.csv", "country,price\nSE,0.05\n");
  const auto r = run("estimate --json --no-progress --template Hello --recipients " + recipients +
                     " --prices " + prices);
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["cost"].get<double>(), 0.05, 1e-9);
  EXPECT_EQ(j["unpriced"]["count"], 1);
  EXPECT_EQ(j["unpriced"]["examples"][0]["recipient"], "33612345678");
  // A "${" that opens no placeholder is counted as written (with a warning on stderr).
  const auto literal = nlohmann::json::parse(
      run("estimate --json --no-progress --template 'Hi ${' --recipients " + recipients).out);
  EXPECT_EQ(literal["failed"], 0);
  EXPECT_EQ(literal["parts"], 2);
  // Shared calling codes: +1 is the US and Canada; each number is priced by its own country.
  const auto nanp = write_file("nanp.csv", "msisdn\n+12025550123\n+14165550123\n");
  const auto us_ca = write_file("us_ca.csv", "country,price\nUS,0.01\nCA,0.02\n");
  const auto both = nlohmann::json::parse(
      run("estimate --json --no-progress --template Hi --recipients " + nanp + " --prices " + us_ca)
          .out);
  EXPECT_NEAR(both["cost"].get<double>(), 0.03, 1e-9);
  EXPECT_EQ(both["cost_by_prefix"]["US"]["parts"], 1);
  EXPECT_EQ(both["cost_by_prefix"]["CA"]["parts"], 1);
  const auto nan_price = write_file("nan_price.csv", "prefix,price\n46,nan\n");
  EXPECT_EQ(
      run("estimate --template Hi --recipients " + recipients + " --prices " + nan_price).status,
      2);
  const auto no_msisdn = write_file("bad_header.csv", "phone\n+46701234567\n");
  EXPECT_EQ(run("estimate --template Hi --recipients " + no_msisdn).status, 2);
  // A row with more fields than the header fails alone; a Latin-1 byte does not break --json.
  const auto odd = write_file("odd_rows.csv",
                              "msisdn,name\n+46701234567,Al,extra\n+46\xA0"
                              "701234567,Bo\n");
  const auto odd_run =
      run("estimate --json --no-progress --template 'Hi ${name}' --recipients " + odd);
  EXPECT_EQ(odd_run.status, 1) << odd_run.out;
  const auto odd_json = nlohmann::json::parse(odd_run.out);
  EXPECT_EQ(odd_json["failures"]["by_reason"]["more_fields_than_the_header"], 1);
  EXPECT_EQ(odd_json["failures"]["by_reason"]["invalid_msisdn"], 1);
  const auto broken = write_file("broken.csv", "msisdn\n\"+46701234567\n");  // open quote
  EXPECT_EQ(run("estimate --template Hi --no-progress --recipients " + broken).status, 2);
  const auto human = run("estimate --template Hi --no-progress --recipients " + recipients);
  EXPECT_NE(human.out.find("parts per recipient"), std::string::npos) << human.out;
}

/// The command names `septet --help` lists.
auto listed_commands(const std::string& help) -> std::vector<std::string> {
  std::vector<std::string> names;
  const auto list = help.find("Subcommands:\n");
  std::size_t at = help.find('\n', list) + 1;
  while (at < help.size() && help.compare(at, 2, "  ") == 0) {
    const auto name_end = help.find(' ', at + 2);
    if (help[at + 2] != ' ') {  // not a continued description
      names.push_back(help.substr(at + 2, name_end - at - 2));
    }
    at = help.find('\n', at) + 1;
  }
  return names;
}

TEST(Cli, EveryCommandsHelpEndsWithExamplesOfIt) {
  const auto names = listed_commands(run("--help").out);
  ASSERT_GE(names.size(), 11U);
  for (const auto& name : names) {
    const auto help = run(name + " --help");
    EXPECT_EQ(help.status, 0) << name;
    EXPECT_NE(help.out.find("\nExamples:\n  septet " + name), std::string::npos) << help.out;
  }
  for (const std::string action :
       {"create", "list", "get", "update", "replace", "delete", "members"}) {
    EXPECT_NE(run("groups " + action + " --help").out.find("Examples:\n  septet groups " + action),
              std::string::npos)
        << action;
  }
}

TEST(Cli, NoCommandOrAMistypedOneListsTheCommandsAndTheNearest) {
  const auto none = run("", "", true);
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.out.find("estimate"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("transliteration-table"), std::string::npos) << none.out;
  const auto typo = run("estimat --template x --recipients y", "", true);
  EXPECT_EQ(typo.status, 2);
  EXPECT_NE(typo.out.find("'estimat' is not a command; did you mean 'estimate'?"),
            std::string::npos)
      << typo.out;
  EXPECT_NE(typo.out.find("dry-run"), std::string::npos) << typo.out;
  EXPECT_NE(run("grops list", "", true).out.find("did you mean 'groups'?"), std::string::npos);
  EXPECT_NE(run("trans", "", true).out.find("did you mean 'transliteration-table'?"),
            std::string::npos);
  const auto nothing_near = run("xyzzy", "", true);
  EXPECT_EQ(nothing_near.out.find("did you mean"), std::string::npos) << nothing_near.out;
  const auto option = run("inspect --jsn hello", "", true);
  EXPECT_EQ(option.status, 2);
  EXPECT_NE(option.out.find("Did you mean --json?"), std::string::npos) << option.out;
}

TEST(Cli, TransliterationSuggestedAppliedAndReported) {
  const std::string text = std::string(150, 'a') + "\u2019s \u201cok\u201d";
  const auto plain = run("inspect", text);
  EXPECT_NE(
      plain.out.find("suggestion       replace 3 characters to go from 3 UCS-2 parts to 1 GSM "
                     "part (--transliterate)"),
      std::string::npos)
      << plain.out;
  const auto applied = run("inspect --transliterate", text);
  EXPECT_EQ(applied.status, 0);
  EXPECT_NE(applied.out.find("encoding         gsm7"), std::string::npos) << applied.out;
  EXPECT_NE(applied.out.find("U+2019  \u2019 -> '  (quote, byte 150 of the input)"),
            std::string::npos)
      << applied.out;
  const auto json = nlohmann::json::parse(run("inspect --json --transliterate", text).out);
  EXPECT_EQ(json["parts"], 1);
  EXPECT_EQ(json["transliteration"]["applied"], true);
  EXPECT_EQ(json["transliteration"]["before"]["parts"], 3);
  EXPECT_EQ(json["transliteration"]["replacements"][1]["utf16_index"], 153);
  // An emoji keeps it UCS-2: "if fewer parts" leaves the text alone but still reports.
  const auto kept = nlohmann::json::parse(
      run("inspect --json --transliterate-if-fewer-parts", "It\u2019s \U0001F382").out);
  EXPECT_EQ(kept["encoding"], "ucs2");
  EXPECT_EQ(kept["transliteration"]["applied"], false);
  EXPECT_EQ(kept["segments"][0], "It\u2019s \U0001F382");
}

TEST(Cli, NationalTablesArePickedAndAnnounced) {
  const std::string turkish = "\u00C7i\u00E7ekler \u015Fimdi %50 indirimli!";
  const auto plain = nlohmann::json::parse(run("inspect --json", turkish).out);
  EXPECT_EQ(plain["encoding"], "ucs2");
  EXPECT_FALSE(plain.contains("national"));
  const auto picked = nlohmann::json::parse(run("inspect --json --national auto", turkish).out);
  EXPECT_EQ(picked["encoding"], "gsm7");
  EXPECT_EQ(picked["national"]["locking"], "tr");
  EXPECT_EQ(picked["national"]["single_shift"], "none");
  EXPECT_EQ(picked["capacity"]["single_part"], 155);
  EXPECT_EQ(picked["non_gsm"].size(), 0U);
  const auto human = run("inspect --national tr", turkish).out;
  EXPECT_NE(human.find("national tables  locking shift tr, single shift none (UDH +3 octets per "
                       "part)"),
            std::string::npos)
      << human;
  // Spanish tables cannot help Turkish letters: the default stays.
  const auto spanish = nlohmann::json::parse(run("inspect --json --national es", turkish).out);
  EXPECT_EQ(spanish["encoding"], "ucs2");
  EXPECT_EQ(run("inspect --national klingon", "x").status, 2);
}

TEST(Cli, ProfilesChangeCapacity) {
  const auto cellular =
      nlohmann::json::parse(run("inspect --json --profile us-cellular", std::string(151, 'a')).out);
  EXPECT_EQ(cellular["parts"], 2);
  EXPECT_EQ(cellular["capacity"]["single_part"], 150);
  const auto toll_free = nlohmann::json::parse(
      run("inspect --json --profile us-toll-free", std::string(305, 'a')).out);
  EXPECT_EQ(toll_free["capacity"]["per_part"], 152);
  EXPECT_EQ(toll_free["parts"], 3);
  EXPECT_EQ(run("inspect --profile nowhere", "x").status, 2);
}

// send, status and inbounds against `septet sandbox` started as its own process.
TEST(Cli, SendStatusAndInboundsAgainstTheSandbox) {
  // Started with fork and exec, so the test knows its pid and can stop it with SIGINT.
  int out_pipe[2];
  ASSERT_EQ(pipe(out_pipe), 0);
  const pid_t server = fork();
  ASSERT_GE(server, 0);
  if (server == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    close(out_pipe[0]);
    execl(SEPTET_CLI, SEPTET_CLI, "sandbox", "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  FILE* server_out = fdopen(out_pipe[0], "r");
  std::array<char, 256> line{};
  ASSERT_NE(fgets(line.data(), static_cast<int>(line.size()), server_out), nullptr);
  std::string url(line.data());
  url.erase(url.find_last_not_of("\r\n") + 1);
  ASSERT_EQ(url.rfind("http://127.0.0.1:", 0), 0U) << url;
  const std::string connection = "--base-url " + url + " --plan sandbox-plan";
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);

  auto sent =
      run("send --json " + connection +
          " --from +46700000000 --to +46700000001,+46700000002"
          " --param 'name:+46700000001=Ana' --param name:default=there 'Hi ${name} \u20ac'");
  ASSERT_EQ(sent.status, 0) << sent.out;
  const auto batch = nlohmann::json::parse(sent.out);
  const std::string id = batch["id"];
  EXPECT_EQ(id.size(), 26U);
  EXPECT_EQ(batch["to"], nlohmann::json::array({"46700000001", "46700000002"}));
  EXPECT_EQ(batch["parameters"]["name"]["default"], "there");

  auto batch_status = run("status --json " + connection + " " + id);
  ASSERT_EQ(batch_status.status, 0) << batch_status.out;
  const auto report = nlohmann::json::parse(batch_status.out);
  EXPECT_EQ(report["batch"]["id"], id);
  EXPECT_EQ(report["delivery_report"]["statuses"][0]["status"], "Delivered");
  EXPECT_EQ(report["delivery_report"]["statuses"][0]["count"], 2);

  auto human = run("status " + connection + " " + id);
  EXPECT_NE(human.out.find("Delivered (code 0)  2"), std::string::npos) << human.out;
  auto inbound = run("inbounds --json " + connection);
  EXPECT_EQ(inbound.status, 0);
  EXPECT_EQ(nlohmann::json::parse(inbound.out), nlohmann::json::array());

  // The hint after a send repeats the connection flags given, and works as printed.
  const auto hint_of = [](const std::string& out) {
    const auto at = out.find("septet status");
    return at == std::string::npos ? std::string()
                                   : out.substr(at + 7, out.find('\n', at) - at - 7);
  };
  const auto with_flags = run("send " + connection + " --to +46700000003 'Hello'");
  ASSERT_EQ(with_flags.status, 0) << with_flags.out;
  EXPECT_NE(hint_of(with_flags.out).find("--base-url " + url), std::string::npos) << with_flags.out;
  EXPECT_NE(hint_of(with_flags.out).find("--plan sandbox-plan"), std::string::npos);
  EXPECT_EQ(run(hint_of(with_flags.out)).status, 0) << with_flags.out;
  // Without flags, SINCH_BASE_URL and SINCH_PLAN_ID say where; flags override them.
  setenv("SINCH_BASE_URL", url.c_str(), 1);
  setenv("SINCH_PLAN_ID", "sandbox-plan", 1);
  const auto from_env = run("send --to +46700000004 'Hello'");
  ASSERT_EQ(from_env.status, 0) << from_env.out;
  EXPECT_EQ(run(hint_of(from_env.out)).status, 0) << from_env.out;
  EXPECT_EQ(run("status --plan other-plan " + id).status, 1);  // the sandbox serves one plan
  setenv("SINCH_BASE_URL", "http://127.0.0.1:1", 1);
  EXPECT_EQ(run("status --base-url " + url + " " + id).status, 0);
  unsetenv("SINCH_BASE_URL");
  unsetenv("SINCH_PLAN_ID");
  EXPECT_EQ(run("status " + id).status, 2);  // no service plan anywhere

  // The batch found by its client_reference, as after an unclear send (exit status 3).
  const auto by_reference = run("status --json --client-reference " +
                                batch["client_reference"].get<std::string>() + " " + connection);
  ASSERT_EQ(by_reference.status, 0) << by_reference.out;
  const auto found = nlohmann::json::parse(by_reference.out);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]["batch"]["id"], id);
  EXPECT_EQ(run("status --client-reference never-sent " + connection).status, 1);
  EXPECT_EQ(run("status " + connection).status, 2);  // neither an ID nor a reference

  // send --dry-run reports the recipients Sinch would fail as `septet dry-run` does: JSON lines
  // on stderr, exit status 1.
  const auto both_streams = [](const std::string& args) {
    FILE* pipe = popen((std::string(SEPTET_CLI) + " " + args + " 2>&1").c_str(), "r");
    std::string out;
    std::array<char, 4096> buffer{};
    for (std::size_t n = 0; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
      out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    return run_result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  };
  const auto unmatched =
      both_streams("send --dry-run " + connection + " --to +46700000001,+46700000002 'Hi ${name}'");
  EXPECT_EQ(unmatched.status, 1) << unmatched.out;
  EXPECT_NE(unmatched.out.find(R"({"code":405,"reason":"no value and no default for a parameter )"
                               R"(at byte 3 of the body","recipient":"46700000002"})"),
            std::string::npos)
      << unmatched.out;
  EXPECT_NE(unmatched.out.find("0 messages"), std::string::npos) << unmatched.out;
  EXPECT_EQ(run("send --dry-run " + connection + " --to +46700000001 'Hi'").status, 0);

  EXPECT_EQ(run("send " + connection + " --to +1 'x'").status, 2);  // refused before sending
  setenv("SINCH_API_TOKEN", "wrong", 1);
  EXPECT_EQ(run("status " + connection + " " + id).status, 1);  // 401
  unsetenv("SINCH_API_TOKEN");
  EXPECT_EQ(run("send " + connection + " --to +46700000001 'x'").status, 2);  // no token

  ASSERT_EQ(kill(server, SIGINT), 0);
  int status = -1;
  ASSERT_EQ(waitpid(server, &status, 0), server);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);  // stops cleanly on SIGINT
  fclose(server_out);
}

/// `septet sandbox` as its own process: its URL, and SIGINT stops it.
class sandbox_process {
 public:
  /// `septet sandbox --port 0` and `options`.
  explicit sandbox_process(std::vector<std::string> options = {}) {
    int out_pipe[2];
    if (pipe(out_pipe) != 0) {
      return;
    }
    options.insert(options.begin(), {SEPTET_CLI, "sandbox", "--port", "0"});
    std::vector<char*> argv;
    for (auto& option : options) {
      argv.push_back(option.data());
    }
    argv.push_back(nullptr);
    m_pid = fork();
    if (m_pid == 0) {
      dup2(out_pipe[1], STDOUT_FILENO);
      close(out_pipe[0]);
      execv(SEPTET_CLI, argv.data());
      _exit(127);
    }
    close(out_pipe[1]);
    m_out = fdopen(out_pipe[0], "r");
    std::array<char, 256> line{};
    if (m_pid > 0 && fgets(line.data(), static_cast<int>(line.size()), m_out) != nullptr) {
      m_url = line.data();
      m_url.erase(m_url.find_last_not_of("\r\n") + 1);
    }
  }
  ~sandbox_process() {
    if (m_pid > 0) {
      kill(m_pid, SIGINT);
      waitpid(m_pid, nullptr, 0);
    }
    if (m_out != nullptr) {
      fclose(m_out);
    }
  }
  sandbox_process(const sandbox_process&) = delete;
  auto operator=(const sandbox_process&) -> sandbox_process& = delete;

  [[nodiscard]] auto url() const -> const std::string& {
    return m_url;
  }

 private:
  pid_t m_pid = -1;
  FILE* m_out = nullptr;
  std::string m_url;
};

TEST(Cli, GroupsAgainstTheSandbox) {
  const sandbox_process server;
  ASSERT_EQ(server.url().rfind("http://127.0.0.1:", 0), 0U) << server.url();
  const std::string connection = "--base-url " + server.url() + " --plan sandbox-plan";
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);

  auto created = run("groups create --json " + connection +
                     " --name team --member +46700000001,+46700000002 --member 0046700000001");
  ASSERT_EQ(created.status, 0) << created.out;
  const auto group = nlohmann::json::parse(created.out);
  const std::string id = group["id"];
  EXPECT_EQ(group["size"], 2);
  EXPECT_EQ(group["name"], "team");

  auto updated = run("groups update --json " + connection + " " + id +
                     " --add +46700000003 --remove +46700000001 --clear-name");
  ASSERT_EQ(updated.status, 0) << updated.out;
  EXPECT_FALSE(nlohmann::json::parse(updated.out).contains("name"));
  auto members = run("groups members --json " + connection + " " + id);
  EXPECT_EQ(nlohmann::json::parse(members.out),
            nlohmann::json::array({"46700000002", "46700000003"}));
  auto listed = run("groups list " + connection);
  EXPECT_NE(listed.out.find(id + "  2 members"), std::string::npos) << listed.out;
  auto replaced =
      run("groups replace " + connection + " " + id + " --name new --member +46700000009");
  EXPECT_NE(replaced.out.find("name          new"), std::string::npos) << replaced.out;

  // A batch to the group goes to its members; offline, the dry run cannot count them.
  auto sent = run("send --json " + connection + " --to " + id + " hi");
  ASSERT_EQ(sent.status, 0) << sent.out;
  auto status = run("status --json " + connection + " " +
                    nlohmann::json::parse(sent.out)["id"].get<std::string>());
  EXPECT_EQ(nlohmann::json::parse(status.out)["delivery_report"]["total_message_count"], 1);
  auto offline = run("dry-run", R"({"to": [")" + id + R"("], "body": "x"})");
  EXPECT_EQ(offline.status, 1);
  EXPECT_EQ(nlohmann::json::parse(offline.out)["number_of_recipients"], 0);

  EXPECT_EQ(run("groups delete " + connection + " " + id).status, 0);
  EXPECT_EQ(run("groups get " + connection + " " + id).status, 1);           // 404
  EXPECT_EQ(run("send " + connection + " --to " + id + " hi").status, 1);    // 403 unknown_group
  EXPECT_EQ(run("groups create " + connection + " --member +1").status, 2);  // refused here
  EXPECT_EQ(run("groups update " + connection + " " + id + " --name a --clear-name").status, 2);
}

/// Between the CLI and a sandbox: records each request as it arrived ("GET /path?query", the query
/// as sent) and forwards it, unless `answer` answers it first (a fault the sandbox cannot make).
class recording_proxy {
 public:
  using answer_function = std::function<bool(const httplib::Request&, httplib::Response&)>;

  explicit recording_proxy(std::string upstream, answer_function answer = {})
      : m_upstream(std::move(upstream)), m_answer(std::move(answer)) {
    const auto forward = [this](const httplib::Request& req, httplib::Response& res) {
      this->forward(req, res);
    };
    m_server.Get(".*", forward);
    m_server.Post(".*", forward);
    m_server.Put(".*", forward);
    m_server.Delete(".*", forward);
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) {  // stop() before listening would not stop it
      std::this_thread::yield();
    }
  }
  ~recording_proxy() {
    m_server.stop();
    m_thread.join();
  }
  recording_proxy(const recording_proxy&) = delete;
  auto operator=(const recording_proxy&) -> recording_proxy& = delete;

  [[nodiscard]] auto url() const -> std::string {
    return "http://127.0.0.1:" + std::to_string(m_port);
  }
  [[nodiscard]] auto requests() -> std::vector<std::string> {
    const std::lock_guard lock(m_mutex);
    return m_requests;
  }

 private:
  void forward(const httplib::Request& req, httplib::Response& res) {
    {
      const std::lock_guard lock(m_mutex);
      m_requests.push_back(req.method + " " + req.target);
    }
    if (m_answer && m_answer(req, res)) {
      return;
    }
    httplib::Client upstream(m_upstream);
    upstream.set_url_encode(false);  // the target goes on exactly as it came
    httplib::Headers headers;
    for (const char* name : {"Authorization", "Accept"}) {
      if (req.has_header(name)) {
        headers.emplace(name, req.get_header_value(name));
      }
    }
    const auto type = req.get_header_value("Content-Type");
    const auto r = req.method == "GET"      ? upstream.Get(req.target, headers)
                   : req.method == "DELETE" ? upstream.Delete(req.target, headers)
                   : req.method == "PUT"    ? upstream.Put(req.target, headers, req.body, type)
                                            : upstream.Post(req.target, headers, req.body, type);
    if (!r) {
      res.status = 502;
      return;
    }
    res.status = r->status;
    res.set_content(r->body, r->get_header_value("Content-Type"));
  }

  std::string m_upstream;
  answer_function m_answer;
  httplib::Server m_server;
  int m_port = -1;
  std::thread m_thread;
  std::mutex m_mutex;
  std::vector<std::string> m_requests;
};

struct split_result {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs `septet ARGS` (a shell command line: quoting applies) with stdout and stderr apart.
auto run_split(const std::string& args) -> split_result {
  const std::string err_path = temp_path("septet_cli_stderr");
  const std::string command =
      std::string(SEPTET_CLI) + " " + args + " < /dev/null 2>'" + err_path + "'";
  split_result result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  std::array<char, 4096> buffer{};
  for (std::size_t n = 0; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    result.out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path, std::ios::binary);
  result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return result;
}

/// Adds an inbound (MO) message to a sandbox, as a phone would send it.
auto inject_inbound(const std::string& sandbox_url, const nlohmann::json& message) -> int {
  httplib::Client http(sandbox_url);
  const auto r = http.Post("/sandbox/inbounds", message.dump(), "application/json");
  return r ? r->status : -1;
}

// Seed 003's list-inbounds request, sent as the seed writes it: the same path, parameter names and
// order, percent-encoding and timestamps (the CLI walks pages from page 0).
TEST(Cli, InboundsSendsSeed003sQueryVerbatim) {
  const std::string plan = "jd63jf88477ll123ab4567cd89012ef3";
  const sandbox_process server({"--plan", plan});
  recording_proxy proxy(server.url());
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const auto listed = run_split(
      "inbounds --json --base-url " + proxy.url() + " --plan " + plan +
      " --to +14155553421,45607 --start-date 2019-08-24T14:15:22Z"
      " --end-date 2016-10-02T09:34:18.542Z --client-reference myReference --page-size 30");
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_EQ(nlohmann::json::parse(listed.out), nlohmann::json::array());
  EXPECT_EQ(proxy.requests(),
            std::vector<std::string>{
                "GET /xms/v1/" + plan +
                "/inbounds?page=0&page_size=30&to=%2B14155553421%2C45607&start_date=2019-08-24T14%"
                "3A15%3A22Z&end_date=2016-10-02T09%3A34%3A18.542Z&client_reference=myReference"});
  // A date that is no ISO-8601 is refused before anything is sent.
  EXPECT_EQ(
      run("inbounds --base-url " + proxy.url() + " --plan " + plan + " --start-date today").status,
      2);
  EXPECT_EQ(proxy.requests().size(), 1U);
}

TEST(Cli, InboundsFilterByDatesAndClientReference) {
  const sandbox_process server;
  const std::string connection = "--base-url " + server.url() + " --plan sandbox-plan";
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const auto inbound = [](const char* body, const char* received_at, const char* reference) {
    nlohmann::json m = {{"from", "+46700000005"},
                        {"to", "+46700000000"},
                        {"body", body},
                        {"received_at", received_at}};
    if (reference != nullptr) {
      m["client_reference"] = reference;
    }
    return m;
  };
  ASSERT_EQ(inject_inbound(server.url(), inbound("early", "2026-01-01T09:00:00Z", nullptr)), 201);
  ASSERT_EQ(inject_inbound(server.url(), inbound("yes", "2026-01-01T10:00:00Z", "campaign-7")),
            201);
  ASSERT_EQ(inject_inbound(server.url(), inbound("late", "2026-01-01T11:00:00Z", "campaign-8")),
            201);
  const auto bodies = [&](const std::string& filters) {
    const auto r = run("inbounds --json " + connection + " " + filters);
    EXPECT_EQ(r.status, 0) << filters;
    std::vector<std::string> out;
    for (const auto& m : nlohmann::json::parse(r.out)) {
      out.push_back(m["body"]);
    }
    return out;
  };
  // Sinch's default start is 24 hours ago: the messages of January are older.
  EXPECT_TRUE(bodies("").empty());
  EXPECT_EQ(bodies("--start-date 2026-01-01T00:00:00Z"),
            (std::vector<std::string>{"late", "yes", "early"}));  // newest first
  // The start is inclusive, the end exclusive; an offset is a moment like any other.
  EXPECT_EQ(bodies("--start-date 2026-01-01T10:00:00Z --end-date 2026-01-01T11:00:00Z"),
            std::vector<std::string>{"yes"});
  EXPECT_EQ(bodies("--start-date 2026-01-01T11:00:00+01:00 --end-date 2026-01-01T12:00:00+01:00"),
            std::vector<std::string>{"yes"});
  EXPECT_EQ(bodies("--start-date 2026-01-01T00:00:00Z --client-reference campaign-8"),
            std::vector<std::string>{"late"});
  EXPECT_TRUE(bodies("--start-date 2026-01-01T00:00:00Z --client-reference none").empty());
  const auto human = run("inbounds " + connection + " --start-date 2026-01-01T10:00:00.000Z");
  EXPECT_NE(human.out.find("46700000005 -> 46700000000  yes"), std::string::npos) << human.out;
}

// Where a Sinch command would go, without the network: with no token, the refusal names the host,
// from --region, else SINCH_REGION, else us; --region wins over SINCH_BASE_URL too.
TEST(Cli, RegionFromTheFlagOrSinchRegionNamesTheHost) {
  unsetenv("SINCH_API_TOKEN");
  unsetenv("SINCH_BASE_URL");
  unsetenv("SINCH_REGION");
  const auto host_of = [](const std::string& args) {
    const auto r = run_split("status " + args + " --plan plan-1 01AAAAAAAAAAAAAAAAAAAAAAAA");
    EXPECT_EQ(r.status, 2) << r.err;  // no token: refused before sending
    const std::string lead = "requests go to ";
    const auto at = r.err.find(lead);
    return at == std::string::npos
               ? r.err
               : r.err.substr(at + lead.size(), r.err.find('\n', at) - at - lead.size());
  };
  EXPECT_EQ(host_of("--region gb"), "https://gb.sms.api.sinch.com/xms/v1/plan-1");
  EXPECT_EQ(host_of(""), "https://us.sms.api.sinch.com/xms/v1/plan-1");
  setenv("SINCH_REGION", "eu", 1);
  EXPECT_EQ(host_of(""), "https://eu.sms.api.sinch.com/xms/v1/plan-1");
  EXPECT_EQ(host_of("--region au"), "https://au.sms.api.sinch.com/xms/v1/plan-1");
  setenv("SINCH_BASE_URL", "http://127.0.0.1:1", 1);
  EXPECT_EQ(host_of(""), "http://127.0.0.1:1/xms/v1/plan-1");
  EXPECT_EQ(host_of("--region gb"), "https://gb.sms.api.sinch.com/xms/v1/plan-1");
  unsetenv("SINCH_BASE_URL");
  setenv("SINCH_REGION", "mars", 1);
  const auto unknown = run_split("status --plan plan-1 01AAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("region must be one of us, eu, au, br, ca, gb (got 'mars')"),
            std::string::npos)
      << unknown.err;
  unsetenv("SINCH_REGION");
}

// send --dry-run checks a group's members as it checks numbers: it reads them from Sinch, and a
// group it cannot read is named as not counted, as `septet dry-run` names it (exit status 1).
TEST(Cli, SendDryRunToAGroupChecksItsMembers) {
  const sandbox_process server;
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const std::string plan = " --plan sandbox-plan";
  const auto created = run("groups create --json --base-url " + server.url() + plan +
                           " --member +46700000001,+46700000002");
  ASSERT_EQ(created.status, 0) << created.out;
  const std::string group = nlohmann::json::parse(created.out)["id"];
  const std::string dry_run = " --to " + group + " --param name:+46700000001=Ana 'Hi ${name}'";

  const auto checked = run_split("send --dry-run --base-url " + server.url() + plan + dry_run);
  EXPECT_EQ(checked.status, 1) << checked.err;
  EXPECT_NE(checked.out.find("dry run: 2 recipients, 1 messages"), std::string::npos)
      << checked.out;
  EXPECT_NE(checked.err.find(R"("recipient":"46700000002")"), std::string::npos) << checked.err;
  EXPECT_EQ(checked.err.find(R"("recipient":"46700000001")"), std::string::npos) << checked.err;
  EXPECT_EQ(run("send --dry-run --base-url " + server.url() + plan + " --to " + group +
                " --param name:default=you 'Hi ${name}'")
                .status,
            0);

  recording_proxy members_hidden(server.url(), [](const httplib::Request& req, auto& res) {
    if (req.path.ends_with("/members")) {
      res.status = 404;
      res.set_content(R"({"code":"not_found","text":"hidden"})", "application/json");
      return true;
    }
    return false;
  });
  const auto unread =
      run_split("send --dry-run --base-url " + members_hidden.url() + plan + dry_run);
  EXPECT_EQ(unread.status, 1) << unread.err;
  EXPECT_NE(unread.err.find(R"({"group":")" + group + R"(","reason":)"), std::string::npos)
      << unread.err;
}

// A send to a group reports a group, not "1 recipient": its members are Sinch's to count.
TEST(Cli, SendToAGroupSaysItWentToAGroup) {
  const sandbox_process server;
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const std::string connection = "--base-url " + server.url() + " --plan sandbox-plan";
  const auto created =
      run("groups create --json " + connection + " --member +46700000001,+46700000002");
  const std::string group = nlohmann::json::parse(created.out)["id"];
  const auto to_group = run("send " + connection + " --to " + group + " hi");
  EXPECT_NE(to_group.out.find("recipients        1 group (members counted in Sinch's delivery "
                              "report: septet status)\n"),
            std::string::npos)
      << to_group.out;
  const auto mixed = run("send " + connection + " --to " + group + ",+46700000003 hi");
  EXPECT_NE(mixed.out.find("recipients        1 number and 1 group ("), std::string::npos)
      << mixed.out;
  const auto numbers = run("send " + connection + " --to +46700000003,+46700000004 hi");
  EXPECT_NE(numbers.out.find("recipients        2\n"), std::string::npos) << numbers.out;
}

// The commands the CLI suggests are printed quoted for the shell: they run as printed, whatever
// the values hold.
TEST(Cli, SuggestedCommandsAreQuotedForTheShell) {
  const std::string plan = "plan 'one\" $HOME";
  const sandbox_process server({"--plan", plan});
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const auto sent = run("send --base-url " + server.url() + " --plan '" +
                        std::string("plan '\\''one\" $HOME") + "' --to +46700000001 hi");
  ASSERT_EQ(sent.status, 0) << sent.out;
  const auto at = sent.out.find("septet status");
  ASSERT_NE(at, std::string::npos) << sent.out;
  const auto suggested = sent.out.substr(at + 7, sent.out.find('\n', at) - at - 7);
  EXPECT_NE(suggested.find("--plan 'plan '\\''one\" $HOME'"), std::string::npos) << suggested;
  EXPECT_EQ(run(suggested).status, 0) << suggested;

  // After an unclear send (exit status 3), the lookup suggested runs as printed too.
  const sandbox_process dropping({"--plan", plan, "--fault-rate", "1", "--faults", "drop-after"});
  const std::string reference = "ref with 'quotes' & spaces";
  const auto unclear = run_split(
      "send --base-url " + dropping.url() + " --plan '" + std::string("plan '\\''one\" $HOME") +
      "' --client-reference 'ref with '\\''quotes'\\'' & spaces' --to +46700000001 hi");
  ASSERT_EQ(unclear.status, 3) << unclear.err;
  const auto hint = unclear.err.find("look it up with: septet status");
  ASSERT_NE(hint, std::string::npos) << unclear.err;
  const std::string lead = "look it up with: septet ";
  const auto lookup =
      unclear.err.substr(hint + lead.size(), unclear.err.find('\n', hint) - hint - lead.size());
  EXPECT_NE(lookup.find("--client-reference 'ref with '\\''quotes'\\'' & spaces'"),
            std::string::npos)
      << lookup;
  // The lookup parses as printed: it reaches the sandbox (whose every answer is now lost).
  EXPECT_EQ(run_split(lookup).status, 1) << lookup;
}

// status --client-reference --json prints one JSON document: the array when every lookup
// answered, else the failure alone (never half an array).
TEST(Cli, StatusByReferenceFailingMidwayPrintsValidJson) {
  const sandbox_process server;
  setenv("SINCH_API_TOKEN", "sandbox-token", 1);
  const std::string plan = " --plan sandbox-plan";
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(run("send --base-url " + server.url() + plan +
                  " --client-reference twice --to +46700000001 hi")
                  .status,
              0);
  }
  const auto both = run("status --json --client-reference twice --base-url " + server.url() + plan);
  ASSERT_EQ(both.status, 0);
  EXPECT_EQ(nlohmann::json::parse(both.out).size(), 2U);

  std::atomic<int> reports{0};
  recording_proxy second_fails(server.url(), [&](const httplib::Request& req, auto& res) {
    if (req.path.ends_with("/delivery_report") && ++reports == 2) {
      res.status = 404;
      res.set_content(R"({"code":"not_found","text":"gone"})", "application/json");
      return true;
    }
    return false;
  });
  const auto midway =
      run_split("status --json --client-reference twice --base-url " + second_fails.url() + plan);
  EXPECT_EQ(midway.status, 1);
  const auto printed = nlohmann::json::parse(midway.out, nullptr, false);
  ASSERT_FALSE(printed.is_discarded()) << midway.out;
  EXPECT_EQ(printed["http_status"], 404) << midway.out;
  EXPECT_NE(midway.err.find("gone"), std::string::npos) << midway.err;
  reports = 0;
  const auto human =
      run_split("status --client-reference twice --base-url " + second_fails.url() + plan);
  EXPECT_EQ(human.status, 1);
  EXPECT_EQ(human.out, "");
}

}  // namespace
