"""Alerts that reach people once: routing, rendering, Slack, email, console, dispatch.

- `alerts.routing`: the routing configuration and `Router.route(change)`, the
  callback the store calls to write outbox rows.
- `alerts.render`: headlines and evidence views (pure).
- `alerts.slack`, `alerts.email`, `alerts.console`: one module per channel, each a
  pure message builder and a thin sender.
- `alerts.dispatcher`: `dispatch(store, router)` delivers the pending outbox.
- `alerts.errors`: `AlertError` and its subclasses, each naming its `channel`.
"""

from alerts.dispatcher import ChannelReport, DispatchReport, dispatch
from alerts.errors import (
    AlertError,
    DeliveryError,
    PermanentDeliveryError,
    RoutingConfigError,
    TransientDeliveryError,
)
from alerts.render import AlertView, alert_view, headline
from alerts.routing import Router, RoutingConfig, load_router, load_routing

__all__ = [
    "AlertError",
    "AlertView",
    "ChannelReport",
    "DeliveryError",
    "DispatchReport",
    "PermanentDeliveryError",
    "Router",
    "RoutingConfig",
    "RoutingConfigError",
    "TransientDeliveryError",
    "alert_view",
    "dispatch",
    "headline",
    "load_router",
    "load_routing",
]
