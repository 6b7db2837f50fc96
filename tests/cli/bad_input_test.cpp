// The CLI against everything a careless caller or an attacker gives it: every command with
// directories, unwritable output (/dev/full), byte order marks, huge rows and fields, numbers out
// of range, and values Sinch would refuse. Each case names the exit status and what stderr says.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct outcome {
  int status = -1;
  std::string out;
  std::string err;
};

auto slurp(const fs::path& path) -> std::string {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

/// A scratch directory of files for the cases, one per test process.
class bad_input_test : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(::testing::TempDir()) /
            ("septet_bad_input_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    fs::remove_all(m_dir);
  }

  auto file(const std::string& name, const std::string& contents) -> std::string {
    const auto path = m_dir / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }
  auto dir() const -> std::string {
    return m_dir.string();
  }

  /// Runs `septet ARGS` through sh with `input` on stdin; stdout goes to a file, or to `stdout_to`
  /// (e.g. /dev/full) when given.
  auto run(const std::string& args,
           const std::string& input = "",
           const std::string& stdout_to = "") -> outcome {
    const auto in = file("stdin", input);
    const auto out = (m_dir / "stdout").string();
    const auto err = (m_dir / "stderr").string();
    const std::string command = std::string(SEPTET_CLI) + " " + args + " < '" + in + "' > '" +
                                (stdout_to.empty() ? out : stdout_to) + "' 2> '" + err + "'";
    const int status = std::system(command.c_str());
    outcome o;
    o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = stdout_to.empty() ? slurp(out) : std::string();
    o.err = slurp(err);
    return o;
  }

 private:
  fs::path m_dir;
};

auto said(const outcome& o, const std::string& text) -> ::testing::AssertionResult {
  if (o.err.find(text) != std::string::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "stderr lacks '" << text << "': " << o.err;
}

constexpr int invalid = 2;
constexpr int output_failed = 4;

TEST_F(bad_input_test, a_directory_is_a_typed_error_never_a_crash) {
  const auto people = file("people.csv", "msisdn,name\n+46701234567,Ana\n");
  for (const auto& args :
       {"dry-run " + dir(), "estimate --template " + dir() + " --recipients " + people,
        "estimate --template 'Hi ${name}' --recipients " + dir(),
        "estimate --template 'Hi ${name}' --recipients " + people + " --prices " + dir()}) {
    const auto o = run(args);
    EXPECT_EQ(o.status, invalid) << args << ": " << o.err;
    EXPECT_TRUE(said(o, "is a directory")) << args;
  }
}

TEST_F(bad_input_test, output_that_cannot_be_written_is_never_a_success) {
  const auto request = file("request.json", R"({"to":["+46701234567"],"body":"Hi"})");
  const auto people = file("people.csv", "msisdn\n+46701234567\n");
  for (const auto& [args, input] : std::vector<std::pair<std::string, std::string>>{
           {"inspect", "Hi"},
           {"inspect --json 'Hi there'", ""},
           {"encode --json Hi", ""},
           {"decode", "C834\n"},
           {"dry-run " + request, ""},
           {"estimate --no-progress --template Hi --recipients " + people, ""},
           {"transliteration-table", ""}}) {
    const auto o = run(args, input, "/dev/full");
    EXPECT_EQ(o.status, output_failed) << args << ": " << o.err;
    EXPECT_TRUE(said(o, "the output could not be written")) << args;
  }
  const auto o = run("estimate --no-progress --template Hi --recipients " + people +
                     " --per-recipient /dev/full");
  EXPECT_EQ(o.status, invalid) << o.err;
  EXPECT_TRUE(said(o, "cannot write /dev/full"));
}

TEST_F(bad_input_test, csv_limits_and_shapes) {
  const auto estimate = [&](const std::string& recipients, const std::string& extra = "") {
    return run("estimate --no-progress --json --template 'Hi ${name}' --recipients " +
               file("r.csv", recipients) + " " + extra);
  };
  // A spreadsheet's byte order mark is not part of the first column's name.
  auto o = estimate("\xEF\xBB\xBFmsisdn,name\n+46701234567,Ana\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("\"recipients\":1"), std::string::npos) << o.out;
  // A header naming a column twice would drop one of them.
  o = estimate("msisdn,name,name\n+46701234567,Ana,Bo\n");
  EXPECT_EQ(o.status, invalid);
  EXPECT_TRUE(said(o, "column 'name' appears twice"));
  // One row of two million commas, one field of 200 KB: refused with the row, in flat memory.
  o = estimate("msisdn,name\n+46701234567" + std::string(2'000'000, ',') + "\n");
  EXPECT_EQ(o.status, invalid);
  EXPECT_TRUE(said(o, "row 2: a row of more than 1024 fields"));
  o = estimate("msisdn,name\n+46701234567,Ana\n+46701234568," + std::string(200'000, 'x') + "\n");
  EXPECT_EQ(o.status, invalid);
  EXPECT_TRUE(said(o, "row 3: a field longer than 65536 bytes"));
  o = estimate(
      "msisdn,name\n+46701234567,Ana\n",
      "--prices " + file("p.csv", "prefix,price\n" + std::string(2'000'000, '4') + ",1\n"));
  EXPECT_EQ(o.status, invalid);
  EXPECT_TRUE(said(o, "a field longer than 65536 bytes"));
  // Prices are plain decimals.
  for (const auto* price : {"0x10", "1e3", "nan", "inf", "-1", ".5", "5.", "1.2.3", ""}) {
    o = estimate("msisdn,name\n+46701234567,Ana\n",
                 "--prices " + file("p.csv", std::string("prefix,price\n46,") + price + "\n"));
    EXPECT_EQ(o.status, invalid) << price;
    EXPECT_TRUE(said(o, "is not a price")) << price;
  }
}

TEST_F(bad_input_test, numbers_out_of_range_are_refused_before_anything_runs) {
  const auto people = file("people.csv", "msisdn\n+46701234567\n");
  const std::string estimate = "estimate --template Hi --recipients " + people + " ";
  for (const auto& args : {std::string("inspect --max-parts -1 Hi"),
                           std::string("inspect --max-parts 256 Hi"),
                           std::string("inspect --max-parts 99999999999999999999999 Hi"),
                           std::string("inspect --max-characters -5 Hi"),
                           std::string("inspect --max-characters 0x10 Hi"),
                           std::string("inspect --udh-octets 1e2 Hi"),
                           std::string("encode --ref 65536 Hi"),
                           std::string("encode --max-parts -1 Hi"),
                           std::string("decode --data-coding 256"),
                           estimate + "--rate nan",
                           estimate + "--rate 0",
                           estimate + "--rate -3",
                           estimate + "--max-parts -1",
                           std::string("dry-run --number-of-recipients 0"),
                           std::string("sandbox --port -1"),
                           std::string("sandbox --port 65536"),
                           std::string("sandbox --fault-rate nan"),
                           std::string("sandbox --fault-rate 1.5"),
                           std::string("sandbox --slow-ms -1"),
                           std::string("sandbox --webhook-secret ''")}) {
    const auto o = run(args);
    EXPECT_EQ(o.status, invalid) << args << ": " << o.err;
    EXPECT_FALSE(o.err.empty()) << args;
  }
  // An 8-bit concatenation reference holds 0-255; a larger one is never silently cut.
  for (const auto* ref : {"256", "65535"}) {
    const auto o = run(std::string("encode --ref ") + ref + " Hi");
    EXPECT_EQ(o.status, invalid) << ref;
    EXPECT_TRUE(said(o, "does not fit an 8-bit reference")) << ref;
  }
  const auto wide = run("encode --json --udh-ref 16 --ref 65535 " + std::string(200, 'a'));
  EXPECT_EQ(wide.status, 0) << wide.err;
  EXPECT_NE(wide.out.find("\"udh\":\"060804FFFF0201\""), std::string::npos) << wide.out;
}

TEST_F(bad_input_test, requests_sinch_would_refuse_never_leave) {
  // Nothing listens on port 1: any request that left would fail with a transport error.
  setenv("SINCH_API_TOKEN", "token", 1);
  const std::string connection = "--base-url http://127.0.0.1:1 --plan p --to +46701234567 ";
  auto o = run("send " + connection + "--delivery-report bogus Hi");
  EXPECT_EQ(o.status, invalid) << o.err;
  EXPECT_TRUE(said(o, "delivery_report"));
  o = run("send " + connection + "--callback-url 'not a url' Hi");
  EXPECT_EQ(o.status, invalid) << o.err;
  EXPECT_TRUE(said(o, "callback_url"));
  o = run(R"(dry-run)", R"({"to":["+46701234567"],"body":5})");
  EXPECT_EQ(o.status, invalid);
  EXPECT_NE((o.out + o.err).find("'body' must be a string"), std::string::npos) << o.out << o.err;
}

TEST_F(bad_input_test, a_token_never_injects_a_header_nor_is_printed) {
  setenv("SINCH_API_TOKEN", "SECRET\r\nX-Injected: yes", 1);
  const auto o = run("status --base-url http://127.0.0.1:1 --plan p 01ABC");
  EXPECT_EQ(o.status, invalid) << o.err;
  EXPECT_TRUE(said(o, "control character"));
  EXPECT_EQ(o.err.find("SECRET"), std::string::npos) << o.err;
}

}  // namespace
