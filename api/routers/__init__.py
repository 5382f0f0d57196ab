"""Routers per resource, all mounted under /api."""

from api.routers import accounts, data, exports, insights, jobs, models, residual, themes, validation

ROUTERS = [
    accounts.router, data.router, validation.router, jobs.router, exports.router,
    insights.router, models.router, themes.router, residual.router,
]
