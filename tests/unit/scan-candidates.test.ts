import { describe, expect, it } from 'vitest';
import { scanCandidates, withoutSuffix } from '../../renderer/src/features/pos/scan-candidates';

describe('the barcodes a wedge scan may have been', () => {
  it('is the burst alone when it came from anywhere but the search box', () => {
    expect(scanCandidates('4006381333931', null)).toEqual(['4006381333931']);
  });

  it('is the burst alone when the search box holds just the burst', () => {
    expect(scanCandidates('4006381333931', '4006381333931')).toEqual(['4006381333931']);
  });

  it('tries the whole run of digits first when a stall split the burst', () => {
    expect(scanCandidates('381333931', '4006381333931')).toEqual(['4006381333931', '381333931']);
  });

  it('takes only the trailing digits of a box that also holds words', () => {
    expect(scanCandidates('381333931', 'milk 4006381333931')).toEqual(['4006381333931', '381333931']);
  });

  it('ignores a box whose digits do not end in the burst', () => {
    expect(scanCandidates('381333931', 'milk 12')).toEqual(['381333931']);
  });
});

describe('taking a scan out of the search box', () => {
  it('takes the scanned digits off the end', () => {
    expect(withoutSuffix('milk 4006381333931', '4006381333931')).toBe('milk ');
  });

  it('leaves what the cashier typed since', () => {
    expect(withoutSuffix('4006381333931 be', '4006381333931')).toBe('4006381333931 be');
  });
});
