/**
 * Requests while Neo4j is frozen (SIGSTOP) or killed (SIGKILL), on a Neo4j of this test's
 * own: every request ends with DATABASE_UNAVAILABLE (503) within seconds, later ones fail
 * fast while the database is known down, each change of state is logged once, and the API
 * serves again once Neo4j is back.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DatabaseHealth } from '../src/db/database-health.ts';
import type { LocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { createGraphYoga, type GraphYoga } from '../src/server/create-yoga.ts';
import { startOwnNeo4j, type OwnNeo4j } from './neo4j-context.ts';

let own: OwnNeo4j;
let neo: LocalNeo4j;
let driver: Driver;
let health: DatabaseHealth;
let yoga: GraphYoga;
const logs: string[] = [];

beforeAll(async () => {
  // Constraints and indexes as npm start applies them (name lookups use the `names` index).
  own = await startOwnNeo4j('faults', '64m');
  ({ neo, driver } = own);
  health = new DatabaseHealth({ driver, database: undefined, log: (l) => logs.push(l) }).start();
  yoga = createGraphYoga({ driver, database: undefined, health, logging: false });
}, 120_000);

afterAll(async () => {
  health?.stop();
  if (neo) {
    try {
      process.kill(neo.pid, 'SIGCONT');
    } catch {
      // already gone
    }
  }
  await own?.stop();
}, 60_000);

async function ask(): Promise<{ status: number; code: unknown; ms: number }> {
  const started = Date.now();
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ actor(id: "pakistan") { id } }' }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: unknown } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started };
}

/** Each change of state is logged once: never two "down" or two "back up" lines in a row. */
function expectAlternating(lines: string[]): void {
  lines.forEach((line, i) => {
    expect(/down/.test(line), line).toBe(i % 2 === 0);
  });
}

async function until(state: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (health.state !== state) {
    if (Date.now() > deadline) throw new Error(`health stayed ${health.state}, wanted ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('database faults', () => {
  it('does not call a busy database down while its queries succeed, however slow its pings', async () => {
    // Every ping "times out" (1 ms), as under heavy load; queries keep succeeding.
    const busy = new DatabaseHealth({
      driver,
      database: undefined,
      pingTimeoutMs: 1,
      log: () => undefined,
    });
    const query = () => driver.executeQuery('RETURN 1');
    for (let i = 0; i < 5; i++) {
      await busy.guard(query, 5_000);
      await busy.check();
      expect(busy.state).not.toBe('down');
    }
    // Without a successful query since the last slow ping began, one more means frozen.
    await busy.check();
    expect(busy.state).toBe('down');
    busy.stop();
  });

  it('ends requests to a frozen Neo4j with DATABASE_UNAVAILABLE within seconds, then fails fast, and recovers after SIGCONT', async () => {
    expect((await ask()).status).toBe(200);
    await until('up');
    process.kill(neo.pid, 'SIGSTOP');
    const inFlight = await Promise.all([ask(), ask(), ask()]);
    for (const r of inFlight) {
      expect(r).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(10_000);
    }
    const later = await ask();
    expect(later).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(later.ms).toBeLessThan(1_000);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(503);

    process.kill(neo.pid, 'SIGCONT');
    await until('up');
    expect(await ask()).toMatchObject({ status: 200, code: undefined });
    // Once per change: down, back up (a machine too loaded to answer pings may add a pair).
    expect(logs.at(0)).toMatch(/down/);
    expect(logs.at(-1)).toMatch(/back up/);
    expectAlternating(logs);
  }, 60_000);

  it('answers DATABASE_UNAVAILABLE fast once Neo4j is killed', async () => {
    process.kill(neo.pid, 'SIGKILL');
    const first = await ask();
    expect(first).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(first.ms).toBeLessThan(3_000);
    await until('down');
    for (let i = 0; i < 5; i++) {
      const r = await ask();
      expect(r).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(1_000);
    }
    expect(logs.at(-1)).toMatch(/down/);
    expectAlternating(logs);
  }, 60_000);
});
