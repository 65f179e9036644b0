/**
 * Sentences and tokens of a text, with parts of speech, lemmas and exact character offsets,
 * from wink-nlp and its English model (wink-eng-lite-web-model).
 *
 * Why wink-nlp and not compromise: both were evaluated on the seed reports. wink-nlp's
 * model tags Universal Dependencies parts of speech statistically (PROPN/VERB/AUX/NUM),
 * gives a lemma per token ("dismissed" → "dismiss", "talks" → "talk") that the lexicon is
 * matched on, flags negated tokens and is lossless (every character of the text is in a
 * token or its preceding spaces), so offsets are exact. compromise gives offsets too but
 * tags by rules and lemmatises only per phrase (`verbs().toInfinitive()`); matching a
 * lexicon of lemmas needed more glue with it.
 *
 * Contract: every token satisfies text.slice(token.start, token.end) === token.text.
 */
import winkNLP, { type ItemSentence, type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Index within its sentence. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  /** Universal Dependencies part of speech (NOUN, PROPN, VERB, AUX, NUM, ADP, PUNCT…). */
  pos: string;
  start: number;
  end: number;
  /** wink-nlp's flag: the token is in the scope of a negation ("did n't reject"). */
  negated: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  /**
   * The sentence is a title-case headline line ("Turkey's Mediation Faces Setback"): no
   * closing punctuation, most words capitalised. Headlines restate the body in telegraphic
   * style that the tagger reads poorly, so no relationships are coded from them.
   */
  headline: boolean;
}

/** wink's typings reject its own `its.lemma` helper (a model-addon signature): cast once here. */
type ItsOf = Parameters<ItemToken['out']>[0];

let nlp: WinkMethods | undefined;

function instance(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp takes its `its.*` helpers as values */
export function analyseText(text: string): Sentence[] {
  // A line break ends a sentence too: captured reports put headlines, captions and
  // paragraphs on lines of their own, often without a full stop.
  const sentences: Sentence[] = [];
  const lines = /[^\n]+/g;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    if (m[0].trim() !== '') analyseLine(m[0], m.index, sentences);
  }
  return sentences;
}

/** A line with no closing punctuation whose longer words are mostly capitalised. */
export function isHeadline(line: string): boolean {
  const trimmed = line.trim();
  if (/[.!?:;"”’)]$/u.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /^[\p{L}'’‘“"-]{4,}$/u.test(w));
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^[“"‘']?\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

function analyseLine(line: string, offset: number, sentences: Sentence[]): void {
  const w = instance();
  const headline = isHeadline(line);
  const its = w.its;
  const doc = w.readDoc(line);
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const tokens: Token[] = [];
    s.tokens().each((t: ItemToken) => {
      const value = t.out();
      const at = line.indexOf(value, cursor);
      // wink keeps the text's characters; a token not found verbatim is skipped, never guessed.
      if (at < 0 || at - cursor > 200) return;
      cursor = at + value.length;
      tokens.push({
        i: tokens.length,
        text: value,
        lower: value.toLowerCase(),
        lemma: String(t.out(its.lemma as ItsOf)).toLowerCase(),
        pos: String(t.out(its.pos)),
        start: offset + at,
        end: offset + at + value.length,
        negated: Boolean(t.out(its.negationFlag)),
      });
    });
    const first = tokens[0];
    const last = tokens.at(-1);
    if (first && last) {
      sentences.push({
        index: sentences.length,
        start: first.start,
        end: last.end,
        tokens,
        headline,
      });
    }
  });
}
