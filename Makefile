# storyline — build, test, demo, eval, bench, install.
# `make` bootstraps missing Debian packages (scripts/bootstrap.sh says what it installs),
# then builds build/libstoryline.{a,so} and build/storyline. It prints one short line
# per step (CC, AR, LD, GEN); `make V=1` prints the full commands.

PREFIX   ?= /usr/local
CC       ?= cc
PKGS     := sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat libcurl
# Linked: all but libcurl, whose headers only are used; the fetcher loads it
# on its first fetch (src/ingest/curl_load.h: a process that fetches nothing
# then does not pay for relocating libcurl's ~20 dependencies); and but
# libexttextcat, whose data only is read, at build time ($(BUILD)/gen/langmodel.c).
LINK_PKGS := $(filter-out libcurl libexttextcat,$(PKGS))
BUILD    ?= build
# The version is SL_VERSION of include/storyline.h, written once; while it
# is 0.x a minor version may change the ABI, so the soname names 0.MINOR.
VERSION  := $(shell sed -n 's/^\#define SL_VERSION "\(.*\)"/\1/p' include/storyline.h)
SONAME   := libstoryline.so.$(basename $(VERSION))
# The public API: include/storyline.h, which programs include, and its parts
# in include/storyline/ (docs/architecture.md); install copies both.
PART_HDR := $(wildcard include/storyline/*.h)
# The library is every folder under src/ (two levels deep) but the command's
# and its web server's (src/server/, linked into the command only, with the
# web page's assets compiled in from web/; it loads libmicrohttpd itself).
SRC_DIRS := $(filter-out src/cli src/cli/% src/server src/server/%,$(patsubst %/,%,$(wildcard src/*/ src/*/*/)))
LIB_SRC  := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
WEB_ASSETS := $(sort $(wildcard web/*))
CLI_SRC  := $(wildcard src/cli/*.c) $(wildcard src/server/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)

BOOTSTRAP_STAMP := $(BUILD)/.bootstrap
# pkg-config is asked only after the bootstrap step has run, and once: the
# first use replaces each variable by its value.
PKG_CFLAGS = $(eval PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null) -lstemmer -lm)$(PKG_LIBS)
# libmicrohttpd: its headers only; `storyline serve` loads it when it starts
# (src/server/mhd_load.h), so no other command maps it, GnuTLS and GnuTLS's
# eight dependencies.
SERVER_PKGS := libmicrohttpd
SERVER_LIBS := -lpthread

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
# -O3, not -O2: its inlining and constant-propagated clones take 2.1% of
# `dedup`'s instructions on Reuters lines 10,001-13,000 and 1.5% of an ingest
# of lines 1-1,000, the output byte for byte the same (no -ffast-math: no
# floating-point sum is reordered); link-time optimisation gave +0.5%
# (docs/benchmarks.md, "Twenty-sixth round: dedup").
CFLAGS   ?= -O3 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) \
             -DSL_BUILDING_LIBRARY -fPIC -fvisibility=hidden -MMD -MP

NPROC    := $(shell nproc 2>/dev/null || echo 2)

# $(call say,TAG,WHAT): the short line of a step, unless V=1 (make then echoes
# it whole) or make -s (nothing).
V        ?= 0
SILENT   := $(findstring s,$(firstword -$(MAKEFLAGS)))
say       = $(if $(filter 1,$(V)),,@$(if $(SILENT),,printf '  %-4s %s\n' '$(1)' '$(2)';))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/$(BUILD)/gen/places.o \
            $(BUILD)/obj/$(BUILD)/gen/langmodel.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/$(BUILD)/gen/web_assets.o
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

.PHONY: all bootstrap test unit e2e demo eval bench install uninstall clean lint fuzz crash memcheck layers FORCE \
	shared dask
all: $(BUILD)/storyline $(BUILD)/libstoryline.so $(BUILD)/storyline.pc

bootstrap: $(BOOTSTRAP_STAMP)
$(BOOTSTRAP_STAMP): scripts/bootstrap.sh
	@sh scripts/bootstrap.sh build
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: %.c | $(BOOTSTRAP_STAMP)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libstoryline.a: $(LIB_OBJ)
	@rm -f $@
	$(call say,AR,$@)ar rcs $@ $^

# nodelete: a dlclose leaves it mapped, as a thread that called
# sl_facts_extract calls its analyser's destructor (src/facts/extract.c)
# when it ends, which may be after the dlclose.
$(BUILD)/libstoryline.so: $(LIB_OBJ)
	$(call say,LD,$@)$(CC) -shared -Wl,-soname,$(SONAME) -Wl,-z,nodelete $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The shared library alone (python/storyline loads it with ctypes). Every
# object is compiled -fPIC already, so it links the objects of the build.
shared: $(BUILD)/libstoryline.so

# Runs on a Dask cluster (python3 -m storyline.dask, docs/scale.md): Dask
# and the shared library, nothing else; the command needs neither.
dask: shared
	@sh scripts/bootstrap.sh dask
	@echo "dask: PYTHONPATH=$(CURDIR)/python python3 -m storyline.dask --local 2 --db DB INPUT..."

# The command links the library statically: the installed binary needs no
# libstoryline.so at run time.
$(BUILD)/storyline: $(CLI_OBJ) $(BUILD)/libstoryline.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libstoryline.a $(PKG_LIBS) $(SERVER_LIBS)

# The web page (web/*) as a C file of byte arrays (scripts/web_assets.sh).
$(BUILD)/gen/web_assets.c: $(WEB_ASSETS) scripts/web_assets.sh
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)sh scripts/web_assets.sh $(WEB_ASSETS) > $@.tmp && mv $@.tmp $@
# The gazetteer's place names (src/facts/gazetteer.c) as a sorted table of
# hashes, read from the iso-codes package once, here, not by every process.
$(BUILD)/gen/places.c: scripts/places_table.c src/util/hash.c src/facts/facts.h | $(BOOTSTRAP_STAMP)
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)$(CC) -std=c17 -D_GNU_SOURCE $(WARN) -O1 -Iinclude -Isrc $(PKG_CFLAGS) \
		-o $(BUILD)/gen/places-table scripts/places_table.c src/util/hash.c $(PKG_LIBS) && \
		$(BUILD)/gen/places-table > $@.tmp && mv $@.tmp $@
# The n-gram language model (src/text/langmodel.c) as a read-only table,
# made from libexttextcat's rank lists once, here, not by every process.
LANGMODEL_GEN_SRC := scripts/langmodel_table.c src/text/lang_codes.c src/text/script.c src/text/utf8.c src/util/buf.c \
	src/util/alloc.c
$(BUILD)/gen/langmodel.c: $(LANGMODEL_GEN_SRC) src/text/langmodel_table.h src/text/langmodel.h src/text/text.h src/text/swar.h \
		src/util/sorted_words.h $(wildcard /usr/share/libexttextcat/fpdb.conf) \
		| $(BOOTSTRAP_STAMP)
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)$(CC) -std=c17 -D_GNU_SOURCE $(WARN) -O1 -Iinclude -Isrc $(PKG_CFLAGS) \
		-o $(BUILD)/gen/langmodel-table $(LANGMODEL_GEN_SRC) $(PKG_LIBS) -lm && \
		$(BUILD)/gen/langmodel-table > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/src/server/%.o: ALL_CFLAGS += $(shell pkg-config --cflags $(SERVER_PKGS) 2>/dev/null)

$(BUILD)/unit-tests: $(TEST_OBJ) $(BUILD)/libstoryline.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/libstoryline.a $(PKG_LIBS)

# The feature dumps the fitting scripts of eval/ read: similarity-features
# (fit_similarity.py, fit_copies.py), facts-features (fit_speakers.py,
# fit_concepts.py) and extraction-features (fit_extraction.py), each from
# eval/NAME_features.c.
$(BUILD)/%-features: eval/%_features.c $(BUILD)/libstoryline.a
	$(call say,LD,$@)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libstoryline.a $(PKG_LIBS)

# The copy index's size for a store, for bench/copies.py.
$(BUILD)/copy-index-memory: bench/copy_index_memory.c $(BUILD)/libstoryline.a
	$(call say,LD,$@)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libstoryline.a $(PKG_LIBS)

# The pkg-config file names PREFIX, so it is remade whenever PREFIX changes: the
# stamp holds the prefix of the last build and is rewritten only when it differs.
# Requires.private is LINK_PKGS, so a static link gets every dependency.
$(BUILD)/prefix.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@

$(BUILD)/storyline.pc: storyline.pc.in $(BUILD)/prefix.stamp
	$(call say,GEN,$@)sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
		-e 's|@REQUIRES@|$(LINK_PKGS)|g' $< > $@

# Tests run on a separate build with AddressSanitizer and UndefinedBehaviorSanitizer,
# built on every core; its compiler output goes to build/san/build.log (shown on
# failure, and its warnings always). tests/run.sh runs the suites side by side.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
SAN_LDFLAGS := -fsanitize=address,undefined
SAN := $(BUILD)/san
test: layers $(BOOTSTRAP_STAMP)
	@sh scripts/bootstrap.sh test
	@echo "$(SAN): sanitizer build (-j$(NPROC))"
	@mkdir -p $(SAN) && $(MAKE) --no-print-directory -j$(NPROC) BUILD=$(SAN) CFLAGS="$(SAN_FLAGS)" \
		LDFLAGS="$(SAN_LDFLAGS)" $(SAN)/storyline $(SAN)/unit-tests \
		$(SAN)/libstoryline.so >$(SAN)/build.log 2>&1 || { cat $(SAN)/build.log; exit 1; }
	@grep -i 'warning' $(SAN)/build.log || true
	@ASAN_OPTIONS=detect_leaks=1 SL_CFLAGS="$(SAN_FLAGS)" SL_LDFLAGS="$(SAN_LDFLAGS)" \
		SL_JOBS=$(NPROC) sh tests/run.sh $(SAN)

# Includes point one way between layers (docs/architecture.md); every
# allocation goes through util/alloc.h (the fault walk reaches it).
layers:
	@sh scripts/check_layers.sh
	@sh scripts/check_alloc.sh

unit: $(BUILD)/unit-tests
	@$(BUILD)/unit-tests

# The end-to-end suites alone, on the normal build.
e2e: all
	@SL_JOBS=$(NPROC) sh tests/run.sh $(BUILD) e2e

demo: all
	@sh scripts/demo.sh $(BUILD)/storyline $(BUILD)/demo.db

eval: all
	@sh scripts/bootstrap.sh eval
	@sh eval/run.sh

bench: all
	@sh bench/run.sh

# Crash safety at scale: 20,000 articles, 50 kill -9 at random moments
# (tests/crash.sh; SL_CRASH_N, SL_CRASH_KILLS, SL_CRASH_SEED to change it).
crash: all
	@sh tests/crash.sh $(BUILD)

# The unit tests and the main commands under valgrind (tests/memcheck.sh).
memcheck: all $(BUILD)/unit-tests
	@sh scripts/bootstrap.sh memcheck
	@sh tests/memcheck.sh $(BUILD)


install: all $(BUILD)/libstoryline.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/storyline \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/storyline $(DESTDIR)$(PREFIX)/bin/storyline
	install -m 644 $(BUILD)/libstoryline.a $(DESTDIR)$(PREFIX)/lib/libstoryline.a
	install -m 755 $(BUILD)/libstoryline.so $(DESTDIR)$(PREFIX)/lib/libstoryline.so.$(VERSION)
	ln -sf libstoryline.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libstoryline.so
	install -m 644 include/storyline.h $(DESTDIR)$(PREFIX)/include/storyline.h
	install -m 644 $(PART_HDR) $(DESTDIR)$(PREFIX)/include/storyline
	install -m 644 $(BUILD)/storyline.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc
	install -m 644 man/storyline.1 $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/storyline $(DESTDIR)$(PREFIX)/lib/libstoryline.* \
		$(DESTDIR)$(PREFIX)/include/storyline.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc \
		$(DESTDIR)$(PREFIX)/share/man/man1/storyline.1 \
		$(addprefix $(DESTDIR)$(PREFIX)/include/storyline/,$(notdir $(PART_HDR)))
	rmdir $(DESTDIR)$(PREFIX)/include/storyline 2>/dev/null || true

lint: $(BOOTSTRAP_STAMP)
	@sh scripts/bootstrap.sh lint
	cppcheck --quiet --enable=warning,performance,portability --std=c11 -Iinclude -Isrc src
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- -std=c17 -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# Fuzzing (fuzz/): `make fuzz` runs each libFuzzer target for a set time
# (clang, installed by the bootstrap step), `make fuzz-replay` replays the corpora.
fuzz: fuzz-bootstrap
fuzz-bootstrap:
	@sh scripts/bootstrap.sh fuzz
-include fuzz/fuzz.mk
