// JPEG samples: libjpeg-turbo (sharp) where it reads them as the PDF means them, pdf.js otherwise.
import { createRequire } from 'node:module';
import { PDFDocument, PDFNumber, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeJpegNatively, jpegFrame } from '../src/redact/pdf/jpeg.js';
import { decodeRaster, imageDecoders } from '../src/redact/pdf/raster.js';

type Sharp = typeof import('sharp');
const sharp = ((): Sharp | undefined => {
  try {
    return createRequire(import.meta.url)('sharp') as Sharp;
  } catch {
    return undefined;
  }
})();

const W = 96;
const H = 64;

/** Samples as a scan's: gradients and edges, little colour (sharp edges of saturated colour are where chroma upsampling differs most). */
function pattern(components: 1 | 3): Buffer {
  const out = Buffer.alloc(W * H * components);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < components; c++) out[(y * W + x) * components + c] = 30 + x + y + c * 10 + ((x >> 4) & 1) * 40;
    }
  }
  return out;
}

async function jpeg(components: 1 | 3 | 4): Promise<Uint8Array> {
  if (!sharp) throw new Error('sharp is needed to write the test JPEGs');
  const raw = sharp(pattern(components === 4 ? 3 : components), { raw: { width: W, height: H, channels: components === 4 ? 3 : components } });
  return new Uint8Array(await raw.toColourspace(components === 1 ? 'b-w' : components === 4 ? 'cmyk' : 'srgb').jpeg({ quality: 92 }).toBuffer());
}

async function pdfJsSamples(data: Uint8Array): Promise<Uint8ClampedArray> {
  const lib = await imageDecoders();
  const image = new lib.JpegImage();
  image.parse(data);
  return image.getData({ width: image.width, height: image.height, forceRGB: false, isSourcePDF: true });
}

describe('jpegFrame', () => {
  it('reads size, precision and components from the frame header, past other markers', () => {
    // SOI, an APP0 of 16 bytes, fill bytes, SOF2 (progressive) 8-bit 300 x 200, 3 components.
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0), 0xff, 0xff, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    expect(jpegFrame(bytes)).toEqual({ precision: 8, height: 200, width: 300, components: 3 });
  });

  it('gives nothing for data that is no JPEG, or ends before its frame', () => {
    expect(jpegFrame(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(jpegFrame(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0, 0]))).toBeUndefined();
    // A scan (SOS) before any frame header.
    expect(jpegFrame(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]))).toBeUndefined();
  });
});

describe.runIf(sharp !== undefined)('decodeJpegNatively (libjpeg-turbo through sharp)', () => {
  it('decodes grey and colour JPEGs to the samples pdf.js gives, within rounding', async () => {
    for (const components of [1, 3] as const) {
      const data = await jpeg(components);
      const native = await decodeJpegNatively(data, W, H, false);
      expect(native?.components).toBe(components);
      const ours = native?.samples as Uint8Array;
      const theirs = await pdfJsSamples(data);
      expect(ours.length).toBe(theirs.length);
      // Per channel: the mean difference (a swapped channel or another colour transform shows
      // here), and how far apart the two are on average.
      const bias = [0, 0, 0];
      let total = 0;
      let worst = 0;
      for (let i = 0; i < ours.length; i++) {
        const d = (ours[i] as number) - (theirs[i] as number);
        bias[i % components] = (bias[i % components] as number) + d;
        total += Math.abs(d);
        worst = Math.max(worst, Math.abs(d));
      }
      for (const b of bias.slice(0, components)) expect(Math.abs(b / (W * H))).toBeLessThan(0.1);
      expect(total / ours.length).toBeLessThan(0.2);
      // Grey: only the IDCT's rounding.
      if (components === 1) expect(worst).toBeLessThanOrEqual(2);
    }
  });

  it('leaves to pdf.js what it may read otherwise: CMYK, a /ColorTransform, another size than the dictionary, damaged data', async () => {
    expect(await decodeJpegNatively(await jpeg(4), W, H, false)).toBeUndefined();
    const rgb = await jpeg(3);
    expect(await decodeJpegNatively(rgb, W, H, true)).toBeUndefined();
    expect(await decodeJpegNatively(rgb, W * 2, H, false)).toBeUndefined();
    // Cut off in the middle of its scan: libjpeg warns ("premature end"), pdf.js reads what is there.
    expect(await decodeJpegNatively(rgb.subarray(0, Math.floor(rgb.length * 0.6)), W, H, false)).toBeUndefined();
    expect(await decodeJpegNatively(new Uint8Array([1, 2, 3]), W, H, false)).toBeUndefined();
  });

  it('is what decodeRaster gives for a DCTDecode image when asked (OCR), pdf.js otherwise', async () => {
    const data = await jpeg(3);
    const pdf = await PDFDocument.create();
    const image = PDFRawStream.of(
      pdf.context.obj({ Type: 'XObject', Subtype: 'Image', Width: W, Height: H, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode', Length: PDFNumber.of(data.length) }),
      data,
    );
    // OCR asks for libjpeg-turbo; the redaction of a page with text decodes with pdf.js.
    const raster = await decodeRaster(pdf.context, image, 'image', { nativeJpeg: true });
    const native = await decodeJpegNatively(data, W, H, false);
    expect(raster.components).toBe(3);
    expect(raster.bitsPerComponent).toBe(8);
    expect(Buffer.from(raster.samples).equals(Buffer.from(native?.samples as Uint8Array))).toBe(true);
    const byPdfJs = await decodeRaster(pdf.context, image);
    expect(Buffer.from(byPdfJs.samples).equals(Buffer.from(await pdfJsSamples(data)))).toBe(true);
    // The rewritten image is written with Flate: the JPEG's filter is not carried over.
    expect(raster.entries.get('Filter')).toBeUndefined();
  });
});
