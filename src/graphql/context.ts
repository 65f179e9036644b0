/** What every resolver receives: the reader that runs translated Cypher. */
import type { GraphReader } from '../graph/graph-reader.ts';

export interface GraphContext {
  reader: GraphReader;
}
