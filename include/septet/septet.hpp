#ifndef SEPTET_SEPTET_HPP
#define SEPTET_SEPTET_HPP

// septet: header-only C++20 SMS text encoding.
// Text -> code points -> units -> parts -> wire bytes (and back).
#include <septet/analysis.hpp>
#include <septet/counter.hpp>
#include <septet/data_coding.hpp>
#include <septet/error.hpp>
#include <septet/grapheme.hpp>
#include <septet/gsm7.hpp>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/national.hpp>
#include <septet/national_choice.hpp>
#include <septet/national_language.hpp>
#include <septet/options.hpp>
#include <septet/pack.hpp>
#include <septet/printing.hpp>
#include <septet/profile.hpp>
#include <septet/reassembly.hpp>
#include <septet/segment.hpp>
#include <septet/template_bounds.hpp>
#include <septet/transliteration.hpp>
#include <septet/ucs2.hpp>
#include <septet/udh.hpp>
#include <septet/unicode.hpp>
#include <septet/user_data.hpp>
#include <septet/vector_path.hpp>
#include <septet/version.hpp>

#endif  // SEPTET_SEPTET_HPP
