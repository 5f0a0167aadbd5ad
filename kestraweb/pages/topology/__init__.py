"""A flow's topology drawn as nested boxes: the flow's graph (flows.graph.flow_graph,
what the API's /graph routes serve) read back into lanes of tasks, a flowable a box
holding its children, and for an execution each task coloured by its task runs' state.
Reusable from any page with `{% load topology %}{% topology graph states %}`."""
