#include "csv_rows.hpp"

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

csv_rows::csv_rows(std::istream& in) : m_in(in), m_buffer(chunk_size) {
  if (csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    m_error = "cannot initialise the CSV parser";
    m_done = true;
  }
  csv_set_space_func(&m_parser, never_space);
}

csv_rows::~csv_rows() {
  csv_free(&m_parser);
}

void csv_rows::refuse(std::string error) {
  if (m_error.empty()) {
    m_error = std::move(error);
  }
  m_done = true;
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
  rows->m_ready.push_back(std::move(rows->m_current));
  rows->m_current.clear();
  rows->m_row_bytes = 0;
}

void csv_rows::fill() {
  while (m_ready.empty() && !m_done) {
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    std::size_t skip = 0;
    if (m_bytes == 0 && got >= 3 && std::string_view(m_buffer.data(), 3) == "\xEF\xBB\xBF") {
      skip = 3;  // the UTF-8 byte order mark
    }
    m_bytes += got;
    if (got > skip && csv_parse(&m_parser, m_buffer.data() + skip, got - skip, on_field, on_row_end,
                                this) != got - skip) {
      refuse(csv_strerror(csv_error(&m_parser)));
      return;
    }
    if (m_done) {
      return;  // a limit refused the input
    }
    if (m_parser.entry_pos > max_field_bytes) {
      refuse("a field longer than " + std::to_string(max_field_bytes) + " bytes");
      return;
    }
    if (got < m_buffer.size()) {
      if (csv_fini(&m_parser, on_field, on_row_end, this) != 0) {
        m_error = csv_strerror(csv_error(&m_parser));
      }
      m_done = true;
    }
  }
}

auto csv_rows::next(std::vector<std::string>& row) -> bool {
  fill();
  if (m_ready.empty()) {
    return false;
  }
  row = std::move(m_ready.front());
  m_ready.pop_front();
  ++m_row_number;
  return true;
}

}  // namespace septet_cli
