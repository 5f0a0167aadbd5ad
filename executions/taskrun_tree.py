"""An execution's taskruns as a tree, the order its pages show them in (the admin page,
the UI's Gantt and Outputs tabs): each parent followed by its children."""
from __future__ import annotations


def tree_order(taskruns) -> list[tuple[int, object]]:
    """(depth, taskrun) pairs, each parent followed by its children, in creation order."""
    children: dict = {}
    for taskrun in sorted(taskruns, key=lambda t: t.seq):
        children.setdefault(taskrun.parent_id, []).append(taskrun)
    ordered, stack = [], [(0, t) for t in reversed(children.get(None, []))]
    while stack:
        depth, taskrun = stack.pop()
        ordered.append((depth, taskrun))
        stack += [(depth + 1, child) for child in reversed(children.get(taskrun.id, []))]
    return ordered
