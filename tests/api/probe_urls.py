"""A URLconf for the foundation's tests: the project's routes plus small probe
endpoints built the way endpoint modules are (tenant_routes, require/visible,
filter_q, page_params/paged, named errors), over the real Execution model."""
from django.db.models import Q
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import WRITE, require, visible
from api.filters import Choice, Custom, Date, Search, Text, filter_q
from api.paging import page_params, paged
from api.problems import Conflict
from api.routing import tenant_routes
from executions.models import Execution
from executions.states import State
from flows.models import Namespace
from flows.spec import parse_flow
from kestraweb.urls import urlpatterns as project_urls


def inputs_q(condition):
    """A map field: filters[inputs][EQUALS][key]=value on the inputs JSON."""
    q = Q(**{f"inputs__{condition.key}": condition.value})
    return q if condition.op == "EQUALS" else ~q | ~Q(inputs__has_key=condition.key)


FIELDS = {
    "namespace": Text("namespace"),
    "flowId": Text("flow_id"),
    "state": Choice("state", [s.value for s in State]),
    "startDate": Date("start_date"),
    "endDate": Date("end_date"),
    "q": Search(["id", "namespace", "flow_id"]),
    "inputs": Custom(inputs_q, map=True),
}
SORT = {"id": "id", "namespace": "namespace", "state.startDate": "start_date"}


class ProbeSearch(APIView):
    def get(self, request):
        rows = visible(request, Execution.objects.all()).filter(filter_q(request, FIELDS))
        page = page_params(request, SORT, ["-start_date"])
        return Response(paged(rows, page, lambda e: {"id": e.id, "namespace": e.namespace, "flowId": e.flow_id}))


class ProbeFlow(APIView):
    def post(self, request):
        spec = parse_flow(request.data)
        return Response({"id": spec.id})


class ProbeEcho(APIView):
    def post(self, request):
        data = request.data
        if hasattr(data, "lists"):
            data = {key: values if len(values) > 1 else values[0] for key, values in data.lists()}
        files = {name: upload.read().decode() for name, upload in request.FILES.items()}
        return Response({"type": type(request.data).__name__, "data": data, "files": files})


class ProbeWrite(APIView):
    def post(self, request, namespace):
        require(request, WRITE, namespace)
        if namespace == "taken":
            raise Conflict("Namespace 'taken' is taken")
        return Response({"namespace": namespace})


class ProbeUncheckedInsert(APIView):
    """Stores the body's `name` as a Namespace row with no check at all, as a view that
    forgot one would: PostgreSQL refuses a name over its varchar(255), SQLite keeps it."""

    def post(self, request):
        return Response({"id": Namespace.objects.create(name=request.data["name"]).name})


PROBE = [
    path("probe/executions/search", ProbeSearch.as_view()),
    path("probe/flows", ProbeFlow.as_view()),
    path("probe/echo", ProbeEcho.as_view()),
    path("probe/namespaces/<str:namespace>/write", ProbeWrite.as_view()),
    path("probe/unchecked-insert", ProbeUncheckedInsert.as_view()),
]

urlpatterns = [path("api/v1/", include(tenant_routes(PROBE))), *project_urls]
