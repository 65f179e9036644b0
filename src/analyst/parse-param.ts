/**
 * `--param key=value`: the value is read as JSON when it parses (numbers, booleans, lists,
 * quoted strings), otherwise as a plain string. Whole numbers become Neo4j INTEGER.
 */
import { toNeo4jValue } from '../values/neo4j-values.ts';

export function parseParam(arg: string): [string, unknown] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new Error(`--param needs key=value, got '${arg}'`);
  const key = arg.slice(0, eq);
  const raw = arg.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    // Not JSON: a plain string such as pakistan.
  }
  return [key, toNeo4jValue(value)];
}
