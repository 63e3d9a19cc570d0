// JPEG samples: libjpeg-turbo (sharp) where it reads them as the PDF means them, pdf.js otherwise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { workerEnv } from '../src/cli/pool.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { allocatorReturnsLargeBuffers, decodeJpegNatively, jpegFrame } from '../src/redact/pdf/jpeg.js';
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
function pattern(components: 1 | 3, width = W, height = H): Buffer {
  const out = Buffer.alloc(width * height * components);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < components; c++) out[(y * width + x) * components + c] = (30 + x + y + c * 10 + ((x >> 4) & 1) * 40) & 0xff;
    }
  }
  return out;
}

async function jpeg(components: 1 | 3 | 4, width = W, height = H): Promise<Uint8Array> {
  if (!sharp) throw new Error('sharp is needed to write the test JPEGs');
  const raw = sharp(pattern(components === 4 ? 3 : components, width, height), { raw: { width, height, channels: components === 4 ? 3 : components } });
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

describe('allocatorReturnsLargeBuffers', () => {
  it('is true where glibc starts with a fixed mmap threshold of at most 1 MB, as the CLI starts its workers', () => {
    expect(allocatorReturnsLargeBuffers(workerEnv({}))).toBe(true);
    expect(allocatorReturnsLargeBuffers({ MALLOC_MMAP_THRESHOLD_: '1048576' })).toBe(true);
    expect(allocatorReturnsLargeBuffers({})).toBe(false);
    expect(allocatorReturnsLargeBuffers({ MALLOC_MMAP_THRESHOLD_: '33554432' })).toBe(false);
    expect(allocatorReturnsLargeBuffers({ MALLOC_MMAP_THRESHOLD_: 'x' })).toBe(false);
    expect(allocatorReturnsLargeBuffers({ MALLOC_MMAP_THRESHOLD_: '0' })).toBe(false);
  });
});

describe.runIf(sharp !== undefined)('a JPEG image under text that a redaction rewrites', () => {
  const saved = process.env.MALLOC_MMAP_THRESHOLD_;
  afterEach(() => {
    if (saved === undefined) delete process.env.MALLOC_MMAP_THRESHOLD_;
    else process.env.MALLOC_MMAP_THRESHOLD_ = saved;
  });

  /** The text-over-image fixture with its image (the page's only one) as a colour JPEG. */
  async function fixtureWithJpeg(): Promise<{ pdf: Uint8Array; data: Uint8Array; width: number; height: number }> {
    const doc = await PDFDocument.load(readFileSync(new URL('../fixtures/pdf/text-over-image.pdf', import.meta.url)), { updateMetadata: false });
    const [ref, old] = [...doc.context.enumerateIndirectObjects()].find(([, o]) => o instanceof PDFRawStream && String(o.dict.get(PDFName.of('Subtype'))) === '/Image') as [PDFRef, PDFRawStream];
    const width = (old.dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (old.dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const data = await jpeg(3, width, height);
    const dict = doc.context.obj({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode', Length: data.length });
    doc.context.assign(ref, PDFRawStream.of(dict, data));
    return { pdf: await doc.save(), data, width, height };
  }

  /** How many samples of the output's rewritten image equal those of each decoder's reading of the JPEG. */
  async function agreement(output: Uint8Array, native: Uint8Array, pdfjs: Uint8ClampedArray): Promise<{ native: number; pdfjs: number }> {
    const doc = await PDFDocument.load(output, { updateMetadata: false });
    const image = [...doc.context.enumerateIndirectObjects()].map(([, o]) => o).find((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of('Subtype'))) === '/Image') as PDFRawStream;
    expect(String(image.dict.get(PDFName.of('Filter')))).toBe('/FlateDecode');
    const samples = inflateSync(image.contents);
    expect(samples.length).toBe(native.length);
    let n = 0;
    let p = 0;
    for (let i = 0; i < samples.length; i++) {
      if (samples[i] === native[i]) n++;
      if (samples[i] === pdfjs[i]) p++;
    }
    return { native: n / samples.length, pdfjs: p / samples.length };
  }

  it('is decoded by libjpeg-turbo where the allocator gives large buffers back, by pdf.js elsewhere; the pixels under its boxes destroyed either way', async () => {
    const { pdf, data, width, height } = await fixtureWithJpeg();
    const native = (await decodeJpegNatively(data, width, height, false))?.samples as Uint8Array;
    const pdfjs = await pdfJsSamples(data);
    // The two decoders differ in enough samples to tell which one the redaction used.
    let differ = 0;
    for (let i = 0; i < native.length; i++) if (native[i] !== pdfjs[i]) differ++;
    expect(differ / native.length).toBeGreaterThan(0.02);

    delete process.env.MALLOC_MMAP_THRESHOLD_;
    const plain = await runPdfPipeline(pdf, 'plain.pdf');
    process.env.MALLOC_MMAP_THRESHOLD_ = '131072';
    const asWorkers = await runPdfPipeline(pdf, 'workers.pdf');
    for (const r of [plain, asWorkers]) {
      expect(r.manifest.redactions.length).toBeGreaterThan(0);
      expect(r.manifest.warnings.map((w) => w.code)).toContain('PDF_IMAGE_PIXELS_DESTROYED');
    }
    const a = await agreement(plain.pdf, native, pdfjs);
    const b = await agreement(asWorkers.pdf, native, pdfjs);
    expect(a.pdfjs).toBeGreaterThan(a.native);
    expect(b.native).toBeGreaterThan(b.pdfjs);
    // Outside the destroyed pixels each is its decoder's reading, sample for sample.
    expect(a.pdfjs).toBeGreaterThan(0.5);
    expect(b.native).toBeGreaterThan(0.5);
    // Under the boxes, neither: those pixels were destroyed.
    expect(a.pdfjs).toBeLessThan(0.99);
    expect(b.native).toBeLessThan(0.99);
  });
});
