import { describe, expect, it } from 'vitest';
import { ordinalIndex } from '../../src/answer/ordinal.ts';

describe('the place an ordinal points at', () => {
  it('counts from the start, or from the end', () => {
    expect(ordinalIndex({ index: 2, fromEnd: false }, 5)).toBe(1);
    expect(ordinalIndex({ index: 1, fromEnd: true }, 5)).toBe(4);
    expect(ordinalIndex({ index: 2, fromEnd: true }, 5)).toBe(3);
  });
  it('points outside a list shorter than the ordinal', () => {
    expect(ordinalIndex({ index: 6, fromEnd: false }, 5)).toBe(5);
    expect(ordinalIndex({ index: 6, fromEnd: true }, 5)).toBe(-1);
  });
});
