# SPDX-License-Identifier: GPL-3.0-or-later
# mk/age.mk -- encrypted exports and reports opened by the standard `age`
# tool (issue 20): tests/age/interop.sh (make test, and under the
# sanitizers in make check).

.PHONY: age-interop

age-interop: $(B)/wean
	@echo "  TEST    age-interop"
	$(Q)tests/age/interop.sh $(B)/wean

TEST_EXTRA += age-interop
CHECK_EXTRA += age-interop
