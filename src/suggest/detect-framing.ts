/**
 * Voice and framing of one sentence: who the text says stands behind it and how.
 *   "according to X", "X sources said"      → REPORTED (voice X)
 *   "X said / stated / told" (X an actor)     → ON_RECORD (voice X)
 *   "X confirmed"                             → CONFIRMED
 *   "analysts say", "according to experts"    → ASSESSMENT
 *   "allegedly", "alleged"                    → ALLEGED
 *   "reportedly"                              → REPORTED, hedged
 *   none of these                             → REPORTER (the reporter's own framing)
 */
import type { Sentence, Token } from './analyse-text.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { Mention } from './resolve-actors.ts';
import type { Framing, Voice } from './suggestion-types.ts';

export interface SentenceFraming {
  framing: Framing;
  voice: Voice | null;
  hedged: boolean;
  /** Token indices of the attribution itself ("according to Afghan officials"). */
  attribution: Set<number>;
}

const hasWords = (tokens: Token[], at: number, words: string[]) =>
  words.every((w, k) => tokens[at + k]?.lower === w || tokens[at + k]?.lemma === w);

export function detectFraming(
  text: string,
  sentence: Sentence,
  mentions: Mention[],
  lexicon: Lexicon,
): SentenceFraming {
  const tokens = sentence.tokens;
  const f = lexicon.framing;
  const attribution = new Set<number>();
  const reported = new Set(lexicon.hedges.reported.map((w) => w.toLowerCase()));
  const alleged = new Set(lexicon.hedges.alleged.map((w) => w.toLowerCase()));
  const hedgedReported = tokens.some((t) => reported.has(t.lower) && t.pos !== 'VERB');
  const hedgedAlleged = tokens.some((t) => alleged.has(t.lower) && t.pos !== 'VERB');

  const speakerAt = (first: number): Voice | null => {
    // the noun phrase starting at `first`, up to punctuation or a verb
    let last = first;
    while (
      last + 1 < tokens.length &&
      !['PUNCT', 'VERB', 'AUX', 'SCONJ'].includes(tokens[last + 1]!.pos)
    )
      last++;
    if (!tokens[first]) return null;
    const start = tokens[first].start;
    const end = tokens[last]!.end;
    for (let k = first; k <= last; k++) attribution.add(k);
    const m = mentions.find((x) => x.first >= first && x.first <= last);
    return { text: text.slice(start, end), actorId: m?.actorId ?? null };
  };
  const kindOf = (voice: Voice | null, named: Framing): Framing => {
    const words = voice?.text.toLowerCase() ?? '';
    if (f.assessmentSpeakers.some((w) => words.includes(w))) return 'ASSESSMENT';
    if (
      f.anonymousSpeakers.some((w) => words.includes(w)) &&
      !/\p{Lu}\p{Ll}+ \p{Lu}/u.test(voice?.text ?? '')
    ) {
      return named === 'ON_RECORD' ? 'REPORTED' : named;
    }
    return named;
  };

  for (const phrase of f.reportPhrases) {
    const words = phrase.toLowerCase().split(/\s+/);
    for (let i = 0; i < tokens.length; i++) {
      if (!hasWords(tokens, i, words)) continue;
      for (let k = i; k < i + words.length; k++) attribution.add(k);
      const voice =
        phrase.startsWith('according') || phrase.endsWith(' by')
          ? speakerAt(i + words.length)
          : null;
      return {
        framing: kindOf(voice, 'REPORTED'),
        voice,
        hedged: hedgedReported || hedgedAlleged,
        attribution,
      };
    }
  }

  const speech = new Set(f.speechVerbs);
  const confirm = new Set(f.confirmVerbs);
  for (const t of tokens) {
    if (t.pos !== 'VERB' || !speech.has(t.lemma)) continue;
    // "X said" (speaker before) or "…, said X" (speaker after)
    let first = t.i - 1;
    while (
      first > 0 &&
      !['PUNCT', 'VERB', 'AUX', 'SCONJ', 'ADP', 'CCONJ'].includes(tokens[first - 1]!.pos)
    )
      first--;
    const before = t.i > 0 && tokens[t.i - 1]!.pos !== 'PUNCT' ? speakerAt(first) : null;
    const voice = before?.text ? before : speakerAt(t.i + 1);
    attribution.add(t.i);
    const named: Framing = confirm.has(t.lemma)
      ? 'CONFIRMED'
      : t.lemma === 'allege'
        ? 'ALLEGED'
        : 'ON_RECORD';
    const framing = hedgedAlleged ? 'ALLEGED' : kindOf(voice, named);
    return { framing, voice, hedged: hedgedReported || hedgedAlleged, attribution };
  }

  const framing: Framing = hedgedAlleged ? 'ALLEGED' : hedgedReported ? 'REPORTED' : 'REPORTER';
  return { framing, voice: null, hedged: hedgedReported || hedgedAlleged, attribution };
}
