// pdf.js ships its standalone image decoders without types; this is the part woo-redact uses.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGB?: boolean; isSourcePDF?: boolean }): Uint8ClampedArray;
  }
  export class JpxImage {
    static setOptions(options: { handler?: { sendWithPromise(name: string, data: unknown): Promise<Uint8Array> }; useWasm?: boolean; useWorkerFetch?: boolean; wasmUrl?: string }): void;
    static decode(data: Uint8Array, options?: { numComponents?: number; isIndexedColormap?: boolean; smaskInData?: boolean; reducePower?: number }): Promise<Uint8ClampedArray>;
    static parseImageProperties(data: Uint8Array): { width: number; height: number; bitsPerComponent: number; componentsCount: number };
  }
  export class Jbig2Image {
    width: number;
    height: number;
    /** Chunks (JBIG2Globals first) of an embedded JBIG2 stream: 1-bit rows, 1 = black. */
    parseChunks(chunks: { data: Uint8Array; start: number; end: number }[]): Uint8Array;
  }
  export const VerbosityLevel: { readonly ERRORS: number; readonly WARNINGS: number; readonly INFOS: number };
  export function setVerbosityLevel(level: number): void;
}
