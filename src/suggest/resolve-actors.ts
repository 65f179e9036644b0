/**
 * Actor mentions: the words of a text that name an actor the graph knows, through its name,
 * an alias (capitals count only where the graph lists them as aliases: "Kabul") or a
 * demonym from the lexicon ("Afghan" → the actor named or aliased "Afghanistan"). Longest
 * match wins; names match case-sensitively and on word boundaries ("Pakistani" is not
 * "Pakistan"). Runs of proper nouns that name no known actor are new-actor candidates.
 */
import type { Sentence } from './analyse-text.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { KnownActor } from './suggestion-types.ts';

export interface Mention {
  actorId: string;
  name: string;
  resolvedBy: 'name' | 'alias' | 'demonym';
  start: number;
  end: number;
  /** First and last token index (inclusive) within the sentence. */
  first: number;
  last: number;
}

export interface UnknownName {
  name: string;
  start: number;
  end: number;
  first: number;
  last: number;
}

interface Pattern {
  words: string;
  actorId: string;
  name: string;
  resolvedBy: Mention['resolvedBy'];
}

export interface ActorIndex {
  patterns: Pattern[];
  /** Lower-cased names and aliases → actor id. */
  byName: Map<string, string>;
  actors: Map<string, KnownActor>;
}

const windows1252 = new TextDecoder('windows-1252');

/**
 * The form a non-ASCII name takes in a capture that read UTF-8 as Windows-1252
 * ("Erdoğan" → "ErdoÄŸan"), a common fault of scraped text; null for ASCII names.
 */
function mojibake(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- the test is for any non-ASCII character
  if (/^[\x00-\x7f]*$/.test(name)) return null;
  return windows1252.decode(new TextEncoder().encode(name));
}

export function buildActorIndex(actors: KnownActor[], lexicon: Lexicon): ActorIndex {
  const patterns: Pattern[] = [];
  const byName = new Map<string, string>();
  for (const a of actors) {
    for (const [words, resolvedBy] of [
      [a.name, 'name'],
      ...a.aliases.map((alias) => [alias, 'alias'] as const),
    ] as const) {
      for (const form of [words, mojibake(words)]) {
        if (form === null) continue;
        patterns.push({ words: form, actorId: a.id, name: a.name, resolvedBy });
        if (!byName.has(form.toLowerCase())) byName.set(form.toLowerCase(), a.id);
      }
    }
  }
  for (const [demonym, country] of Object.entries(lexicon.demonyms)) {
    const id = byName.get(country.toLowerCase());
    const actor = actors.find((a) => a.id === id);
    if (id && actor && !byName.has(demonym.toLowerCase())) {
      patterns.push({ words: demonym, actorId: id, name: actor.name, resolvedBy: 'demonym' });
    }
  }
  patterns.sort((a, b) => b.words.length - a.words.length);
  return { patterns, byName, actors: new Map(actors.map((a) => [a.id, a])) };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function findMentions(
  text: string,
  sentence: Sentence,
  index: ActorIndex,
): { mentions: Mention[]; unknown: UnknownName[] } {
  const mentions: Mention[] = [];
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const hit = isWordChar(text[t.start - 1])
      ? undefined
      : index.patterns.find(
          (p) => text.startsWith(p.words, t.start) && !isWordChar(text[t.start + p.words.length]),
        );
    if (!hit) {
      i++;
      continue;
    }
    const end = t.start + hit.words.length;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
    mentions.push({ ...hit, start: t.start, end, first: i, last });
    i = last + 1;
  }
  return { mentions, unknown: findUnknownNames(text, sentence, mentions) };
}

const CONNECTORS = new Set(['-', 'of', 'al', 'bin', 'e', 'i', 'ul']);

function findUnknownNames(text: string, sentence: Sentence, mentions: Mention[]): UnknownName[] {
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.first; k <= m.last; k++) covered.add(k);
  const out: UnknownName[] = [];
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.pos !== 'PROPN' || covered.has(i) || !/^\p{Lu}/u.test(t.text)) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      const next = tokens[last + 1];
      const after = tokens[last + 2];
      if (next && next.pos === 'PROPN' && !covered.has(last + 1) && /^\p{Lu}/u.test(next.text)) {
        last++;
      } else if (
        next &&
        CONNECTORS.has(next.lower) &&
        after?.pos === 'PROPN' &&
        !covered.has(last + 2)
      ) {
        last += 2;
      } else break;
    }
    const first = tokens[i]!;
    const end = tokens[last]!;
    out.push({
      name: text.slice(first.start, end.end),
      start: first.start,
      end: end.end,
      first: i,
      last,
    });
    i = last + 1;
  }
  return out;
}

/**
 * The parties of the negotiation: actors named in "between X and Y". A mediator is not a
 * party, so these are never suggested as MEDIATED or HOSTED agents.
 */
export function findParties(text: string, sentences: Sentence[], index: ActorIndex): Set<string> {
  const parties = new Set<string>();
  for (const sentence of sentences) {
    const { mentions } = findMentions(text, sentence, index);
    for (const t of sentence.tokens) {
      if (t.lower !== 'between') continue;
      const a = mentions.find((m) => m.first > t.i && m.first <= t.i + 3);
      const b = a && mentions.find((m) => m.first > a.last && m.first <= a.last + 4);
      if (a && b && sentence.tokens.slice(a.last + 1, b.first).some((x) => x.lower === 'and')) {
        parties.add(a.actorId);
        parties.add(b.actorId);
      }
    }
  }
  return parties;
}
