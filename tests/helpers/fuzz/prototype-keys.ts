/**
 * Names a client may send that are also members of Object.prototype (or that JavaScript treats
 * specially: `then` makes an object thenable, `toJSON` changes JSON.stringify). A server that
 * indexes a plain object with one of them reads an inherited function instead of nothing.
 */
export const PROTOTYPE_KEYS: readonly string[] = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'then',
  'toJSON',
  'length',
  'name',
];
