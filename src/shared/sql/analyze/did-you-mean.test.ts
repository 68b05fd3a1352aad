import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('did you mean', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('conenctor', 'connector')).toBe(1);
    expect(editDistance('kafka', 'kafak')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('offers only close names, relative to their length', () => {
    expect(didYouMean('scan.startup.mod', ['scan.startup.mode', 'scan.bounded.mode', 'topic'])).toEqual(['scan.startup.mode']);
    expect(didYouMean('plate_n', ['plate_no', 'owner'])).toEqual(['plate_no']);
    expect(didYouMean('ab', ['ac'])).toEqual([]);
    expect(didYouMean('UPPPER', ['UPPER', 'LOWER'])).toEqual(['UPPER']);
    expect(didYouMean('Plate_No', ['plate_no'])).toEqual(['plate_no']);
  });
});
