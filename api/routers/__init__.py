"""Routers per resource, all mounted under /api: every module here with a `router` is
included (api/registry.py), so a new resource is one new module."""
