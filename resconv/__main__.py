"""`python -m resconv` runs the command line."""

import sys

from resconv.cli import console

sys.exit(console())
