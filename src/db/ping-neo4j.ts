/**
 * One quick round trip to Neo4j (`RETURN 1`), without the driver's retries, for the health
 * monitor. Resolves to:
 * - `up` when the server answered — with a result, or with an error of its own (an unknown
 *   database, a refused statement: the server is there, requests will say what is wrong);
 * - `refused` when it cannot be reached or refuses the credentials;
 * - `slow` when no answer came within `timeoutMs` (busy, or frozen).
 */
import type { Driver } from 'neo4j-driver';

import { classifyNeo4jError } from './neo4j-errors.ts';

export type PingResult = 'up' | 'refused' | 'slow';

export async function pingNeo4j(
  driver: Driver,
  database: string | undefined,
  timeoutMs = 2_000,
): Promise<PingResult> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      session.run('RETURN 1').then(
        (): PingResult => 'up',
        (err: unknown): PingResult => {
          const kind = classifyNeo4jError(err);
          return kind === 'unavailable' ||
            kind === 'auth' ||
            (kind === 'other' && !isServerError(err))
            ? 'refused'
            : 'up';
        },
      ),
      new Promise<PingResult>((resolve) => {
        timer = setTimeout(() => resolve('slow'), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}

/** True for an error the server sent (a Neo4j status code), not one of the client's. */
function isServerError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Neo.');
}
