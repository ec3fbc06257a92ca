# flowc — see README.md. `make` builds ./flowc; `make test` runs every
# test; `make manual` checks flows/ (and will publish the manual).

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra $(if $(WERROR),-Werror)
BUILD    ?= build
PROG     ?= flowc
SANFLAGS ?=
# Libraries, through pkg-config (libharu ships no .pc file: -lhpdf).
PC_LIBS  := libgvc cairo harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak icu-uc libmicrohttpd
PC_CFLAGS = $(shell pkg-config --cflags $(PC_LIBS) 2>/dev/null)
PC_LDLIBS = $(shell pkg-config --libs $(PC_LIBS) 2>/dev/null) -lhpdf -lm
CPPFLAGS += -Icompiler -I$(BUILD) $(PC_CFLAGS)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS)

# Debian 12 packages the build and the tests need.
DEB_PKGS := gcc make flex bison pkg-config valgrind libc6-dev jq time \
            libgraphviz-dev graphviz libcairo2-dev libharfbuzz-dev libfontconfig-dev \
            libfreetype-dev libunibreak-dev libicu-dev libhpdf-dev fonts-wqy-microhei \
            libxml2-utils librsvg2-bin poppler-utils qpdf mupdf-tools ghostscript \
            libmicrohttpd-dev curl chromium nodejs

SRCS := $(wildcard compiler/*.c)
OBJS := $(SRCS:compiler/%.c=$(BUILD)/%.o) $(BUILD)/flow.tab.o $(BUILD)/flow.lex.o

.PHONY: all deps test test-browser unit asan manual bench fuzz layout-report clean
all: $(PROG)

# Installs what is missing when run as root; otherwise prints the command.
deps: $(BUILD)/.deps
$(BUILD)/.deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing || exit 1; \
	  else \
	    echo "make: missing Debian packages:$$missing"; \
	    echo "make: run:  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(PROG): $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(PC_LDLIBS)

$(BUILD)/flow.tab.c $(BUILD)/flow.tab.h: grammar/flow.y | $(BUILD)/.deps
	bison -Wall -Werror --defines=$(BUILD)/flow.tab.h -o $(BUILD)/flow.tab.c $<

$(BUILD)/flow.lex.c $(BUILD)/flow.lex.h: grammar/flow.l | $(BUILD)/.deps
	flex -b --backup-file=$(BUILD)/flow.backup --header-file=$(BUILD)/flow.lex.h -o $(BUILD)/flow.lex.c $<
	@grep -q '^No backing up' $(BUILD)/flow.backup || { rm -f $(BUILD)/flow.lex.c; \
	  echo "grammar/flow.l: the scanner backs up, which slows every byte (see $(BUILD)/flow.backup)"; exit 1; }

$(BUILD)/flow.tab.o: $(BUILD)/flow.tab.c $(BUILD)/flow.lex.h
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/flow.lex.o: $(BUILD)/flow.lex.c $(BUILD)/flow.tab.h
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: compiler/%.c $(BUILD)/flow.tab.h $(BUILD)/flow.lex.h
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)  # flow.tab.d and flow.lex.d too: the parser includes ctx.h

# Unit tests: programs in tests/unit linked with the compiler's objects.
UNIT_SRCS := $(wildcard tests/unit/*_test.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
LIB_OBJS   = $(filter-out $(BUILD)/main.o,$(OBJS))
unit: $(UNIT_BINS)
$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(BUILD)/unit
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PC_LDLIBS)

# Chart quality, flowc's layout against Graphviz dot on the same graphs
# (tests/layout/report.c): flows/ and a generated corpus, or LAYOUT_FILES.
$(BUILD)/layout/report: tests/layout/report.c $(LIB_OBJS)
	@mkdir -p $(BUILD)/layout
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PC_LDLIBS)
$(BUILD)/layout/generated.flow: tests/layout/gencorpus.awk
	@mkdir -p $(BUILD)/layout
	awk -f $< > $@
layout-report: $(BUILD)/layout/report $(BUILD)/layout/generated.flow
	@$(BUILD)/layout/report $(or $(LAYOUT_FILES),-c flows flows/*.flow -c generated $(BUILD)/layout/generated.flow)

# The same program with AddressSanitizer and UndefinedBehaviorSanitizer.
asan: $(BUILD)/.deps
	@$(MAKE) --no-print-directory BUILD=build/asan PROG=build/asan/flowc \
	  CFLAGS="-O1 -g" SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  build/asan/flowc unit

# The browser test's driver: playwright-core (npm), for Debian's chromium.
BROWSER_DEPS := tests/browser/node_modules/.package-lock.json
$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json | $(BUILD)/.deps
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error

test: $(PROG) unit asan $(BROWSER_DEPS)
	@tests/run.sh ./$(PROG) build/asan/flowc

# Only the cases of `flowc serve` (tests/cli/serve-*: HTTP, headless chromium).
test-browser: $(PROG) unit $(BROWSER_DEPS)
	@ONLY=serve- tests/run.sh ./$(PROG)

manual: $(PROG)
	./$(PROG) check --werror flows/*.flow
	./$(PROG) render -o output flows/*.flow
	./$(PROG) manual -o output/manual.pdf flows/*.flow

bench: $(PROG)
	@tests/bench.sh ./$(PROG)

# libFuzzer targets (clang); FUZZ_SECONDS per target, default 60.
FUZZ_PKGS := clang libclang-rt-14-dev
fuzz: $(PROG)
	@missing=""; for p in $(FUZZ_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing || exit 1; \
	  else echo "make: run:  sudo apt-get install -y$$missing"; exit 1; fi; \
	fi
	@tests/fuzz/run.sh

clean:
	rm -rf build $(PROG)
