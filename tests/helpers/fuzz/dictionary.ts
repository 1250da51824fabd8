import { ROLE_KEYS } from '../../../shared/roles';

/**
 * Values that exist in the fuzzed shop (ids, usernames, contacts, codes, tokens), so generated
 * requests reach real records and not only "not found". Filled by the world builder; read at
 * generation time, so records created later are used too.
 */
export interface Dictionary {
  /** Ids of users, products and orders a request may touch. */
  ids: number[];
  /** Ids never used where a mutation takes an id: the acting users and the keeper. */
  protectedIds: Set<number>;
  usernames: string[];
  emails: string[];
  phones: string[];
  /** Passwords of users who are not acting users (temporary ones: a sign-in answers code 4). */
  passwords: string[];
  skus: string[];
  barcodes: string[];
  /** Refresh and access tokens that are used up, revoked, or of a spare session. */
  tokens: string[];
  dates: string[];
}

export function emptyDictionary(): Dictionary {
  return {
    ids: [],
    protectedIds: new Set(),
    usernames: [],
    emails: [],
    phones: [],
    passwords: [],
    skus: [],
    barcodes: [],
    tokens: [],
    dates: [],
  };
}

/** Which of the dictionary's lists fits a field, by its name (`manager_id`, `username`, `to`…). */
export type Hint =
  | 'id'
  | 'role'
  | 'username'
  | 'email'
  | 'phone'
  | 'contact'
  | 'password'
  | 'person'
  | 'sku'
  | 'barcode'
  | 'token'
  | 'date'
  | 'time'
  | 'pin'
  | 'text';

export function hintOf(name: string | undefined): Hint | undefined {
  if (name === undefined) return undefined;
  if (/(^|_)id$|Id$/.test(name)) return 'id';
  if (/^(key|role)$/.test(name)) return 'role';
  if (/username/.test(name)) return 'username';
  if (/email/.test(name)) return 'email';
  if (/phone/.test(name)) return 'phone';
  if (/^value$|^to$/.test(name)) return 'contact';
  if (/^(first_|last_)?name$/.test(name)) return 'person';
  if (/password/.test(name)) return 'password';
  if (/sku/.test(name)) return 'sku';
  if (/barcode/.test(name)) return 'barcode';
  if (/token|refresh/.test(name)) return 'token';
  if (/date|^from$|^to$|weekStart/.test(name)) return 'date';
  if (/_time$/.test(name)) return 'time';
  if (/^pin$/.test(name)) return 'pin';
  if (/^q$/.test(name)) return 'text';
  return undefined;
}

const TIMES = ['00:00', '09:00', '17:30', '23:59', '12:00'];
const PINS = ['000000', '123456', '999999'];

/** The strings of the dictionary for a hint (empty when it has none). */
export function stringsFor(dictionary: Dictionary, hint: Hint | undefined): readonly string[] {
  switch (hint) {
    case 'role':
      return ROLE_KEYS;
    case 'username':
      return dictionary.usernames;
    case 'email':
      return dictionary.emails;
    case 'phone':
      return dictionary.phones;
    case 'contact':
      return [...dictionary.emails, ...dictionary.phones];
    case 'password':
      return dictionary.passwords;
    case 'sku':
      return dictionary.skus;
    case 'barcode':
      return dictionary.barcodes;
    case 'token':
      return dictionary.tokens;
    case 'date':
      return dictionary.dates;
    case 'time':
      return TIMES;
    case 'pin':
      return PINS;
    case 'text':
      return [...dictionary.usernames, ...dictionary.skus];
    default:
      return [];
  }
}
