/** What every resolver receives: the reader that runs translated Cypher, and who asks. */
import type { Authenticator, Principal } from '../auth/authenticator.ts';
import type { GraphReader } from '../graph/graph-reader.ts';
import type { TranslationCache } from '../translate/translation-cache.ts';
import type { GraphWriter } from '../write/graph-writer.ts';

export interface GraphContext {
  reader: GraphReader;
  /** Translated Cypher of repeated requests (one cache per server). */
  translations: TranslationCache;
  /** Runs the write path (mutations); every write is checked with `auth.requireWrite`. */
  writer: GraphWriter;
  auth: Authenticator;
  /** The key the request was sent with, if any (already verified). */
  principal: Principal | undefined;
  /** Folder of the seed reports' texts (REPORTS_DIR), when the server has one. */
  reportsDir?: string | undefined;
}
