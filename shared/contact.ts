/** Phones are compared without spaces and dashes; emails without case. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function normalizeContact(type: 'email' | 'phone', value: string): string {
  return type === 'email' ? value.trim().toLowerCase() : normalizePhone(value);
}
