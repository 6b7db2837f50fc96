#ifndef SEPTET_TOOLS_CSV_ROWS_HPP
#define SEPTET_TOOLS_CSV_ROWS_HPP

#include <csv.h>

#include <cstddef>
#include <deque>
#include <istream>
#include <string>
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

  explicit csv_rows(std::istream& in);
  ~csv_rows();
  csv_rows(const csv_rows&) = delete;
  auto operator=(const csv_rows&) -> csv_rows& = delete;

  /// The next row into `row`; false at the end or on a parse error (see error()).
  auto next(std::vector<std::string>& row) -> bool;
  /// Empty, or what went wrong.
  [[nodiscard]] auto error() const -> const std::string& {
    return m_error;
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
  void fill();
  void refuse(std::string error);

  std::istream& m_in;
  csv_parser m_parser{};
  std::vector<std::string> m_current;
  std::deque<std::vector<std::string>> m_ready;
  std::vector<char> m_buffer;
  std::string m_error;
  std::size_t m_row_number = 0;
  std::size_t m_bytes = 0;
  std::size_t m_row_bytes = 0;
  bool m_done = false;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_CSV_ROWS_HPP
