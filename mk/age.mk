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

# An encrypted diary (issue 20): tests/crypt/diary.sh encrypts, opens it
# from every side (CLI, TUI in tmux), searches every file for a canary,
# kills check-ins 200 times, damages pages, changes the passphrase and
# decrypts.
.PHONY: crypt-diary

crypt-diary: $(B)/wean
	@echo "  TEST    crypt-diary"
	$(Q)tests/crypt/diary.sh $(B)/wean

TEST_EXTRA += crypt-diary
CHECK_EXTRA += crypt-diary
