/**
 * `npm run seed -- [--dry-run] [--reset [--yes]] [--prune] [--dir DIR]`, or `-- --import [--dir DIR]`
 *
 * Loads seeds/ into the configured Neo4j (starting the local one when NEO4J_URI is unset
 * and none is running); `--import` loads them offline into a NEW local store instead
 * (src/seed/import-local-store.ts). Exit status: 0 loaded, 1 invalid seeds, refused or database error,
 * 2 usage. Output is flushed before the process exits, however long (no cut at a pipe's 64 KB).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config/config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { connectGraph } from '../db/connect-graph.ts';
import { describeNeo4jError } from '../db/neo4j-errors.ts';
import { loadSeedsFromDisk, prepareSeeds, PruneRefusedError } from './load-seeds-from-disk.ts';
import { SeedValidationError } from './seed-error.ts';
import {
  checkNewLocalStore,
  ImportRefusedError,
  importIntoNewLocalStore,
} from './import-local-store.ts';
import { runMain } from '../cli/run-main.ts';
import { LocalImportError } from '../neo4j-local/run-local-import.ts';
import { ImportCsvError } from './import-csv.ts';

const USAGE = `usage: npm run seed -- [--check] [--dry-run] [--reset] [--yes] [--prune] [--bulk] [--import] [--dir DIR]
  --check    validate the seed files only; no database needed
  --dry-run  validate and print what would change; write nothing
  --reset    remove everything the seeds own, then load (asks first unless --yes)
  --yes      do not ask for confirmation
  --prune    allow a load that deletes more than 10% of the nodes or relationships the
             seeds own (refused otherwise, nothing changed)
  --bulk     commit batch by batch, for seed sets larger than the server's transaction
             memory (not atomic: a failure leaves earlier batches; rerunning completes them)
  --import   load into a NEW local store (NEO4J_LOCAL_DIR, default .data/neo4j) with Neo4j's
             offline importer, then build the schema; for large initial loads. Refused when
             NEO4J_URI is set, the local Neo4j runs, or the store already holds a database
  --dir DIR  read seed files from DIR instead of seeds/`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        bulk: { type: 'boolean', default: false },
        import: { type: 'boolean', default: false },
        prune: { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (args.import) {
    if (args['dry-run'] || args.reset || args.bulk || args.prune || args.check) {
      console.error(`--import loads a new store and takes only --dir.\n${USAGE}`);
      return 2;
    }
    if (config.neo4j.kind !== 'local')
      throw new ImportRefusedError(
        "Refused: --import loads the local launcher's store offline, and NEO4J_URI is set (a server this command does not own); nothing was changed. Unset NEO4J_URI, or load that server with npm run seed.",
      );
    // Refused before the seeds are read: nothing is validated or written for a store in use.
    await checkNewLocalStore(config.neo4j);
  }
  const dataset = await prepareSeeds(args.dir !== undefined ? { seedsDir: args.dir } : {});
  if (args.check) return 0;
  if (args.import && config.neo4j.kind === 'local') {
    await importIntoNewLocalStore(config.neo4j, dataset);
    return 0;
  }
  if (args.reset && !args.yes && !args['dry-run'] && !(await confirm())) {
    console.error('Reset cancelled; nothing was changed.');
    return 1;
  }
  const graph = await connectGraph(config);
  try {
    await applySchema(graph.driver, graph.connection.database);
    await loadSeedsFromDisk({
      driver: graph.driver,
      database: graph.connection.database,
      dryRun: args['dry-run'],
      reset: args.reset,
      bulk: args.bulk,
      prune: args.prune,
      dataset,
    });
    return 0;
  } finally {
    await graph.close();
  }
}

async function confirm(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error(
      '--reset removes every node and relationship the seeds own; pass --yes to confirm when not on a terminal.',
    );
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    'This removes every node and relationship the seeds own, then reloads them. Continue? [y/N] ',
  );
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

runMain(main, (err) =>
  err instanceof SeedValidationError ||
  err instanceof ConfigError ||
  err instanceof PruneRefusedError ||
  err instanceof ImportRefusedError ||
  err instanceof LocalImportError ||
  err instanceof ImportCsvError
    ? err.message
    : describeNeo4jError(err),
);
