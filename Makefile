.PHONY: help check lint type test bench look golden

PY ?= python

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

check: lint type test  ## ruff, mypy --strict and the tests

lint:  ## ruff lint and format check
	ruff check resconv tests benchmarks
	ruff format --check resconv

type:  ## mypy --strict on the package
	mypy

test:  ## the test suite
	pytest

golden:  ## rewrite golden files (then review `git diff fixtures` by eye before committing)
	pytest --update-goldens -q -k golden

bench:  ## benchmarks (prints a table)
	$(PY) benchmarks/run.py

look:  ## render the seed to PNG pages in look/ (needs pdftoppm and soffice)
	mkdir -p look
	resconv convert fixtures/A-RES-67-38.zh.txt --to pdf,docx -o look --force
	pdftoppm -png -r 80 look/A-RES-67-38.zh.pdf look/pdf
	soffice --headless --convert-to pdf --outdir look/docx look/A-RES-67-38.zh.docx
	pdftoppm -png -r 80 look/docx/A-RES-67-38.zh.pdf look/docx
