"""The service layer between the edges (JSON API, web pages, CLI) and the stages.

One module per domain: accounts, projects, validation, insights, themes, models, jobs,
erasure, residual. A service takes a database session and plain arguments, returns ORM rows
or plain data, commits its own writes with their audit entries, and raises the errors of
api/services/errors.py, never HTTP ones; api/app.py maps those to responses.

Free text a service stores must come through the schemas of api/schemas.py (FreeText
pseudonymises it); the edges validate input with them before calling a service.
"""
