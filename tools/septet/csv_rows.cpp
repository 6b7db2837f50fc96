#include "csv_rows.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace septet_cli {
namespace {

auto never_space(unsigned char /*c*/) -> int {
  return 0;
}

// libcsv grows its field buffer while it parses, so chunks stay small: a field is checked
// against max_field_bytes after every chunk.
constexpr std::size_t chunk_size = 1U << 16U;

}  // namespace

csv_rows::csv_rows(std::istream& in, bool at_start, char delimiter)
    : m_in(&in), m_buffer(chunk_size), m_at_start(at_start), m_delimiter(delimiter) {
  start_parser();
}

void csv_rows::start_parser() {
  if (csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    m_error = "cannot initialise the CSV parser";
    m_done = true;
  }
  csv_set_space_func(&m_parser, never_space);
  csv_set_delim(&m_parser, static_cast<unsigned char>(m_delimiter));
}

void csv_rows::restart(std::istream& in) {
  csv_free(&m_parser);
  m_in = &in;
  m_current.clear();
  m_next = m_ready_end = 0;
  m_error.clear();
  m_error_offset.reset();
  m_row_number = m_bytes = m_row_bytes = 0;
  m_at_start = false;
  m_done = false;
  start_parser();
}

csv_rows::~csv_rows() {
  csv_free(&m_parser);
}

void csv_rows::refuse(std::string error, std::optional<std::size_t> offset) {
  if (m_error.empty()) {
    m_error = std::move(error);
    m_error_offset = offset;
  }
  m_done = true;
}

/// What libcsv's error code means for someone who wrote the CSV, rather than for libcsv.
auto csv_rows::describe(int code, bool at_end) -> std::string {
  if (code == CSV_EPARSE && at_end) {
    return "a quoted field is still open at the end of the file (its closing quote is missing)";
  }
  if (code == CSV_EPARSE) {
    return "a quote inside a field that does not start with one, or text after a closing quote "
           "(a field with quotes, commas or line breaks is written \"...\", its quotes doubled)";
  }
  return csv_strerror(code);
}

void csv_rows::on_field(void* data, std::size_t size, void* self) {
  auto* rows = static_cast<csv_rows*>(self);
  if (rows->m_done) {
    return;  // libcsv finishes its chunk after an error; nothing more is kept
  }
  rows->m_row_bytes += size + 1;
  if (size > max_field_bytes) {
    rows->refuse("a field longer than " + std::to_string(max_field_bytes) + " bytes");
  } else if (rows->m_current.size() == max_row_fields) {
    rows->refuse("a row of more than " + std::to_string(max_row_fields) + " fields");
  } else if (rows->m_row_bytes > max_row_bytes) {
    rows->refuse("a row longer than " + std::to_string(max_row_bytes) + " bytes");
  } else {
    rows->m_current.emplace_back(static_cast<const char*>(data), size);
  }
}

void csv_rows::on_row_end(int /*terminator*/, void* self) {
  auto* rows = static_cast<csv_rows*>(self);
  if (rows->m_done) {
    return;
  }
  if (rows->m_ready_end == rows->m_ready.size()) {
    rows->m_ready.emplace_back();
  }
  rows->m_ready[rows->m_ready_end++].swap(rows->m_current);
  rows->m_current.clear();
  rows->m_row_bytes = 0;
}

void csv_rows::fill() {
  if (m_next == m_ready_end) {
    m_next = m_ready_end = 0;
  }
  while (m_ready_end == 0 && !m_done) {
    m_in->read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    const auto got = static_cast<std::size_t>(m_in->gcount());
    std::size_t skip = 0;
    if (m_at_start && m_bytes == 0 && got >= 3 &&
        std::string_view(m_buffer.data(), 3) == "\xEF\xBB\xBF") {
      skip = 3;  // the UTF-8 byte order mark
    }
    const std::size_t parsed = got > skip ? csv_parse(&m_parser, m_buffer.data() + skip, got - skip,
                                                      on_field, on_row_end, this)
                                          : 0;
    if (parsed != got - std::min(skip, got)) {
      refuse(describe(csv_error(&m_parser), false), m_bytes + skip + parsed);
      return;
    }
    m_bytes += got;
    if (m_done) {
      return;  // a limit refused the input
    }
    if (m_parser.entry_pos > max_field_bytes) {
      refuse("a field longer than " + std::to_string(max_field_bytes) + " bytes");
      return;
    }
    if (got < m_buffer.size()) {
      if (csv_fini(&m_parser, on_field, on_row_end, this) != 0) {
        refuse(describe(csv_error(&m_parser), true), m_bytes);
      }
      m_done = true;
    }
  }
}

auto csv_rows::next(std::vector<std::string>& row) -> bool {
  fill();
  if (m_next == m_ready_end) {
    return false;
  }
  row.swap(m_ready[m_next++]);
  ++m_row_number;
  return true;
}

auto delimiter_of(std::string_view header) -> char {
  const auto start = std::min(header.find_first_not_of("\r\n"), header.size());
  const auto rest = header.substr(start);
  const auto line = rest.substr(0, rest.find_first_of("\r\n"));
  if (line.find(',') != std::string_view::npos) {
    return ',';
  }
  if (line.find(';') != std::string_view::npos) {
    return ';';
  }
  return line.find('\t') != std::string_view::npos ? '\t' : ',';
}

auto csv_record_pieces::read_more() -> bool {
  const std::size_t had = m_pending.size();
  m_pending.resize(had + chunk_size);
  m_in.read(m_pending.data() + had, static_cast<std::streamsize>(chunk_size));
  m_pending.resize(had + static_cast<std::size_t>(m_in.gcount()));
  return m_pending.size() > had;
}

/// Scans m_pending from `scan` (inside quotes if `quoted`) for the end of the open record, after
/// its line break ("\r\n", "\n" or "\r"). npos if m_pending ends first: `scan` and `quoted` then
/// say where to go on once more is read.
auto csv_record_pieces::record_end(std::size_t& scan, bool& quoted) const -> std::size_t {
  for (; scan < m_pending.size(); ++scan) {
    const char c = m_pending[scan];
    if (c == '"') {
      quoted = !quoted;  // "" inside quotes toggles twice
    } else if (!quoted && c == '\n') {
      return scan + 1;
    } else if (!quoted && c == '\r') {
      if (scan + 1 == m_pending.size()) {
        return std::string::npos;  // a "\r\n" split over two reads: look again at this '\r'
      }
      return m_pending[scan + 1] == '\n' ? scan + 2 : scan + 1;
    }
  }
  return std::string::npos;
}

auto csv_record_pieces::next(std::size_t least_bytes, std::string& piece) -> bool {
  while (m_pending.size() < least_bytes && read_more()) {
  }
  // A record csv_rows takes is at most twice max_row_bytes as written (every quote doubled),
  // plus its quotes and commas: one reaching this far is refused by its parse before the cut.
  const std::size_t most_bytes = least_bytes + 4 * csv_rows::max_row_bytes;
  std::size_t scan = std::min(least_bytes, m_pending.size());
  bool quoted =
      std::count(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(scan), '"') %
          2 !=
      0;
  std::size_t end = record_end(scan, quoted);
  while (end == std::string::npos && m_pending.size() < most_bytes && read_more()) {
    end = record_end(scan, quoted);
  }
  end = std::min(end, m_pending.size());
  piece.assign(m_pending, 0, end);
  m_pending.erase(0, end);
  m_handed_out += end;
  return !piece.empty();
}

}  // namespace septet_cli
