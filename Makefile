# Margin: `make reports` renders every notebook (quick profile); `make test` runs every test.
# Both install what they need first (Debian packages, data) and build the package.

SWIFT      ?= swift
PROFILE    ?= quick
# quick, claims or paper (see README.md, Profiles). The claims and paper profiles train for
# tens of minutes to hours in single cells: no per-cell time limit there.
LONG_RUN_TIMEOUT := $(if $(filter claims paper,$(PROFILE)),--timeout none)
RELEASE    := .build/release
MARGIN     := $(RELEASE)/margin
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: system libraries (Cairo, Pango, OpenBLAS, cmark-gfm, zlib), fonts, the
# PDF tools, KaTeX for math and Chromium for the browser check of the HTML report.
DEB_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libopenblas-dev \
	libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev \
	fonts-dejavu-core fonts-dejavu-extra poppler-utils \
	nodejs katex libjs-katex fonts-katex chromium
DATA_PACKAGES := dataset-fashion-mnist

# OpenBLAS 0.3.21 (Debian 12) does not recognise recent Xeons (Sapphire Rapids) and falls
# back to its slowest kernels (Prescott, 2-3x slower here). Unless the machine already names
# one, `reports` and `bench` name the closest kernel the CPU supports; tests keep the default.
BLAS_CORETYPE := $(or $(OPENBLAS_CORETYPE),$(shell grep -qw avx512f /proc/cpuinfo && echo SkylakeX || \
	(grep -qw avx2 /proc/cpuinfo && echo Haswell)))

.PHONY: all deps data build test reports bench gallery clean

all: build

# Installs only what is missing; with everything present it needs no network.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "deps: installing" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Shipped data is in git; Fashion-MNIST comes from Debian. Every file is checked against
# data/CHECKSUMS.
data: deps
	@dpkg-query -W -f='$${Status}\n' $(DATA_PACKAGES) 2>/dev/null | grep -q '^install ok installed' || { \
		echo "data: installing $(DATA_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(DATA_PACKAGES); }
	@cd data && sha256sum --quiet -c CHECKSUMS && echo "data: all files match data/CHECKSUMS"

build: deps
	$(SWIFT) build -c release --product margin
	$(SWIFT) build -c release --product Margin

test: deps data
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

reports: build data
	@set -e; notebooks=$$(ls notebooks/*.md 2>/dev/null | grep -v '/README.md$$' || true); \
	if [ -z "$$notebooks" ]; then echo "reports: no notebooks in notebooks/ yet"; \
	else OPENBLAS_CORETYPE=$(BLAS_CORETYPE) $(MARGIN) render $$notebooks -P profile=$(PROFILE) $(LONG_RUN_TIMEOUT); fi

bench: deps data
	$(SWIFT) build -c release --product MarginBench
	OPENBLAS_CORETYPE=$(BLAS_CORETYPE) bench/run.sh

gallery: build
	$(MARGIN) gallery --out reports/gallery

clean:
	$(SWIFT) package clean
	rm -rf .build bench/.venv bench/results
	find reports -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
