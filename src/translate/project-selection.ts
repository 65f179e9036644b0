/**
 * Translates a GraphQL selection set into one Cypher map expression over a node variable,
 * so a root field's whole requested shape comes back from a single query. Built with
 * @neo4j/cypher-builder: variables and parameters are named by the builder.
 *
 * - Scalar fields read properties; `date` becomes a FuzzyDate; `evidence` zips the
 *   `sourceIds` and `quotes` lists and looks up each Source.
 * - Relationship fields become COLLECT subqueries (ordered by the far node's id), nested
 *   to any depth; edge fields (`ActorEdge`…) also carry the relationship's properties, its
 *   own evidence and the nodes its `ref` properties name (e.g. BLAMED_FOR's `blamedBy`).
 * - Fields of the abstract `Node` type are resolved per label with CASE, and the map gets a
 *   `__typename` for `resolveType`.
 * Map keys are response keys (aliases) in sorted order, read back by the alias-aware default
 * resolver.
 */
import Cypher from '@neo4j/cypher-builder';
import { getNamedType, isAbstractType, isObjectType, type FieldNode } from 'graphql';

import { NODE_TYPES } from '../model/node-kinds.ts';
import { RELATIONSHIP_PROPERTIES } from '../model/relationships.ts';
import { listAt, listOrEmpty, literal } from './cypher-values.ts';
import { GRAPH_MODEL, labelOf, type FieldSpec } from './graph-model.ts';
import { fieldName, selectedFields, type SelectionContext } from './selected-fields.ts';

export type ProjectionContext = SelectionContext;
type Parents = readonly FieldNode[];
type Entries = Record<string, Cypher.Expr>;

/** A Cypher map with the requested fields of `typeName` for the node bound to `v`. */
export function projectNode(
  ctx: ProjectionContext,
  typeName: string,
  v: Cypher.Node,
  parents: Parents,
): Cypher.Expr {
  const type = ctx.schema.getType(typeName);
  if (type && isAbstractType(type)) return projectAbstract(ctx, v, parents);
  const entries: Entries = {};
  for (const [key, nodes] of selectedFields(ctx, typeName, parents)) {
    const expr = fieldExpression(ctx, typeName, v, nodes);
    if (expr !== undefined) entries[key] = expr;
  }
  return new Cypher.Map(entries);
}

/** The `Node` interface: `__typename` by label, and each key per label unless all agree. */
function projectAbstract(ctx: ProjectionContext, v: Cypher.Node, parents: Parents) {
  const byKey = new Map<string, { typeName: string; nodes: FieldNode[]; spec: string }[]>();
  for (const typeName of NODE_TYPES) {
    for (const [key, nodes] of selectedFields(ctx, typeName, parents)) {
      const name = fieldName(nodes);
      if (name === '__typename') continue;
      const variants = byKey.get(key) ?? [];
      variants.push({ typeName, nodes, spec: JSON.stringify(specOf(typeName, name)) });
      byKey.set(key, variants);
    }
  }
  const typename = new Cypher.Case();
  for (const t of NODE_TYPES) typename.when(v.hasLabel(labelOf(t))).then(literal(t));
  const entries: Entries = { __typename: typename };
  for (const [key, variants] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = variants[0];
    if (!first) continue;
    // The same spec on every type (id, evidence…) and the same fields: one expression.
    const same =
      variants.length === NODE_TYPES.length &&
      variants.every((x) => x.spec === first.spec && x.nodes.length === first.nodes.length);
    if (same) {
      const expr = fieldExpression(ctx, first.typeName, v, first.nodes);
      if (expr !== undefined) entries[key] = expr;
      continue;
    }
    const perType = new Cypher.Case();
    for (const x of variants) {
      const expr = fieldExpression(ctx, x.typeName, v, x.nodes);
      if (expr !== undefined) perType.when(v.hasLabel(labelOf(x.typeName))).then(expr);
    }
    entries[key] = perType;
  }
  return new Cypher.Map(entries);
}

const specOf = (typeName: string, name: string): FieldSpec =>
  GRAPH_MODEL[typeName]?.fields[name] ?? { kind: 'prop' };

/** The expression for one response key of a concrete type, or undefined to leave it out. */
function fieldExpression(
  ctx: ProjectionContext,
  typeName: string,
  v: Cypher.Node,
  nodes: FieldNode[],
): Cypher.Expr | undefined {
  const name = fieldName(nodes);
  if (name === '' || name === '__typename') return undefined;
  const spec = specOf(typeName, name);
  switch (spec.kind) {
    case 'prop': {
      const read = v.property(spec.property ?? name);
      return spec.list ? listOrEmpty(read) : read;
    }
    case 'computed':
      return spec.build(v);
    case 'date':
      return dateExpression(ctx, v, 'date', nodes);
    case 'evidence':
      return evidenceExpression(ctx, v, nodes);
    case 'rel':
      return relationshipExpression(ctx, v, spec, nodes, typeName);
  }
}

function relationshipExpression(
  ctx: ProjectionContext,
  v: Cypher.Node,
  spec: Extract<FieldSpec, { kind: 'rel' }>,
  nodes: FieldNode[],
  ownerType: string,
): Cypher.Expr {
  const r = new Cypher.Relationship();
  const t = new Cypher.Node();
  const pattern = new Cypher.Pattern(v)
    .related(r, { type: spec.type, direction: spec.direction === 'out' ? 'right' : 'left' })
    .to(t, { labels: labelOf(spec.target) });
  const value = spec.edge
    ? projectEdge(ctx, fieldTypeName(ctx, ownerType, fieldName(nodes)), spec.target, r, t, nodes)
    : projectNode(ctx, spec.target, t, nodes);
  const collect = new Cypher.Collect(
    new Cypher.Match(pattern).return([value, 'x']).orderBy([t.property('id'), 'ASC']),
  );
  return spec.single ? Cypher.head(collect) : collect;
}

function fieldTypeName(ctx: ProjectionContext, owner: string, field: string): string {
  const type = ctx.schema.getType(owner);
  const def = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!def) throw new Error(`graph model names ${owner}.${field}, which the schema lacks`);
  return getNamedType(def.type).name;
}

/** An edge object: `node` plus the relationship's type, properties and evidence. */
function projectEdge(
  ctx: ProjectionContext,
  edgeTypeName: string,
  targetType: string,
  r: Cypher.Relationship,
  t: Cypher.Node,
  parents: Parents,
): Cypher.Expr {
  const entries: Entries = {};
  for (const [key, nodes] of selectedFields(ctx, edgeTypeName, parents)) {
    const name = fieldName(nodes);
    const property = RELATIONSHIP_PROPERTIES[name];
    if (name === 'node') entries[key] = projectNode(ctx, targetType, t, nodes);
    else if (name === 'type') entries[key] = Cypher.type(r);
    else if (name === 'evidence') entries[key] = evidenceExpression(ctx, r, nodes);
    else if (name === 'date') entries[key] = dateExpression(ctx, r, 'date', nodes);
    else if (property?.type === 'ref' && property.to[0])
      entries[key] = nodeById(ctx, property.to[0], r.property(name), nodes);
    else if (name !== '__typename') entries[key] = r.property(name);
  }
  return new Cypher.Map(entries);
}

/** The requested shape of the node of `typeName` whose id is `id`, or null. */
function nodeById(
  ctx: ProjectionContext,
  typeName: string,
  id: Cypher.Expr,
  parents: Parents,
): Cypher.Expr {
  const n = new Cypher.Node();
  const match = new Cypher.Match(
    new Cypher.Pattern(n, { labels: labelOf(typeName), properties: { id } }),
  ).return([projectNode(ctx, typeName, n, parents), 'x']);
  return Cypher.head(new Cypher.Collect(match));
}

/** FuzzyDate from `<prefix>Text`, `<prefix>Precision` and `<prefix>RelativeTo`; null when no text. */
export function dateExpression(
  ctx: ProjectionContext,
  v: Cypher.Variable,
  prefix: string,
  parents: Parents,
): Cypher.Expr {
  const entries: Entries = {};
  for (const [key, nodes] of selectedFields(ctx, 'FuzzyDate', parents)) {
    const name = fieldName(nodes);
    if (name === 'text') entries[key] = v.property(`${prefix}Text`);
    else if (name === 'precision') entries[key] = v.property(`${prefix}Precision`);
    else if (name === 'relativeTo')
      entries[key] = nodeById(ctx, 'Source', v.property(`${prefix}RelativeTo`), nodes);
  }
  return new Cypher.Case()
    .when(Cypher.isNull(v.property(`${prefix}Text`)))
    .then(Cypher.Null)
    .else(new Cypher.Map(entries));
}

/**
 * [Evidence] from the parallel `sourceIds`, `quotes`, `voices` and `framings` lists of a node
 * or relationship (voice and framing are null where the lists are absent).
 */
export function evidenceExpression(
  ctx: ProjectionContext,
  v: Cypher.Variable,
  parents: Parents,
  /** Keep only the entries of these reports (a list of Source ids). */
  onlySources?: Cypher.Expr,
): Cypher.Expr {
  const i = new Cypher.Variable();
  const sourceId = listAt(v.property('sourceIds'), i);
  const entries: Entries = {};
  for (const [key, nodes] of selectedFields(ctx, 'Evidence', parents)) {
    const name = fieldName(nodes);
    if (name === 'quote') entries[key] = listAt(v.property('quotes'), i);
    else if (name === 'voice') entries[key] = listAt(v.property('voices'), i);
    else if (name === 'framing') entries[key] = listAt(v.property('framings'), i);
    else if (name === 'position') {
      // Stored by the write path (src/write/plan-facts.ts); absent for seed evidence.
      const at = (list: string) => listAt(v.property(list), i);
      entries[key] = new Cypher.Case()
        .when(Cypher.isNull(v.property('quoteStarts')))
        .then(Cypher.Null)
        .else(
          new Cypher.Map({
            exact: at('quoteExacts'),
            start: at('quoteStarts'),
            end: at('quoteEnds'),
            prefix: at('quotePrefixes'),
            suffix: at('quoteSuffixes'),
          }),
        );
    } else if (name === 'source') {
      const sourceFields = selectedFields(ctx, 'Source', nodes);
      const names = sourceFields.map(([, f]) => fieldName(f));
      // Only ids asked: no lookup needed.
      entries[key] = names.every((n) => n === 'id' || n === '__typename')
        ? new Cypher.Map(
            Object.fromEntries(
              sourceFields.filter(([, f]) => fieldName(f) === 'id').map(([k]) => [k, sourceId]),
            ),
          )
        : nodeById(ctx, 'Source', sourceId, nodes);
    }
  }
  const last = Cypher.minus(Cypher.size(listOrEmpty(v.property('sourceIds'))), literal(1));
  const each = new Cypher.ListComprehension(i).in(Cypher.range(literal(0), last));
  if (onlySources) each.where(Cypher.in(sourceId, onlySources));
  return each.map(new Cypher.Map(entries));
}

/**
 * A map for a computed GraphQL object type (SearchHit, Path…): each requested field's
 * expression comes from `builders[fieldName]`, given that field's nodes.
 */
export function projectComputed(
  ctx: ProjectionContext,
  typeName: string,
  parents: Parents,
  builders: Record<string, (nodes: FieldNode[]) => Cypher.Expr>,
): Cypher.Expr {
  const entries: Entries = {};
  for (const [key, nodes] of selectedFields(ctx, typeName, parents)) {
    const build = builders[fieldName(nodes)];
    if (build) entries[key] = build(nodes);
  }
  return new Cypher.Map(entries);
}
