/** What every resolver receives: the driver and the database to read from. */
import type { Driver } from 'neo4j-driver';

export interface GraphContext {
  driver: Driver;
  database: string | undefined;
}
