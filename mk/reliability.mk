# SPDX-License-Identifier: GPL-3.0-or-later
# mk/reliability.mk -- crash safety, faults, terminal safety and memory
# checks (SPEC section 8; docs/reliability.md says what each covers).
#
#   make torture         thousands of random kill -9s (long; not in CI)
#   make torture-short   200+ kills of the CLI and 25 of the TUI (make test)
#   make faults          locked, read-only, full disk, damaged files
#   make termsafe        escape sequences, controls, invalid UTF-8, big text
#   make valgrind        unit tests (the input and memory-heavy suites), the
#                        CLI and the TUI under memcheck (make test)
#   make valgrind-full   the same with every unit suite (about 5 minutes)
# WEAN_SEED=N replays a torture or fuzz run (both print their seed; the
# default is fixed, WEAN_SEED=random picks a new one for torture).

.PHONY: torture torture-short faults termsafe valgrind valgrind-full

torture: $(B)/wean
	@echo "  TEST    torture (long)"
	$(Q)tests/reliability/torture.sh $(B)/wean long

torture-short: $(B)/wean
	@echo "  TEST    torture-short"
	$(Q)tests/reliability/torture.sh $(B)/wean short

faults: $(B)/wean
	@echo "  TEST    faults"
	$(Q)tests/reliability/faults.sh $(B)/wean

termsafe: $(B)/wean
	@echo "  TEST    termsafe"
	$(Q)tests/reliability/termsafe.sh $(B)/wean

valgrind: $(B)/wean $(B)/unit-tests
	@echo "  TEST    valgrind"
	$(Q)tests/reliability/valgrind.sh $(B)/wean $(B)/unit-tests

valgrind-full: $(B)/wean $(B)/unit-tests
	@echo "  TEST    valgrind (every unit suite)"
	$(Q)VALGRIND_SUITES=all tests/reliability/valgrind.sh $(B)/wean $(B)/unit-tests

TEST_EXTRA += torture-short faults termsafe valgrind
CHECK_EXTRA += faults termsafe
