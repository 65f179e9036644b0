/**
 * `npm run bench [-- --quick] [-- --sizes 10k,100k,1m]`: loads synthetic negotiations at
 * each size through the project's loader — from 500k nodes through Neo4j's offline importer
 * into the size's fresh store before its server starts (src/seed/import-dataset.ts), timed
 * from the Dataset in memory to a queryable database with its indexes online — then asks six questions three ways in the same
 * run — our GraphQL API over HTTP, hand-written Cypher through neo4j-driver (the limit),
 * and @neo4j/graphql over HTTP (the peer) — and writes bench/RESULTS.md.
 *
 * Latency: one client, the three ways interleaved request by request. Throughput: 16
 * concurrent clients for a fixed time (autocannon for HTTP, 16 async loops for the driver).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';

import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { importDataset } from '../src/seed/import-dataset.ts';
import { writeDataset } from '../src/seed/write-dataset.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { memoryMb, START_NODE_FLAGS, startChild, waitReady } from './bench-processes.ts';
import { NODES_PER_NEGOTIATION, generateNegotiations } from './generate-dataset.ts';
import { QUESTIONS, type Question } from './questions.ts';

type Way = 'ours' | 'limit' | 'peer' | 'floor';
const WAYS: Way[] = ['ours', 'limit', 'peer', 'floor'];
const quick = process.argv.includes('--quick');
const sizesArg = process.argv[process.argv.indexOf('--sizes') + 1];
const SIZES: number[] = (
  process.argv.includes('--sizes') && sizesArg ? sizesArg : quick ? '10k' : '10k,100k,1m'
)
  .split(',')
  .map((s) => Number(s.toLowerCase().replace('k', 'e3').replace('m', 'e6')));
const ITERATIONS = quick ? 30 : 150;
const WARMUP = quick ? 5 : 20;
const DURATION_S = quick ? 2 : 6;
const CONNECTIONS = 16;
const PASSWORD = 'bench-password';
const failures: string[] = [];
const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface SizeResult {
  size: number;
  nodes: number;
  relationships: number;
  validateS: number;
  /** Loading: the ordinary loader's write, or the import path's four phases together. */
  writeS: number;
  /** Loaded by the offline importer (phases: CSV, import, server start, schema) rather than the ordinary loader. */
  imported?: { csvS: number; importS: number; startS: number; schemaS: number };
  latency: Record<string, Record<Way, { p50: number; p99: number }>>;
  throughput: Record<string, Record<Way, number>>;
  rss: { restMb: number; loadMb: number };
  /** First request of each question after /ready turned 200 (ms). */
  first: Record<string, number>;
  dbHits: Record<string, { ours: number; limit: number }>;
  answers: Record<string, Record<Way, number>>;
}

/** The compiled servers (npm run build): the API runs as plain JavaScript, as in npm start. */
const distBench = path.join(import.meta.dirname, '..', 'dist', 'bench');

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** POSTs a JSON body (a GraphQL request, or the floor's `{question}`) and times the answer. */
async function postJson(url: string, body: string): Promise<{ rows: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await res.json()) as {
    data?: unknown;
    errors?: { message: string }[];
  };
  const ms = performance.now() - t;
  if (answer.errors) throw new Error(`${url}: ${answer.errors[0]?.message}`);
  return { rows: countAnswer(answer.data), ms };
}

/** A rough size of an answer: how many objects it holds (to check the three ways agree in kind). */
function countAnswer(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countAnswer(v), 0);
  if (value && typeof value === 'object')
    return 1 + Object.values(value).reduce((n: number, v) => n + countAnswer(v), 0);
  return 0;
}

async function runLimit(driver: Driver, q: Question): Promise<{ rows: number; ms: number }> {
  const t = performance.now();
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const records = await session.executeRead(
      async (tx) => (await tx.run(q.limit.cypher, q.limit.params)).records,
    );
    return { rows: records.length, ms: performance.now() - t };
  } finally {
    await session.close();
  }
}

async function driverThroughput(driver: Driver, q: Question): Promise<number> {
  const end = Date.now() + DURATION_S * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        await runLimit(driver, q);
        done++;
      }
    }),
  );
  return done / DURATION_S;
}

async function httpThroughput(
  url: string,
  body: string,
  pid: number | undefined,
  peak: { mb: number },
): Promise<number> {
  const sampler = pid
    ? setInterval(() => (peak.mb = Math.max(peak.mb, memoryMb(pid))), 200)
    : undefined;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (sampler) clearInterval(sampler);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
  return result.requests.average;
}

/** Total db hits of a PROFILEd statement. */
async function dbHits(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
): Promise<number> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    const sum = (p: { dbHits: number; children: unknown[] } | false): number =>
      p
        ? p.dbHits +
          (p.children as { dbHits: number; children: unknown[] }[]).reduce((n, c) => n + sum(c), 0)
        : 0;
    return sum(result.summary.profile);
  } finally {
    await session.close();
  }
}

/** The Cypher our API runs for each question (captured in-process). */
async function ourCypher(
  driver: Driver,
): Promise<Map<string, { cypher: string; params: Record<string, unknown> }>> {
  const captured = new Map<string, { cypher: string; params: Record<string, unknown> }>();
  let current = '';
  const yoga = createGraphYoga({
    driver,
    database: undefined,
    logging: false,
    onQuery: (q) => captured.set(current, q),
  });
  for (const q of QUESTIONS) {
    current = q.id;
    await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q.ours }),
    });
  }
  return captured;
}

async function benchSize(size: number): Promise<SizeResult> {
  const negotiations = Math.ceil(size / NODES_PER_NEGOTIATION);
  const heap = size >= 500_000 ? '10g' : size >= 50_000 ? '4g' : '2g';
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'bench-neo4j-'));
  log(`size ${size}: generating ${negotiations} negotiations`);
  let t = performance.now();
  const parsed = SeedFileSchema.parse(generateNegotiations(negotiations));
  const dataset = await validateDataset([{ file: 'synthetic', data: parsed }], undefined);
  const validateS = (performance.now() - t) / 1000;
  const nodes = dataset.nodes.length;
  const relationships = dataset.relationships.length;
  // From 500k nodes the offline importer loads the size's fresh store before its server
  // starts (online Cypher writes reach 5-7k elements/s here); timed from the Dataset in
  // memory to a queryable database with its indexes online.
  const useImport = size >= 500_000;
  let imported: SizeResult['imported'];
  const loadStarted = performance.now();
  if (useImport) {
    log(`size ${size}: importing ${nodes} nodes and ${relationships} relationships offline`);
    const phases = await importDataset(dataset, { storeDir, heap: '2g', log }).catch(
      async (err: unknown) => {
        await rm(storeDir, { recursive: true, force: true });
        throw err;
      },
    );
    imported = { csvS: phases.csvS, importS: phases.importS, startS: 0, schemaS: 0 };
  }
  log(`size ${size}: starting Neo4j (heap ${heap})`);
  t = performance.now();
  const server = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password: PASSWORD,
    heap,
    pagecache: '2g',
    log: () => undefined,
  });
  if (imported) imported.startS = (performance.now() - t) / 1000;
  const driver = createDriver({
    uri: server.uri,
    user: 'neo4j',
    password: PASSWORD,
    database: undefined,
  });
  const children: ChildProcess[] = [];
  try {
    t = performance.now();
    await applySchema(driver, undefined);
    if (imported) imported.schemaS = (performance.now() - t) / 1000;
    let writeS: number;
    if (imported) {
      writeS = (performance.now() - loadStarted) / 1000;
      log(
        `size ${size}: imported, server started and indexes online in ${writeS.toFixed(1)} s (${Math.round((nodes + relationships) / writeS)} elements/s; CSV ${imported.csvS.toFixed(1)} s, import ${imported.importS.toFixed(1)} s, start ${imported.startS.toFixed(1)} s, schema ${imported.schemaS.toFixed(1)} s)`,
      );
    } else {
      log(
        `size ${size}: loading ${nodes} nodes and ${relationships} relationships through the loader`,
      );
      t = performance.now();
      await writeDataset(dataset, { driver, database: undefined, batchSize: 5000 });
      writeS = (performance.now() - t) / 1000;
      log(
        `size ${size}: loaded in ${writeS.toFixed(1)} s (${Math.round((nodes + relationships) / writeS)} elements/s)`,
      );
    }

    const env = { NEO4J_URI: server.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: PASSWORD };
    const oursPort = await freePort();
    const peerPort = await freePort();
    const floorPort = await freePort();
    // The questions are the clients' known queries: given to the warm-up as an operator
    // would (WARM_UP_OPERATIONS), so "first" measures a known query's first request.
    const warmUpFile = path.join(os.tmpdir(), `bench-warm-up-${process.pid}.json`);
    await writeFile(warmUpFile, JSON.stringify(QUESTIONS.map((q) => ({ query: q.ours }))));
    const ours = await startChild(
      path.join(distBench, 'serve-ours.js'),
      { ...env, PORT: String(oursPort), WARM_UP_OPERATIONS: warmUpFile },
      START_NODE_FLAGS,
    );
    children.push(ours);
    const peer = await startChild(path.join(import.meta.dirname, 'serve-peer.ts'), {
      ...env,
      PORT: String(peerPort),
    });
    children.push(peer);
    const floor = await startChild(path.join(distBench, 'serve-floor.js'), {
      ...env,
      PORT: String(floorPort),
    });
    children.push(floor);
    const url: Record<Exclude<Way, 'limit'>, string> = {
      ours: `http://127.0.0.1:${oursPort}/graphql`,
      peer: `http://127.0.0.1:${peerPort}/graphql`,
      floor: `http://127.0.0.1:${floorPort}/`,
    };
    const body = (way: Exclude<Way, 'limit'>, q: Question) =>
      way === 'floor' ? JSON.stringify({ question: q.id }) : JSON.stringify({ query: q[way] });
    const ask = (way: Way, q: Question) =>
      way === 'limit' ? runLimit(driver, q) : postJson(url[way], body(way, q));

    // The first request of each question once /ready says 200 (the warm start). This
    // process's HTTP client has sent no POST yet: one to the floor first, so that its own
    // first-use cost (undici's) is not counted as the API's.
    await waitReady(`http://127.0.0.1:${oursPort}/ready`);
    for (const q of QUESTIONS) await ask('floor', q);
    const first: SizeResult['first'] = {};
    for (const q of QUESTIONS) first[q.id] = (await ask('ours', q)).ms;

    const answers: SizeResult['answers'] = {};
    for (const q of QUESTIONS) {
      answers[q.id] = { ours: 0, limit: 0, peer: 0, floor: 0 };
      for (const way of WAYS) {
        for (let i = 0; i < WARMUP; i++) await ask(way, q);
        answers[q.id]![way] = (await ask(way, q)).rows;
        if (answers[q.id]![way] === 0) throw new Error(`${q.id} ${way}: empty answer`);
      }
    }
    const restMb = memoryMb(ours.pid!);

    log(`size ${size}: latency, ${ITERATIONS} interleaved rounds per question`);
    const latency: SizeResult['latency'] = {};
    for (const q of QUESTIONS) {
      const samples: Record<Way, number[]> = { ours: [], limit: [], peer: [], floor: [] };
      for (let i = 0; i < ITERATIONS; i++) {
        for (let k = 0; k < WAYS.length; k++) {
          const way = WAYS[(i + k) % WAYS.length]!;
          samples[way].push((await ask(way, q)).ms);
        }
      }
      latency[q.id] = Object.fromEntries(
        WAYS.map((w) => [w, { p50: percentile(samples[w], 50), p99: percentile(samples[w], 99) }]),
      ) as never;
    }

    log(`size ${size}: throughput at ${CONNECTIONS} clients, ${DURATION_S} s each`);
    const throughput: SizeResult['throughput'] = {};
    const peak = { mb: restMb };
    for (const q of QUESTIONS) {
      throughput[q.id] = {
        ours: await httpThroughput(url.ours, body('ours', q), ours.pid, peak),
        limit: await driverThroughput(driver, q),
        peer: await httpThroughput(url.peer, body('peer', q), undefined, peak),
        floor: await httpThroughput(url.floor, body('floor', q), undefined, peak),
      };
    }

    const captured = await ourCypher(driver);
    const hits: SizeResult['dbHits'] = {};
    for (const q of QUESTIONS) {
      const mine = captured.get(q.id);
      hits[q.id] = {
        ours: mine ? await dbHits(driver, mine.cypher, mine.params) : NaN,
        limit: await dbHits(driver, q.limit.cypher, q.limit.params),
      };
    }
    return {
      size,
      ...(imported ? { imported } : {}),
      nodes,
      relationships,
      validateS,
      writeS,
      latency,
      throughput,
      rss: { restMb, loadMb: peak.mb },
      first,
      dbHits: hits,
      answers,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await driver.close();
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

function report(results: SizeResult[], info: Record<string, string>): string {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Command: \`${info.command}\` — run ${info.date}.`, '');
  lines.push('| | |', '|---|---|');
  for (const [k, v] of Object.entries(info)) if (k !== 'command') lines.push(`| ${k} | ${v} |`);
  lines.push('');
  lines.push(
    "Ways: **ours** = this project's GraphQL API over HTTP (own process, compiled JavaScript, with `npm start`'s node flags: " +
      START_NODE_FLAGS.join(' ') +
      "); **limit** = the same question as hand-written Cypher through neo4j-driver, in the benchmark process (no HTTP, no GraphQL); **peer** = `@neo4j/graphql` with an equivalent schema (`bench/peer-type-defs.graphql`) served by graphql-yoga over HTTP; **floor** = the limit's hand-written Cypher behind a bare `node:http` handler (`bench/serve-floor.ts`: parse the body, executeQuery, write the JSON) — what any HTTP service over this driver costs. Latency: one client, the four ways interleaved request by request. Throughput: 16 concurrent clients (autocannon for HTTP; 16 async loops for the driver). **first** = the first request of each question after `/ready` turned 200, ÷ its warm p50.",
    '',
  );
  lines.push('Questions:', '');
  for (const q of QUESTIONS) lines.push(`- **${q.id}** ${q.title}`);
  lines.push('');
  lines.push("## Loading through the project's loader", '');
  lines.push(
    '| nodes | relationships | elements | validate (s) | load (s) | mode | elements/s (load) |',
    '|---:|---:|---:|---:|---:|---|---:|',
  );
  for (const r of results) {
    const el = r.nodes + r.relationships;
    const mode = r.imported
      ? `offline importer (src/seed/import-dataset.ts) into the fresh store, then server start and schema: CSV ${fmt(r.imported.csvS)} s, import ${fmt(r.imported.importS)} s, start ${fmt(r.imported.startS)} s, schema ${fmt(r.imported.schemaS)} s`
      : 'ordinary loader, one transaction';
    lines.push(
      `| ${r.nodes} | ${r.relationships} | ${el} | ${fmt(r.validateS)} | ${fmt(r.writeS)} | ${mode} | ${Math.round(el / r.writeS)} |`,
    );
  }
  for (const r of results) {
    lines.push('', `## Queries at ${r.nodes} nodes`, '');
    lines.push(
      '| question | ours p50 / p99 (ms) | limit p50 / p99 | peer p50 / p99 | floor p50 / p99 | ours/limit p50 | ours/peer p50 | ours/floor p50 / p99 | ours req/s @16 | limit | peer | floor | ours/peer throughput | ours/floor throughput | first (ms) ÷ warm p50 |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const q of QUESTIONS) {
      const l = r.latency[q.id]!;
      const t = r.throughput[q.id]!;
      lines.push(
        `| ${q.id} | ${fmt(l.ours.p50)} / ${fmt(l.ours.p99)} | ${fmt(l.limit.p50)} / ${fmt(l.limit.p99)} | ${fmt(l.peer.p50)} / ${fmt(l.peer.p99)} | ${fmt(l.floor.p50)} / ${fmt(l.floor.p99)} | ${fmt(l.ours.p50 / l.limit.p50, 2)} | ${fmt(l.ours.p50 / l.peer.p50, 2)} | ${fmt(l.ours.p50 / l.floor.p50, 2)} / ${fmt(l.ours.p99 / l.floor.p99, 2)} | ${fmt(t.ours, 0)} | ${fmt(t.limit, 0)} | ${fmt(t.peer, 0)} | ${fmt(t.floor, 0)} | ${fmt(t.ours / t.peer, 2)} | ${fmt(t.ours / t.floor, 2)} | ${fmt(r.first[q.id]!, 0)} ÷ ${fmt(l.ours.p50)} = ${fmt(r.first[q.id]! / l.ours.p50, 1)} |`,
      );
    }
    lines.push(
      '',
      `API memory (RSS of the API process): ${fmt(r.rss.restMb, 0)} MB at rest, ${fmt(r.rss.loadMb, 0)} MB peak under load.`,
    );
  }
  if (results.length > 1) {
    const first = results[0]!;
    const last = results.at(-1)!;
    lines.push('', `## Scale: p50 from ${first.nodes} to ${last.nodes} nodes (ours)`, '');
    lines.push(
      `| question | ${results.map((r) => `p50 @${r.nodes} (ms)`).join(' | ')} | growth | db hits ours ${results.map((r) => `@${r.nodes}`).join(' / ')} | db hits limit ${results.map((r) => `@${r.nodes}`).join(' / ')} |`,
    );
    lines.push(`|---|${results.map(() => '---:').join('|')}|---:|---|---|`);
    for (const q of QUESTIONS) {
      const growth = last.latency[q.id]!.ours.p50 / first.latency[q.id]!.ours.p50;
      lines.push(
        `| ${q.id} | ${results.map((r) => fmt(r.latency[q.id]!.ours.p50)).join(' | ')} | ${fmt(growth, 2)}×${growth > 2 ? ' ⚠' : ''} | ${results.map((r) => r.dbHits[q.id]!.ours).join(' / ')} | ${results.map((r) => r.dbHits[q.id]!.limit).join(' / ')} |`,
      );
    }
  }
  lines.push(
    '',
    '## PROFILE db hits (last size)',
    '',
    '| question | ours | limit |',
    '|---|---:|---:|',
  );
  const last = results.at(-1)!;
  for (const q of QUESTIONS)
    lines.push(`| ${q.id} | ${last.dbHits[q.id]!.ours} | ${last.dbHits[q.id]!.limit} |`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const build = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, '..', 'tools', 'build-dist.js')],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('npm run build failed');
  const results: SizeResult[] = [];
  const pkg = (name: string) =>
    (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
      .version;
  const loads = [os.loadavg()[0]!];
  // The report is written after every size, so a run cut short keeps the sizes it finished.
  const writeReport = async (done: boolean) => {
    const info = {
      command: `npm run bench${quick ? ' -- --quick' : process.argv.includes('--sizes') ? ` -- --sizes ${sizesArg}` : ''}`,
      date: new Date(started).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
      'machine load': `1-minute load average at the start and after each size: ${loads.map((l) => l.toFixed(1)).join(', ')} (2 cores, shared)`,
      node: process.version,
      neo4j: 'Neo4j 5.26 Community (tools/neo4j-local), page cache 2g',
      versions: `graphql ${pkg('graphql')}, graphql-yoga ${pkg('graphql-yoga')}, neo4j-driver ${pkg('neo4j-driver')}, @neo4j/graphql ${pkg('@neo4j/graphql')}, autocannon ${pkg('autocannon')}`,
      settings: `${ITERATIONS} latency rounds (after ${WARMUP} warm-up requests per way), ${DURATION_S} s per throughput run`,
      'total time': `${((Date.now() - started) / 60000).toFixed(1)} min${done ? '' : ' so far (run in progress)'}`,
      ...(failures.length > 0 ? { failed: failures.join('; ') } : {}),
    };
    const out = path.join(import.meta.dirname, quick ? 'RESULTS-quick.md' : 'RESULTS.md');
    await writeFile(out, report(results, info));
    log(`wrote ${path.relative(process.cwd(), out)} after ${info['total time']}`);
  };
  for (const size of SIZES) {
    try {
      results.push(await benchSize(size));
    } catch (err) {
      // Keep what was measured: a size that fails (e.g. out of memory) is reported, not lost.
      log(`size ${size} failed: ${(err as Error).message}`);
      failures.push(`${size} nodes: ${(err as Error).message.split('\n')[0]}`);
    }
    loads.push(os.loadavg()[0]!);
    if (results.length > 0) await writeReport(size === SIZES.at(-1));
  }
  if (results.length === 0) throw new Error('no size completed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
