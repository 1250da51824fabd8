import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * zxcvbn-ts's list of about 49,000 passwords seen most often in breaches. A password is
 * refused when it, its de-leeted form, or its stem without the usual trailing digits and
 * symbols ("Password123!" → "password") is on the list.
 */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
const MIN_STEM_LENGTH = 5;

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' };

function unleet(text: string): string {
  return text.replace(/[@43!10$57]/g, (c) => LEET[c] ?? c);
}

function stem(text: string): string {
  return text.replace(/[\d\W_]+$/u, '');
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = new Set([lower, unleet(lower), unleet(lower).replace(/i/g, 'l')]);
  for (const word of [...candidates]) {
    const s = stem(word);
    if (s.length >= MIN_STEM_LENGTH) candidates.add(s);
    const leetStem = stem(lower);
    if (leetStem.length >= MIN_STEM_LENGTH) candidates.add(unleet(leetStem));
  }
  return [...candidates].some((c) => COMMON.has(c));
}

export const COMMON_PASSWORD_COUNT = COMMON.size;
