#include "csv_rows.hpp"

#include <utility>

namespace septet_cli {
namespace {

auto never_space(unsigned char /*c*/) -> int {
  return 0;
}

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

void csv_rows::on_field(void* data, std::size_t size, void* self) {
  auto* rows = static_cast<csv_rows*>(self);
  rows->m_current.emplace_back(static_cast<const char*>(data), size);
}

void csv_rows::on_row_end(int /*terminator*/, void* self) {
  auto* rows = static_cast<csv_rows*>(self);
  rows->m_ready.push_back(std::move(rows->m_current));
  rows->m_current.clear();
}

void csv_rows::fill() {
  while (m_ready.empty() && !m_done) {
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    m_bytes += got;
    if (got > 0 && csv_parse(&m_parser, m_buffer.data(), got, on_field, on_row_end, this) != got) {
      m_error = csv_strerror(csv_error(&m_parser));
      m_done = true;
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
