"""`python -m nlp.cli`: the same command as `brukarrost`."""

import sys

from nlp.cli import app

sys.exit(app())
