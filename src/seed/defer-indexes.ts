/**
 * Sets aside the indexes a bulk load need not maintain row by row, and builds them again
 * afterwards from their own `createStatement`, so the schema ends exactly as it began.
 *
 * Deferred: every index that no constraint owns (range, text, point and full-text), except
 * the token LOOKUP indexes. Kept: the indexes behind uniqueness constraints, which the load
 * needs (relationships find their ends through `entity_id`) and which refuse duplicate ids.
 * A process killed between the two steps leaves those indexes missing; `applySchema`
 * (run by `npm start` and `npm run seed`) creates the project's own again.
 */
import type { Driver } from 'neo4j-driver';

export interface DeferredIndexes {
  names: string[];
  /** Creates the indexes again and waits until they are online. */
  restore(): Promise<void>;
}

const SHOW_DEFERRABLE = `
SHOW INDEXES YIELD name, type, owningConstraint, createStatement
WHERE owningConstraint IS NULL AND type <> 'LOOKUP'
RETURN name, createStatement`;

export async function deferIndexes(
  driver: Driver,
  database: string | undefined,
): Promise<DeferredIndexes> {
  const shown = await driver.executeQuery(SHOW_DEFERRABLE, {}, { database });
  const indexes = shown.records.map((r) => ({
    name: r.get('name') as string,
    create: r.get('createStatement') as string,
  }));
  for (const index of indexes) {
    // Names come from the server's own catalogue; backticks are doubled per Cypher quoting.
    await driver.executeQuery(
      `DROP INDEX \`${index.name.replaceAll('`', '``')}\` IF EXISTS`,
      {},
      {
        database,
      },
    );
  }
  return {
    names: indexes.map((i) => i.name),
    async restore() {
      for (const index of indexes) await driver.executeQuery(index.create, {}, { database });
      await driver.executeQuery('CALL db.awaitIndexes(3600)', {}, { database });
    },
  };
}
