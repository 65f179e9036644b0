/**
 * `npm run cypher -- <query-name | file.cypher | "inline statement"> [--param key=value ...]
 *   [--format table|json|csv] [--write] [--timeout SECONDS] [--list]`
 *
 * Runs a library query (cypher/queries), a .cypher file or an inline statement against the
 * configured Neo4j (the local one when NEO4J_URI is unset). Read-only unless --write.
 * Exit status: 0 ok, 1 query or database error, 2 usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config/config.ts';
import { connectGraph } from '../db/connect-graph.ts';
import { describeNeo4jError } from '../db/neo4j-errors.ts';
import { formatRows, type OutputFormat } from './format-rows.ts';
import { parseParam } from './parse-param.ts';
import { loadLibrary, parseQueryFile, type LibraryQuery } from './query-library.ts';
import { CypherRunError, runCypher } from './run-cypher.ts';
import { runMain } from '../cli/run-main.ts';

const USAGE = `usage: npm run cypher -- <query-name | file.cypher | "statement"> [options]
  --param key=value   a parameter (repeatable); JSON values allowed: --param days=7
  --format FORMAT     table (default), json or csv
  --write             allow writes (default: read-only transaction)
  --timeout SECONDS   stop the query after this long (default 30)
  --list              list the library queries with their parameters
  --quiet             print only the result (no query name or timing)`;

class UsageError extends Error {}

function resolveQuery(target: string, library: LibraryQuery[]): LibraryQuery {
  if (target.endsWith('.cypher')) {
    const file = path.resolve(target);
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    return parseQueryFile(file, readFileSync(file, 'utf8'));
  }
  const named = library.find((q) => q.name === target);
  if (named) return named;
  if (/\s/.test(target.trim()))
    return { name: 'inline', file: '', question: '', params: [], columns: [], cypher: target };
  throw new UsageError(`no library query named '${target}'; run npm run cypher -- --list`);
}

function listLibrary(library: LibraryQuery[]): string {
  return library
    .map((q) => {
      const params = q.params.map((p) => `      --param ${p.name}=…   ${p.description}`).join('\n');
      return `${q.name}\n    ${q.question}${params ? `\n${params}` : ''}`;
    })
    .join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        param: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'table' },
        write: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '30' },
        list: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const library = loadLibrary();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    console.log(listLibrary(library));
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('give exactly one query name, .cypher file or quoted statement');
  if (!['table', 'json', 'csv'].includes(values.format))
    throw new UsageError(`--format must be table, json or csv (got '${values.format}')`);
  const timeout = Number(values.timeout);
  if (!(timeout > 0))
    throw new UsageError(
      `--timeout must be a positive number of seconds (got '${values.timeout}')`,
    );
  const query = resolveQuery(positionals[0] ?? '', library);
  const params = Object.fromEntries(values.param.map(parseParam));

  const graph = await connectGraph(loadConfig(), (line) => console.error(line));
  try {
    const started = Date.now();
    const result = await runCypher({
      driver: graph.driver,
      database: graph.connection.database,
      cypher: query.cypher,
      params,
      write: values.write,
      timeoutMs: timeout * 1000,
    });
    if (!values.quiet && values.format === 'table' && query.question)
      console.log(`# ${query.name}: ${query.question}\n`);
    console.log(formatRows(result.columns, result.rows, values.format as OutputFormat));
    if (!values.quiet && values.format === 'table') {
      console.error(`${result.updates ? `${result.updates}; ` : ''}${Date.now() - started} ms`);
    }
    return 0;
  } finally {
    await graph.close();
  }
}

runMain(
  () => main(process.argv.slice(2)),
  (err) => {
    if (err instanceof UsageError) return `${err.message}\n\n${USAGE}`;
    if (err instanceof CypherRunError || err instanceof ConfigError) return err.message;
    return describeNeo4jError(err);
  },
  (err) => (err instanceof UsageError ? 2 : 1),
);
