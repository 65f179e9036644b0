/**
 * Applies cypher/schema.cypher: constraints and indexes, each created IF NOT EXISTS, so
 * applying it again changes nothing. Schema commands run one per auto-commit transaction
 * (Neo4j does not allow them in a transaction with other writes).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

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

export async function applySchema(driver: Driver, database: string | undefined): Promise<number> {
  const statements = splitCypherScript(await readFile(schemaFile, 'utf8'));
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    // Full-text indexes created before their analyzer was set to fold accents are rebuilt.
    const stale = await session.run(
      `SHOW FULLTEXT INDEXES YIELD name, options
       WHERE name IN ['search', 'names']
         AND options.indexConfig['fulltext.analyzer'] <> 'standard-folding'
       RETURN name`,
    );
    for (const record of stale.records) {
      const name = record.get('name') as 'search' | 'names';
      await session.run(`DROP INDEX ${name}`);
    }
    for (const statement of statements) {
      await session.run(statement);
    }
    // Full-text and range indexes build in the background; wait so queries can rely on them.
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
