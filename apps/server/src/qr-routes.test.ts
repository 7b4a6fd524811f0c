import { describe, expect, test } from 'vitest';
import { tableLabels } from './qr-routes.ts';

describe('table labels for QR sheets', () => {
  test('ranges, single labels, junk dropped, at most 200', () => {
    expect(tableLabels('1-3, 7,patio, <script>')).toEqual(['1', '2', '3', '7', 'patio']);
    expect(tableLabels('1-5000')).toHaveLength(200);
    expect(tableLabels('')).toEqual([]);
  });
});
