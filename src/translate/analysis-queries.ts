/**
 * The analysis root fields — search, timeline, connections, disagreements, demandStats —
 * each as one Cypher query returning one row with column `result`.
 */
import type { GraphQLResolveInfo } from 'graphql';

import { badUserInput } from '../errors.ts';
import { checkPageSize } from './pagination.ts';
import {
  dateExpression,
  evidenceExpression,
  projectComputed,
  projectNode,
} from './project-selection.ts';
import { rootTranslation, type CypherQuery } from './translation-context.ts';

/** Lucene special characters and operators are escaped: the text is matched as words. */
export function escapeLucene(text: string): string {
  return text
    .replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, (c) => `\\${c}`)
    .replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

export function translateSearch(
  args: { text: string; kinds?: readonly string[] | null; first?: number | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const text = args.text.trim();
  if (text === '') throw badUserInput('text must not be empty', 'text');
  const first = checkPageSize(args.first);
  const { ctx, selections } = rootTranslation(info);
  const q = ctx.params.add(escapeLucene(text), 'q');
  const kinds =
    args.kinds && args.kinds.length > 0 ? ctx.params.add(args.kinds, 'labels') : undefined;
  const hit = projectComputed(ctx, 'SearchHit', selections, {
    score: () => 'score',
    node: (s) => projectNode(ctx, 'Node', 'v', s),
  });
  return {
    cypher: [
      `CALL db.index.fulltext.queryNodes('search', ${q}) YIELD node AS v, score`,
      `WHERE NOT v:Source${kinds ? ` AND any(l IN labels(v) WHERE l IN ${kinds})` : ''}`,
      `WITH v, score ORDER BY score DESC, v.id LIMIT ${ctx.params.add(first, 'first')}`,
      `RETURN collect(${hit}) AS result`,
    ].join('\n'),
    params: ctx.params.values,
  };
}

/** Involvement: any fact (not REPORTED_BY) linking the event to the actor or to someone representing it. */
const involves = (v: string, actorParam: string) =>
  `EXISTS { MATCH (${v})-[rel]-(a:Actor) WHERE type(rel) <> 'REPORTED_BY' AND (a.id = ${actorParam} OR EXISTS { (a)-[:REPRESENTS]->(:Actor {id: ${actorParam}}) }) }`;

export function translateTimeline(
  args: { actor?: string | null; otherActor?: string | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, selections } = rootTranslation(info);
  const conditions = ['(v:Meeting OR v:Incident OR v:Statement)'];
  if (args.actor) conditions.push(involves('v', ctx.params.add(args.actor, 'actor')));
  if (args.otherActor) conditions.push(involves('v', ctx.params.add(args.otherActor, 'other')));
  const entry = projectComputed(ctx, 'TimelineEntry', selections, {
    sequence: () => 'sequence',
    anchor: (s) =>
      `CASE WHEN anchor IS NULL THEN null ELSE ${projectNode(ctx, 'Meeting', 'anchor', s)} END`,
    date: (s) => dateExpression(ctx, 'v', 'date', s),
    node: (s) => projectNode(ctx, 'Node', 'v', s),
  });
  return {
    cypher: [
      `MATCH (v:Entity) WHERE ${conditions.join(' AND ')}`,
      // The meeting an event is placed against: itself, or the meeting it happened before or
      // during, was raised at, or is about.
      `WITH v, CASE WHEN v:Meeting THEN v ELSE head(COLLECT { MATCH (v)-[:OCCURRED_BEFORE|OCCURRED_DURING|RAISED_AT|ABOUT]->(m:Meeting) RETURN m ORDER BY m.id }) END AS anchor`,
      // Rank of the anchor = how many meetings precede it (FOLLOWED); before < meeting < during/after.
      `WITH v, anchor, CASE WHEN anchor IS NULL THEN null ELSE`,
      `  3 * COUNT { MATCH (anchor)-[:FOLLOWED*1..20]->(earlier:Meeting) RETURN DISTINCT earlier }`,
      `  + CASE WHEN v:Meeting THEN 1 WHEN EXISTS { (v)-[:OCCURRED_BEFORE]->(anchor) } THEN 0 ELSE 2 END END AS sequence`,
      `ORDER BY sequence ASC, v.id ASC`,
      `RETURN collect(${entry}) AS result`,
    ].join('\n'),
    params: ctx.params.values,
  };
}

export function translateConnections(
  args: { from: string; to: string; maxLength?: number | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const maxLength = args.maxLength ?? 4;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 6) {
    throw badUserInput(`maxLength must be between 1 and 6 (got ${maxLength})`, 'maxLength');
  }
  const { ctx, selections } = rootTranslation(info);
  const endpoint = (variable: string, expr: string, s: Parameters<typeof projectNode>[3]) =>
    `head(COLLECT { MATCH (${variable}:Entity) WHERE elementId(${variable}) = elementId(${expr}) RETURN ${projectNode(ctx, 'Node', variable, s)} AS x })`;
  const path = projectComputed(ctx, 'Path', selections, {
    length: () => 'length(p)',
    steps: (s) =>
      `[r IN relationships(p) | ${projectComputed(ctx, 'PathStep', s, {
        type: () => 'type(r)',
        from: (s2) => endpoint(ctx.params.variable('f'), 'startNode(r)', s2),
        to: (s2) => endpoint(ctx.params.variable('t'), 'endNode(r)', s2),
        evidence: (s2) => evidenceExpression(ctx, 'r', s2),
      })}]`,
  });
  return {
    cypher: [
      `MATCH (a:Entity {id: ${ctx.params.add(args.from, 'from')}}), (b:Entity {id: ${ctx.params.add(args.to, 'to')}})`,
      `MATCH p = allShortestPaths((a)-[*..6]-(b))`,
      `WHERE all(r IN relationships(p) WHERE type(r) <> 'REPORTED_BY') AND length(p) <= ${ctx.params.add(maxLength, 'maxLength')}`,
      `WITH p LIMIT 25`,
      `RETURN collect(${path}) AS result`,
    ].join('\n'),
    params: ctx.params.values,
  };
}

export function translateDisagreements(
  args: { subject?: string | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, selections } = rootTranslation(info);
  const subject = args.subject ? ` WHERE s.id = ${ctx.params.add(args.subject, 'subject')}` : '';
  const item = projectComputed(ctx, 'Disagreement', selections, {
    subject: (s) => projectNode(ctx, 'Node', 's', s),
    property: () => 'prop',
    versions: (s) =>
      `COLLECT { MATCH (c2:Claim)-[:ABOUT]->(s) WHERE c2.property = prop RETURN ${projectNode(ctx, 'Claim', 'c2', s)} AS x ORDER BY c2.value }`,
  });
  return {
    cypher: [
      `MATCH (c:Claim)-[:ABOUT]->(s:Entity)${subject}`,
      `WITH s, c.property AS prop, count(DISTINCT c.value) AS values`,
      `WHERE values > 1`,
      `WITH s, prop ORDER BY s.id, prop`,
      `RETURN collect(${item}) AS result`,
    ].join('\n'),
    params: ctx.params.values,
  };
}

export function translateDemandStats(
  args: { actor?: string | null },
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, selections } = rootTranslation(info);
  const actor = args.actor ? ` WHERE a.id = ${ctx.params.add(args.actor, 'actor')}` : '';
  const stats = projectComputed(ctx, 'DemandStats', selections, {
    actor: (s) => projectNode(ctx, 'Actor', 'a', s),
    made: () => 'made',
    rejected: () => 'rejected',
    accepted: () => 'accepted',
    countered: () => 'countered',
    unanswered: () => 'unanswered',
    shareRejected: () => 'CASE made WHEN 0 THEN 0.0 ELSE toFloat(rejected) / made END',
  });
  return {
    cypher: [
      `MATCH (a:Actor)-[:DEMANDED]->(d:Demand)${actor}`,
      `WITH a, collect(DISTINCT d) AS ds`,
      `WITH a, size(ds) AS made,`,
      `  size([d IN ds WHERE EXISTS { (d)<-[:REJECTED]-() }]) AS rejected,`,
      `  size([d IN ds WHERE EXISTS { (d)<-[:ACCEPTED]-() }]) AS accepted,`,
      `  size([d IN ds WHERE EXISTS { (d)<-[:COUNTERED]-() }]) AS countered,`,
      `  size([d IN ds WHERE NOT EXISTS { (d)<-[:REJECTED|ACCEPTED|COUNTERED]-() }]) AS unanswered`,
      `ORDER BY a.id`,
      `RETURN collect(${stats}) AS result`,
    ].join('\n'),
    params: ctx.params.values,
  };
}
