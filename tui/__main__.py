"""``python -m tui`` runs the ``newsreader`` command."""

import sys

from tui.cli import main

sys.exit(main())
