/**
 * Runs one analyst statement: in a READ transaction unless writes are allowed (so a write
 * in read-only mode fails in Neo4j itself), with a timeout, and with missing parameters
 * reported before anything runs.
 */
import type { Driver } from 'neo4j-driver';

import { classifyNeo4jError, describeNeo4jError } from '../db/neo4j-errors.ts';
import { toPlainValue } from '../graph/to-plain-value.ts';

export interface RunOptions {
  driver: Driver;
  database: string | undefined;
  cypher: string;
  params: Record<string, unknown>;
  /** Allow writes (a WRITE transaction). @default false */
  write?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Counter summary for writes, e.g. "3 nodes created". */
  updates: string;
}

export class CypherRunError extends Error {
  override name = 'CypherRunError';
}

/** `$name` references in a statement (not inside strings or comments; good enough for checks). */
export function referencedParams(cypher: string): string[] {
  const withoutStrings = cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/\/.*$/gm, '');
  return [
    ...new Set([...withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '')),
  ];
}

export async function runCypher(options: RunOptions): Promise<RunResult> {
  const missing = referencedParams(options.cypher).filter((p) => !(p in options.params));
  if (missing.length > 0) {
    throw new CypherRunError(
      `missing parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (pass --param ${missing[0]}=…)`,
    );
  }
  const session = options.driver.session({
    database: options.database,
    defaultAccessMode: options.write ? 'WRITE' : 'READ',
  });
  try {
    const work = async (tx: Parameters<Parameters<typeof session.executeRead>[0]>[0]) => {
      const running = tx.run(options.cypher, options.params);
      const keys = await running.keys();
      const result = await running;
      const updates = Object.entries(result.summary.counters.updates())
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      return {
        columns: keys.map(String),
        rows: result.records.map((r) => toPlainValue(r.toObject()) as Record<string, unknown>),
        updates,
      };
    };
    const config = { timeout: options.timeoutMs ?? 30_000 };
    return options.write
      ? await session.executeWrite(work, config)
      : await session.executeRead(work, config);
  } catch (err) {
    if (classifyNeo4jError(err) === 'forbidden') {
      throw new CypherRunError(
        `this statement writes, and the runner is read-only by default; pass --write to allow writes (${(err as Error).message})`,
      );
    }
    throw new CypherRunError(describeNeo4jError(err));
  } finally {
    await session.close();
  }
}
