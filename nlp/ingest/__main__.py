"""`python -m nlp.ingest`: the preview child process started by `inspect_isolated`."""

from nlp.ingest.isolated import run_child

run_child()
