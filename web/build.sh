#!/usr/bin/env bash
# Builds the WebAssembly calculator and JS module into OUTDIR:
#   bash web/build.sh OUTDIR
# OUTDIR gets index.html, septet.mjs (ES module, default export: async init), septet_wasm.mjs
# (the core compiled by emscripten, wasm inlined: nothing is fetched, so it also runs in node),
# septet.d.ts and package.json; `npm pack` there
# makes an installable package.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: web/build.sh OUTDIR}
mkdir -p "$out"
command -v em++ >/dev/null || bash "$here/../tools/setup.sh" web
# Debian's emscripten needs node-acorn from here when it optimises JavaScript.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
# utfcpp is header-only: its directory, never /usr/include itself, goes on the include path.
em++ -std=c++20 -O2 -fno-exceptions -Wall -Wextra -Werror \
  -I "$here/../include" -isystem /usr/include/utf8cpp \
  "$here/bindings.cpp" -o "$out/septet_wasm.mjs" \
  -sMODULARIZE -sEXPORT_ES6 -sSINGLE_FILE -sENVIRONMENT=web \
  -sALLOW_MEMORY_GROWTH -sEXPORT_NAME=createSeptetWasm \
  -sEXPORTED_FUNCTIONS=_septet_analyze_all,_septet_encode_parts,_septet_transliterate,_septet_profile_count,_septet_profile_name,_septet_profile_udh_octets,_septet_profile_max_units_per_part,_septet_national_name,_septet_look_alike_name,_septet_template_placeholders,_septet_parse_msisdn,_septet_estimate_begin,_septet_estimate_add,_septet_estimate_totals,_septet_estimate_end,_septet_error_name,_septet_error_message,_septet_error_is_usage,_malloc,_free \
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
cp "$here/septet.mjs" "$here/septet.d.ts" "$here/index.html" "$here/package.json" "$out/"
echo "built $out"
