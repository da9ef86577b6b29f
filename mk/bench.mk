# SPDX-License-Identifier: GPL-3.0-or-later
# bench.mk -- `make bench`: the performance budgets of SPEC section 7 and
# issue 17.  bench/gen.c writes deterministic synthetic diaries (cached in
# $(B)/bench/, keyed by the generator's version); bench/bench.c measures
# the real binary -- the TUI's start and each screen switch, range change
# and search in instructions (callgrind), every export and import in CPU
# time against sqlite3 doing the same work, peak memory of each -- prints
# one table and writes it to $(B)/bench/results.txt.
# BENCH_RUNS: runs of each command (at least 3); BENCH_CG_RUNS: callgrind
# runs of the TUI on each diary; BENCH_ONLY: some groups (tui, tuimem,
# csv, exports, import, chart, crypt).  The target fails (exit 1) when a budget
# is missed.  docs/performance.md explains the method and the figures.

BENCH_RUNS ?= 5
BENCH_CG_RUNS ?= 2
BENCH_ONLY ?=
BENCH_OBJ   = $(LIB_OBJ)

$(B)/bench/gen: bench/gen.c $(BENCH_OBJ)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(LINK) $(WN_CPPFLAGS) -Isrc $(CPPFLAGS) $(SQLITE_CFLAGS) -o $@ bench/gen.c \
		$(BENCH_OBJ) $(LIB_LIBS)

$(B)/bench/bench: bench/bench.c bench/bench_crypt.c $(BENCH_OBJ)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(LINK) $(WN_CPPFLAGS) -Isrc $(CPPFLAGS) $(SQLITE_CFLAGS) -o $@ bench/bench.c \
		$(BENCH_OBJ) $(LIB_LIBS) -lutil

bench: $(B)/wean $(B)/bench/gen $(B)/bench/bench
	@echo "  BENCH   $(B)/bench/results.txt"
	$(Q)$(B)/bench/bench --wean $(B)/wean --gen $(B)/bench/gen --data data \
		--dir $(B)/bench --runs $(BENCH_RUNS) --cg-runs $(BENCH_CG_RUNS) \
		$(if $(BENCH_ONLY),--only $(BENCH_ONLY)) --out $(B)/bench/results.txt

-include $(B)/bench/gen.d $(B)/bench/bench.d
