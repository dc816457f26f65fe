"""`python -m resconv` runs the command line."""

import sys

from resconv.cli import main

sys.exit(main())
