/**
 * What event coding knows of one sentence: its tokens, actor mentions, framing and the
 * text around it. Shared by the agent finders and the coder; holds no logic.
 */
import type { Sentence } from './analyse-text.ts';
import type { SentenceFraming } from './detect-framing.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { Trigger } from './match-lexicon.ts';
import type { Mention } from './resolve-actors.ts';

export interface CodingContext {
  text: string;
  sentence: Sentence;
  mentions: Mention[];
  framing: SentenceFraming;
  lexicon: Lexicon;
  /** Actor mentions of the preceding sentences, most recent last. */
  earlier: Mention[];
  /** Actors named as the parties of the talks ("between X and Y"): never their mediators. */
  parties: Set<string>;
  /** An incident word is in this sentence, or in the one before. */
  incidentInSentence: boolean;
  earlierIncident: boolean;
  actorName: (id: string) => string;
  /** The actor's kind in the graph (state, armed_group…), for "the group" and the like. */
  actorKind: (id: string) => string;
}

export type { Trigger, Mention };
