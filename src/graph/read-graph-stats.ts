/** Node counts per label, in one read transaction. */
import type { Driver } from 'neo4j-driver';

export interface LabelCount {
  label: string;
  count: number;
}

const QUERY = `
CALL db.labels() YIELD label
CALL (label) {
  MATCH (n) WHERE label IN labels(n)
  RETURN count(n) AS count
}
RETURN label, count
ORDER BY label`;

export async function readGraphStats(
  driver: Driver,
  database: string | undefined,
): Promise<LabelCount[]> {
  const { records } = await driver.executeQuery(QUERY, {}, { database, routing: 'READ' });
  return records.map((r) => ({
    label: r.get('label') as string,
    count: (r.get('count') as { toNumber(): number }).toNumber(),
  }));
}
