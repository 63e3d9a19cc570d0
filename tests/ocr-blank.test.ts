// Blank scanned pages are not sent to OCR; faint print and single characters are.
import { describe, expect, it } from 'vitest';
import { mayHoldPrint } from '../src/ocr/blank.js';
import { blankSheet, faintPage } from './ocr-scans.js';
import { HAVE_POPPLER } from './pdf-tools.js';

const A4_150 = { width: 1240, height: 1754, perMm: 150 / 25.4 };

describe('mayHoldPrint', () => {
  it('a white page, and a blank sheet with noise, dust and a shadow along its edge, hold no print', () => {
    const { width, height, perMm } = A4_150;
    expect(mayHoldPrint({ width, height, pixels: new Uint8Array(width * height).fill(255) }, perMm)).toBe(false);
    expect(mayHoldPrint({ width, height, pixels: blankSheet(width, height) }, perMm)).toBe(false);
  });

  it('one character-sized mark on a blank sheet may be print, dark on light or light on dark', () => {
    const { width, height, perMm } = A4_150;
    const sheet = blankSheet(width, height);
    // An "L" 2 mm tall, 1.2 mm wide, strokes of 2 pixels.
    const h = Math.round(2 * perMm);
    const w = Math.round(1.2 * perMm);
    for (let y = 0; y < h; y++) for (let x = 0; x < 2; x++) sheet[(600 + y) * width + 500 + x] = 60;
    for (let x = 0; x < w; x++) for (let y = h - 2; y < h; y++) sheet[(600 + y) * width + 500 + x] = 60;
    expect(mayHoldPrint({ width, height, pixels: sheet }, perMm)).toBe(true);
    const inverted = sheet.map((v) => 255 - v);
    expect(mayHoldPrint({ width, height, pixels: inverted }, perMm)).toBe(true);
  });

  it.runIf(HAVE_POPPLER)('a page of faint grey print (ink no darker than 200 on white) may be print', () => {
    const { width, height, grey } = faintPage('standard14-nota.pdf', 150, 200);
    expect(mayHoldPrint({ width, height, pixels: grey }, 150 / 25.4)).toBe(true);
  });
});
