"""Whether a graph certainly conforms to SHACL Core shapes, decided in Python over a triple index.

A batch (``kg ingest``) only asks whether each article's graph conforms; for the graphs kg
makes, the answer is almost always yes, and a full SHACL engine spends most of its time building
the machinery of a report nobody reads. ``certainly_conforms`` answers that one question, and
answers yes only when it has checked every constraint of every shape and found each holds: a
constraint it does not implement (sh:sparql, sh:closed, path operators beyond inverse,
alternative and sequence paths, ...), a literal whose lexical form it cannot vouch for, a
comparison it cannot make with certainty, or a cycle of shapes makes its answer "not certain",
and the caller then runs the full engine, whose report is the one that counts. So a graph is
never passed that the full engine would fail; at worst the full engine runs.

Evaluation is three-valued: True (conforms), False (certainly does not), None (not certain).
sh:not and sh:or need the False branch; everything else is only trusted when True.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Protocol

import pyoxigraph as ox

from kg.vocab import PREFIXES

SH, RDF, RDFS, XSD = (PREFIXES[p] for p in ("sh", "rdf", "rdfs", "xsd"))

_TYPE = ox.NamedNode(RDF + "type")
_SUBCLASS = ox.NamedNode(RDFS + "subClassOf")
_FIRST, _REST, _NIL = (ox.NamedNode(RDF + n) for n in ("first", "rest", "nil"))
_VIOLATION = ox.NamedNode(SH + "Violation")


def _sh(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name)


TARGETS = {_sh(n) for n in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")}
# sh: properties of a shape that are not constraints (or are read with the constraint they modify).
_NOT_CONSTRAINTS = {_sh(n) for n in (
    "message", "severity", "deactivated", "name", "description", "order", "group", "defaultValue",
    "path", "property", "qualifiedMinCount", "qualifiedMaxCount", "flags")} | TARGETS


class Index(Protocol):
    """What the checks read from the data graph (kg.validate.TripleIndex)."""

    def objects(self, s, p) -> list: ...

    def subjects(self, p, o) -> list: ...

    def pairs(self, p) -> list[tuple]: ...


Verdict = bool | None  # True: holds; False: certainly fails; None: not certain


class _Context:
    """One graph's evaluation: the index, the class hierarchy it states, and a memo."""

    def __init__(self, index: Index):
        self.index = index
        self.memo: dict[tuple[Shape, object], Verdict] = {}
        self._subclasses: dict[ox.NamedNode, set] = {}
        self.hierarchy = bool(index.pairs(_SUBCLASS))  # the data graph states subclasses

    def subclasses(self, cls) -> set:
        """``cls`` and every class stated (in the data graph) to be a subclass of it, transitively."""
        if not self.hierarchy:
            return {cls}
        found = self._subclasses.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sub in self.index.subjects(_SUBCLASS, todo.pop()):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self._subclasses[cls] = found
        return found

    def is_instance(self, node, cls) -> bool:
        if isinstance(node, ox.Literal):
            return False
        if not self.hierarchy:
            return cls in self.index.objects(node, _TYPE)
        classes = self.subclasses(cls)
        return any(t in classes for t in self.index.objects(node, _TYPE))

    def instances(self, cls) -> list:
        if not self.hierarchy:
            return self.index.subjects(_TYPE, cls)
        return [s for c in self.subclasses(cls) for s in self.index.subjects(_TYPE, c)]


# A path is a function from a focus node to its value nodes (distinct, in a stable order).
Path = Callable[[_Context, object], list]
# A constraint is a function from (context, focus node, value nodes) to a verdict.
Constraint = Callable[[_Context, object, list], Verdict]


class Shape:
    """One compiled shape. Built in two steps (a shape may refer to itself through others), then
    never changed."""

    __slots__ = ("node", "path", "predicate", "constraints", "properties", "violation", "supported",
                 "holds_when_empty", "least", "most", "kinds", "plain", "plain_top", "other")

    def __init__(self, node, path: Path | None, violation: bool, supported: bool):
        self.node = node  # the shape's node in the shapes graph
        self.path = path  # None for a node shape
        self.predicate = None  # the path's IRI when the path is one predicate
        self.constraints: tuple[Constraint, ...] = ()
        self.properties: tuple[Shape, ...] = ()
        self.violation = violation  # its severity is sh:Violation (the default)
        self.supported = supported  # every constraint it declares is implemented here
        # A property shape whose constraints all hold for no values (no minimum count, no
        # sh:hasValue) is met by a focus node without the property at once.
        self.holds_when_empty = False
        # sh:minCount, sh:maxCount and sh:nodeKind, the constraints nearly every property shape
        # has, tested in _check itself rather than each through a function call.
        self.least, self.most = 0, None
        self.kinds: tuple[type | tuple[type, ...], ...] = ()
        # The property shapes split once all shapes are built (_Compiler.compile): those on one
        # predicate with only constraints, as (predicate, shape), all of them and those of
        # severity Violation (the only ones that count at the top level); and the others.
        self.plain: tuple[tuple[object, Shape], ...] = ()
        self.plain_top: tuple[tuple[object, Shape], ...] = ()
        self.other: tuple[Shape, ...] = ()

    def split_properties(self) -> None:
        simple = [p for p in self.properties if p.predicate is not None and not p.properties and p.supported]
        self.plain = tuple((p.predicate, p) for p in simple)
        self.plain_top = tuple((p.predicate, p) for p in simple if p.violation)
        self.other = tuple(p for p in self.properties if p not in simple)

    def evaluate(self, ctx: _Context, focus, top: bool = False) -> Verdict:
        """Whether ``focus`` conforms; at the top level only results of severity Violation count
        (a property shape of severity Warning inside a node shape cannot fail the graph)."""
        if top or self.path is not None:
            return self._evaluate(ctx, focus, top)
        # A node shape reached through sh:node, sh:not, sh:or...: remembered per node, and "not
        # certain" when a cycle of shapes comes back to the same shape and node.
        key = (self, focus)
        memo = ctx.memo
        if key in memo:
            return memo[key]
        memo[key] = None
        verdict = memo[key] = self._evaluate(ctx, focus, top)
        return verdict

    def _evaluate(self, ctx: _Context, focus, top: bool) -> Verdict:
        if top and not self.violation:
            return True
        if not self.supported:
            return None
        values = [focus] if self.path is None else self.path(ctx, focus)
        if not values and self.holds_when_empty:
            return True
        verdict = self._check(ctx, focus, values)
        if verdict is False or not self.properties:
            return verdict
        # The focus node's properties are looked up once for all its property shapes. (Only
        # True is ever trusted, and it needs every check True: the order they run in is free.)
        get = ctx.index.properties(focus).get
        for predicate, prop in self.plain_top if top else self.plain:
            found = get(predicate)
            if not found:
                if prop.holds_when_empty:
                    continue
                found = []
            got = prop._check(ctx, focus, found)
            if got is not True:
                if got is False:
                    return False
                verdict = None
        for prop in self.other:
            got = prop._evaluate(ctx, focus, top)
            if got is not True:
                if got is False:
                    return False
                verdict = None
        return verdict

    def _check(self, ctx: _Context, focus, values: list) -> Verdict:
        n = len(values)
        if n < self.least or (self.most is not None and n > self.most):
            return False
        for allowed in self.kinds:
            for v in values:
                if not isinstance(v, allowed):
                    return False
        verdict: Verdict = True
        for check in self.constraints:
            got = check(ctx, focus, values)
            if got is not True:
                if got is False:
                    return False
                verdict = None
        return verdict


@dataclass(frozen=True, eq=False)
class CompiledShapes:
    """Shapes with targets, compiled; ``certainly_conforms`` runs them over a graph."""

    targeted: tuple[tuple[Shape, tuple[tuple[str, object], ...]], ...]

    def certainly_conforms(self, index: Index) -> bool:
        ctx = _Context(index)
        for shape, targets in self.targeted:
            for focus in _focus_nodes(ctx, targets):
                if shape.evaluate(ctx, focus, top=True) is not True:
                    return False
        return True


def _focus_nodes(ctx: _Context, targets) -> list:
    nodes: dict = {}
    for kind, term in targets:
        if kind == "targetNode":
            nodes[term] = None
        elif kind == "targetClass":
            nodes.update(dict.fromkeys(ctx.instances(term)))
        elif kind == "targetSubjectsOf":
            nodes.update(dict.fromkeys(s for s, _ in ctx.index.pairs(term)))
        else:
            nodes.update(dict.fromkeys(o for _, o in ctx.index.pairs(term)))
    return list(nodes)


# ---------------------------------------------------------------------------------------------
# Compiling shapes


def compile_shapes(triples) -> CompiledShapes:
    """The shapes graph (pyoxigraph triples) compiled: every shape with a target, with the
    shapes it refers to."""
    return _Compiler(triples).compile()


class _Compiler:
    def __init__(self, triples):
        self.out: dict = {}
        for s, p, o in triples:
            self.out.setdefault(s, {}).setdefault(p, []).append(o)
        self.shapes: dict[object, Shape] = {}

    def values(self, node, pred) -> list:
        return self.out.get(node, {}).get(pred, [])

    def one(self, node, pred):
        found = self.values(node, pred)
        return found[0] if len(found) == 1 else None

    def items(self, node) -> list | None:
        """An RDF list's members; None when ``node`` is not a well-formed list."""
        out, seen = [], set()
        while node != _NIL:
            if node in seen:
                return None
            seen.add(node)
            first, rest = self.values(node, _FIRST), self.values(node, _REST)
            if len(first) != 1 or len(rest) != 1:
                return None
            out.append(first[0])
            node = rest[0]
        return out

    def compile(self) -> CompiledShapes:
        targeted = []
        for node, props in self.out.items():
            targets = tuple((t.value[len(SH):], o) for t in sorted(TARGETS, key=str) for o in props.get(t, ()))
            if ox.NamedNode(RDFS + "Class") in props.get(_TYPE, ()):
                targets += (("targetClass", node),)  # an implicit class target
            if targets:
                targeted.append((self.shape(node), targets))
        for shape in self.shapes.values():
            shape.split_properties()
        return CompiledShapes(tuple(targeted))

    def shape(self, node) -> Shape:
        found = self.shapes.get(node)
        if found is not None:
            return found
        props = self.out.get(node, {})
        deactivated = [v for v in props.get(_sh("deactivated"), ())]
        if deactivated and all(isinstance(v, ox.Literal) and v.value == "true" for v in deactivated):
            shape = Shape(node, None, False, True)  # conforms always, fails nothing
            self.shapes[node] = shape
            return shape
        path = None
        supported = not deactivated
        if _sh("path") in props:
            path = self.path(self.one(node, _sh("path")))
            supported = supported and path is not None
            predicate = self.one(node, _sh("path"))
        severity = props.get(_sh("severity"), [_VIOLATION])
        # Placeholder first: a shape that refers back to itself finds itself (and is evaluated
        # as "not certain" when the recursion reaches the same node again).
        shape = Shape(node, path, severity == [_VIOLATION], supported)
        if path is not None and isinstance(predicate, ox.NamedNode):
            shape.predicate = predicate
        self.shapes[node] = shape
        constraints: list[Constraint] = []
        for pred, objs in props.items():
            if not pred.value.startswith(SH) or pred in _NOT_CONSTRAINTS:
                continue
            made = self.constraint(node, pred, objs, path is not None)
            if made is None:
                supported = False
            else:
                constraints.extend(made)
        properties = tuple(self.shape(p) for p in props.get(_sh("property"), ()))
        folded = [c for c in constraints if isinstance(c, _Folded)]
        shape.least = max((c.least for c in folded), default=0)
        shape.most = min((c.most for c in folded if c.most is not None), default=None)
        shape.kinds = tuple(c.kinds for c in folded if c.kinds is not None)
        constraints = [c for c in constraints if not isinstance(c, _Folded)]
        shape.constraints, shape.properties, shape.supported = tuple(constraints), properties, supported
        shape.holds_when_empty = not properties and not any(
            p in props for p in (_sh("minCount"), _sh("hasValue"), _sh("qualifiedValueShape")))
        return shape

    def path(self, node) -> Path | None:
        if node is None:
            return None
        if isinstance(node, ox.NamedNode):
            return lambda ctx, focus: ctx.index.objects(focus, node)
        inverse = self.one(node, _sh("inversePath"))
        if inverse is not None and isinstance(inverse, ox.NamedNode) and len(self.out.get(node, {})) == 1:
            return lambda ctx, focus: ctx.index.subjects(inverse, focus)
        alternatives = self.one(node, _sh("alternativePath"))
        if alternatives is not None and len(self.out.get(node, {})) == 1:
            members = self.items(alternatives)
            paths = [self.path(m) for m in members or ()]
            if not members or any(p is None for p in paths):
                return None
            return lambda ctx, focus: list(dict.fromkeys(v for p in paths for v in p(ctx, focus)))
        members = self.items(node)
        if members and len(members) > 1:
            paths = [self.path(m) for m in members]
            if any(p is None for p in paths):
                return None

            def sequence(ctx, focus):
                nodes = [focus]
                for p in paths:
                    nodes = list(dict.fromkeys(v for n in nodes for v in p(ctx, n)))
                return nodes

            return sequence
        return None

    def constraint(self, shape, pred, objs, is_property: bool) -> list[Constraint] | None:
        """The checks for one constraint parameter of ``shape``; None when not implemented here."""
        name = pred.value[len(SH):]
        make = getattr(self, f"_c_{name}", None)
        if make is None:
            return None
        made = [make(shape, o, is_property) for o in objs]
        return None if any(m is None for m in made) else made

    # -- value type --------------------------------------------------------------------------

    def _c_class(self, shape, cls, is_property):
        return lambda ctx, focus, values: all(ctx.is_instance(v, cls) for v in values)

    def _c_datatype(self, shape, datatype, is_property):
        if not isinstance(datatype, ox.NamedNode):
            return None
        valid = LEXICAL.get(datatype.value)

        def check(ctx, focus, values):
            verdict: Verdict = True
            for v in values:
                if not isinstance(v, ox.Literal) or v.datatype != datatype:
                    return False
                if valid is None or not valid(v):
                    verdict = None  # a datatype whose lexical space is not checked here
            return verdict

        return check

    def _c_nodeKind(self, shape, kind, is_property):
        allowed = _NODE_KINDS.get(kind.value) if isinstance(kind, ox.NamedNode) else None
        if allowed is None:
            return None
        return _Folded(kinds=allowed)

    # -- cardinality -------------------------------------------------------------------------

    def _c_minCount(self, shape, n, is_property):
        least = _int(n)
        return None if least is None or not is_property else _Folded(least=least)

    def _c_maxCount(self, shape, n, is_property):
        most = _int(n)
        return None if most is None or not is_property else _Folded(most=most)

    # -- value range, string ------------------------------------------------------------------

    def _c_minInclusive(self, shape, bound, is_property):
        limit = _integer(bound)
        if limit is None:
            return None  # only integer bounds are compared here

        def check(ctx, focus, values):
            verdict: Verdict = True
            for v in values:
                n = _integer(v)
                if n is None:
                    verdict = None
                elif n < limit:
                    return False
            return verdict

        return check

    def _c_minLength(self, shape, n, is_property):
        least = _int(n)
        if least is None:
            return None

        def check(ctx, focus, values):
            for v in values:
                if isinstance(v, ox.BlankNode) or len(v.value) < least:
                    return False
            return True

        return check

    def _c_pattern(self, shape, pattern, is_property):
        if not isinstance(pattern, ox.Literal) or self.values(shape, _sh("flags")):
            return None  # XPath flags are not mapped onto Python's here
        try:
            regex = re.compile(pattern.value)
        except re.error:
            return None

        def check(ctx, focus, values):
            verdict: Verdict = True
            for v in values:
                if isinstance(v, ox.BlankNode):
                    return False
                text = v.value
                # Python's $ also matches before a final newline, XPath's does not.
                if "\n" in text or "\r" in text:
                    verdict = None
                elif regex.search(text) is None:
                    return False
            return verdict

        return check

    def _c_languageIn(self, shape, ranges, is_property):
        tags = self.items(ranges)
        if tags is None or not all(isinstance(t, ox.Literal) for t in tags):
            return None
        wanted = [t.value.lower() for t in tags]

        def matches(v) -> bool:
            lang = v.language.lower() if isinstance(v, ox.Literal) and v.language else None
            return lang is not None and any(lang == w or lang.startswith(w + "-") for w in wanted)

        return lambda ctx, focus, values: all(matches(v) for v in values)

    # -- property pairs ----------------------------------------------------------------------

    def _c_lessThanOrEquals(self, shape, other, is_property):
        if not isinstance(other, ox.NamedNode) or not is_property:
            return None

        def check(ctx, focus, values):
            verdict: Verdict = True
            for w in ctx.index.objects(focus, other):
                b = _integer(w)
                for v in values:
                    a = _integer(v)
                    if a is None or b is None:
                        verdict = None  # only integers are compared here
                    elif a > b:
                        return False
            return verdict

        return check

    # -- logic, shape-based ------------------------------------------------------------------

    def _c_not(self, shape, other, is_property):
        inner = self.shape(other)
        return lambda ctx, focus, values: _all(_negated(inner.evaluate(ctx, v)) for v in values)

    def _c_or(self, shape, members, is_property):
        nodes = self.items(members)
        if nodes is None:
            return None
        inner = [self.shape(n) for n in nodes]
        return lambda ctx, focus, values: _all(_any(s.evaluate(ctx, v) for s in inner) for v in values)

    def _c_and(self, shape, members, is_property):
        nodes = self.items(members)
        if nodes is None:
            return None
        inner = [self.shape(n) for n in nodes]
        return lambda ctx, focus, values: _all(s.evaluate(ctx, v) for v in values for s in inner)

    def _c_node(self, shape, other, is_property):
        inner = self.shape(other)
        return lambda ctx, focus, values: _all(inner.evaluate(ctx, v) for v in values)

    def _c_qualifiedValueShape(self, shape, other, is_property):
        if not is_property or any(v != ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean"))
                                   for v in self.values(shape, _sh("qualifiedValueShapesDisjoint"))):
            return None
        inner = self.shape(other)
        least = [_int(n) for n in self.values(shape, _sh("qualifiedMinCount"))]
        most = [_int(n) for n in self.values(shape, _sh("qualifiedMaxCount"))]
        if None in least or None in most:
            return None

        def check(ctx, focus, values):
            got = [inner.evaluate(ctx, v) for v in values]
            sure, unsure = got.count(True), got.count(None)
            if any(sure + unsure < n for n in least) or any(sure > n for n in most):
                return False
            if any(sure < n for n in least) or any(sure + unsure > n for n in most):
                return None
            return True

        return check

    def _c_qualifiedValueShapesDisjoint(self, shape, value, is_property):
        return lambda ctx, focus, values: True  # read with sh:qualifiedValueShape

    # -- other -------------------------------------------------------------------------------

    def _c_in(self, shape, members, is_property):
        nodes = self.items(members)
        if nodes is None:
            return None
        allowed = set(nodes)
        return lambda ctx, focus, values: all(v in allowed for v in values)

    def _c_hasValue(self, shape, value, is_property):
        return lambda ctx, focus, values: value in values


@dataclass(frozen=True)
class _Folded:
    """A count or node-kind constraint, which Shape._check tests inline (never called)."""

    least: int = 0
    most: int | None = None
    kinds: type | tuple[type, ...] | None = None


def _all(verdicts) -> Verdict:
    out: Verdict = True
    for v in verdicts:
        if v is False:
            return False
        if v is None:
            out = None
    return out


def _any(verdicts) -> Verdict:
    return _negated(_all(map(_negated, verdicts)))


def _negated(verdict: Verdict) -> Verdict:
    return None if verdict is None else not verdict


def _int(node) -> int | None:
    return int(node.value) if isinstance(node, ox.Literal) and node.datatype.value == XSD + "integer" \
        and _INTEGER.fullmatch(node.value) else None


_INTEGER_TYPES = {XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "long", "int")}


def _integer(node) -> int | None:
    """The value of an integer literal of well-formed lexical form; None for anything else."""
    if isinstance(node, ox.Literal) and node.datatype.value in _INTEGER_TYPES and _INTEGER.fullmatch(node.value):
        return int(node.value)
    return None


_NODE_KINDS = {
    SH + "IRI": ox.NamedNode, SH + "BlankNode": ox.BlankNode, SH + "Literal": ox.Literal,
    SH + "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), SH + "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
    SH + "IRIOrLiteral": (ox.NamedNode, ox.Literal),
}

# Lexical forms vouched for (a strict subset of each datatype's lexical space: what is not
# matched here is "not certain", never "invalid").
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"(-?[0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIMEZONE = r"(?:Z|[+-](?:0[0-9]|1[0-3]):[0-5][0-9])?"
_GYEAR = re.compile(r"[0-9]{4}" + _TIMEZONE)
_GYEARMONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])" + _TIMEZONE)
_DATETIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
                       + _TIMEZONE)
_DURATION = re.compile(r"-?P(?=[0-9T])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
                       r"(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?")


def _calendar_day(m: re.Match | None) -> bool:
    if m is None:
        return False
    try:
        dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


_XML_CHARS = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def _plain_string(v: ox.Literal) -> bool:
    return _XML_CHARS.fullmatch(v.value) is not None


LEXICAL: dict[str, Callable[[ox.Literal], bool]] = {
    XSD + "string": _plain_string,
    XSD + "integer": lambda v: _INTEGER.fullmatch(v.value) is not None,
    XSD + "boolean": lambda v: v.value in ("true", "false", "1", "0"),
    XSD + "date": lambda v: _calendar_day(_DATE.fullmatch(v.value)) and not v.value.startswith("-")
    and v.value[:4] != "0000",
    XSD + "dateTime": lambda v: _calendar_day(_DATETIME.fullmatch(v.value)) and v.value[:4] != "0000",
    XSD + "gYear": lambda v: _GYEAR.fullmatch(v.value) is not None and v.value[:4] != "0000",
    XSD + "gYearMonth": lambda v: _GYEARMONTH.fullmatch(v.value) is not None and v.value[:4] != "0000",
    XSD + "duration": lambda v: _DURATION.fullmatch(v.value) is not None and not v.value.endswith("T"),
    RDF + "langString": lambda v: bool(v.language),
}
