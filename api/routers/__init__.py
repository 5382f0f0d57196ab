"""Routers per resource, all mounted under /api."""

from api.routers import accounts

ROUTERS = [accounts.router]
