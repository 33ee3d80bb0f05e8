# A thin wrapper over CMake and CTest. The build itself is CMakeLists.txt.
#
#   make            configure and build into build/ (the CLI is build/examples/ogi/ogi)
#   make deps       install the Debian packages ogi needs that are missing (apt-get)
#   make demo       deps + build the CLI + print the sample report's metadata and outline
#   make demo-dask  install python3-distributed, run examples/python/dask_batch.py on the corpus
#   make test       deps + build + run every test (ctest)
#   make bench      build and run the benchmark programs (build/tests/bench)
#   make sanitize   build into build-sanitize with ASan+UBSan and run the tests
#   make tsan       build into build-tsan with ThreadSanitizer, parse from 4 threads at once
#   make fuzz       build the libFuzzer targets with clang (build-fuzz), run each FUZZ_SECONDS
#   make clean      remove build/ and build-sanitize/
#
# Variables: BUILD=dir (default build), BUILD_TYPE (RelWithDebInfo), JOBS
# (number of CPUs), CMAKE_ARGS (extra configure options).

BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE ?= cmake
CTEST ?= ctest
CMAKE_ARGS ?=

# Debian packages: toolchain, libraries, test and tool dependencies.
PACKAGES := cmake g++ pkg-config libicu-dev libfmt-dev nlohmann-json3-dev doctest-dev \
            libgumbo-dev libpoppler-cpp-dev poppler-utils libcli11-dev libbenchmark-dev \
            python3 clang chromium fonts-noto-cjk

SAMPLE := tests/fixtures/sample-legacy.txt

# cmake --build runs make again: keep its output free of "Entering directory".
MAKEFLAGS += --no-print-directory

.PHONY: all build configure deps demo test bench sanitize clean

all: build

# Configure once; later builds let CMake re-run itself when a CMakeLists changes.
$(BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: $(BUILD)/CMakeCache.txt

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

# Installs only what is missing (checked with dpkg-query), says exactly what,
# runs `apt-get update` only then, and uses sudo when not root.
deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "deps: not a Debian system; install these (or equivalents) yourself: $(PACKAGES)"; exit 0; \
	fi; \
	missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all required Debian packages are installed"; exit 0; fi; \
	sudo=""; if [ "$$(id -u)" -ne 0 ]; then sudo=sudo; fi; \
	echo "deps: installing missing Debian packages:$$missing"; \
	$$sudo apt-get update && $$sudo apt-get install -y --no-install-recommends $$missing

# Builds just the CLI (the tests come with `make test`).
demo: deps $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS) --target ogi_cli
	$(BUILD)/examples/ogi/ogi extract $(SAMPLE)

test: deps build
	$(CTEST) --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Runs every benchmark executable that tests/bench builds, e.g.
#   make bench BENCH_ARGS=--benchmark_filter=e2e/
# (OGI_BENCH_DIRS=dir1:dir2 replaces the default inputs: tests/fixtures and
# ../shared/corpus/real when present).
BENCH_ARGS ?=
bench: build
	@found=0; \
	for b in $$(find $(BUILD)/tests/bench -maxdepth 1 -type f -perm -u+x 2>/dev/null | sort); do \
	  found=1; echo "== $$b"; $$b $(BENCH_ARGS) || exit $$?; \
	done; \
	if [ $$found -eq 0 ]; then echo "bench: no benchmark programs in $(BUILD)/tests/bench (OGI_BUILD_BENCH=ON builds them)"; fi

sanitize: deps
	$(CMAKE) -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DOGI_SANITIZE=ON $(CMAKE_ARGS)
	$(CMAKE) --build $(SANITIZE_BUILD) -j $(JOBS)
	$(CTEST) --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)

# ---- ThreadSanitizer: every fixture, corpus report and fuzz seed parsed from
# 4 threads at once must equal the single-threaded parse, with no data race.
TSAN_BUILD ?= build-tsan
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
.PHONY: tsan fuzz
tsan: deps
	$(CMAKE) -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) "-DCMAKE_C_FLAGS=$(TSAN_FLAGS)" \
	  "-DCMAKE_CXX_FLAGS=$(TSAN_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
	  -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread -DOGI_BUILD_BENCH=OFF -DOGI_BUILD_PYTHON=OFF $(CMAKE_ARGS)
	$(CMAKE) --build $(TSAN_BUILD) -j $(JOBS) --target ogi_thread_test
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 $(TSAN_OPTIONS)" \
	  $(CTEST) --test-dir $(TSAN_BUILD) -R '^threads$$' --output-on-failure

# ---- libFuzzer (clang from Debian). Builds every fuzz target into
# build-fuzz/tests/fuzz with -fsanitize=fuzzer,address,undefined and runs
# each in turn, one process at a time, for FUZZ_SECONDS:
#   make fuzz                                   60 s per target
#   make fuzz FUZZ_SECONDS=600                  10 minutes per target
#   make fuzz FUZZ_TARGETS=fuzz_parse_html      one target
# New corpus entries go to build-fuzz/corpus/<target> (the seeds in
# tests/fuzz/corpus/<target> are only read); a crash is written to
# build-fuzz/artifacts/ and stops the run: copy it into
# tests/fuzz/corpus/<target>/ as a regression seed once fixed (ctest replays
# every file there in the ordinary build).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_parse_text fuzz_parse_html fuzz_numbers fuzz_capi
FUZZ_ARGS ?= -max_len=16384 -timeout=30 -rss_limit_mb=4096
fuzz: deps
	$(CMAKE) -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_C_COMPILER=clang \
	  -DCMAKE_CXX_COMPILER=clang++ -DOGI_BUILD_FUZZ=ON -DOGI_BUILD_BENCH=OFF -DOGI_BUILD_PYTHON=OFF $(CMAKE_ARGS)
	$(CMAKE) --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/tests/fuzz/$$t $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t -dict=tests/fuzz/ogi.dict \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	    $(FUZZ_ARGS) || exit $$?; \
	done

# ---- dask: examples/python/dask_batch.py on a LocalCluster over the corpus
# (../shared/corpus/real when present, else tests/fixtures), writing
# $(BUILD)/facts-dask.csv, the file `ogi batch --csv` writes. Installs Debian's
# python3-distributed when missing (sudo when not root); it installs dask for
# /usr/bin/python3, which runs the example.
DASK_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
DASK_INPUT ?= $(if $(wildcard ../shared/corpus/real),../shared/corpus/real,tests/fixtures)
.PHONY: demo-dask
demo-dask: deps $(BUILD)/CMakeCache.txt
	@if command -v dpkg-query >/dev/null 2>&1 && \
	  ! dpkg-query -W -f='$${Status}\n' python3-distributed 2>/dev/null | grep -q '^install ok installed$$'; then \
	  sudo=""; if [ "$$(id -u)" -ne 0 ]; then sudo=sudo; fi; \
	  echo "demo-dask: installing python3-distributed"; \
	  $$sudo apt-get update && $$sudo apt-get install -y --no-install-recommends python3-distributed; \
	fi
	$(CMAKE) --build $(BUILD) -j $(JOBS) --target ogi_c_shared
	OGI_LIBRARY=$(abspath $(BUILD))/capi/libogi_c.so PYTHONPATH=$(abspath capi/python) \
	  $(DASK_PYTHON) examples/python/dask_batch.py $(DASK_INPUT) --out $(BUILD)/facts-dask.csv
	@echo "demo-dask: $(BUILD)/facts-dask.csv has $$(($$(wc -l < $(BUILD)/facts-dask.csv) - 1)) facts from $(DASK_INPUT)"
