/**
 * `disagreements`: where reports contradict each other, found by the documented rules of
 * cypher/queries/computed-disagreements.cypher (participants, stances, sides,
 * threat_carried_out, order) and from curated Claims, as one Cypher query. Every branch
 * returns one row per disagreement: `kind`, `rule`, `subject` (a node), `aspect` and
 * `versions` — maps of `id`, `value`, `valueIds`, `sources` and `items` (the nodes or
 * relationships whose quotes from those sources are the version's evidence). Two versions
 * the reports place in time (a chain of ordering edges with an OCCURRED_BEFORE or FOLLOWED)
 * are a change, not a disagreement.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';

import { ACCEPTING_STANCES, REFUSING_STANCES, SIDE_STANCES } from '../model/enums.ts';
import { listOrEmpty, literal, param } from './cypher-values.ts';
import { orderTypes } from './event-ranks.ts';
import { evidenceExpression, projectComputed, projectNode } from './project-selection.ts';
import { render, rootTranslation, type CypherQuery } from './translation-context.ts';

type Maybe<T> = T | null | undefined;

const KIND = new Cypher.NamedVariable('kind');
const RULE = new Cypher.NamedVariable('rule');
const SUBJECT = new Cypher.NamedVariable('subject');
const ASPECT = new Cypher.NamedVariable('aspect');
const VERSIONS = new Cypher.NamedVariable('versions');

const version = (o: {
  id: Cypher.Expr;
  value: Cypher.Expr;
  valueIds: Cypher.Expr;
  sources: Cypher.Expr;
  items: Cypher.Expr;
}) => new Cypher.Map(o);

/** `a b c`: the words of a list, space-separated. */
function joined(list: Cypher.Expr): Cypher.Expr {
  const acc = new Cypher.Variable();
  const w = new Cypher.Variable();
  return Cypher.reduce(
    acc,
    literal(''),
    w,
    list,
    Cypher.plus(
      acc,
      new Cypher.Case()
        .when(Cypher.eq(acc, literal('')))
        .then(literal(''))
        .else(literal(' ')),
      w,
    ),
  );
}

const ruleColumns = (
  rule: string,
  subject: Cypher.Expr,
  aspect: Cypher.Expr,
  versions: Cypher.Expr,
): [Cypher.Expr, Cypher.Variable][] => [
  [literal('rule'), KIND],
  [literal(rule), RULE],
  [subject, SUBJECT],
  [aspect, ASPECT],
  [versions, VERSIONS],
];
const N = () => new Cypher.Node();
const V = () => new Cypher.Variable();

const noSharedReport = (a: Cypher.Node, b: Cypher.Node) => {
  const s = new Cypher.Variable();
  return Cypher.none(s, a.property('sourceIds'), Cypher.in(s, b.property('sourceIds')));
};

/** The reports place the two events in time (a chain with a before/after edge). */
function orderedInTime(a: Cypher.Node, b: Cypher.Node): Cypher.Predicate {
  const path = new Cypher.PathVariable();
  const r = new Cypher.Relationship();
  return new Cypher.Exists(
    new Cypher.Match(
      new Cypher.Pattern(a)
        .related({ type: orderTypes(), direction: 'undirected', length: { min: 1, max: 8 } })
        .to(b)
        .assignTo(path),
    ).where(
      Cypher.any(
        r,
        Cypher.relationships(path),
        Cypher.neq(Cypher.type(r), literal('OCCURRED_DURING')),
      ),
    ),
  );
}

/** participants: reports name different sets of mediators (or parties) for one meeting. */
function participants(): Cypher.Clause {
  const m = new Cypher.Node();
  const r = new Cypher.Relationship();
  const r2 = new Cypher.Relationship();
  const a = new Cypher.Node();
  const source = new Cypher.Variable();
  const type = new Cypher.Variable();
  const ids = new Cypher.Variable();
  const items = new Cypher.Variable();
  const perReport = new Cypher.Variable();
  const first = new Cypher.Variable();
  const x = new Cypher.Variable();
  const sameReport = Cypher.and(
    Cypher.eq(Cypher.type(r2), type),
    Cypher.in(source, r2.property('sourceIds')),
  );
  const others = () =>
    new Cypher.Match(
      new Cypher.Pattern(m)
        .related(r2, { type: Cypher.labelExpr.or('MEDIATED', 'ATTENDED'), direction: 'left' })
        .to(a, { labels: 'Actor' }),
    ).where(sameReport);
  return new Cypher.Match(
    new Cypher.Pattern(m, { labels: 'Meeting' })
      .related(r, { type: Cypher.labelExpr.or('MEDIATED', 'ATTENDED'), direction: 'left' })
      .to({ labels: 'Actor' }),
  )
    .unwind([r.property('sourceIds'), source])
    .with(m, [Cypher.type(r), type], source)
    .distinct()
    .with(
      m,
      type,
      source,
      [
        new Cypher.Collect(
          others()
            .return(a.property('id'))
            .orderBy([a.property('id'), 'ASC']),
        ),
        ids,
      ],
      [
        new Cypher.Collect(
          others()
            .return(r2)
            .orderBy([a.property('id'), 'ASC']),
        ),
        items,
      ],
    )
    .with(m, type, [Cypher.collect(new Cypher.Map({ source, ids, items })), perReport])
    .with(m, type, perReport, [Cypher.listIndex(perReport, 0), first])
    .where(Cypher.any(x, perReport, Cypher.neq(x.property('ids'), first.property('ids'))))
    .return(
      ...ruleColumns(
        'participants',
        m,
        new Cypher.Case(type)
          .when(literal('MEDIATED'))
          .then(literal('mediators'))
          .else(literal('parties')),
        new Cypher.ListComprehension(x).in(perReport).map(
          version({
            id: Cypher.plus(m.property('id'), literal('@'), x.property('source')),
            value: joined(x.property('ids')),
            valueIds: x.property('ids'),
            sources: new Cypher.List([x.property('source')]),
            items: x.property('items'),
          }),
        ),
      ),
    );
}

/** The actor's own id and the ids of the actors it represents. */
const speaksFor = (h: Cypher.Node) => {
  const o = new Cypher.Node();
  return Cypher.plus(
    new Cypher.List([h.property('id')]),
    new Cypher.Collect(
      new Cypher.Match(
        new Cypher.Pattern(h).related({ type: 'REPRESENTS' }).to(o, { labels: 'Actor' }),
      ).return(o.property('id')),
    ),
  );
};

/** The actor made the demand, itself or through a representative. */
const demanded = (dm: Cypher.Node, d: Cypher.Node) =>
  new Cypher.Exists(
    new Cypher.Pattern(dm)
      .related({ type: 'REPRESENTS', direction: 'left', length: { min: 0, max: 1 } })
      .to({ labels: 'Actor' })
      .related({ type: 'DEMANDED' })
      .to(d),
  );

const positionVersion = (p: Cypher.Variable, on: Cypher.Expr) =>
  version({
    id: p.property('id'),
    value: Cypher.plus(p.property('stance'), literal(' '), on),
    valueIds: new Cypher.List([p.property('stance'), on]),
    sources: p.property('sourceIds'),
    items: new Cypher.List([p]),
  });

/**
 * stances: one actor (or a person representing it) takes opposite stances on one demand, or
 * on demands of one demander on one issue, in different reports, not ordered in time.
 */
function stances(): Cypher.Clause {
  const h1 = N(),
    h2 = N(),
    p1 = N(),
    p2 = N(),
    d1 = N(),
    d2 = N(),
    dm = N(),
    holderNode = N();
  const for1 = V(),
    for2 = V(),
    x = V(),
    pd = V(),
    holder = V(),
    issue = V(),
    p = V(),
    d = V(),
    vs = V();
  const held = (h: Cypher.Node, pos: Cypher.Node, dem: Cypher.Node) =>
    new Cypher.Pattern(h, { labels: 'Actor' })
      .related({ type: 'HELD' })
      .to(pos, { labels: 'Position' })
      .related({ type: 'ON' })
      .to(dem, { labels: 'Demand' });
  // Staged (one pattern per MATCH) to keep planning cheap.
  return new Cypher.Match(held(h1, p1, d1))
    .where(Cypher.in(p1.property('stance'), param(ACCEPTING_STANCES)))
    .with(h1, p1, d1, [speaksFor(h1), for1])
    .match(held(h2, p2, d2))
    .where(
      Cypher.and(
        Cypher.in(p2.property('stance'), param(REFUSING_STANCES)),
        Cypher.or(Cypher.eq(d1, d2), Cypher.eq(d1.property('issue'), d2.property('issue'))),
        noSharedReport(p1, p2),
      ),
    )
    .with('*', [speaksFor(h2), for2])
    .where(
      Cypher.and(
        Cypher.any(x, for1, Cypher.in(x, for2)),
        Cypher.or(
          Cypher.eq(d1, d2),
          new Cypher.Exists(
            new Cypher.Match(new Cypher.Pattern(dm, { labels: 'Actor' })).where(
              Cypher.and(demanded(dm, d1), demanded(dm, d2)),
            ),
          ),
        ),
        Cypher.not(orderedInTime(p1, p2)),
      ),
    )
    .unwind([new Cypher.List([new Cypher.List([p1, d1]), new Cypher.List([p2, d2])]), pd])
    .with(
      [Cypher.head(new Cypher.ListComprehension(x).in(for1).where(Cypher.in(x, for2))), holder],
      [d1.property('issue'), issue],
      [Cypher.listIndex(pd, 0), p],
      [Cypher.listIndex(pd, 1), d],
    )
    .distinct()
    .with(holder, issue, p, d)
    .orderBy([p.property('stance'), 'ASC'], [d.property('id'), 'ASC'])
    .with(holder, issue, [Cypher.collect(positionVersion(p, d.property('id'))), vs])
    .match(new Cypher.Pattern(holderNode, { labels: 'Actor', properties: { id: holder } }))
    .return(
      ...ruleColumns(
        'stances',
        holderNode,
        Cypher.plus(literal('stance on '), issue, literal(' demands')),
        vs,
      ),
    );
}

/** sides: a third party said to support one party in one report and the opposing party in another. */
function sides(): Cypher.Clause {
  const x = N(),
    p1 = N(),
    p2 = N(),
    a = N(),
    b = N();
  const party = { type: 'ATTENDED', properties: { role: literal('party') } } as const;
  const takes = (pos: Cypher.Node, side: Cypher.Node) =>
    new Cypher.Pattern(x)
      .related({ type: 'HELD' })
      .to(pos, { labels: 'Position' })
      .related({ type: 'ON' })
      .to(side, { labels: 'Actor' });
  return new Cypher.Match(
    new Cypher.Pattern(x, { labels: 'Actor' })
      .related({ type: 'HELD' })
      .to(p1, { labels: 'Position' })
      .related({ type: 'ON' })
      .to(a, { labels: 'Actor' }),
  )
    .where(Cypher.in(p1.property('stance'), param(SIDE_STANCES)))
    .with(x, p1, a)
    .match(takes(p2, b))
    .where(
      Cypher.and(
        Cypher.in(p2.property('stance'), param(SIDE_STANCES)),
        Cypher.lt(a.property('id'), b.property('id')),
        new Cypher.Exists(
          new Cypher.Pattern(a)
            .related(party)
            .to({ labels: 'Meeting' })
            .related({ ...party, direction: 'left' })
            .to(b),
        ),
        noSharedReport(p1, p2),
        Cypher.not(orderedInTime(p1, p2)),
      ),
    )
    .return(
      ...ruleColumns(
        'sides',
        x,
        literal('whose side it takes'),
        new Cypher.List([
          positionVersion(p1, a.property('id')),
          positionVersion(p2, b.property('id')),
        ]),
      ),
    );
}

/** threat_carried_out: a threat in one report that another reports as carried out (same actor, the place threatened). */
function threatCarriedOut(): Cypher.Clause {
  const who = N(),
    t = N(),
    target = N(),
    doer = N(),
    i = N();
  const nm = new Cypher.Variable();
  const node = (label: string, n: Cypher.Node) =>
    version({
      id: n.property('id'),
      value: Cypher.plus(literal(label), literal(' '), n.property('id')),
      valueIds: new Cypher.List([literal(label), n.property('id')]),
      sources: n.property('sourceIds'),
      items: new Cypher.List([n]),
    });
  return new Cypher.Match(
    new Cypher.Pattern(who, { labels: 'Actor' })
      .related({ type: 'STATED' })
      .to(t, { labels: 'Statement', properties: { kind: literal('threat') } })
      .related({ type: 'ABOUT' })
      .to(target, { labels: 'Actor' }),
    new Cypher.Pattern(doer, { labels: 'Actor' })
      .related({ type: 'CARRIED_OUT' })
      .to(i, { labels: 'Incident' }),
  )
    .where(
      Cypher.and(
        Cypher.or(
          Cypher.eq(doer, who),
          new Cypher.Exists(new Cypher.Pattern(who).related({ type: 'REPRESENTS' }).to(doer)),
        ),
        Cypher.any(
          nm,
          Cypher.plus(
            new Cypher.List([target.property('name')]),
            listOrEmpty(target.property('aliases')),
          ),
          Cypher.contains(Cypher.toLower(i.property('place')), Cypher.toLower(nm)),
        ),
        noSharedReport(t, i),
      ),
    )
    .return(
      ...ruleColumns(
        'threat_carried_out',
        t,
        literal('threat or deed'),
        new Cypher.List([node('carried out', i), node('threatened', t)]),
      ),
    );
}

/** order: stated ordering edges that form a cycle (A before B in one report, B before A in another). */
function orderCycles(): Cypher.Clause {
  const e = N(),
    x = N(),
    y = N();
  const r = new Cypher.Relationship();
  const edge = new Cypher.Relationship();
  const edges = V();
  // Each step of the cycle says its first node came first.
  const forward = Cypher.or(
    Cypher.and(r.hasType('OCCURRED_BEFORE'), Cypher.eq(Cypher.startNode(r), x)),
    Cypher.and(r.hasType('FOLLOWED'), Cypher.eq(Cypher.endNode(r), x)),
  );
  const step = new Cypher.Pattern(x)
    .related(r, {
      type: Cypher.labelExpr.or('OCCURRED_BEFORE', 'FOLLOWED'),
      direction: 'undirected',
    })
    .to(y)
    .where(forward)
    .quantifier({ min: 1, max: 8 });
  return new Cypher.Match(
    new Cypher.QuantifiedPath(
      new Cypher.Pattern(e, { labels: 'Entity' }),
      step,
      new Cypher.Pattern(e),
    ),
  )
    .unwind([r, edge])
    .with(e, edge)
    .distinct()
    .with(e, edge)
    .orderBy([edge.property('id'), 'ASC'])
    .with(e, [Cypher.collect(edge), edges])
    .return(
      ...ruleColumns(
        'order',
        e,
        literal('order of events'),
        new Cypher.ListComprehension(edge).in(edges).map(
          version({
            id: edge.property('id'),
            value: Cypher.plus(Cypher.type(edge), literal(' '), edge.property('id')),
            valueIds: new Cypher.List([Cypher.type(edge), edge.property('id')]),
            sources: edge.property('sourceIds'),
            items: new Cypher.List([edge]),
          }),
        ),
      ),
    );
}

/** Curated: Claims with one subject and property and more than one value. */
function curated(): Cypher.Clause {
  const c = new Cypher.Node();
  const s = new Cypher.Node();
  const prop = new Cypher.Variable();
  const claims = new Cypher.Variable();
  const x = new Cypher.Variable();
  const value = new Cypher.Variable();
  return new Cypher.Match(
    new Cypher.Pattern(c, { labels: 'Claim' })
      .related({ type: 'ABOUT' })
      .to(s, { labels: 'Entity' }),
  )
    .with(s, c)
    .orderBy([c.property('value'), 'ASC'], [c.property('id'), 'ASC'])
    .with(s, [c.property('property'), prop], [Cypher.collect(c), claims])
    .where(
      Cypher.gt(
        Cypher.size(
          Cypher.reduce(
            value,
            new Cypher.List([]),
            x,
            claims,
            new Cypher.Case()
              .when(Cypher.in(x.property('value'), value))
              .then(value)
              .else(Cypher.plus(value, new Cypher.List([x.property('value')]))),
          ),
        ),
        literal(1),
      ),
    )
    .return(
      [literal('curated'), KIND],
      [Cypher.Null, RULE],
      [s, SUBJECT],
      [prop, ASPECT],
      [
        new Cypher.ListComprehension(x).in(claims).map(
          version({
            id: x.property('id'),
            value: x.property('value'),
            valueIds: new Cypher.List([x.property('value')]),
            sources: x.property('sourceIds'),
            items: new Cypher.List([x]),
          }),
        ),
        VERSIONS,
      ],
    );
}

export interface DisagreementsArgs {
  subject?: Maybe<string>;
  /** Stored kinds (`rule`, `curated`). */
  kind?: Maybe<readonly string[]>;
}

export function translateDisagreements(
  args: DisagreementsArgs,
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const subject = new Cypher.Node();
  const ver = new Cypher.Variable();
  const item = new Cypher.Variable();
  const acc = new Cypher.Variable();
  const claim = new Cypher.Node();
  const wanted = (k: string) => !args.kind || args.kind.length === 0 || args.kind.includes(k);
  const branches = [
    ...(wanted('rule')
      ? [participants(), stances(), sides(), threatCarriedOut(), orderCycles()]
      : []),
    ...(wanted('curated') ? [curated()] : []),
  ];
  const versionOf = (s: Parameters<typeof projectNode>[3]) =>
    new Cypher.ListComprehension(ver).in(VERSIONS).map(
      projectComputed(ctx, 'DisagreementVersion', s, {
        id: () => ver.property('id'),
        value: () => ver.property('value'),
        valueIds: () => ver.property('valueIds'),
        sources: () => ver.property('sources'),
        claim: (n) =>
          Cypher.head(
            new Cypher.Collect(
              new Cypher.Match(
                new Cypher.Pattern(claim, {
                  labels: 'Claim',
                  properties: { id: ver.property('id') },
                }),
              )
                .where(Cypher.eq(KIND, literal('curated')))
                .return([projectNode(ctx, 'Claim', claim, n), 'x']),
            ),
          ),
        evidence: (n) =>
          Cypher.reduce(
            acc,
            new Cypher.List([]),
            item,
            ver.property('items'),
            Cypher.plus(acc, evidenceExpression(ctx, item, n, ver.property('sources'))),
          ),
      }),
    );
  const entry = projectComputed(ctx, 'Disagreement', root, {
    kind: () => KIND,
    rule: () => RULE,
    subject: (n) => projectNode(ctx, 'Node', subject, n),
    property: () => ASPECT,
    versions: versionOf,
  });
  if (branches.length === 0) return render(new Cypher.Return([new Cypher.List([]), 'result']));
  const union = branches.length > 1 ? new Cypher.Union(...branches).all() : branches[0]!;
  const query = new Cypher.Call(union, [])
    .with(KIND, RULE, [SUBJECT, subject], ASPECT, VERSIONS)
    .where(args.subject ? Cypher.eq(subject.property('id'), param(args.subject)) : undefined)
    .with(KIND, RULE, subject, ASPECT, VERSIONS)
    .orderBy([KIND, 'DESC'], [RULE, 'ASC'], [subject.property('id'), 'ASC'], [ASPECT, 'ASC'])
    .return([Cypher.collect(entry), 'result']);
  return render(query);
}
