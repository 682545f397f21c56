/** shortList: the first few of a long list, then how many more. */
import { expect, it } from 'vitest';
import { shortList } from '../../../functions/core/language/short-list.ts';

it('names a short list whole, and cuts a long one after the first five', () => {
  expect(shortList([])).toBe('');
  expect(shortList(['a', 'b'])).toBe('a, b');
  // "and 1 more" would be no shorter than the name itself.
  expect(shortList(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d, e, f');
  const many = Array.from({ length: 106 }, (_, i) => `r${i}@example.ir`);
  expect(shortList(many)).toBe(
    'r0@example.ir, r1@example.ir, r2@example.ir, r3@example.ir, r4@example.ir and 101 more',
  );
  expect(shortList(many, 2)).toBe('r0@example.ir, r1@example.ir and 104 more');
});
