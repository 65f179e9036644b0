/**
 * Runs translated read queries: each in one auto-commit READ transaction (routed to readers
 * in a cluster), with a timeout, results converted to plain values. The one place the GraphQL
 * path touches the driver; driver failures become coded GraphQL errors here.
 */
import type { Driver } from 'neo4j-driver';

import type { DatabaseHealth } from '../db/database-health.ts';
import { classifyNeo4jError } from '../db/neo4j-errors.ts';
import { databaseUnavailable, queryTimeout } from '../errors.ts';
import type { CypherQuery } from '../translate/translation-context.ts';
import { toPlainValue } from './to-plain-value.ts';

export interface GraphReaderOptions {
  driver: Driver;
  database: string | undefined;
  /** Per-query timeout. @default 15000 */
  timeoutMs?: number;
  /** Called before each query runs (tests count queries with it). */
  onQuery?: (query: CypherQuery) => void;
  /** Fails fast while Neo4j is known down and ends each query by a deadline (timeout + 2 s). */
  health?: DatabaseHealth;
}

export class GraphReader {
  constructor(private readonly options: GraphReaderOptions) {}

  /** Runs `query` and returns the `result` column of its first row (null when no row). */
  async readResult(query: CypherQuery): Promise<unknown> {
    const rows = await this.readRows(query);
    return rows[0]?.result ?? null;
  }

  async readRows(query: CypherQuery): Promise<Record<string, unknown>[]> {
    this.options.onQuery?.(query);
    try {
      // One auto-commit READ transaction (routed to readers in a cluster; the driver does not
      // retry auto-commit transactions, so a transient failure reaches the client as an
      // error it may retry): RUN and PULL go out in one write
      // and come back in one round trip. executeQuery's managed transaction adds a BEGIN and
      // a COMMIT — three socket writes and two round trips per query; 16 clients ran about
      // 1.4–2 × as many queries per second this way (bench/README.md). No bookmark
      // manager: every write of this server goes through sessions that keep none
      // (src/write/graph-writer.ts), so bookmarks chained nothing a read here could see.
      const timeout = this.options.timeoutMs ?? 15_000;
      const run = async () => {
        const session = this.options.driver.session({
          database: this.options.database,
          defaultAccessMode: 'READ',
        });
        try {
          return await runWithoutStackCapture(() =>
            session.run(query.cypher, query.params, { timeout }),
          );
        } finally {
          await session.close();
        }
      };
      const { records } = await (this.options.health?.guard(run, timeout + 2_000) ?? run());
      return records.map((r) => toPlainValue(r.toObject()) as Record<string, unknown>);
    } catch (err) {
      const kind = classifyNeo4jError(err);
      if (kind === 'unavailable' || kind === 'auth') throw databaseUnavailable();
      if (kind === 'timeout') throw queryTimeout();
      throw err;
    }
  }
}

/**
 * `run()` with no stack trace captured while it runs synchronously. neo4j-driver captures
 * one for every query (`new Error().stack` when it makes a Result, to put on that query's
 * error should it fail): 4–5 % of the API's CPU under load. Session.run makes its Result
 * synchronously, so this skips exactly that capture; a failed query's error keeps its
 * message, code and cause, only not the frames of the call that ran it.
 */
function runWithoutStackCapture<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
