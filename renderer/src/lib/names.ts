export function fullName(person: { first_name: string; last_name: string }): string {
  return `${person.first_name} ${person.last_name}`.trim();
}

export function initials(person: { first_name: string; last_name: string; username?: string }): string {
  const letters = `${person.first_name.charAt(0)}${person.last_name.charAt(0)}`.trim();
  return (letters || person.username?.charAt(0) || '?').toUpperCase();
}
