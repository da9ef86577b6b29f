# SPDX-License-Identifier: GPL-3.0-or-later
# mk/install.mk -- the shell completions and `make install` (make test).
#
#   make completions-test   every command and option of the help is in the
#                           bash, zsh and fish completions; bash's completes
#   make install-test       make install DESTDIR=... PREFIX=/usr leaves the
#                           right tree; make uninstall removes it

.PHONY: completions-test install-test

completions-test: $(B)/wean
	@echo "  TEST    completions"
	$(Q)tests/install/completions.sh $(B)/wean

install-test: $(B)/wean $(COMPLETIONS)
	@echo "  TEST    install"
	$(Q)MAKE="$(MAKE)" tests/install/install.sh $(B)

TEST_EXTRA += completions-test install-test
