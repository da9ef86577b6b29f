# SPDX-License-Identifier: GPL-3.0-or-later
# mk/fuzz.mk -- the libFuzzer harnesses in tests/fuzz (see tests/fuzz/README.md).
#
#   make fuzz           build every harness, then fuzz each for FUZZ_TIME
#                       seconds (default 60) on a copy of its corpus
#   make fuzz-short     the same with FUZZ_TIME=10 (part of `make test`)
#   make fuzz-regress   run every harness once over its corpus and its saved
#                       crashes, no fuzzing (part of `make test`)
#   make fuzz-build     only build
# FUZZ_TARGETS="text date" limits any of these to some harnesses.
#
# Everything is built with clang, -fsanitize=fuzzer,address,undefined (and the
# build's own standard and warnings, WN_STD and WN_WARN), into
# $(B)/fuzz: the sources without curses (src/core, db, report, cli; tui/edit.c
# only for fuzz_edit) as objects of their own in $(B)/fuzz/obj, so they
# never mix with the gcc objects in $(B)/obj.

FUZZ_CC      ?= clang
FUZZ_TIME    ?= 60
FUZZ_JOBS    ?= $(shell nproc 2>/dev/null || echo 1)
# build the harnesses in parallel unless make already runs with -j
FUZZ_J        = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(FUZZ_JOBS))
FUZZ_DIR      = $(B)/fuzz
FUZZ_SAN      = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(WN_STD) $(WN_WARN) -g -O1 $(FUZZ_SAN)
FUZZ_ALL     := $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out tests/fuzz/fuzz_common.c,\
                $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_OBJ      = $(LIB_SRC:src/%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_DIR)/obj/fuzz_common.o
FUZZ_BINS     = $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

TEST_EXTRA += fuzz-regress fuzz-short

.PHONY: fuzz fuzz-short fuzz-regress fuzz-build fuzz-clang

# scripts/deps.sh installs clang and libclang-rt-14-dev: without them the
# fuzz targets fail (they are part of `make test`), with a clear message.
fuzz-clang:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
		echo "fuzz: $(FUZZ_CC) is not installed; run 'make deps' (scripts/deps.sh installs clang and libclang-rt-14-dev)" >&2; \
		exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }\n' | \
		$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1 || { \
		echo "fuzz: $(FUZZ_CC) cannot link libFuzzer with ASan/UBSan; install libclang-rt-14-dev ('make deps')" >&2; \
		exit 1; }

$(FUZZ_DIR)/obj/%.o: src/%.c | fuzz-clang
	@mkdir -p $(@D)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(WN_CPPFLAGS) $(CPPFLAGS) $(FUZZ_CFLAGS) $(LAYER_$(call layer_of,$*)) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/fuzz_%.o: tests/fuzz/fuzz_%.c | fuzz-clang
	@mkdir -p $(@D)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(WN_CPPFLAGS) $(CPPFLAGS) -Isrc -Isrc/tui $(FUZZ_CFLAGS) $(SQLITE_CFLAGS) $(INI_CFLAGS) $(CURSES_CFLAGS) -MMD -MP -c -o $@ $<

# A static pattern rule: the objects are explicit prerequisites, so make
# keeps them (they would be deleted as intermediates otherwise).
$(FUZZ_ALL:%=$(FUZZ_DIR)/fuzz_%): $(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/fuzz_%.o $(FUZZ_OBJ)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The editor harness compiles the text field in as it is.
$(FUZZ_DIR)/fuzz_edit: $(FUZZ_DIR)/obj/tui/edit.o

fuzz-build: $(FUZZ_BINS)

fuzz:
	@$(MAKE) --no-print-directory $(FUZZ_J) fuzz-build
	$(Q)sh tests/fuzz/run.sh fuzz $(FUZZ_DIR) $(FUZZ_TIME) $(FUZZ_TARGETS)

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=10

fuzz-regress:
	@$(MAKE) --no-print-directory $(FUZZ_J) fuzz-build
	$(Q)sh tests/fuzz/run.sh regress $(FUZZ_DIR) 0 $(FUZZ_TARGETS)

-include $(wildcard $(FUZZ_DIR)/obj/*.d $(FUZZ_DIR)/obj/*/*.d)
