# fuzz.mk — builds the fuzz harnesses of fuzz/ and gives `make fuzz` and
# `make fuzz-replay`. The Makefile includes it (`-include fuzz/fuzz.mk`);
# fuzz/run.sh and fuzz/replay.sh also use it alone (`make -f fuzz/fuzz.mk`).
#   build/fuzz/<target>        libFuzzer binary: clang, -fsanitize=fuzzer,address,undefined,
#                              the library built into build/fuzz/obj with fuzzer-no-link
#   build/san/fuzz/<target>    replay binary: cc with ASan+UBSan, fuzz/replay.c as main(),
#                              linked with build/san/libstoryline.a (the `make test` build)
# Variables are prefixed FZ_ so that they never touch the Makefile's own.

FZ_TARGETS := utf8 sentences chrome jsonl json_doc html charset warc warc_gz feed quotes numbers dates compare \
              serve_request lines dedup input_article
FZ_PKGS    := sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat libcurl
FZ_PKG_CFLAGS = $(shell pkg-config --cflags $(FZ_PKGS) 2>/dev/null)
# libcurl: headers only, as in the Makefile (the fetcher loads it on its first fetch).
FZ_PKG_LIBS   = $(shell pkg-config --libs $(filter-out libcurl,$(FZ_PKGS)) 2>/dev/null) -lstemmer -lm
FZ_LIB_SRC := $(foreach d,$(filter-out src/cli src/cli/% src/server src/server/%,$(patsubst %/,%,$(wildcard src/*/ src/*/*/))),$(wildcard $(d)/*.c))
FZ_CFLAGS   = -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
              -Wno-unused-parameter -g -Iinclude -Isrc -Ifuzz \
              $(FZ_PKG_CFLAGS) -DSL_BUILDING_LIBRARY
FZ_CLANG   ?= clang
FZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# The fuzzing build lets UBSan recover so that fuzz/known-ubsan.supp can silence the reports of
# bugs already filed (issue 16); run.sh sets halt_on_error=1, so any other report stops the run.
FZ_FUZZ_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer
FZ_SECONDS ?= 60

FZ_LIB_OBJ := $(FZ_LIB_SRC:%.c=build/fuzz/obj/%.o) build/fuzz/obj/build/gen/places.o \
              build/fuzz/obj/build/gen/langmodel.o
# The gazetteer's and the language models' tables are the Makefile's to make
# (build/gen/places.c, build/gen/langmodel.c); alone, this file asks it.
ifndef BUILD
build/gen/places.c build/gen/langmodel.c: FORCE
	@$(MAKE) --no-print-directory $@
FORCE:
endif
# serve_request also links the server's request path (src/server/ is not in the library).
FZ_SERVER  := api body limits
FZ_OBJ     := $(FZ_LIB_OBJ) $(foreach t,$(FZ_TARGETS) common,build/fuzz/obj/fuzz/$(t).o) \
              $(foreach t,$(FZ_TARGETS) common replay,build/san/fuzz/obj/fuzz/$(t).o) \
              $(FZ_SERVER:%=build/fuzz/obj/src/server/%.o) $(FZ_SERVER:%=build/san/fuzz/obj/src/server/%.o)
# Objects made through the pattern rules are kept (make would delete them as intermediates).
.SECONDARY: $(FZ_OBJ)

.PHONY: fuzz fuzz-replay fuzz-bins fuzz-replay-bins
fuzz:
	@sh fuzz/run.sh $(FZ_SECONDS)

fuzz-replay:
	@sh fuzz/replay.sh

fuzz-bins: $(FZ_TARGETS:%=build/fuzz/%)
fuzz-replay-bins: $(FZ_TARGETS:%=build/san/fuzz/%)

build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FZ_CLANG) $(FZ_CFLAGS) -O1 -fsanitize=fuzzer-no-link $(FZ_FUZZ_SAN) -MMD -MP -c $< -o $@

build/fuzz/%: build/fuzz/obj/fuzz/%.o build/fuzz/obj/fuzz/common.o $(FZ_LIB_OBJ)
	$(FZ_CLANG) -fsanitize=fuzzer $(FZ_FUZZ_SAN) -o $@ $^ $(FZ_PKG_LIBS)

build/san/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(FZ_CFLAGS) -O1 $(FZ_SAN) -MMD -MP -c $< -o $@

build/san/fuzz/%: build/san/fuzz/obj/fuzz/%.o build/san/fuzz/obj/fuzz/common.o \
                  build/san/fuzz/obj/fuzz/replay.o build/san/libstoryline.a
	$(CC) $(FZ_SAN) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(FZ_PKG_LIBS)

build/fuzz/serve_request: $(FZ_SERVER:%=build/fuzz/obj/src/server/%.o)
build/san/fuzz/serve_request: $(FZ_SERVER:%=build/san/fuzz/obj/src/server/%.o)

-include $(wildcard build/fuzz/obj/fuzz/*.d build/san/fuzz/obj/fuzz/*.d)
