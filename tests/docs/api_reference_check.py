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

# Error codes: the names in error.hpp's table.
for code in re.findall(r'\{errc::(\w+), "', (include / "error.hpp").read_text()):
    if code not in words:
        missing.append(f"error code {code}")

# Fields of the structs a caller fills in or reads: their data members, from the headers.
STRUCTS = {"options.hpp": ["options", "capacity"], "analysis.hpp": ["analysis", "non_gsm_character"],
           "error.hpp": ["result"], "segment.hpp": ["part"],
           "user_data.hpp": ["encode_options", "encoded_part"],
           "reassembly.hpp": ["received_part"]}
member = re.compile(r"^\s+(?:[\w:<>,]+\s+)+?(\w+)\s*(?:=[^;]*|\{[^;]*\})?;", re.M)
for header, names in STRUCTS.items():
    text = (include / header).read_text()
    for name in names:
        body = re.search(r"struct " + name + r"\b[^{;]*\{(.*?)\n\};", text, re.S)
        if body is None:
            missing.append(f"struct {name} (not found in {header})")
            continue
        # Members only: drop nested functions' bodies and comments first.
        declarations = re.sub(r"//[^\n]*", "", body.group(1))
        declarations = re.sub(r"\{[^{}]*\}", "{}", declarations)
        # Where the reference writes the struct out, each field must be in that listing.
        listing = re.search(r"struct " + name + r"\b[^{;]*\{(.*?)\};", reference, re.S)
        listed = set(re.findall(r"\w+", listing.group(1))) if listing else words
        for field in member.findall(declarations):
            if field not in listed and field != "operator" and not field.startswith("m_"):
                missing.append(f"{name}::{field} ({header})")

# Public headers: each named where its functions are described.
for header in sorted(include.glob("*.hpp")):
    if f"septet/{header.name}" not in reference:
        missing.append(f"header <septet/{header.name}>")

for item in missing:
    print(f"docs/api.md does not mention {item}")
sys.exit(1 if missing else 0)
