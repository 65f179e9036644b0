/**
 * `npm run bench:write [-- --sizes 10k,100k] [--reports N]`
 *
 * The write path's speed: on a fresh Neo4j per size, loads the synthetic negotiations
 * (bench/generate-dataset.ts) through the seed loader, then adds N synthetic reports and
 * records each one's facts with the recordFacts mutation through the GraphQL API in
 * process (editor key, validation, quote verification, name resolution, one transaction,
 * Edit). Facts per call: 1 actor, 3 demands, 1 statement and 10 relationships whose ends
 * name existing actors and meetings by name or alias. Reports p50/p99 of one report's
 * facts and facts recorded per second (sequential, one client), and writes
 * bench/RESULTS-write.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { KeyStore } from '../src/auth/key-store.ts';
import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { writeDataset } from '../src/seed/write-dataset.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { generateNegotiations, NODES_PER_NEGOTIATION } from './generate-dataset.ts';

const PASSWORD = 'bench-password';
const log = (line: string) => console.log(`[write-bench] ${line}`);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** A synthetic report about negotiation `n` and the facts it states. */
function syntheticReport(n: number, k: number) {
  const s = [
    `Synthetic write-benchmark report ${k} on negotiation ${n}.`,
    `Actor 0 of negotiation ${n} demanded that its counterpart open crossing ${k}-a within a week.`,
    `Actor 0 of negotiation ${n} also demanded a joint commission on crossing ${k}-b.`,
    `A1N${n} rejected both demands on crossing ${k}-a and crossing ${k}-b, its envoy said.`,
    `The parties demanded a written record of round ${k}, said a new observer, Observer ${k} of negotiation ${n}.`,
    `Observer ${k} of negotiation ${n} attended Round 0 of negotiation ${n} as a guest.`,
    `Actor 2 of negotiation ${n} mediated the discussion of crossing ${k}-a at Round 0 of negotiation ${n}.`,
  ];
  const text = s.join('\n');
  const ev = (i: number) => [{ quote: s[i]!, framing: 'REPORTED' }];
  const d = (x: string) => `wb-${n}-${k}-${x}`;
  const input = {
    report: '',
    actors: [
      {
        id: d('observer'),
        name: `Observer ${k} of negotiation ${n}`,
        kind: 'PERSON',
        evidence: ev(4),
      },
    ],
    demands: [
      { id: d('open'), summary: `Open crossing ${k}-a.`, issue: 'TRADE_TRANSIT', evidence: ev(1) },
      {
        id: d('commission'),
        summary: `Joint commission on crossing ${k}-b.`,
        issue: 'BORDER_TERRITORY',
        evidence: ev(2),
      },
      {
        id: d('record'),
        summary: `A written record of round ${k}.`,
        issue: 'GUARANTEES_PROCEDURE',
        evidence: ev(4),
      },
    ],
    statements: [
      {
        id: d('rejection'),
        summary: `Rejection of the crossing ${k} demands.`,
        kind: 'DENIAL',
        evidence: ev(3),
      },
    ],
    relationships: [
      { type: 'DEMANDED', from: `Actor 0 of negotiation ${n}`, to: d('open'), evidence: ev(1) },
      {
        type: 'DEMANDED',
        from: `Actor 0 of negotiation ${n}`,
        to: d('commission'),
        evidence: ev(2),
      },
      { type: 'REJECTED', from: `A1N${n}`, to: d('open'), evidence: ev(3) },
      { type: 'REJECTED', from: `A1N${n}`, to: d('commission'), evidence: ev(3) },
      { type: 'STATED', from: `A1N${n}`, to: d('rejection'), evidence: ev(3) },
      { type: 'DEMANDED', from: d('observer'), to: d('record'), evidence: ev(4) },
      { type: 'ATTENDED', from: d('observer'), to: `Round 0 of negotiation ${n}`, evidence: ev(5) },
      { type: 'RAISED_AT', from: d('open'), to: `Round 0 of negotiation ${n}`, evidence: ev(6) },
      {
        type: 'MEDIATED',
        from: `Actor 2 of negotiation ${n}`,
        to: `Round 0 of negotiation ${n}`,
        evidence: ev(6),
      },
      { type: 'RESPONDS_TO', from: d('rejection'), to: d('open'), evidence: ev(3) },
    ],
  };
  return { text, input, facts: 5 + input.relationships.length };
}

interface SizeResult {
  size: number;
  nodes: number;
  reports: number;
  facts: number;
  p50: number;
  p99: number;
  factsPerSecond: number;
  addReportP50: number;
}

async function benchSize(size: number, reports: number): Promise<SizeResult> {
  const negotiations = Math.ceil(size / NODES_PER_NEGOTIATION);
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'bench-write-neo4j-'));
  log(`size ${size}: starting Neo4j`);
  const server = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password: PASSWORD,
    heap: size >= 50_000 ? '4g' : '2g',
    pagecache: '2g',
    log: () => undefined,
  });
  const driver = createDriver({
    uri: server.uri,
    user: 'neo4j',
    password: PASSWORD,
    database: undefined,
  });
  try {
    await applySchema(driver, undefined);
    const parsed = SeedFileSchema.parse(generateNegotiations(negotiations));
    const dataset = await validateDataset([{ file: 'synthetic', data: parsed }], undefined);
    await writeDataset(dataset, { driver, database: undefined, batchSize: 5000 });
    await driver.executeQuery('CALL db.awaitIndexes(300)');
    log(`size ${size}: loaded ${dataset.nodes.length} nodes; recording ${reports} reports`);
    const { key } = await new KeyStore(driver, undefined).create('bench', 'editor');
    const yoga = createGraphYoga({
      driver,
      database: undefined,
      logging: false,
      auth: { readsRequireKey: false, writesPerMinute: 1_000_000 },
    });
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data!;
    };
    const addMs: number[] = [];
    const factMs: number[] = [];
    let facts = 0;
    const warmup = 3;
    for (let k = 0; k < reports + warmup; k++) {
      const n = (k * 7919) % negotiations;
      const report = syntheticReport(n, k);
      let t = performance.now();
      const added = await post(
        'mutation($i: ReportInput!) { addReport(input: $i) { report { id } } }',
        { i: { text: report.text } },
      );
      if (k >= warmup) addMs.push(performance.now() - t);
      const reportId = (added.addReport as { report: { id: string } }).report.id;
      t = performance.now();
      await post('mutation($i: FactsInput!) { recordFacts(input: $i) { createdNodes } }', {
        i: { ...report.input, report: reportId },
      });
      if (k >= warmup) {
        factMs.push(performance.now() - t);
        facts += report.facts;
      }
    }
    const total = factMs.reduce((a, b) => a + b, 0) / 1000;
    return {
      size,
      nodes: dataset.nodes.length,
      reports,
      facts,
      p50: percentile(factMs, 50),
      p99: percentile(factMs, 99),
      factsPerSecond: facts / total,
      addReportP50: percentile(addMs, 50),
    };
  } finally {
    await driver.close();
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10k,100k' },
      reports: { type: 'string', default: '100' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.replace(/k$/i, '000')));
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const r = await benchSize(size, Number(values.reports));
    log(
      `size ${size}: ${r.factsPerSecond.toFixed(0)} facts/s; one report's facts p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; addReport p50 ${r.addReportP50.toFixed(1)} ms`,
    );
    results.push(r);
  }
  const lines = [
    '# Write benchmark',
    '',
    `Generated by \`npm run bench:write\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} CPU cores, Node ${process.version}, Neo4j 5.26 Community, page cache 2g). One client, sequential; the GraphQL API in process (no HTTP). Each report's facts: 5 nodes and 10 relationships (15 facts, plus 5 REPORTED_BY), ends named by name or alias, 15 quotes verified.`,
    '',
    '| graph nodes | reports | facts recorded | facts/s | one report’s facts p50 | p99 | addReport p50 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.nodes} | ${r.reports} | ${r.facts} | ${r.factsPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.addReportP50.toFixed(1)} ms |`,
    ),
    '',
  ];
  await writeFile(path.join(import.meta.dirname, 'RESULTS-write.md'), lines.join('\n'));
  log('wrote bench/RESULTS-write.md');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
