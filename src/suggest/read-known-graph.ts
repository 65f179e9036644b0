/**
 * Reads what the suggester resolves against: every actor (name, aliases), the demands,
 * meetings, incidents and statements (their names or summaries and places), and the
 * relationships between them — one bounded read query through the GraphReader.
 */
import neo4j from 'neo4j-driver';

import type { GraphReader } from '../graph/graph-reader.ts';
import { SUGGESTED_RELATIONSHIP_TYPES, type KnownGraph } from './suggestion-types.ts';

/** Upper bounds, so that one suggestion never reads an unbounded graph. */
export const KNOWN_GRAPH_LIMITS = { actors: 5_000, nodes: 20_000, relationships: 50_000 };

const KNOWN_GRAPH_CYPHER = `
CALL () {
  MATCH (a:Actor)
  WITH a ORDER BY a.id LIMIT $maxActors
  RETURN collect({id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, [])}) AS actors
}
CALL () {
  MATCH (n:Entity) WHERE n:Demand OR n:Meeting OR n:Incident OR n:Statement
  WITH n ORDER BY n.id LIMIT $maxNodes
  RETURN collect({
    id: n.id,
    label: [l IN labels(n) WHERE l IN ['Demand', 'Meeting', 'Incident', 'Statement']][0],
    text: trim(coalesce(n.name, n.summary, '') + ' ' + coalesce(n.place, ''))
  }) AS nodes
}
CALL () {
  MATCH (a:Actor)-[r]->(b:Entity)
  WHERE type(r) IN $types
  WITH a, r, b ORDER BY r.id LIMIT $maxRelationships
  RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id}) AS relationships
}
RETURN {actors: actors, nodes: nodes, relationships: relationships} AS result`;

export async function readKnownGraph(reader: GraphReader): Promise<KnownGraph> {
  const result = await reader.readResult({
    cypher: KNOWN_GRAPH_CYPHER,
    params: {
      maxActors: neo4j.int(KNOWN_GRAPH_LIMITS.actors),
      maxNodes: neo4j.int(KNOWN_GRAPH_LIMITS.nodes),
      maxRelationships: neo4j.int(KNOWN_GRAPH_LIMITS.relationships),
      types: [...SUGGESTED_RELATIONSHIP_TYPES],
    },
  });
  return result as KnownGraph;
}
