/**
 * Applies cypher/schema.cypher: constraints and indexes, each created IF NOT EXISTS, so
 * applying it again changes nothing. Schema commands run one per auto-commit transaction
 * (Neo4j does not allow them in a transaction with other writes). A statement whose index or
 * constraint name already exists is not sent at all (IF NOT EXISTS would make it a no-op
 * anyway): a restart asks two SHOW commands instead of one command per statement, and waits
 * for indexes only when one was created or is not yet online.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver, Session } from 'neo4j-driver';

import { projectRoot } from '../config/project-root.ts';

const schemaFile = path.join(projectRoot, 'cypher', 'schema.cypher');

/** Splits a Cypher script into statements: `;` at the end of a line ends one; `//` lines are comments. */
function splitCypherScript(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed === '') continue;
    current.push(line);
    if (trimmed.endsWith(';')) {
      statements.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  if (current.length > 0) statements.push(current.join('\n').trim());
  return statements;
}

/** The name a `CREATE … <name> IF NOT EXISTS` statement gives its index or constraint. */
export function schemaObjectName(statement: string): string | undefined {
  return /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i.exec(
    statement,
  )?.[1];
}

/** The statements of cypher/schema.cypher, in order. */
export async function schemaStatements(): Promise<string[]> {
  return splitCypherScript(await readFile(schemaFile, 'utf8'));
}

interface SchemaState {
  /** Every index's and constraint's name. */
  names: Set<string>;
  /** Whether every index is ONLINE (none still populating, none failed). */
  allOnline: boolean;
  /** The full-text indexes made before their analyzer was set to fold accents. */
  staleFullText: ('search' | 'names')[];
}

/** What the database holds: one SHOW INDEXES and one SHOW CONSTRAINTS. */
async function schemaState(session: Session): Promise<SchemaState> {
  const names = new Set<string>();
  let allOnline = true;
  const staleFullText: SchemaState['staleFullText'] = [];
  const indexes = await session.run(
    `SHOW INDEXES YIELD name, type, state, options
     RETURN name, type, state, options.indexConfig['fulltext.analyzer'] AS analyzer`,
  );
  for (const record of indexes.records) {
    const name = record.get('name') as string;
    names.add(name);
    if (record.get('state') !== 'ONLINE') allOnline = false;
    if (
      (name === 'search' || name === 'names') &&
      record.get('type') === 'FULLTEXT' &&
      record.get('analyzer') !== 'standard-folding'
    )
      staleFullText.push(name);
  }
  for (const record of (await session.run('SHOW CONSTRAINTS YIELD name')).records)
    names.add(record.get('name') as string);
  return { names, allOnline, staleFullText };
}

export async function applySchema(driver: Driver, database: string | undefined): Promise<number> {
  const statements = await schemaStatements();
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    const state = await schemaState(session);
    // Full-text indexes created before their analyzer was set to fold accents are rebuilt.
    for (const name of state.staleFullText) {
      await session.run(`DROP INDEX ${name}`);
      state.names.delete(name);
    }
    const missing = statements.filter((statement) => {
      const name = schemaObjectName(statement);
      return name === undefined || !state.names.has(name);
    });
    // One after another: sent four at a time (tried) they made Neo4j answer "already
    // exists" to an IF NOT EXISTS and stall for minutes on an imported graph.
    for (const statement of missing) await session.run(statement);
    // Full-text and range indexes build in the background; wait so queries can rely on them
    // (unless nothing was created and every index is already online: a plain restart).
    if (missing.length > 0 || !state.allOnline) await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
