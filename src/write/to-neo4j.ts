/** Property values for Neo4j: whole numbers as INTEGER (offsets, counts), never FLOAT. */
import neo4j from 'neo4j-driver';

export function toNeo4j(props: Record<string, unknown>): Record<string, unknown> {
  const conv = (v: unknown): unknown =>
    typeof v === 'number' && Number.isInteger(v)
      ? neo4j.int(v)
      : Array.isArray(v)
        ? v.map(conv)
        : v;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, conv(v)]));
}
