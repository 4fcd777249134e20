"""Positions computed in Python: nested circle packing of the view's tree, pure and deterministic.

Each node's circle holds the node itself at its centre and its children's circles packed around
it (the front-chain algorithm of Wang et al., as in d3-hierarchy's packSiblings), so a survey's
sections, a section's works and a work's authors stay together. It is linear in practice: a
20,000-node view is laid out in well under a second, with no numerical library needed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from kg.export.html.tree import Parents

PADDING = 2.0


@dataclass(eq=False)
class Circle:
    """A circle being packed; `x` and `y` are relative to its siblings' enclosing circle."""

    r: float
    x: float = 0.0
    y: float = 0.0


@dataclass(eq=False)
class _Link:
    """One circle on the front chain, a ring of circles bounding the packing so far."""

    c: Circle
    next: _Link | None = field(default=None, repr=False)
    previous: _Link | None = field(default=None, repr=False)


def _place(b: Circle, a: Circle, c: Circle) -> None:
    """Put `c` tangent to both `a` and `b`."""
    dx, dy = b.x - a.x, b.y - a.y
    d2 = dx * dx + dy * dy
    if not d2:
        c.x, c.y = a.x + c.r, a.y
        return
    a2, b2 = (a.r + c.r) ** 2, (b.r + c.r) ** 2
    if a2 > b2:
        x = (d2 + b2 - a2) / (2 * d2)
        y = math.sqrt(max(0.0, b2 / d2 - x * x))
        c.x, c.y = b.x - x * dx - y * dy, b.y - x * dy + y * dx
    else:
        x = (d2 + a2 - b2) / (2 * d2)
        y = math.sqrt(max(0.0, a2 / d2 - x * x))
        c.x, c.y = a.x + x * dx - y * dy, a.y + x * dy + y * dx


def _intersects(a: Circle, b: Circle) -> bool:
    dr = a.r + b.r - 1e-6
    dx, dy = b.x - a.x, b.y - a.y
    return dr > 0 and dr * dr > dx * dx + dy * dy


def _score(link: _Link) -> float:
    """How far from the origin the gap between this circle and the next one lies."""
    assert link.next is not None
    a, b = link.c, link.next.c
    ab = a.r + b.r
    dx, dy = (a.x * b.r + b.x * a.r) / ab, (a.y * b.r + b.y * a.r) / ab
    return dx * dx + dy * dy


def pack_siblings(circles: Sequence[Circle]) -> float:
    """Pack the circles without overlap around the first one; centre them; return the radius."""
    if not circles:
        return 0.0
    first = circles[0]
    first.x = first.y = 0.0
    if len(circles) > 1:
        second = circles[1]
        first.x, second.x, second.y = -second.r, first.r, 0.0
    if len(circles) > 2:
        _front_chain(circles)
    return _enclose(circles)


def _front_chain(circles: Sequence[Circle]) -> None:
    """Place circles 3… one by one beside the pair of the front chain nearest the origin."""
    _place(circles[1], circles[0], circles[2])
    a, b, c = _Link(circles[0]), _Link(circles[1]), _Link(circles[2])
    a.next = c.previous = b
    b.next = a.previous = c
    c.next = b.previous = a
    i = 3
    while i < len(circles):
        _place(a.c, b.c, circles[i])
        blocker = _blocker(a, b, circles[i])
        if blocker is not None:
            a, b = _drop_between(a, b, *blocker)
            continue
        new = _Link(circles[i], next=b, previous=a)
        a.next = b.previous = new
        a = _closest_pair(new)
        assert a.next is not None
        b = a.next
        i += 1


def _blocker(a: _Link, b: _Link, c: Circle) -> tuple[_Link, bool] | None:
    """The nearest circle along the chain that `c` would overlap, and whether it lies ahead."""
    assert b.next is not None and a.previous is not None
    j, k, sj, sk = b.next, a.previous, b.c.r, a.c.r
    while True:
        if sj <= sk:
            if _intersects(j.c, c):
                return j, True
            sj += j.c.r
            assert j.next is not None
            j = j.next
        else:
            if _intersects(k.c, c):
                return k, False
            sk += k.c.r
            assert k.previous is not None
            k = k.previous
        if j is k.next:
            return None


def _drop_between(a: _Link, b: _Link, hit: _Link, ahead: bool) -> tuple[_Link, _Link]:
    """Remove the chain links between the pair and the overlapped circle, then retry there."""
    if ahead:
        b = hit
    else:
        a = hit
    a.next, b.previous = b, a
    return a, b


def _closest_pair(start: _Link) -> _Link:
    best, best_score = start, _score(start)
    link = start.next
    assert link is not None
    while link is not start and link is not None:
        score = _score(link)
        if score < best_score:
            best, best_score = link, score
        link = link.next
    return best


def _enclose(circles: Sequence[Circle]) -> float:
    """Centre the circles on their bounding box and return a radius that encloses them all."""
    left = min(c.x - c.r for c in circles)
    right = max(c.x + c.r for c in circles)
    bottom = min(c.y - c.r for c in circles)
    top = max(c.y + c.r for c in circles)
    cx, cy = (left + right) / 2, (bottom + top) / 2
    for c in circles:
        c.x -= cx
        c.y -= cy
    return max(math.hypot(c.x, c.y) + c.r for c in circles)


def children_of(parents: Parents) -> tuple[dict[str, list[str]], list[str]]:
    """Each node's children in the view's order, and the roots."""
    children: dict[str, list[str]] = {n: [] for n in parents}
    roots = []
    for node, parent in parents.items():
        if parent is None or parent not in children:
            roots.append(node)
        else:
            children[parent].append(node)
    return children, roots


def pack_layout(
    parents: Parents, radius: Callable[[str], float], groups: Mapping[str, str] | None = None
) -> dict[str, tuple[float, float]]:
    """Positions for every node: roots packed together, each node amid its packed children.

    `groups` gathers roots that share a group name (e.g. all venues) into one cluster first.
    """
    children, roots = children_of(parents)
    top = _grouped(roots, groups or {})
    sizes = {n: radius(n) for n in parents}
    circles = {n: Circle(sizes[n] + PADDING) for n in parents}
    offsets: dict[str, tuple[float, float]] = {}
    for node in _post_order(children, [r for g in top for r in g]):
        offsets[node] = _pack_node(node, children[node], circles)
    clusters = [_cluster(group, circles, offsets) for group in top]
    pack_siblings([c for c, _ in clusters])
    positions: dict[str, tuple[float, float]] = {}
    for outer, members in clusters:
        for member, (mx, my) in members:
            _place_subtree(
                member, outer.x + mx, outer.y + my, children, circles, offsets, positions
            )
    return positions


def _grouped(roots: list[str], groups: Mapping[str, str]) -> list[list[str]]:
    """Ungrouped roots stand alone; grouped roots go together, groups in order of first root."""
    clusters: dict[str, list[str]] = {}
    for root in roots:
        clusters.setdefault(groups.get(root, f"\0{root}"), []).append(root)
    return list(clusters.values())


def _post_order(children: Mapping[str, list[str]], roots: list[str]) -> list[str]:
    order, stack = [], [(r, False) for r in reversed(roots)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(children[node]))
    return order


def _pack_node(node: str, kids: list[str], circles: dict[str, Circle]) -> tuple[float, float]:
    """Pack the node's own disc with its children's circles; grow its circle to enclose them."""
    if not kids:
        return 0.0, 0.0
    own = Circle(circles[node].r)
    radius = pack_siblings([own, *(circles[k] for k in kids)])
    circles[node] = Circle(radius + PADDING)
    return own.x, own.y


def _cluster(
    group: list[str], circles: dict[str, Circle], offsets: dict[str, tuple[float, float]]
) -> tuple[Circle, list[tuple[str, tuple[float, float]]]]:
    """A group of roots packed into one circle, with each root's offset inside it."""
    if len(group) == 1:
        return Circle(circles[group[0]].r), [(group[0], (0.0, 0.0))]
    inner = [Circle(circles[r].r) for r in group]
    radius = pack_siblings(inner)
    return Circle(radius + PADDING), [(r, (c.x, c.y)) for r, c in zip(group, inner, strict=True)]


def _place_subtree(
    root: str,
    x: float,
    y: float,
    children: Mapping[str, list[str]],
    circles: Mapping[str, Circle],
    offsets: Mapping[str, tuple[float, float]],
    positions: dict[str, tuple[float, float]],
) -> None:
    """Absolute positions: a circle's centre plus the packed offsets, walked top-down."""
    stack = [(root, x, y)]
    while stack:
        node, cx, cy = stack.pop()
        ox, oy = offsets[node]
        positions[node] = (round(cx + ox, 1), round(cy + oy, 1))
        stack.extend((k, cx + circles[k].x, cy + circles[k].y) for k in children[node])
