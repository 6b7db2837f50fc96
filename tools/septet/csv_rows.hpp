#ifndef SEPTET_TOOLS_CSV_ROWS_HPP
#define SEPTET_TOOLS_CSV_ROWS_HPP

#include <csv.h>

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace septet_cli {

/// Rows of an RFC 4180 CSV stream (quotes, embedded commas and newlines), read with libcsv in
/// fixed-size chunks: memory stays flat however long the input is, and however long its rows
/// and fields are (a field over max_field_bytes, a row over max_row_fields fields or
/// max_row_bytes bytes is an error). Fields are kept verbatim (libcsv's default trimming of
/// spaces is switched off); a UTF-8 byte order mark at the start is skipped, as spreadsheets
/// write one.
class csv_rows {
 public:
  static constexpr std::size_t max_field_bytes = 1U << 16U;
  static constexpr std::size_t max_row_fields = 1024;
  static constexpr std::size_t max_row_bytes = 1U << 20U;

  /// Rows of `in`; `at_start`: `in` is a whole file, which may begin with a byte order mark.
  /// Fields are separated by `delimiter` (see delimiter_of).
  explicit csv_rows(std::istream& in, bool at_start = true, char delimiter = ',');
  ~csv_rows();
  /// Rows of `in` from now on, parsed afresh (`in` does not start a file): what was read so far
  /// is dropped, and the storage of rows is kept for reuse.
  void restart(std::istream& in);
  csv_rows(const csv_rows&) = delete;
  auto operator=(const csv_rows&) -> csv_rows& = delete;

  /// The next row into `row`; false at the end or on a parse error (see error()).
  auto next(std::vector<std::string>& row) -> bool;
  /// Empty, or what went wrong.
  [[nodiscard]] auto error() const -> const std::string& {
    return m_error;
  }
  /// Where in the input the parse failed, in bytes, for an error of the CSV's syntax.
  [[nodiscard]] auto error_offset() const -> std::optional<std::size_t> {
    return m_error_offset;
  }
  /// 1-based number of the row last returned (a header counts).
  [[nodiscard]] auto row_number() const -> std::size_t {
    return m_row_number;
  }
  /// Bytes read so far.
  [[nodiscard]] auto bytes_read() const -> std::size_t {
    return m_bytes;
  }

 private:
  static void on_field(void* data, std::size_t size, void* self);
  static void on_row_end(int terminator, void* self);
  void start_parser();
  void fill();
  void refuse(std::string error, std::optional<std::size_t> offset = std::nullopt);
  static auto describe(int code, bool at_end) -> std::string;

  std::istream* m_in;
  csv_parser m_parser{};
  std::vector<std::string> m_current;
  // Rows parsed: [m_next, m_ready_end) are still to be returned. Rows are swapped in and out, so
  // that their storage is reused instead of allocated for every row.
  std::vector<std::vector<std::string>> m_ready;
  std::size_t m_next = 0;
  std::size_t m_ready_end = 0;
  std::vector<char> m_buffer;
  std::string m_error;
  std::optional<std::size_t> m_error_offset;
  std::size_t m_row_number = 0;
  std::size_t m_bytes = 0;
  std::size_t m_row_bytes = 0;
  bool m_at_start;
  char m_delimiter;
  bool m_done = false;
};

/// The delimiter of a CSV that begins with `header`: a comma, or a semicolon or a tab when its
/// first line that is not blank has one and no comma (spreadsheets write ';' where the comma is
/// the decimal mark).
auto delimiter_of(std::string_view header) -> char;

/// Cuts a CSV stream into pieces that each end where a record ends (at a line break outside
/// quotes), so that each piece can be parsed on its own, on any thread, with the rows a parse of
/// the whole stream gives. A record too long for csv_rows is cut anyway: its parse fails on it
/// as the whole stream's would.
class csv_record_pieces {
 public:
  explicit csv_record_pieces(std::istream& in) : m_in(in) {}

  /// The next piece, of at least `least_bytes` bytes unless the input ends first; false at the
  /// end of the input.
  auto next(std::size_t least_bytes, std::string& piece) -> bool;
  /// Bytes handed out so far.
  [[nodiscard]] auto bytes_handed_out() const -> std::size_t {
    return m_handed_out;
  }

 private:
  auto read_more() -> bool;
  [[nodiscard]] auto record_end(std::size_t& scan, bool& quoted) const -> std::size_t;

  std::istream& m_in;
  std::string m_pending;  ///< read, not handed out; begins where a record begins
  std::size_t m_handed_out = 0;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_CSV_ROWS_HPP
