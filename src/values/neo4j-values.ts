/**
 * JavaScript values as Neo4j parameters, losslessly: whole numbers travel as Neo4j INTEGER
 * (a JS number would become FLOAT). The one place this conversion lives (the translator's
 * parameters, the seed loader, the analysts' CLI); reading back is src/graph/to-plain-value.ts.
 */
import neo4j from 'neo4j-driver';

/** A parameter value for Neo4j: whole numbers (also inside lists and maps) become INTEGER. */
export function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  )
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jValue(v)]));
  return value;
}
