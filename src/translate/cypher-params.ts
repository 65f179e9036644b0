/**
 * Collects query parameters and hands out fresh variable names while a query is built, so
 * every value reaches Neo4j as a `$parameter` and nested subqueries never shadow a name.
 */
import neo4j from 'neo4j-driver';

export class CypherParams {
  readonly values: Record<string, unknown> = {};
  private counter = 0;

  /** Adds a parameter and returns its reference, e.g. `$p3`. Integers are sent as Neo4j INTEGER. */
  add(value: unknown, hint = 'p'): string {
    const name = `${hint}${this.counter++}`;
    this.values[name] =
      typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
    return `$${name}`;
  }

  /** A fresh Cypher variable name. */
  variable(hint: string): string {
    return `${hint}${this.counter++}`;
  }
}

/** Quotes a map key or identifier with backticks. */
export function quoteKey(key: string): string {
  return `\`${key.replace(/`/g, '``')}\``;
}
