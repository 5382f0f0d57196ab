"""Brukarröst: pipeline stages for Swedish free-text feedback.

Data flows one way: ingest → pseudonymise → embed → themes/classify → store → serve.
"""

__version__ = "0.1.0"
