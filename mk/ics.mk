# SPDX-License-Identifier: GPL-3.0-or-later
# mk/ics.mk -- the calendar export re-imported after the plan changes
# (issue 18): tests/ics/reimport.sh exports, holds, resumes, goes back up
# and replaces a plan, exporting after each change, and checks the files
# with python3-icalendar and the re-imports with khal (make test, and
# under the sanitizers in make check).

.PHONY: ics-reimport

ics-reimport: $(B)/wean
	@echo "  TEST    ics-reimport"
	$(Q)tests/ics/reimport.sh $(B)/wean

TEST_EXTRA += ics-reimport
CHECK_EXTRA += ics-reimport
