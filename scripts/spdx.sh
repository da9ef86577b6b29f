#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file of the project carries the licence's SPDX line (issue
# 18): the C sources and headers, the scripts, the Makefile and mk/*.mk.
# usage: scripts/spdx.sh [DIR]   -- prints each file without it, exit 1.
set -u
cd "${1:-.}" || exit 66
L='SPDX-License-Identifier: GPL-3.0-or-later'
missing=0
for f in $(find src include tests bench scripts mk -type f \
	\( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.mk' \) \
	-not -path 'tests/fuzz/corpus/*' 2> /dev/null) Makefile; do
	head -3 "$f" | grep -q "$L" && continue
	echo "$f: no '$L' in its first lines"
	missing=$((missing + 1))
done
[ "$missing" = 0 ] && echo "spdx: every source file has its licence line" && exit 0
echo "spdx: $missing file(s) without the licence line"
exit 1
