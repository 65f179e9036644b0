/**
 * Translates a GraphQL selection set into one Cypher map expression over a node variable,
 * so a root field's whole requested shape comes back from a single query.
 *
 * - Scalar fields read properties; `date` becomes a FuzzyDate; `evidence` zips the
 *   `sourceIds` and `quotes` lists and looks up each Source.
 * - Relationship fields become COLLECT subqueries (ordered by the far node's id), nested
 *   to any depth; edge fields (`ActorEdge`…) also carry the relationship's properties and
 *   its own evidence.
 * - Fields of the abstract `Node` type are resolved per label with CASE, and the map gets a
 *   `__typename` for `resolveType`.
 * Map keys are response keys (aliases), read back by the alias-aware default resolver.
 */
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';

import { collectFields, type SelectionContext } from './collect-fields.ts';
import { quoteKey, type CypherParams } from './cypher-params.ts';
import { GRAPH_MODEL, NODE_TYPES, labelOf, type FieldSpec } from './graph-model.ts';

export interface ProjectionContext extends SelectionContext {
  params: CypherParams;
}

const subSelections = (nodes: readonly FieldNode[]): (SelectionSetNode | undefined)[] =>
  nodes.map((n) => n.selectionSet);

/** A Cypher map expression with the requested fields of the node bound to `v`. */
export function projectNode(
  ctx: ProjectionContext,
  typeName: string,
  v: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): string {
  const type = ctx.schema.getType(typeName);
  if (type && isAbstractType(type)) return projectAbstract(ctx, v, selectionSets);
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(ctx, typeName, selectionSets)) {
    const expr = fieldExpression(ctx, typeName, v, nodes);
    if (expr !== undefined) entries.push(`${quoteKey(key)}: ${expr}`);
  }
  return `{${entries.join(', ')}}`;
}

function projectAbstract(
  ctx: ProjectionContext,
  v: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): string {
  const byKey = new Map<string, { typeName: string; expr: string }[]>();
  for (const typeName of NODE_TYPES) {
    for (const [key, nodes] of collectFields(ctx, typeName, selectionSets)) {
      const expr = fieldExpression(ctx, typeName, v, nodes);
      if (expr === undefined) continue;
      const list = byKey.get(key) ?? [];
      list.push({ typeName, expr });
      byKey.set(key, list);
    }
  }
  const typename = `CASE ${NODE_TYPES.map((t) => `WHEN ${v}:${labelOf(t)} THEN '${t}'`).join(' ')} END`;
  const entries = [`__typename: ${typename}`];
  for (const [key, variants] of byKey) {
    const first = variants[0]?.expr;
    const same = variants.length === NODE_TYPES.length && variants.every((x) => x.expr === first);
    const expr = same
      ? first
      : `CASE ${variants.map((x) => `WHEN ${v}:${labelOf(x.typeName)} THEN ${x.expr}`).join(' ')} END`;
    entries.push(`${quoteKey(key)}: ${expr}`);
  }
  return `{${entries.join(', ')}}`;
}

/** The expression for one response key of a concrete type, or undefined to leave it out. */
function fieldExpression(
  ctx: ProjectionContext,
  typeName: string,
  v: string,
  nodes: readonly FieldNode[],
): string | undefined {
  const name = nodes[0]?.name.value;
  if (name === undefined || name === '__typename') return undefined;
  const spec: FieldSpec = GRAPH_MODEL[typeName]?.fields[name] ?? { kind: 'prop' };
  switch (spec.kind) {
    case 'prop': {
      const read = `${v}.${quoteKey(spec.property ?? name)}`;
      return spec.list ? `coalesce(${read}, [])` : read;
    }
    case 'expr':
      return spec.cypher.replaceAll('$v', v);
    case 'date':
      return dateExpression(ctx, v, 'date', subSelections(nodes));
    case 'evidence':
      return evidenceExpression(ctx, v, subSelections(nodes));
    case 'rel':
      return relationshipExpression(ctx, v, spec, nodes, typeName);
  }
}

function relationshipExpression(
  ctx: ProjectionContext,
  v: string,
  spec: Extract<FieldSpec, { kind: 'rel' }>,
  nodes: readonly FieldNode[],
  ownerType: string,
): string {
  const r = ctx.params.variable('r');
  const t = ctx.params.variable('n');
  const pattern =
    spec.direction === 'out'
      ? `(${v})-[${r}:${spec.type}]->(${t}:${labelOf(spec.target)})`
      : `(${v})<-[${r}:${spec.type}]-(${t}:${labelOf(spec.target)})`;
  let value: string;
  if (spec.edge) {
    const edgeType = fieldTypeName(ctx, ownerType, nodes[0]?.name.value ?? '');
    value = projectEdge(ctx, edgeType, spec.target, r, t, subSelections(nodes));
  } else {
    value = projectNode(ctx, spec.target, t, subSelections(nodes));
  }
  const collect = `COLLECT { MATCH ${pattern} RETURN ${value} AS x ORDER BY ${t}.id }`;
  return spec.single ? `head(${collect})` : collect;
}

function fieldTypeName(ctx: ProjectionContext, owner: string, field: string): string {
  const type = ctx.schema.getType(owner);
  const def =
    type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[field] : undefined;
  if (!def) throw new Error(`graph model names ${owner}.${field}, which the schema lacks`);
  return getNamedType(def.type).name;
}

/** An edge object: `node` plus the relationship's type, properties and evidence. */
function projectEdge(
  ctx: ProjectionContext,
  edgeTypeName: string,
  targetType: string,
  r: string,
  t: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): string {
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(ctx, edgeTypeName, selectionSets)) {
    const name = nodes[0]?.name.value;
    let expr: string | undefined;
    switch (name) {
      case 'node':
        expr = projectNode(ctx, targetType, t, subSelections(nodes));
        break;
      case 'type':
        expr = `type(${r})`;
        break;
      case 'evidence':
        expr = evidenceExpression(ctx, r, subSelections(nodes));
        break;
      case 'date':
        expr = dateExpression(ctx, r, 'date', subSelections(nodes));
        break;
      case 'blamedBy': {
        const a = ctx.params.variable('a');
        expr = `head(COLLECT { MATCH (${a}:Actor {id: ${r}.blamedBy}) RETURN ${projectNode(ctx, 'Actor', a, subSelections(nodes))} AS x })`;
        break;
      }
      case '__typename':
      case undefined:
        break;
      default:
        expr = `${r}.${quoteKey(name)}`;
    }
    if (expr !== undefined) entries.push(`${quoteKey(key)}: ${expr}`);
  }
  return `{${entries.join(', ')}}`;
}

/** FuzzyDate from `<prefix>Text`, `<prefix>Precision` and `<prefix>RelativeTo`; null when no text. */
export function dateExpression(
  ctx: ProjectionContext,
  v: string,
  prefix: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): string {
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(ctx, 'FuzzyDate', selectionSets)) {
    const name = nodes[0]?.name.value;
    if (name === 'text') entries.push(`${quoteKey(key)}: ${v}.${prefix}Text`);
    else if (name === 'precision') entries.push(`${quoteKey(key)}: ${v}.${prefix}Precision`);
    else if (name === 'relativeTo') {
      const s = ctx.params.variable('s');
      entries.push(
        `${quoteKey(key)}: head(COLLECT { MATCH (${s}:Source {id: ${v}.${prefix}RelativeTo}) RETURN ${projectNode(ctx, 'Source', s, subSelections(nodes))} AS x })`,
      );
    }
  }
  return `CASE WHEN ${v}.${prefix}Text IS NULL THEN null ELSE {${entries.join(', ')}} END`;
}

/** [Evidence] from the parallel `sourceIds` and `quotes` lists of a node or relationship. */
export function evidenceExpression(
  ctx: ProjectionContext,
  v: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): string {
  const i = ctx.params.variable('i');
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(ctx, 'Evidence', selectionSets)) {
    const name = nodes[0]?.name.value;
    if (name === 'quote') entries.push(`${quoteKey(key)}: ${v}.quotes[${i}]`);
    else if (name === 'position')
      // Stored by the write path (src/write/plan-facts.ts); absent for seed evidence.
      entries.push(
        `${quoteKey(key)}: CASE WHEN ${v}.quoteStarts IS NULL THEN null ELSE {exact: ${v}.quoteExacts[${i}], start: ${v}.quoteStarts[${i}], end: ${v}.quoteEnds[${i}], prefix: ${v}.quotePrefixes[${i}], suffix: ${v}.quoteSuffixes[${i}]} END`,
      );
    else if (name === 'source') {
      const sourceFields = collectFields(ctx, 'Source', subSelections(nodes));
      if (
        [...sourceFields.values()].every(
          (f) => f[0]?.name.value === 'id' || f[0]?.name.value === '__typename',
        )
      ) {
        // Only ids asked: no lookup needed.
        const idEntries = [...sourceFields.entries()]
          .filter(([, f]) => f[0]?.name.value === 'id')
          .map(([k]) => `${quoteKey(k)}: ${v}.sourceIds[${i}]`);
        entries.push(`${quoteKey(key)}: {${idEntries.join(', ')}}`);
      } else {
        const s = ctx.params.variable('s');
        entries.push(
          `${quoteKey(key)}: head(COLLECT { MATCH (${s}:Source {id: ${v}.sourceIds[${i}]}) RETURN ${projectNode(ctx, 'Source', s, subSelections(nodes))} AS x })`,
        );
      }
    }
  }
  return `[${i} IN range(0, size(coalesce(${v}.sourceIds, [])) - 1) | {${entries.join(', ')}}]`;
}

/**
 * A map for a computed GraphQL object type (SearchHit, Path…): each requested field's
 * expression comes from `builders[fieldName]`, given that field's sub-selections.
 */
export function projectComputed(
  ctx: ProjectionContext,
  typeName: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
  builders: Record<string, (selections: (SelectionSetNode | undefined)[]) => string>,
): string {
  const entries: string[] = [];
  for (const [key, nodes] of collectFields(ctx, typeName, selectionSets)) {
    const build = builders[nodes[0]?.name.value ?? ''];
    if (build) entries.push(`${quoteKey(key)}: ${build(subSelections(nodes))}`);
  }
  return `{${entries.join(', ')}}`;
}
