# SPDX-License-Identifier: GPL-3.0-or-later
# mk/report.mk -- the HTML report printed with headless Chromium (issue 18):
# tests/report/pages.sh checks that the 90-day report of the demo diary
# prints on 2 pages of A4 and of Letter, with the footer (name, range,
# "page N of M") on every page and every month labelled on the charts
# (make test, and under the sanitizers in make check).

.PHONY: report-pages

report-pages: $(B)/wean
	@echo "  TEST    report-pages"
	$(Q)tests/report/pages.sh $(B)/wean

TEST_EXTRA += report-pages
CHECK_EXTRA += report-pages
