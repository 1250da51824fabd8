// The username, email and phone rules (shared/user-rules.ts): the UI's checks agree with the
// zod schemas the server validates with, because both use the same definitions.
import { describe, expect, it } from 'vitest';
import { emailSchema, phoneSchema, usernameSchema } from '../../shared/schemas/users';
import { EMAIL_MESSAGE, isEmailAddress, isPhoneNumber, PHONE_MESSAGE, USERNAME_MESSAGE, usernameProblem } from '../../shared/user-rules';
import { contactRule } from '../../renderer/src/features/password-reset/contact';
import { optionalEmailRule, usernameRule } from '../../renderer/src/features/auth/validation';

const emails = [
  'olga@example.com',
  ' Olga.Owner@Example.CO.uk ',
  "o'neil+shop@mail.example",
  'a@b.c',
  'no-at-sign',
  'two@@example.com',
  'dot.@example.com',
  'a@b',
  `${'x'.repeat(250)}@example.com`,
];
const phones = ['+1 555 0100', '0049-30-1234567', '123456', '12345', '+'.padEnd(22, '1'), '555-CALL-NOW', '++123456'];
const usernames = ['owner', 'olga.owner@shop', 'a+b-c_d', 'with space', 'semi;colon', 'é', 'x'.repeat(150), 'x'.repeat(151)];

describe('user rules', () => {
  it('accept exactly the emails the schema accepts', () => {
    for (const email of emails) expect(isEmailAddress(email), email).toBe(emailSchema.safeParse(email).success);
  });

  it('accept exactly the phones the schema accepts', () => {
    for (const phone of phones) expect(isPhoneNumber(phone), phone).toBe(phoneSchema.safeParse(phone).success);
  });

  it('accept exactly the usernames the schema accepts', () => {
    for (const username of usernames) expect(usernameProblem(username) === null, username).toBe(usernameSchema.safeParse(username).success);
  });

  it('word the problems as the server does', () => {
    expect(usernameSchema.safeParse('with space').error?.issues[0]?.message).toBe(USERNAME_MESSAGE);
    expect(emailSchema.safeParse('no-at-sign').error?.issues[0]?.message).toBe(EMAIL_MESSAGE);
    expect(phoneSchema.safeParse('12345').error?.issues[0]?.message).toBe(PHONE_MESSAGE);
    expect(usernameProblem('with space')).toBe(USERNAME_MESSAGE);
    expect(usernameProblem('x'.repeat(151))).toBe('At most 150 characters.');
  });

  it('are what the renderer’s forms check', () => {
    expect(usernameRule('Choose a username.')('  ')).toBe('Choose a username.');
    expect(usernameRule('Choose a username.')('bad name')).toBe(USERNAME_MESSAGE);
    expect(usernameRule('Choose a username.')('good.name')).toBeNull();
    expect(optionalEmailRule('')).toBeNull();
    expect(optionalEmailRule('a@b.c')).toBe(EMAIL_MESSAGE);
    expect(contactRule('email')('casey@shop.test')).toBeNull();
    expect(contactRule('email')('casey@shop')).toBe(EMAIL_MESSAGE);
    expect(contactRule('phone')('+1 555 0100')).toBeNull();
    expect(contactRule('phone')('555')).toBe(PHONE_MESSAGE);
    expect(contactRule('phone')(' ')).toBe('Enter the phone number of your account.');
  });
});
