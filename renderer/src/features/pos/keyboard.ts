const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'number',
  'tel',
  'email',
  'password',
  'url',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** Whether keys typed into `element` are text for it (so page shortcuts must leave them alone). */
export function isTextEntry(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}
