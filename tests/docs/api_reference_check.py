#!/usr/bin/env python3
"""docs/api.md against the headers, so that the reference cannot fall behind them: every error
code, every field of the structs users fill in or read, and every public header must be named
there. Run by ctest (docs.api_reference_matches_the_headers):
    python3 tests/docs/api_reference_check.py REPO_ROOT"""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
include = root / "include" / "septet"
reference = (root / "docs" / "api.md").read_text()
words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", reference))
missing = []

# Error codes: the enumerators of errc, each in the table of names too.
error_header = (include / "error.hpp").read_text()
enum = re.search(r"enum class errc[^{]*\{(.*?)\};", error_header, re.S)
codes = re.findall(r"^\s*(\w+),", re.sub(r"//[^\n]*", "", enum.group(1)), re.M)
named = re.findall(r"\{errc::(\w+), \"", error_header)  # the table entries
if len(codes) < 20 or sorted(codes) != sorted(named):
    missing.append(f"the error codes as error.hpp has them ({len(codes)} in errc, {len(named)} named)")
for code in codes:
    if code not in words:
        missing.append(f"error code {code}")

# Fields of the structs a caller fills in or reads: their data members, from the headers.
STRUCTS = {"options.hpp": ["options", "capacity"], "analysis.hpp": ["analysis", "non_gsm_character"],
           "error.hpp": ["result"], "segment.hpp": ["part"],
           "user_data.hpp": ["encode_options", "encoded_part"],
           "reassembly.hpp": ["received_part"]}
# A declaration of data members: a type, then one name or several ("std::size_t a, b;").
member = re.compile(r"^\s+(?:static\s+constexpr\s+)?[\w:<>]+(?:<[^;]*>)?[\s*&]+"
                    r"(\w+(?:\s*(?:=[^;,]*|\{[^;]*?\})?\s*,\s*\w+)*)\s*(?:=[^;]*|\{[^;]*\})?;", re.M)
for header, names in STRUCTS.items():
    text = (include / header).read_text()
    for name in names:
        body = re.search(r"struct " + name + r"\b[^{;]*\{(.*?)\n\};", text, re.S)
        if body is None:
            missing.append(f"struct {name} (not found in {header})")
            continue
        # Members only: drop nested functions' bodies and comments first.
        declarations = re.sub(r"//[^\n]*", "", body.group(1))
        while re.search(r"\{[^{}]*\}", declarations):  # function bodies, nested ones first
            declarations = re.sub(r"\{[^{}]*\}", "", declarations)
        # Where the reference writes the struct out, each field must be in that listing.
        listing = re.search(r"struct " + name + r"\b[^{;]*\{(.*?)\};", reference, re.S)
        listed = set(re.findall(r"\w+", listing.group(1))) if listing else words
        fields = [name.strip() for group in member.findall(declarations)
                  for name in re.split(r"\s*(?:=[^,]*|\{[^}]*\})?\s*,\s*", group)]
        if not fields:
            missing.append(f"the fields of struct {name} (none read from {header})")
        for field in fields:
            if field not in listed and field != "operator" and not field.startswith("m_"):
                missing.append(f"{name}::{field} ({header})")

# Public headers: each named where its functions are described; the Sinch adapter's in
# docs/sinch.md or here.
sinch_reference = (root / "docs" / "sinch.md").read_text()
headers = sorted(h for h in include.rglob("*.hpp") if "detail" not in h.relative_to(include).parts)
if len(headers) < 20:
    missing.append(f"the headers ({len(headers)} found under {include})")
for header in headers:
    name = "septet/" + header.relative_to(include).as_posix()
    if name not in reference and not (name.startswith("septet/sinch/") and name in sinch_reference):
        missing.append(f"header <{name}>")

for item in missing:
    print(f"docs/api.md does not mention {item}")
sys.exit(1 if missing else 0)
