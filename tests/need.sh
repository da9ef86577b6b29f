# SPDX-License-Identifier: GPL-3.0-or-later
# need.sh -- sourced by test scripts (bash): need CHECK PKG... succeeds when
# the command CHECK does, after installing the Debian packages PKG... when
# it did not and we may (root, or sudo without a password; apt-get update
# only when the install fails without it).  The caller prints a SKIP line
# when need fails.  $tmp must be a scratch directory.
need() {
	local check=$1 sudo=""
	shift
	eval "$check" > /dev/null 2>&1 && return 0
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null || return 1
		sudo="sudo -n"
	fi
	echo "installing $* (missing)"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"$@" > "$tmp/apt.log" 2>&1 ||
		{ $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq > /dev/null 2>&1 &&
		  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "$@" > "$tmp/apt.log" 2>&1; }
	eval "$check" > /dev/null 2>&1
}
