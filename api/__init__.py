"""Brukarröst web service: JSON API (FastAPI) and the web pages."""
