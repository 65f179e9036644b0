/**
 * Class-data sharing (AppCDS) for the local Neo4j: Neo4j loads about 16 000 classes from some
 * 200 jars every time it starts, and the JVM spends most of its start reading, parsing and
 * verifying them. An archive of those classes, made once per launcher build, lets the JVM map
 * them from one file instead (measured on this project's 2-core machine, one start with and
 * one without, three pairs: the embedded DBMS built in 4.2–12.9 s instead of 9.7–30.9 s).
 *
 * Contract:
 * - `launcherClasspath()` is the launcher's classpath as an explicit, ordered list of jars
 *   (an archive is valid only for the classpath it was dumped with, and a wildcard's order is
 *   the directory's, not a fixed one);
 * - `buildClassDataArchive()` makes the archive with a training start (a throwaway store,
 *   a free port, a few representative statements, recording the classes loaded) followed by
 *   `java -Xshare:dump`; it never throws — a JVM that cannot archive only starts slower, so a
 *   failure is logged and remembered (not retried until the launcher is rebuilt);
 * - `archiveJvmFlags()` gives the flags that use the archive when it matches the current
 *   build, none otherwise. `-Xshare:auto` means a JVM that cannot map it (another JDK, a
 *   changed jar) starts the ordinary way.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createDriver } from '../db/create-driver.ts';
import { freePort } from './free-port.ts';

export interface LauncherPaths {
  /** tools/neo4j-local/target */
  targetDir: string;
  /** The stamp of the current launcher build (its sources' hash). */
  buildStamp: string;
}

export const CLASSPATH_FILE = 'classpath.txt';
const CLASS_LIST = 'neo4j.classlist';
const ARCHIVE = 'neo4j.jsa';
const ARCHIVE_STAMP = 'neo4j.jsa.stamp';
/** JDK 17 refuses class-list lines longer than this (long lambda-proxy signatures). */
const MAX_CLASS_LIST_LINE = 4000;

/**
 * Statements the training start runs, so that the classes of Cypher's parser, planner and
 * runtime for the shapes this project asks (writes in UNWIND batches, MERGE, reads with
 * COLLECT and COUNT subqueries, full-text search, schema commands) are in the archive too.
 */
const TRAINING_STATEMENTS = [
  'CREATE CONSTRAINT training_id IF NOT EXISTS FOR (n:Training) REQUIRE n.id IS UNIQUE',
  'CREATE FULLTEXT INDEX training_text IF NOT EXISTS FOR (n:Training) ON EACH [n.name]',
  'UNWIND range(1, 50) AS i CREATE (:Training {id: toString(i), name: "n" + i, tags: ["a"]})',
  'UNWIND range(1, 49) AS i MATCH (a:Training {id: toString(i)}), (b:Training {id: toString(i + 1)}) MERGE (a)-[r:NEXT]->(b) SET r.quotes = ["q"]',
  'MATCH (n:Training {id: "1"}) RETURN n { .id, next: COLLECT { MATCH (n)-[r:NEXT]->(m) RETURN m { .id, quotes: r.quotes } }, degree: COUNT { (n)--() } } AS result',
  'MATCH (n:Training) WITH n ORDER BY n.id SKIP 1 LIMIT 10 RETURN collect(n.id) AS ids, count(*) AS total',
  'CALL db.index.fulltext.queryNodes("training_text", "n1") YIELD node, score RETURN node.id, score LIMIT 5',
  'MATCH p = shortestPath((a:Training {id: "1"})-[*..10]-(b:Training {id: "9"})) RETURN length(p)',
  'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
  'SHOW INDEXES YIELD name RETURN collect(name) AS names',
];

/** The launcher's classpath, jar by jar, written by `writeLauncherClasspath` after a build. */
export function launcherClasspath(targetDir: string): string {
  return readFileSync(path.join(targetDir, CLASSPATH_FILE), 'utf8').trim();
}

/** Records the explicit jar list (the launcher's own jar first, then target/lib sorted). */
export async function writeLauncherClasspath(targetDir: string): Promise<void> {
  const jarsIn = async (dir: string) =>
    (await readdir(dir))
      .filter((name) => name.endsWith('.jar'))
      .sort()
      .map((name) => path.join(dir, name));
  const jars = [...(await jarsIn(targetDir)), ...(await jarsIn(path.join(targetDir, 'lib')))];
  await writeFile(path.join(targetDir, CLASSPATH_FILE), `${jars.join(path.delimiter)}\n`);
}

/** JVM flags that map the archive, when one was made for this build. */
export function archiveJvmFlags(paths: LauncherPaths): string[] {
  const archive = path.join(paths.targetDir, ARCHIVE);
  const stamp = path.join(paths.targetDir, ARCHIVE_STAMP);
  if (!existsSync(archive) || !existsSync(stamp)) return [];
  if (readFileSync(stamp, 'utf8').trim() !== `ok ${paths.buildStamp}`) return [];
  // -Xlog:cds=off: a JVM that cannot use the archive says so on stdout, which is the
  // launcher's channel to Node; it starts without it either way.
  return [
    `-XX:SharedArchiveFile=${archive}`,
    '-Xshare:auto',
    '-Xlog:cds=off',
    '-Xlog:cds+dynamic=off',
  ];
}

/** True when an archive was made, or found impossible, for this build (nothing to do). */
export function archiveSettled(paths: LauncherPaths): boolean {
  const stamp = path.join(paths.targetDir, ARCHIVE_STAMP);
  if (!existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim().endsWith(` ${paths.buildStamp}`);
}

export interface TrainingStart {
  /** Starts the launcher with extra JVM flags on a store, port and password; resolves the Bolt URI. */
  start(options: {
    storeDir: string;
    port: number;
    password: string;
    jvmFlags: string[];
  }): Promise<{ uri: string; stop(): Promise<void> }>;
}

/** Makes the archive for the current build; logs and remembers a failure instead of throwing. */
export async function buildClassDataArchive(
  paths: LauncherPaths,
  training: TrainingStart,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const stamp = path.join(paths.targetDir, ARCHIVE_STAMP);
  const classList = path.join(paths.targetDir, CLASS_LIST);
  const archive = path.join(paths.targetDir, ARCHIVE);
  log('neo4j-local: making a class-data archive so that Neo4j starts faster (once per build)…');
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'neo4j-local-training-'));
  try {
    await rm(archive, { force: true });
    const password = randomBytes(12).toString('hex');
    const server = await training.start({
      storeDir,
      port: await freePort(),
      password,
      jvmFlags: [`-XX:DumpLoadedClassList=${classList}`],
    });
    try {
      const driver = createDriver({
        uri: server.uri,
        user: 'neo4j',
        password,
        database: undefined,
      });
      try {
        for (const statement of TRAINING_STATEMENTS) await driver.executeQuery(statement);
      } finally {
        await driver.close();
      }
    } finally {
      await server.stop();
    }
    const lines = (await readFile(classList, 'utf8'))
      .split('\n')
      .filter((line) => line.length > 0 && line.length <= MAX_CLASS_LIST_LINE);
    await writeFile(classList, `${lines.join('\n')}\n`);
    await runJava([
      '-Xshare:dump',
      `-XX:SharedClassListFile=${classList}`,
      `-XX:SharedArchiveFile=${archive}`,
      '-cp',
      launcherClasspath(paths.targetDir),
    ]);
    await writeFile(stamp, `ok ${paths.buildStamp}\n`);
    log(
      `neo4j-local: class-data archive of ${lines.length} classes made in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    await rm(archive, { force: true });
    await writeFile(stamp, `failed ${paths.buildStamp}\n`);
    log(`neo4j-local: no class-data archive (${why.split('\n')[0]}); Neo4j starts without one`);
  } finally {
    await rm(storeDir, { recursive: true, force: true });
    await rm(classList, { force: true });
  }
}

function runJava(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`java -Xshare:dump exited with ${code}: ${stderr}`)),
    );
  });
}
