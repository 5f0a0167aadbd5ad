"""Content negotiation that never refuses: kestrapy sends `Accept: */*` mostly, but a
client asking for a type an endpoint does not render gets the endpoint's first renderer
rather than a 406, as Kestra's server answers whatever the client accepts."""
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class LenientContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type
