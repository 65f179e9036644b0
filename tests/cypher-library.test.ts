/**
 * The analyst query library and runner: every library query runs with its documented
 * example parameters and returns known seed facts; the runner is read-only by default.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadLibrary, type LibraryQuery } from '../src/analyst/query-library.ts';
import { CypherRunError, referencedParams, runCypher } from '../src/analyst/run-cypher.ts';
import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { graphChecksum, loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const library = loadLibrary();

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});

/** The example in a parameter's description (`e.g. "pakistan"` or `e.g. 7`). */
function exampleParams(query: LibraryQuery): Record<string, unknown> {
  return Object.fromEntries(
    query.params.map((p) => {
      const raw = /e\.g\. ("[^"]*"|\d+)/.exec(p.description)?.[1];
      if (raw === undefined) throw new Error(`${query.name}: parameter ${p.name} has no example`);
      const value = JSON.parse(raw) as unknown;
      return [p.name, typeof value === 'number' ? neo4j.int(value) : value];
    }),
  );
}

async function run(name: string) {
  const query = library.find((q) => q.name === name);
  if (!query) throw new Error(`no query ${name}`);
  return runCypher({ driver, database, cypher: query.cypher, params: exampleParams(query) });
}

describe('the query library', () => {
  it('has at least 12 queries, each stating its question, parameters and columns', () => {
    expect(library.length).toBeGreaterThanOrEqual(12);
    for (const q of library) {
      expect(q.question, q.name).not.toBe('');
      expect(q.columns.length, q.name).toBeGreaterThan(0);
      expect(
        referencedParams(q.cypher).sort(),
        `${q.name} declares exactly the parameters it uses`,
      ).toEqual(q.params.map((p) => p.name).sort());
    }
  });

  it.each(library.map((q) => q.name))(
    'runs %s with its example parameters, returning its declared columns',
    async (name) => {
      const query = library.find((q) => q.name === name)!;
      const result = await run(name);
      expect(result.rows.length, name).toBeGreaterThan(0);
      expect(result.columns).toEqual(query.columns.map((c) => c.name));
    },
  );

  it('demand-response-matrix: Afghanistan rejected the buffer zone and countered action against militants', async () => {
    const rows = (await run('demand-response-matrix')).rows;
    expect(rows).toContainEqual(
      expect.objectContaining({
        demand: 'durand-line-buffer-zone',
        response: 'REJECTED',
        sources: ['report-000'],
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ demand: 'act-against-militants', response: 'COUNTERED' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ demand: 'prevent-soil-use', response: 'none recorded' }),
    );
  });

  it('mediators-per-meeting: Qatar brokered Doha, the OIC supported it', async () => {
    const rows = (await run('mediators-per-meeting')).rows.filter(
      (r) => r.meeting === 'doha-ceasefire-signing',
    );
    expect(rows.map((r) => [r.mediator, r.role])).toEqual([
      ['Organization of Islamic Cooperation', 'supporter'],
      ['Qatar', 'broker'],
    ]);
  });

  it('incidents-around-meetings: two incidents during the Istanbul talks (Wardag is not timed), none from "last month"', async () => {
    const rows = (await run('incidents-around-meetings')).rows;
    expect(rows.map((r) => r.incident)).toEqual(['durand-line-gunfire', 'spin-boldak-shelling']);
    expect(rows[1]?.blamed).toEqual(['Pakistan Army (by Afghan provincial sources)']);
  });

  it('disagreements: the round of the Istanbul talks, per report', async () => {
    const rows = (await run('disagreements')).rows.filter((r) => r.property === 'round');
    expect(rows.map((r) => [r.value, r.sources])).toEqual([
      ['second round', ['report-004']],
      ['third round', ['report-001']],
    ]);
  });

  it('corroboration: the Istanbul talks are stated by four reports, Saudi Arabia by one', async () => {
    const rows = (await run('corroboration')).rows;
    expect(rows).toContainEqual(expect.objectContaining({ id: 'istanbul-talks', reports: 4 }));
    expect(rows.find((r) => r.id === 'saudi-arabia')).toBeUndefined();
  });

  it('unanswered-demands, meeting-diff, blame-matrix and report-coverage return known facts', async () => {
    expect((await run('unanswered-demands')).rows.map((r) => r.demand)).toContain(
      'prevent-soil-use',
    );
    const diff = (await run('meeting-diff')).rows.find((r) => r.aspect === 'mediators');
    expect(diff).toMatchObject({ onlyAtFirst: ['saudi-arabia'], onlyAtSecond: [] });
    expect((await run('blame-matrix')).rows).toContainEqual(
      expect.objectContaining({
        accuser: 'Afghan provincial sources',
        blamed: 'Pakistan Army',
        incident: 'spin-boldak-shelling',
        killed: 5,
      }),
    );
    const coverage = (await run('report-coverage')).rows;
    expect(coverage.map((r) => r.report)).toEqual([
      'report-000',
      'report-001',
      'report-002',
      'report-003',
      'report-004',
    ]);
    expect(coverage[0]).toMatchObject({ outlet: 'News18' });
  });

  it('paths-between, search, evidence-for, actor-positions and threats-and-warnings return known facts', async () => {
    expect((await run('paths-between')).rows[0]?.path).toEqual([
      'saudi-arabia -MEDIATED-> facilitated-rounds',
      'hand-over-ttp-militants -RAISED_AT-> facilitated-rounds',
      'hand-over-ttp-militants -CONCERNS-> ttp',
    ]);
    expect((await run('search')).rows[0]?.id).toBe('durand-line-buffer-zone');
    expect((await run('evidence-for')).rows).toContainEqual(
      expect.objectContaining({ fact: 'node', source: 'report-001' }),
    );
    const positions = (await run('actor-positions')).rows;
    expect(positions).toContainEqual(
      expect.objectContaining({ kind: 'withdrew', on: 'facilitated-rounds', by: 'Turkey' }),
    );
    expect((await run('threats-and-warnings')).rows.map((r) => r.kind)).toContain('threat');
  });
});

describe('the runner', () => {
  it('refuses a write in read-only mode, leaving the database unchanged', async () => {
    const before = await graphChecksum(driver, database);
    const attempt = runCypher({
      driver,
      database,
      cypher: "CREATE (:Probe {name: 'x'})",
      params: {},
    });
    await expect(attempt).rejects.toBeInstanceOf(CypherRunError);
    await expect(attempt).rejects.toThrow(/read-only by default; pass --write/);
    expect(await graphChecksum(driver, database)).toBe(before);
  });

  it('allows the write with write: true', async () => {
    const result = await runCypher({
      driver,
      database,
      cypher: "CREATE (:Probe {name: 'x'})",
      params: {},
      write: true,
    });
    expect(result.updates).toMatch(/1 nodesCreated/);
    await runCypher({
      driver,
      database,
      cypher: 'MATCH (p:Probe) DELETE p',
      params: {},
      write: true,
    });
  });

  it('names a missing parameter before running, and reports a syntax error clearly', async () => {
    await expect(
      runCypher({ driver, database, cypher: 'MATCH (a:Actor {id: $who}) RETURN a', params: {} }),
    ).rejects.toThrow('missing parameter: who (pass --param who=…)');
    await expect(
      runCypher({ driver, database, cypher: 'MATCH (a RETURN a', params: {} }),
    ).rejects.toThrow(/^Cypher syntax error: /);
  });

  it('works from the command line: a library query as JSON, and exit status 1 for a refused write', async () => {
    const neo = testNeo4j();
    const env = {
      ...process.env,
      NEO4J_URI: neo.uri,
      NEO4J_USER: neo.user,
      NEO4J_PASSWORD: neo.password,
    };
    const exec = promisify(execFile);
    const ok = await exec(
      'npx',
      ['tsx', 'src/analyst/cli.ts', 'blame-matrix', '--format', 'json'],
      { env },
    );
    const rows = JSON.parse(ok.stdout) as { incident: string }[];
    expect(rows.map((r) => r.incident)).toContain('wardag-shelling');
    const refused = await exec('npx', ['tsx', 'src/analyst/cli.ts', 'CREATE (:Probe)'], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/pass --write/);
  }, 60_000);
});
