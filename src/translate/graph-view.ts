/**
 * `graph`: a drawable slice of the graph — nodes (id, kind, label, sources, disputed) and
 * the relationships among them — as one Cypher query. The shape is fixed and small, so it
 * is returned whole rather than per selection.
 */
import Cypher from '@neo4j/cypher-builder';

import { badUserInput } from '../errors.ts';
import { ENTITY_LABEL, NODE_TYPES } from '../model/node-kinds.ts';
import { listOrEmpty, listUpTo, literal, param } from './cypher-values.ts';
import { render, type CypherQuery } from './translation-context.ts';

export interface GraphViewArgs {
  kinds?: readonly string[] | null;
  source?: string | null;
  actor?: string | null;
  around?: string | null;
  limit?: number | null;
}

export function translateGraphView(args: GraphViewArgs): CypherQuery {
  const limit = args.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw badUserInput(`limit must be between 1 and 1000 (got ${limit})`, 'limit');
  }
  const v = new Cypher.Node();
  const l = new Cypher.Variable();
  const labels = args.kinds && args.kinds.length > 0 ? args.kinds : NODE_TYPES;
  const conditions: Cypher.Predicate[] = [
    Cypher.any(l, Cypher.labels(v), Cypher.in(l, param(labels))),
  ];
  if (args.source) {
    const s = param(args.source);
    conditions.push(
      Cypher.or(Cypher.in(s, listOrEmpty(v.property('sourceIds'))), Cypher.eq(v.property('id'), s)),
    );
  }
  if (args.actor) {
    const a = param(args.actor);
    const rel = new Cypher.Relationship();
    const touches = new Cypher.Match(
      new Cypher.Pattern(v)
        .related(rel, { direction: 'undirected' })
        .to({ labels: 'Actor', properties: { id: a } }),
    ).where(Cypher.neq(Cypher.type(rel), literal('REPORTED_BY')));
    conditions.push(Cypher.or(Cypher.eq(v.property('id'), a), new Cypher.Exists(touches)));
  }
  if (args.around) {
    const n = param(args.around);
    const next = new Cypher.Pattern(v)
      .related({ direction: 'undirected' })
      .to({ labels: ENTITY_LABEL, properties: { id: n } });
    conditions.push(Cypher.or(Cypher.eq(v.property('id'), n), new Cypher.Exists(next)));
  }

  const matches = new Cypher.Variable();
  const ns = new Cypher.Variable();
  const matched = new Cypher.Variable();
  const x = new Cypher.Node();
  const c1 = new Cypher.Node();
  const c2 = new Cypher.Node();
  const kindLabel = new Cypher.Variable();
  const disputed = new Cypher.Exists(
    new Cypher.Match(
      new Cypher.Pattern(c1, { labels: 'Claim' })
        .related({ type: 'ABOUT' })
        .to(x)
        .related({ type: 'ABOUT', direction: 'left' })
        .to(c2, { labels: 'Claim' }),
    ).where(
      Cypher.and(
        Cypher.eq(c1.property('property'), c2.property('property')),
        Cypher.neq(c1.property('value'), c2.property('value')),
      ),
    ),
  );
  const nodeMap = new Cypher.Map({
    id: x.property('id'),
    kind: Cypher.listIndex(
      new Cypher.ListComprehension(kindLabel)
        .in(Cypher.labels(x))
        .where(Cypher.neq(kindLabel, literal(ENTITY_LABEL))),
      0,
    ),
    label: Cypher.coalesce(
      x.property('name'),
      x.property('summary'),
      x.property('value'),
      x.property('title'),
      x.property('id'),
    ),
    sources: new Cypher.Case()
      .when(x.hasLabel('Source'))
      .then(new Cypher.List([x.property('id')]))
      .else(listOrEmpty(x.property('sourceIds'))),
    disputed,
  });
  const a = new Cypher.Node();
  const b = new Cypher.Node();
  const r = new Cypher.Relationship();
  const edges = new Cypher.Collect(
    new Cypher.Unwind([ns, a])
      .match(new Cypher.Pattern(a).related(r).to(b, { labels: ENTITY_LABEL }))
      .where(Cypher.in(b, ns))
      .return([
        new Cypher.Map({
          id: Cypher.coalesce(r.property('id'), Cypher.elementId(r)),
          type: Cypher.type(r),
          from: a.property('id'),
          to: b.property('id'),
          sources: listOrEmpty(r.property('sourceIds')),
        }),
        'e',
      ]),
  );
  const query = new Cypher.Match(new Cypher.Pattern(v, { labels: ENTITY_LABEL }))
    .where(Cypher.and(...conditions))
    .with(v)
    .orderBy([v.property('id'), 'ASC'])
    .with([Cypher.collect(v), matches])
    .with([listUpTo(matches, param(limit)), ns], [Cypher.size(matches), matched])
    .return([
      new Cypher.Map({
        truncated: Cypher.gt(matched, Cypher.size(ns)),
        nodes: new Cypher.ListComprehension(x).in(ns).map(nodeMap),
        edges,
      }),
      'result',
    ]);
  return render(query);
}
