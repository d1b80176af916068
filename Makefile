# The two set-up commands of README.md: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV := DJANGO_DEBUG=1
# The port of the development server: make serve PORT=8100
PORT ?= 8000

.PHONY: install serve test pretendard-gov

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed

serve: install
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py seed_directory
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	scripts/test.sh

# Opt-in web font (DJANGO_PRETENDARD_GOV=1): copy Pretendard GOV from the
# krds-uiux package into static/fonts/ (git-ignored).
pretendard-gov:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent krds-uiux@1.1.0 >/dev/null \
	  && tar xzf krds-uiux-1.1.0.tgz && mkdir -p $(CURDIR)/static/fonts \
	  && cp package/resources/fonts/PretendardGOV-*.subset.woff2 $(CURDIR)/static/fonts/ \
	  && cp $(CURDIR)/static_optional/css/pretendard-gov.css $(CURDIR)/static/css/
