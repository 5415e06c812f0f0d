# The front door. `make demo` and `make test` are all a fresh Debian machine
# needs; everything else is for developers.
#
#   make            build build/krait (release)
#   make test       the whole suite, then again under ASan+UBSan (build-asan/)
#   make test-fast  the whole suite, normal build only
#   make test-asan  the suite under ASan+UBSan only
#   make test-corpus  krait ast vs CPython 3.14 on the machine's Python stdlib,
#                   its tests and site-packages (corpus B, ~11,600 files)
#   make bench      parse throughput and peak memory over corpus A against
#                   CPython's parser; krait scan against Bandit; krait overview against radon;
#                   krait deps (a 300-package lock, ~20,000 advisories) warm and cold
#   make demo       install what is missing, build, run krait on examples/
#   make fuzz       libFuzzer on the parser, the whole scan, PEP 440, TOML, OSV
#                   advisories and dependency declarations, for
#                   FUZZ_SECONDS each (default 600)
#   make deps       install build and test dependencies (idempotent)
#   make rules-doc  regenerate docs/rules.md from the rule catalogue

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 600
CMAKE_FLAGS ?=

KRAIT := $(BUILD)/krait
DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all build deps test test-fast test-asan test-corpus bench demo fuzz clean rules-doc

all: build

# install-deps is cheap when nothing is missing, but the stamp spares
# developers even that on every build.
$(DEPS_STAMP): scripts/install-deps tests/oracle/package-lock.json tests/report/package-lock.json \
		tests/html/package-lock.json
	scripts/install-deps
	@mkdir -p $(BUILD) && touch $@

deps:
	scripts/install-deps

build: $(DEPS_STAMP)
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

test: test-fast test-asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: $(DEPS_STAMP)
	cmake -S . -B $(ASAN_BUILD) -DKRAIT_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	      -DKRAIT_ORACLE_CACHE=$(abspath $(BUILD))/oracle-cache $(CMAKE_FLAGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

test-corpus: build
	tests/oracle/run --name corpus-b --krait $(KRAIT) --cache $(BUILD)/oracle-cache \
	    --corpus-b --jobs $(JOBS)

bench: build
	scripts/install-deps --bench
	tests/oracle/run --extract-corpus-a $(BUILD)/corpus-a
	bench/run $(BUILD) $(BUILD)/corpus-a
	bench/scan $(KRAIT) $(BUILD)/corpus-a
	bench/overview $(KRAIT) $(BUILD)/corpus-a
	bench/deps $(KRAIT) tests/data/osv/PyPI-all.zip $(BUILD)/bench-deps

demo: build
	scripts/demo $(KRAIT)

fuzz: build
	cmake --build $(BUILD) --target fuzz_build
	tests/fuzz/run $(BUILD)/fuzz $(FUZZ_SECONDS) parse
	tests/fuzz/run $(BUILD)/fuzz $(FUZZ_SECONDS) scan
	tests/deps/pep440/fuzz $(BUILD)/fuzz $(FUZZ_SECONDS)
	tests/deps/toml/fuzz $(BUILD)/fuzz $(FUZZ_SECONDS)
	tests/deps/osv/fuzz $(BUILD)/fuzz $(FUZZ_SECONDS)
	tests/deps/inputs/fuzz $(BUILD)/fuzz $(FUZZ_SECONDS)

# docs/rules.md is generated; ctest's rules-doc test fails when it is stale.
rules-doc: build
	$(KRAIT) rules --format md > docs/rules.md.tmp
	mv docs/rules.md.tmp docs/rules.md

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
