/**
 * The analysis root fields — search, connections, demandStats —
 * each as one Cypher query (built with @neo4j/cypher-builder) returning one row with
 * column `result`.
 */
import Cypher from '@neo4j/cypher-builder';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

import { badUserInput } from '../errors.ts';
import { literal, param } from './cypher-values.ts';
import { checkPageSize } from './pagination.ts';
import { evidenceExpression, projectComputed, projectNode } from './project-selection.ts';
import { render, rootTranslation, type CypherQuery } from './translation-context.ts';

/** Longest `search(text:)` accepted, in characters. */
const MAX_SEARCH_LENGTH = 500;
/**
 * Most distinct words in `search(text:)`. Each word becomes one Lucene clause per indexed
 * property (7), and Lucene refuses more than 1024 clauses: 64 words stay well inside.
 */
const MAX_SEARCH_TERMS = 64;

const LUCENE_SPECIAL = new Set('+-!(){}[]^"~*?:\\/&|');
const LUCENE_OPERATOR = /^(?:AND|OR|NOT|TO)$/;

/**
 * The search text as a Lucene query of plain words: special characters are escaped and the
 * operators AND, OR, NOT, TO lower-cased (this edits the search text, never Cypher).
 */
function escapeLucene(text: string): string {
  return text
    .split(/\b/)
    .map((part) => (LUCENE_OPERATOR.test(part) ? part.toLowerCase() : part))
    .map((part) => [...part].map((c) => (LUCENE_SPECIAL.has(c) ? `\\${c}` : c)).join(''))
    .join('');
}

/** The search text, trimmed; refuses empty, too long, or too many distinct words. */
function searchText(raw: string): string {
  const text = raw.trim();
  if (text === '') throw badUserInput('text must not be empty', 'text');
  if (text.length > MAX_SEARCH_LENGTH)
    throw badUserInput(
      `text must be at most ${MAX_SEARCH_LENGTH} characters (got ${text.length})`,
      'text',
    );
  const terms = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  if (terms.size > MAX_SEARCH_TERMS)
    throw badUserInput(
      `text must have at most ${MAX_SEARCH_TERMS} distinct words (got ${terms.size})`,
      'text',
    );
  return text;
}

const notReportedBy = (r: Cypher.Relationship) =>
  Cypher.neq(Cypher.type(r), literal('REPORTED_BY'));

export function translateSearch(
  args: { text: string; kinds?: readonly string[] | null; first?: number | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const text = searchText(args.text);
  const first = checkPageSize(args.first);
  const { ctx, root } = rootTranslation(info);
  const v = new Cypher.Node();
  const score = new Cypher.Variable();
  const l = new Cypher.Variable();
  const hit = projectComputed(ctx, 'SearchHit', root, {
    score: () => score,
    node: (s) => projectNode(ctx, 'Node', v, s),
  });
  const kinds = args.kinds && args.kinds.length > 0 ? param(args.kinds) : undefined;
  const query = Cypher.db.index.fulltext
    .queryNodes('search', param(escapeLucene(text)))
    .yield(['node', v], ['score', score])
    .where(
      Cypher.and(
        Cypher.not(v.hasLabel('Source')),
        kinds ? Cypher.any(l, Cypher.labels(v), Cypher.in(l, kinds)) : undefined,
      ),
    )
    .with(v, score)
    .orderBy([score, 'DESC'], [v.property('id'), 'ASC'])
    .limit(param(first))
    .return([Cypher.collect(hit), 'result']);
  return render(query);
}

export function translateConnections(
  args: { from: string; to: string; maxLength?: number | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const maxLength = args.maxLength ?? 4;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 6) {
    throw badUserInput(`maxLength must be between 1 and 6 (got ${maxLength})`, 'maxLength');
  }
  const { ctx, root } = rootTranslation(info);
  const a = new Cypher.Node();
  const b = new Cypher.Node();
  const p = new Cypher.PathVariable();
  const r = new Cypher.Relationship();
  const r2 = new Cypher.Variable();
  const endpoint = (expr: Cypher.Expr, s: FieldNode[]) => {
    const n = new Cypher.Node();
    return Cypher.head(
      new Cypher.Collect(
        new Cypher.Match(new Cypher.Pattern(n, { labels: 'Entity' }))
          .where(Cypher.eq(Cypher.elementId(n), Cypher.elementId(expr)))
          .return([projectNode(ctx, 'Node', n, s), 'x']),
      ),
    );
  };
  const path = projectComputed(ctx, 'Path', root, {
    length: () => Cypher.length(p),
    steps: (s) =>
      new Cypher.ListComprehension(r).in(Cypher.relationships(p)).map(
        projectComputed(ctx, 'PathStep', s, {
          type: () => Cypher.type(r),
          from: (s2) => endpoint(Cypher.startNode(r), s2),
          to: (s2) => endpoint(Cypher.endNode(r), s2),
          evidence: (s2) => evidenceExpression(ctx, r, s2),
        }),
      ),
  });
  // allShortestPaths has no builder clause; its WHERE must stay on the MATCH, where it
  // constrains the search (a later filter would drop paths instead of finding longer ones).
  const shortest = new Cypher.Raw((env) => {
    const pattern = new Cypher.Pattern(a)
      .related({ direction: 'undirected', length: { max: 6 } })
      .to(b);
    const where = Cypher.and(
      Cypher.all(r2, Cypher.relationships(p), notReportedBy(r2 as Cypher.Relationship)),
      Cypher.lte(Cypher.length(p), param(maxLength)),
    );
    return `MATCH ${env.compile(p)} = allShortestPaths(${env.compile(pattern)})\nWHERE ${env.compile(where)}`;
  });
  const query = Cypher.utils.concat(
    new Cypher.Match(
      new Cypher.Pattern(a, { labels: 'Entity', properties: { id: param(args.from) } }),
      new Cypher.Pattern(b, { labels: 'Entity', properties: { id: param(args.to) } }),
    ),
    shortest,
    new Cypher.With(p).limit(25).return([Cypher.collect(path), 'result']),
  );
  return render(query);
}

export function translateDemandStats(
  args: { actor?: string | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const a = new Cypher.Node();
  const by = new Cypher.Node();
  const d = new Cypher.Node();
  const ds = new Cypher.Variable();
  const bys = new Cypher.Variable();
  const p = new Cypher.Node();
  const [made, rejected, accepted, countered, unanswered] = [1, 2, 3, 4, 5].map(
    () => new Cypher.Variable(),
  ) as [Cypher.Variable, Cypher.Variable, Cypher.Variable, Cypher.Variable, Cypher.Variable];
  const answeredBy = (...types: string[]) =>
    new Cypher.Exists(
      new Cypher.Pattern(d)
        .related({
          type: types.length > 1 ? Cypher.labelExpr.or(...types) : types[0],
          direction: 'left',
        })
        .to(),
    );
  const countWhere = (predicate: Cypher.Predicate) =>
    Cypher.size(new Cypher.ListComprehension(d).in(ds).where(predicate));
  const stats = projectComputed(ctx, 'DemandStats', root, {
    actor: (s) => projectNode(ctx, 'Actor', a, s),
    through: (s) =>
      new Cypher.ListComprehension(p)
        .in(bys)
        .where(Cypher.neq(p, a))
        .map(projectNode(ctx, 'Actor', p, s)),
    made: () => made,
    rejected: () => rejected,
    accepted: () => accepted,
    countered: () => countered,
    unanswered: () => unanswered,
    shareRejected: () =>
      new Cypher.Case(made)
        .when(literal(0))
        .then(literal(0))
        .else(Cypher.divide(Cypher.toFloat(rejected), made)),
  });
  // A representative's demands count for the actor it represents (Khawaja Asif's for
  // Pakistan); without `actor`, only actors that represent no one get a row.
  const match = new Cypher.Match(
    new Cypher.Pattern(a, { labels: 'Actor' })
      .related({ type: 'REPRESENTS', direction: 'left', length: { min: 0, max: 1 } })
      .to(by, { labels: 'Actor' })
      .related({ type: 'DEMANDED' })
      .to(d, { labels: 'Demand' }),
  ).where(
    args.actor
      ? Cypher.eq(a.property('id'), param(args.actor))
      : Cypher.not(new Cypher.Exists(new Cypher.Pattern(a).related({ type: 'REPRESENTS' }).to())),
  );
  const query = match
    .with(a, [Cypher.collect(d).distinct(), ds], [Cypher.collect(by).distinct(), bys])
    .with(
      a,
      bys,
      [Cypher.size(ds), made],
      [countWhere(answeredBy('REJECTED')), rejected],
      [countWhere(answeredBy('ACCEPTED')), accepted],
      [countWhere(answeredBy('COUNTERED')), countered],
      [countWhere(Cypher.not(answeredBy('REJECTED', 'ACCEPTED', 'COUNTERED'))), unanswered],
    )
    .orderBy([a.property('id'), 'ASC'])
    .return([Cypher.collect(stats), 'result']);
  return render(query);
}
