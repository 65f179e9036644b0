/** The suggester's public surface: suggest the facts of a text against a known graph. */
export { suggestFacts } from './suggest-facts.ts';
export { loadLexicon, parseLexicon, LexiconError, type Lexicon } from './load-lexicon.ts';
export type * from './suggestion-types.ts';
export type { TextSelector } from './text-selector.ts';
