# bench.mk -- `make bench`: the performance budgets of SPEC section 7
# (issue #8).  bench/gen.c writes deterministic synthetic diaries (cached in
# $(B)/bench/, keyed by the generator's version); bench/bench.c times the
# real binary and the in-process chart renderer against peers measured in
# the same run, prints one table and writes it to $(B)/bench/results.txt.
# BENCH_RUNS sets the runs per figure (the median is reported; at least 5).
# The target fails (exit 1) when a budget is missed.  docs/performance.md
# explains the method and the figures.

BENCH_RUNS ?= 7
BENCH_OBJ   = $(LIB_OBJ)

$(B)/bench/gen: bench/gen.c $(BENCH_OBJ)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(LINK) $(WN_CPPFLAGS) -Isrc $(CPPFLAGS) $(SQLITE_CFLAGS) -o $@ bench/gen.c \
		$(BENCH_OBJ) $(LIB_LIBS)

$(B)/bench/bench: bench/bench.c $(BENCH_OBJ)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(LINK) $(WN_CPPFLAGS) -Isrc $(CPPFLAGS) $(SQLITE_CFLAGS) -o $@ bench/bench.c \
		$(BENCH_OBJ) $(LIB_LIBS) -lutil

bench: $(B)/wean $(B)/bench/gen $(B)/bench/bench
	@echo "  BENCH   $(B)/bench/results.txt"
	$(Q)$(B)/bench/bench --wean $(B)/wean --gen $(B)/bench/gen \
		--dir $(B)/bench --runs $(BENCH_RUNS) --out $(B)/bench/results.txt

-include $(B)/bench/gen.d $(B)/bench/bench.d
