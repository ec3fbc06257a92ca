# flowc — see README.md. `make` builds ./flowc; `make test` runs every
# test; `make manual` checks flows/ (or FLOWS=dir) and writes its manual.

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra $(if $(WERROR),-Werror)
BUILD    ?= build
PROG     ?= flowc
SANFLAGS ?=
# Where `make install` puts things (DESTDIR is prepended to each).
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
# Compiler lines in full with V=1; else one short line an object.
Q        := $(if $(V),,@)
say       = $(if $(V),,@echo "  $(1)	$(2)")
# Libraries, through pkg-config (libharu ships no .pc file: -lhpdf).
PC_LIBS  := libgvc cairo harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak icu-uc jansson libmicrohttpd
PC_CFLAGS = $(shell pkg-config --cflags $(PC_LIBS) 2>/dev/null)
PC_LDLIBS = $(shell pkg-config --libs $(PC_LIBS) 2>/dev/null) -lhpdf -lm
CPPFLAGS += -Icompiler -I$(BUILD) $(PC_CFLAGS)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS)

# Debian 12 packages the build and the tests need.
DEB_PKGS := gcc make flex bison pkg-config valgrind libc6-dev jq time \
            libgraphviz-dev graphviz libcairo2-dev libharfbuzz-dev libfontconfig-dev \
            libfreetype-dev libunibreak-dev libicu-dev libjansson-dev libhpdf-dev fonts-wqy-microhei \
            libxml2-utils librsvg2-bin poppler-utils qpdf mupdf-tools ghostscript \
            groff-base man-db libmicrohttpd-dev curl chromium nodejs

SRCS := $(wildcard compiler/*.c)
OBJS := $(SRCS:compiler/%.c=$(BUILD)/%.o) $(BUILD)/flow.tab.o $(BUILD)/flow.lex.o

.PHONY: all deps test test-browser unit asan manual bench fuzz layout-report clean install uninstall
all: $(PROG)

# Installs what is missing when run as root; otherwise prints the command.
# Without dpkg-query (not Debian), asks pkg-config for the libraries.
deps: $(BUILD)/.deps
$(BUILD)/.deps:
	@if ! command -v dpkg-query >/dev/null; then \
	  echo "make: no dpkg-query (not Debian?): checking the libraries with pkg-config"; \
	  command -v pkg-config >/dev/null || { echo "make: missing: pkg-config"; exit 1; }; \
	  missing=""; for l in $(PC_LIBS); do pkg-config --exists $$l || missing="$$missing $$l"; done; \
	  echo '#include <hpdf.h>' | $(CC) -E -o /dev/null - 2>/dev/null || missing="$$missing libharu(hpdf.h)"; \
	  for t in flex bison; do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	  if [ -n "$$missing" ]; then echo "make: missing libraries and tools:$$missing"; \
	    echo "make: install them (and their development files) with your package manager"; exit 1; fi; \
	  echo "make: all libraries found"; \
	else \
	missing=""; for p in $(DEB_PKGS); do \
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
	fi; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(PROG): $(OBJS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(PC_LDLIBS)

# Grouped targets (&:): one run of bison, or of flex, makes both files, so
# `make -j` never runs it twice at once.
$(BUILD)/flow.tab.c $(BUILD)/flow.tab.h &: grammar/flow.y | $(BUILD)/.deps
	$(call say,BISON,$<)
	$(Q)bison -Wall -Werror --defines=$(BUILD)/flow.tab.h -o $(BUILD)/flow.tab.c $<

$(BUILD)/flow.lex.c $(BUILD)/flow.lex.h &: grammar/flow.l | $(BUILD)/.deps
	$(call say,FLEX,$<)
	$(Q)flex -b --backup-file=$(BUILD)/flow.backup --header-file=$(BUILD)/flow.lex.h -o $(BUILD)/flow.lex.c $<
	@grep -q '^No backing up' $(BUILD)/flow.backup || { rm -f $(BUILD)/flow.lex.c; \
	  echo "grammar/flow.l: the scanner backs up, which slows every byte (see $(BUILD)/flow.backup)"; exit 1; }

# The generated headers exist before anything compiles (order-only); who
# includes them is then known from the .d files (-MMD), so a changed
# grammar recompiles only those objects.
$(BUILD)/%.o: $(BUILD)/%.c | $(BUILD)/flow.tab.h $(BUILD)/flow.lex.h
	$(call say,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: compiler/%.c | $(BUILD)/flow.tab.h $(BUILD)/flow.lex.h
	$(call say,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)  # flow.tab.d and flow.lex.d too: the parser includes ctx.h

# Unit tests: programs in tests/unit linked with the compiler's objects.
UNIT_SRCS := $(wildcard tests/unit/*_test.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
LIB_OBJS   = $(filter-out $(BUILD)/main.o,$(OBJS))
unit: $(UNIT_BINS)
$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(BUILD)/unit
	$(call say,LINK,$@)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PC_LDLIBS)

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

# The editor grammar's test runner: vscode-tmgrammar-test (npm).
EDITOR_DEPS := tests/editors/node_modules/.package-lock.json
$(EDITOR_DEPS): tests/editors/package.json tests/editors/package-lock.json | $(BUILD)/.deps
	cd tests/editors && npm ci --no-audit --no-fund --loglevel=error

test: $(PROG) unit asan $(BROWSER_DEPS) $(EDITOR_DEPS)
	@tests/run.sh ./$(PROG) build/asan/flowc

# Only the cases of `flowc serve` (tests/cli/serve-*: HTTP, headless chromium).
test-browser: $(PROG) unit $(BROWSER_DEPS)
	@ONLY=serve- tests/run.sh ./$(PROG)


# Installed like any Unix tool: the program, its man page, completions.
install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/flowc
	install -m 644 doc/flowc.1 $(DESTDIR)$(MANDIR)/man1/flowc.1
	install -m 644 doc/flowc.bash $(DESTDIR)$(BASHCOMPDIR)/flowc
	install -m 644 doc/_flowc $(DESTDIR)$(ZSHCOMPDIR)/_flowc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/flowc $(DESTDIR)$(MANDIR)/man1/flowc.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/flowc $(DESTDIR)$(ZSHCOMPDIR)/_flowc

# The manual of the flows in FLOWS (files or directories), into OUT.
FLOWS ?= flows
OUT   ?= output
manual: $(PROG)
	$(abspath $(PROG)) check --werror $(FLOWS)
	$(abspath $(PROG)) render -o $(OUT) $(FLOWS)
	$(abspath $(PROG)) manual -o $(OUT)/manual.pdf $(FLOWS)

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
