.PHONY: help check lint type test golden bench look ci

PY ?= python

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

check: lint type test  ## everything CI checks: lint, types, tests

lint:  ## ruff lint and format check (the versions pinned in pyproject.toml's lint extra)
	ruff check .
	ruff format --check .

type:  ## mypy --strict on the package, and the tests with their relaxed profile
	mypy --strict resconv
	mypy tests

test:  ## the test suite, as the README runs it
	pytest

golden:  ## rewrite the golden files, then show what changed: review `git diff fixtures` by eye before committing
	pytest --update-goldens -q -p no:cacheprovider -k golden
	git status --short fixtures

bench:  ## benchmarks (prints a table)
	$(PY) benchmarks/run.py

look:  ## render the seed to PNG pages in look/ (needs pdftoppm and soffice)
	mkdir -p look
	resconv convert fixtures/A-RES-67-38.zh.txt --to pdf,docx -o look --force
	pdftoppm -png -r 80 look/A-RES-67-38.zh.pdf look/pdf
	soffice --headless --convert-to pdf --outdir look/docx look/A-RES-67-38.zh.docx
	pdftoppm -png -r 80 look/docx/A-RES-67-38.zh.pdf look/docx

ci:  ## the CI run from a clean virtualenv (.ci/run)
	bash .ci/run
