// pdf.js ships its standalone image decoders without types; this is the part woo-redact uses.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGB?: boolean; isSourcePDF?: boolean }): Uint8ClampedArray;
  }
  export const VerbosityLevel: { readonly ERRORS: number; readonly WARNINGS: number; readonly INFOS: number };
  export function setVerbosityLevel(level: number): void;
}
