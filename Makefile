# wean -- a terminal diary for tapering psychiatric drugs.
# Plain GNU Makefile.  `make V=1` shows the full commands.

VERSION := 0.1.0
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/wean

CC      ?= cc
PKGS     = ncursesw sqlite3
CSTD     = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Wshadow -Wpedantic
OPT     ?= -O2 -g
CPPFLAGS += -Iinclude -I/usr/include/iniparser -DWEAN_VERSION='"$(VERSION)"'
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) -MMD -MP
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CRIT_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags criterion 2>/dev/null))
CRIT_LIBS   := $(shell pkg-config --libs criterion 2>/dev/null)
LDLIBS   = $(PKG_LIBS) -liniparser -lm

SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Objects: everything in src/.  main.c and the curses front end (ui*.c) are
# left out of the test binaries, so model code cannot reach up into the UI.
ALL_SRC  := $(wildcard src/*.c)
UI_SRC   := src/main.c $(wildcard src/ui*.c)
CORE_SRC := $(filter-out $(UI_SRC),$(ALL_SRC))
TEST_SRC := $(wildcard tests/unit/*.c)

B        ?= build
CORE_OBJ  = $(CORE_SRC:src/%.c=$(B)/obj/%.o)
UI_OBJ    = $(UI_SRC:src/%.c=$(B)/obj/%.o)
TEST_OBJ  = $(TEST_SRC:tests/unit/%.c=$(B)/tobj/%.o)

.PHONY: all run test check unit golden e2e install uninstall clean deps bench fuzz torture demo

all: $(B)/wean

$(B)/wean: $(CORE_OBJ) $(UI_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(B)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(B)/tobj/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(CRIT_CFLAGS) -Wno-pedantic -c -o $@ $<

$(B)/unit-tests: $(CORE_OBJ) $(TEST_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS) $(CRIT_LIBS)

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

# mk/*.mk add their own targets; the ones named in TEST_EXTRA run as part
# of `make test` (and under the sanitizers in `make check`).
TEST_EXTRA ?=
CHECK_EXTRA ?=

test: deps
	@$(MAKE) --no-print-directory all $(B)/unit-tests
	@$(MAKE) --no-print-directory unit golden e2e $(TEST_EXTRA)
	@echo "make test: all suites passed"

check: deps
	@$(MAKE) --no-print-directory B=build-san OPT="-O1 -g $(SAN)" LDFLAGS="$(SAN)" \
		build-san/wean build-san/unit-tests
	@$(MAKE) --no-print-directory B=build-san OPT="-O1 -g $(SAN)" LDFLAGS="$(SAN)" \
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
-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
