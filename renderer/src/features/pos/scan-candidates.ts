/**
 * The barcodes a wedge scan may have been, most likely first. A renderer that stalls mid-burst
 * (a garbage collection, a busy machine) stretches one gap past the wedge's limit: the scan then
 * arrives as only its last digits, and its first digits are already in the search box. So when
 * the scan was typed into the search box and the box ends in a longer run of digits, that whole
 * run is tried first, and the burst alone after it.
 */
export function scanCandidates(code: string, searchText: string | null): string[] {
  const run = searchText === null ? undefined : /\d+$/.exec(searchText.trimEnd())?.[0];
  return run !== undefined && run.length > code.length && run.endsWith(code) ? [run, code] : [code];
}

/** The search box's text with `suffix` taken off its end (unchanged when it no longer ends so). */
export function withoutSuffix(text: string, suffix: string): string {
  const trimmed = text.trimEnd();
  return trimmed.endsWith(suffix) ? trimmed.slice(0, -suffix.length) : text;
}
