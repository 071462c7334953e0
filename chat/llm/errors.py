"""Why a request could not be routed. ``str()`` of each is German text for the user."""


class RoutingError(Exception):
    """A request could not be answered by any allowed model. ``str()`` is a German text for the user."""


class ModelNotAllowed(RoutingError):
    pass


class ModelUnavailable(RoutingError):
    pass
