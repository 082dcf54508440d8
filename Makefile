# storyline — build, test, demo, eval, bench, install.
# `make` bootstraps missing Debian packages (scripts/bootstrap.sh says what it installs),
# then builds build/libstoryline.{a,so} and build/storyline.

PREFIX   ?= /usr/local
CC       ?= cc
PKGS     := sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson libexttextcat libcurl
BUILD    ?= build
SRC_DIRS := src/util src/text src/ingest src/stories src/copies src/facts src/store src/engine src/timex src/report
LIB_SRC  := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)

BOOTSTRAP_STAMP := $(BUILD)/.bootstrap
# pkg-config is asked only after the bootstrap step has run.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) \
             -DSL_BUILDING_LIBRARY -fPIC -fvisibility=hidden -MMD -MP

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

.PHONY: all bootstrap test unit e2e demo eval bench install uninstall clean lint fuzz crash
all: $(BUILD)/storyline $(BUILD)/libstoryline.so $(BUILD)/storyline.pc

bootstrap: $(BOOTSTRAP_STAMP)
$(BOOTSTRAP_STAMP): scripts/bootstrap.sh
	@sh scripts/bootstrap.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: %.c | $(BOOTSTRAP_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libstoryline.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libstoryline.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libstoryline.so.0 $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/storyline: $(CLI_OBJ) $(BUILD)/libstoryline.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libstoryline.a $(PKG_LIBS)

$(BUILD)/unit-tests: $(TEST_OBJ) $(BUILD)/libstoryline.a
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/libstoryline.a $(PKG_LIBS)

# The feature dump eval/fit_similarity.py fits the sentence-similarity model on.
$(BUILD)/similarity-features: eval/similarity_features.c $(BUILD)/libstoryline.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libstoryline.a $(PKG_LIBS)

# The copy index's size for a store, for bench/copies.py.
$(BUILD)/copy-index-memory: bench/copy_index_memory.c $(BUILD)/libstoryline.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libstoryline.a $(PKG_LIBS)

$(BUILD)/storyline.pc: storyline.pc.in
	@mkdir -p $(BUILD)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|0.1.0|g' $< > $@

# Tests run on a separate build with AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
test: $(BOOTSTRAP_STAMP)
	@$(MAKE) -s --no-print-directory BUILD=build/san CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
		build/san/storyline build/san/unit-tests
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh build/san

unit: $(BUILD)/unit-tests
	@$(BUILD)/unit-tests

demo: all
	@sh scripts/demo.sh $(BUILD)/storyline $(BUILD)/demo.db

eval: all
	@sh eval/run.sh

bench: all
	@sh bench/run.sh

crash: test
	@sh tests/crash.sh build/san

install: all $(BUILD)/libstoryline.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/storyline $(DESTDIR)$(PREFIX)/bin/storyline
	install -m 644 $(BUILD)/libstoryline.a $(DESTDIR)$(PREFIX)/lib/libstoryline.a
	install -m 755 $(BUILD)/libstoryline.so $(DESTDIR)$(PREFIX)/lib/libstoryline.so.0.1.0
	ln -sf libstoryline.so.0.1.0 $(DESTDIR)$(PREFIX)/lib/libstoryline.so.0
	ln -sf libstoryline.so.0 $(DESTDIR)$(PREFIX)/lib/libstoryline.so
	install -m 644 include/storyline.h $(DESTDIR)$(PREFIX)/include/storyline.h
	install -m 644 $(BUILD)/storyline.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc
	install -m 644 man/storyline.1 $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/storyline $(DESTDIR)$(PREFIX)/lib/libstoryline.* \
		$(DESTDIR)$(PREFIX)/include/storyline.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc \
		$(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

lint: $(BOOTSTRAP_STAMP)
	cppcheck --quiet --enable=warning,performance,portability --std=c11 -Iinclude -Isrc src
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- -std=c17 -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
