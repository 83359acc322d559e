"""``python -m arc``: the same as the ``arc`` command."""

import sys

from arc.cli import main

sys.exit(main())
