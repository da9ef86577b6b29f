# wean -- a terminal diary for tapering psychiatric drugs.
# Plain GNU Makefile.  `make V=1` shows the full commands.
#
# The source tree is layered (docs/architecture.md):
#   src/core    no SQLite, no curses, no terminal I/O
#   src/db      the only code that sees SQLite
#   src/report  formats a gathered report
#   src/cli     the command line          src/tui   the curses screens
# Only db/ is compiled with SQLite's flags and only tui/ with curses'; the
# unit tests link without curses.  `make layers` checks the includes.
#
# CFLAGS, CPPFLAGS and LDFLAGS given on the command line add to what the
# build needs (make CFLAGS=-O0, make CC=clang): the standard, the feature
# macros, the warnings and the dependency files are always there.

VERSION := 0.1.0
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/wean

CC      ?= cc
CFLAGS  ?= -O2 -g
WN_STD   = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
WN_WARN  = -Wall -Wextra -Wshadow -Wpedantic
WN_CPPFLAGS = -Iinclude -DWEAN_VERSION='"$(VERSION)"'
WN_CFLAGS   = $(WN_STD) $(WN_WARN) -MMD -MP
WN_LDFLAGS  =

# `make check` builds with the sanitizers (WN_SANITIZE=1).
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ifeq ($(WN_SANITIZE),1)
WN_CFLAGS  += $(SAN)
WN_LDFLAGS += $(SAN)
endif

# A package's flags from pkg-config, without the feature macros (the build
# sets its own), or the fallback given when it has no .pc file.
pc_cflags = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(1) 2>/dev/null))
pc_libs   = $(or $(shell pkg-config --libs $(1) 2>/dev/null),$(2))
pc_has    = $(shell pkg-config --exists $(1) 2>/dev/null && echo yes)

SQLITE_CFLAGS := $(call pc_cflags,sqlite3)
SQLITE_LIBS   := $(call pc_libs,sqlite3,-lsqlite3)
CURSES_CFLAGS := $(call pc_cflags,ncursesw)
CURSES_LIBS   := $(call pc_libs,ncursesw,-lncursesw)
UTF8_CFLAGS   := $(call pc_cflags,libutf8proc)
UTF8_LIBS     := $(call pc_libs,libutf8proc,-lutf8proc)
# Debian's iniparser has no .pc file: its headers are in /usr/include/iniparser.
ifeq ($(call pc_has,iniparser),yes)
INI_CFLAGS    := $(call pc_cflags,iniparser)
INI_LIBS      := $(call pc_libs,iniparser,-liniparser)
else
INI_CFLAGS    := -I/usr/include/iniparser
INI_LIBS      := -liniparser
endif
CRIT_CFLAGS := $(call pc_cflags,criterion)
CRIT_LIBS   := $(call pc_libs,criterion,-lcriterion)

# Each layer's own flags: only db/ sees SQLite, only tui/ sees curses.
LAYER_core   = $(INI_CFLAGS) $(UTF8_CFLAGS)
LAYER_db     = $(SQLITE_CFLAGS)
LAYER_report =
LAYER_cli    =
LAYER_tui    = $(CURSES_CFLAGS)
LAYER_main   =
layer_of     = $(firstword $(subst /, ,$(1)))

# Without curses: what the unit tests, the benchmarks and the fuzzers link.
LIB_LIBS  = $(SQLITE_LIBS) $(INI_LIBS) $(UTF8_LIBS) -lm
LDLIBS    = $(LIB_LIBS) $(CURSES_LIBS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC   := $(wildcard src/core/*.c)
DB_SRC     := $(wildcard src/db/*.c)
REPORT_SRC := $(wildcard src/report/*.c)
CLI_SRC    := $(wildcard src/cli/*.c)
TUI_SRC    := $(wildcard src/tui/*.c)
LIB_SRC    := $(CORE_SRC) $(DB_SRC) $(REPORT_SRC) $(CLI_SRC)
TEST_SRC   := $(wildcard tests/unit/*.c)

B        ?= build
LIB_OBJ   = $(LIB_SRC:src/%.c=$(B)/obj/%.o)
UI_OBJ    = $(TUI_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/main.o
TEST_OBJ  = $(TEST_SRC:tests/unit/%.c=$(B)/tobj/%.o)

COMPILE = $(CC) $(WN_CPPFLAGS) $(CPPFLAGS) $(WN_CFLAGS) $(CFLAGS)
LINK    = $(CC) $(WN_CFLAGS) $(CFLAGS) $(WN_LDFLAGS) $(LDFLAGS)

.PHONY: all run test check unit golden e2e layers install uninstall clean deps deps-run bench fuzz torture demo

all: $(B)/wean

$(B)/wean: $(LIB_OBJ) $(UI_OBJ)
	@echo "  LD      $@"
	$(Q)$(LINK) -o $@ $^ $(LDLIBS)

$(B)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(COMPILE) $(LAYER_$(call layer_of,$*)) -c -o $@ $<

# Unit tests may look into the diary file with SQLite and into config
# files with iniparser; never with curses.
$(B)/tobj/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(COMPILE) -Isrc $(SQLITE_CFLAGS) $(INI_CFLAGS) $(CRIT_CFLAGS) -Wno-pedantic -c -o $@ $<

$(B)/unit-tests: $(LIB_OBJ) $(TEST_OBJ)
	@echo "  LD      $@"
	$(Q)$(LINK) -o $@ $^ $(LIB_LIBS) $(CRIT_LIBS)

# --- setup -----------------------------------------------------------------
deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@$(B)/wean

demo: deps
	@$(MAKE) --no-print-directory all
	@$(B)/wean demo

# --- tests -----------------------------------------------------------------
unit: $(B)/unit-tests
	@echo "  TEST    unit"
	$(Q)tests/run-unit.sh $(B)/unit-tests

golden: $(B)/wean
	@echo "  TEST    golden"
	$(Q)tests/run-golden.sh $(B)/wean

e2e: $(B)/wean
	@echo "  TEST    e2e (tmux)"
	$(Q)tests/run-e2e.sh $(B)/wean

layers:
	@echo "  TEST    layers"
	$(Q)sh scripts/layers.sh .
	$(Q)sh tests/layers/test.sh

# mk/*.mk add their own targets; the ones named in TEST_EXTRA run as part
# of `make test` (and under the sanitizers in `make check`).
TEST_EXTRA ?=
CHECK_EXTRA ?=

test: deps
	@$(MAKE) --no-print-directory layers
	@$(MAKE) --no-print-directory all $(B)/unit-tests
	@$(MAKE) --no-print-directory unit golden e2e $(TEST_EXTRA)
	@echo "make test: all suites passed"

# -O1 under the sanitizers, unless CFLAGS was given on the command line.
SAN_OPT = $(if $(filter command line,$(origin CFLAGS)),,CFLAGS="-O1 -g")

check: deps
	@$(MAKE) --no-print-directory B=build-san WN_SANITIZE=1 $(SAN_OPT) \
		build-san/wean build-san/unit-tests
	@$(MAKE) --no-print-directory B=build-san WN_SANITIZE=1 $(SAN_OPT) \
		unit golden e2e $(CHECK_EXTRA)
	@echo "make check: sanitizer build clean"

# --- install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 0755 $(B)/wean $(DESTDIR)$(BINDIR)/wean
	install -m 0644 docs/wean.1 $(DESTDIR)$(MANDIR)/wean.1
	install -m 0644 data/*.ini config.example.ini $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wean $(DESTDIR)$(MANDIR)/wean.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san

-include $(wildcard mk/*.mk)
-include $(LIB_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
