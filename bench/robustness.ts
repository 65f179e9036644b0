/**
 * `npm run bench:robustness -- [outage] [soak] [bad-seeds]`: the figures behind the
 * robustness claims, from real runs on this machine, loopback only, every loop bounded.
 *
 * - soak: `npm start` (its own Neo4j, seeds loaded); autocannon with 50 connections for
 *   60 s; errors, non-2xx, p50/p99/max latency, requests/s, the server's RSS at the start
 *   and the end.
 * - outage, on the same server after the soak: 8 clients ask the README's first question
 *   in a loop for 6 s, then Neo4j is frozen (SIGSTOP) for 10 s and thawed, then killed
 *   (SIGKILL) for 10 s. Per phase: requests, statuses, longest wait.
 * - bad-seeds: each broken seed folder through `npm run seed -- --check` (no database),
 *   with the loader's first line of explanation.
 *
 * Writes bench/ROBUSTNESS.md (the sections run) and prints it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

import { freePort } from '../src/neo4j-local/free-port.ts';
import { PID_FILE, startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { defaultSeedsDir } from '../src/seed/load-seeds-from-disk.ts';
import { README_QUERIES } from '../tests/readme-queries.ts';

const QUERY = JSON.stringify({ query: README_QUERIES.rejectedDemands });

interface Served {
  base: string;
  serverPid: number;
  javaPid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `npm start` on free ports with a throwaway store; resolves once it serves. */
async function startMain(): Promise<Served> {
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'robustness-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: String(port),
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: storeDir,
      NEO4J_LOCAL_HEAP: '1g',
      NEO4J_LOCAL_PAGECACHE: '128m',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  child.stderr?.on('data', (c: Buffer) => lines.push(c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('npm start did not come up in 420 s')),
      420_000,
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (/^Neo4j is (down|back up)/.test(line)) console.log(`  server: ${line}`);
      if (line.startsWith('Ctrl-C stops')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`npm start exited ${code}:\n${lines.join('\n')}`)),
    );
  });
  const javaPid = Number((await readFile(path.join(storeDir, PID_FILE), 'utf8')).trim());
  return {
    base: `http://127.0.0.1:${port}`,
    serverPid: child.pid ?? -1,
    javaPid,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 40_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      try {
        process.kill(javaPid, 'SIGKILL');
      } catch {
        // already stopped with the server
      }
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

interface Sample {
  phase: string;
  ms: number;
  status: number | string;
}

async function ask(base: string): Promise<{ ms: number; status: number | string }> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: QUERY,
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return { ms: performance.now() - started, status: code ? `${res.status} ${code}` : res.status };
  } catch (err) {
    return { ms: performance.now() - started, status: `client error: ${(err as Error).name}` };
  }
}

async function outage(served: Served): Promise<string> {
  const samples: Sample[] = [];
  let phase = 'normal';
  let running = true;
  const client = async () => {
    while (running) {
      const p = phase;
      const r = await ask(served.base);
      samples.push({ phase: p, ...r });
    }
  };
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const clients = Array.from({ length: 8 }, client);
  try {
    await wait(6_000);
    phase = 'SIGSTOP (frozen 10 s)';
    process.kill(served.javaPid, 'SIGSTOP');
    await wait(10_000);
    phase = 'after SIGCONT (6 s)';
    process.kill(served.javaPid, 'SIGCONT');
    await wait(6_000);
    phase = 'SIGKILL (10 s)';
    process.kill(served.javaPid, 'SIGKILL');
    await wait(10_000);
    running = false;
    await Promise.all(clients);
  } finally {
    running = false;
  }
  const rows = [
    '| phase | requests | statuses | p50 ms | longest wait ms |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  for (const p of [...new Set(samples.map((s) => s.phase))]) {
    const mine = samples.filter((s) => s.phase === p);
    const counts = new Map<string, number>();
    for (const s of mine) counts.set(String(s.status), (counts.get(String(s.status)) ?? 0) + 1);
    const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
    rows.push(
      `| ${p} | ${mine.length} | ${[...counts].map(([k, v]) => `${k} ×${v}`).join(', ')} | ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} | ${Math.round(sorted.at(-1) ?? 0)} |`,
    );
  }
  return `## Requests during Neo4j outages\n\n8 clients in a loop against \`npm start\` (README question 1). A request is counted in the phase in which it started.\n\n${rows.join('\n')}\n`;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function soak(served: Served): Promise<string> {
  {
    // npm start runs node through tsx as one process: its pid is the server.
    await ask(served.base);
    const rssStart = await rssMb(served.serverPid);
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      void rssMb(served.serverPid).then((v) => (rssPeak = Math.max(rssPeak, v)));
    }, 1_000);
    const result = (await autocannon({
      url: `${served.base}/graphql`,
      connections: 50,
      duration: 60,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: QUERY,
    })) as unknown as {
      requests: { average: number; total: number };
      latency: { p50: number; p99: number; max: number };
      non2xx: number;
      errors: number;
      timeouts: number;
    };
    clearInterval(sampler);
    const rssEnd = await rssMb(served.serverPid);
    return [
      '## Soak: 50 connections × 60 s',
      '',
      'autocannon, POST /graphql with README question 1 (one Cypher query per request, 9 demands with their rejections, meetings and mediators).',
      '',
      '| requests | req/s | errors | timeouts | non-2xx | p50 ms | p99 ms | max ms | RSS start MB | RSS peak MB | RSS end MB |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${result.requests.total} | ${Math.round(result.requests.average)} | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${rssStart} | ${rssPeak} | ${rssEnd} |`,
      '',
    ].join('\n');
  }
}

const BAD_SEEDS: { name: string; change: (dir: string) => Promise<void> }[] = [
  {
    name: 'non-UTF-8 bytes in actors.yaml',
    change: async (dir) => {
      const f = path.join(dir, 'actors.yaml');
      const b = await readFile(f);
      const at = b.indexOf('Pakistan');
      await writeFile(f, Buffer.concat([b.subarray(0, at), Buffer.from([0xff]), b.subarray(at)]));
    },
  },
  {
    name: 'a 10 MB string',
    change: async (dir) => {
      const f = path.join(dir, 'actors.yaml');
      const t = await readFile(f, 'utf8');
      await writeFile(
        f,
        t.replace(
          '    role: Prime Minister of Pakistan\n',
          `    role: "${'x'.repeat(10_000_000)}"\n`,
        ),
      );
    },
  },
  {
    name: 'a FOLLOWED cycle',
    change: async (dir) => {
      const f = path.join(dir, 'meetings.yaml');
      const t = await readFile(f, 'utf8');
      await writeFile(
        f,
        t.replace(
          'relationships:\n',
          'relationships:\n  - type: FOLLOWED\n    from: doha-ceasefire-signing\n    to: istanbul-talks\n    evidence:\n      - source: report-004\n        quote: The two sides signed a ceasefire agreement in Doha in October\n',
        ),
      );
    },
  },
  {
    name: 'a REPRESENTS self-loop',
    change: async (dir) => {
      const f = path.join(dir, 'actors.yaml');
      const t = await readFile(f, 'utf8');
      await writeFile(
        f,
        t.replace(
          '    from: pakistan-army\n    to: pakistan\n',
          '    from: pakistan\n    to: pakistan\n',
        ),
      );
    },
  },
  {
    name: 'a YAML alias bomb (bomb.yaml)',
    change: async (dir) => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      await writeFile(path.join(dir, 'bomb.yaml'), `${levels.join('\n')}\n`);
    },
  },
  {
    name: 'a directory named x.yaml',
    change: (dir) => mkdir(path.join(dir, 'x.yaml')).then(() => undefined),
  },
  {
    name: 'a folder holding only {} (would delete everything)',
    change: async (dir) => {
      await rm(dir, { recursive: true });
      await mkdir(dir);
      await writeFile(path.join(dir, 'empty.yaml'), '{}\n');
    },
  },
];

/** `npm run seed` with `args`; exit code and combined output. */
async function seedCli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/seed/cli.ts', ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** The `{}` folder as a real load into a Neo4j holding the seeds: refused without --prune. */
async function emptyFolderLoad(dir: string): Promise<{ code: number; out: string }> {
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'bad-seed-neo4j-'));
  const neo = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password: 'bench-password',
    heap: '512m',
    pagecache: '64m',
    log: () => undefined,
  });
  try {
    const env = { NEO4J_URI: neo.uri, NEO4J_PASSWORD: 'bench-password' };
    const full = await seedCli([], env);
    if (full.code !== 0) throw new Error(`seed load failed:\n${full.out}`);
    return await seedCli(['--dir', dir], env);
  } finally {
    await neo.stop();
    await rm(storeDir, { recursive: true, force: true });
  }
}

async function badSeeds(): Promise<string> {
  const rows = ['| broken input | exit | what the loader says |', '| --- | ---: | --- |'];
  for (const { name, change } of BAD_SEEDS) {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'bad-seed-'));
    const dir = path.join(parent, 'seeds');
    await cp(defaultSeedsDir, dir, { recursive: true });
    await change(dir);
    const { code, out } = name.includes('{}')
      ? await emptyFolderLoad(dir)
      : await seedCli(['--check', '--dir', dir]);
    const problem =
      out.split('\n').find((l) => /^\s{2}\S|^Refused/.test(l)) ??
      out.split('\n').filter(Boolean).at(-1) ??
      '';
    rows.push(`| ${name} | ${code} | \`${problem.trim().replace(/\|/g, '\\|').slice(0, 220)}\` |`);
    await rm(parent, { recursive: true, force: true });
  }
  return `## Bad seed input\n\nEach broken copy of seeds/ through \`npm run seed -- --check --dir …\` (validation only; a load additionally leaves the database untouched, see tests/seed-bad-input.test.ts). The folder holding only \`{}\` is valid as a file, so it is loaded for real (\`npm run seed -- --dir …\`) into a Neo4j holding the seeds: it is refused there, where the deletions are known.\n\n${rows.join('\n')}\n`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const all = wanted.length === 0;
  const sections: string[] = [
    `# Robustness figures\n\nMeasured by \`npm run bench:robustness\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU cores (load average ${os.loadavg()[0]?.toFixed(1)} at the start), Node ${process.version}, loopback only.\n`,
  ];
  if (all || wanted.includes('outage') || wanted.includes('soak')) {
    console.log('starting npm start…');
    const served = await startMain();
    try {
      // The soak first: the outage ends by killing Neo4j.
      if (all || wanted.includes('soak')) sections.push(await soak(served));
      if (all || wanted.includes('outage')) sections.push(await outage(served));
    } finally {
      await served.stop();
    }
  }
  if (all || wanted.includes('bad-seeds')) sections.push(await badSeeds());
  const text = sections.join('\n');
  await writeFile(path.join('bench', 'ROBUSTNESS.md'), text);
  console.log(text);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
