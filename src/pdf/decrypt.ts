import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectStreamParser, PDFParser, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';
import { dictOf, get, nameOf, numberOf, resolve } from './objects.js';

/**
 * The standard security handler (PDF 32000, 7.6.3 and ISO 32000-2 for AES-256), for files that
 * open without a user password: only an owner password restricts them. pdf-lib cannot decrypt, so
 * the document is decrypted in place before anything reads it; a file that needs a user password
 * is refused.
 */
export class UserPasswordRequiredError extends Error {}
export class UnsupportedEncryptionError extends Error {}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
  }
  return out;
}

function aesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 16) return new Uint8Array(0);
  const iv = data.subarray(0, 16);
  const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, iv);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]));
  } catch {
    // Bad padding: return what decrypts without it rather than fail on one damaged string.
    const raw = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, iv);
    raw.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([raw.update(data.subarray(16)), raw.final()]));
  }
}

function stringBytes(obj: PDFObject | undefined): Uint8Array {
  if (obj instanceof PDFString) return Uint8Array.from(obj.asString(), (c) => c.charCodeAt(0) & 0xff);
  if (obj instanceof PDFHexString) return Uint8Array.from(Buffer.from(obj.asString(), 'hex'));
  return new Uint8Array(0);
}

function literalBytes(s: PDFString): Uint8Array {
  // pdf-lib keeps a literal string as written (escapes included): undo the escapes.
  const raw = s.asString();
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const e = raw[++i];
    if (e === undefined) break;
    if (e === 'n') out.push(10);
    else if (e === 'r') out.push(13);
    else if (e === 't') out.push(9);
    else if (e === 'b') out.push(8);
    else if (e === 'f') out.push(12);
    else if (e >= '0' && e <= '7') {
      let v = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && raw[i + 1] !== undefined && (raw[i + 1] as string) >= '0' && (raw[i + 1] as string) <= '7'; k++) v = v * 8 + (raw[++i] as string).charCodeAt(0) - 48;
      out.push(v & 0xff);
    } else if (e === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (e !== '\n') out.push(e.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

function bytesOf(obj: PDFObject | undefined): Uint8Array {
  return obj instanceof PDFString ? literalBytes(obj) : stringBytes(obj);
}

/** Algorithm 2.B (ISO 32000-2): the hash for AES-256 keys. */
function hash2B(password: Uint8Array, salt: Uint8Array, udata: Uint8Array): Uint8Array {
  let k = createHash('sha256').update(password).update(salt).update(udata).digest();
  for (let round = 0; ; round++) {
    const block = Buffer.concat([password, k, udata]);
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => block));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i] as number;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3] as string).update(e).digest();
    if (round >= 63 && (e[e.length - 1] as number) <= round - 31) break;
  }
  return k.subarray(0, 32);
}

interface Handler {
  readonly key: Uint8Array;
  readonly revision: number;
  readonly cipher: 'rc4' | 'aes';
  readonly encryptMetadata: boolean;
}

function fileKey(context: PDFContext, encrypt: PDFDict, id0: Uint8Array): Handler {
  const filter = nameOf(context, encrypt, 'Filter');
  if (filter !== 'Standard') throw new UnsupportedEncryptionError(`the ${filter ?? 'unknown'} security handler is not supported`);
  const v = numberOf(context, encrypt, 'V') ?? 0;
  const r = numberOf(context, encrypt, 'R') ?? 0;
  const o = bytesOf(get(context, encrypt, 'O'));
  const u = bytesOf(get(context, encrypt, 'U'));
  const p = numberOf(context, encrypt, 'P') ?? 0;
  const encryptMetadata = (get(context, encrypt, 'EncryptMetadata') as { asBoolean?: () => boolean } | undefined)?.asBoolean?.() ?? true;
  let cipher: Handler['cipher'] = 'rc4';
  if (v === 4 || v === 5) {
    const cf = dictOf(context, encrypt.get(PDFName.of('CF')));
    const stmf = nameOf(context, encrypt, 'StmF') ?? 'Identity';
    const method = nameOf(context, dictOf(context, cf?.get(PDFName.of(stmf))), 'CFM');
    cipher = method === 'AESV2' || method === 'AESV3' ? 'aes' : 'rc4';
  }
  if (r === 5 || r === 6) {
    const empty = new Uint8Array(0);
    const check = r === 6 ? hash2B(empty, u.subarray(32, 40), empty) : createHash('sha256').update(u.subarray(32, 40)).digest();
    if (!Buffer.from(check).equals(Buffer.from(u.subarray(0, 32)))) throw new UserPasswordRequiredError();
    const intermediate = r === 6 ? hash2B(empty, u.subarray(40, 48), empty) : createHash('sha256').update(u.subarray(40, 48)).digest();
    const ue = bytesOf(get(context, encrypt, 'UE'));
    const decipher = createDecipheriv('aes-256-cbc', intermediate, Buffer.alloc(16));
    decipher.setAutoPadding(false);
    return { key: new Uint8Array(Buffer.concat([decipher.update(ue), decipher.final()])), revision: r, cipher: 'aes', encryptMetadata };
  }
  if (r < 2 || r > 4) throw new UnsupportedEncryptionError(`security handler revision ${r} is not supported`);
  const length = r === 2 ? 5 : (numberOf(context, encrypt, 'Length') ?? 40) / 8;
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const md5 = createHash('md5').update(PADDING).update(o).update(pBytes).update(id0);
  if (r >= 4 && !encryptMetadata) md5.update(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let key = md5.digest().subarray(0, length);
  if (r >= 3) for (let i = 0; i < 50; i++) key = createHash('md5').update(key).digest().subarray(0, length);
  // Check the empty user password against /U.
  if (r === 2) {
    if (!Buffer.from(rc4(key, PADDING)).equals(Buffer.from(u.subarray(0, 32)))) throw new UserPasswordRequiredError();
  } else {
    let x = rc4(key, createHash('md5').update(PADDING).update(id0).digest());
    for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x);
    if (!Buffer.from(x).equals(Buffer.from(u.subarray(0, 16)))) throw new UserPasswordRequiredError();
  }
  return { key, revision: r, cipher, encryptMetadata };
}

function objectKey(h: Handler, ref: PDFRef): Uint8Array {
  if (h.revision >= 5) return h.key;
  const extra = Buffer.from([ref.objectNumber & 0xff, (ref.objectNumber >> 8) & 0xff, (ref.objectNumber >> 16) & 0xff, ref.generationNumber & 0xff, (ref.generationNumber >> 8) & 0xff]);
  const md5 = createHash('md5').update(h.key).update(extra);
  if (h.cipher === 'aes') md5.update('sAlT');
  return md5.digest().subarray(0, Math.min(h.key.length + 5, 16));
}

function decryptBytes(h: Handler, key: Uint8Array, data: Uint8Array): Uint8Array {
  return h.cipher === 'aes' ? aesDecrypt(key, data) : rc4(key, data);
}

function decryptValue(context: PDFContext, h: Handler, key: Uint8Array, obj: PDFObject): PDFObject {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return PDFHexString.of(Buffer.from(decryptBytes(h, key, bytesOf(obj))).toString('hex'));
  if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i++) obj.set(i, decryptValue(context, h, key, obj.get(i)));
    return obj;
  }
  if (obj instanceof PDFDict) {
    for (const [k, v] of obj.entries()) obj.set(k, decryptValue(context, h, key, v));
    return obj;
  }
  return obj;
}

/** Whether the document is encrypted at all. */
export function isEncrypted(pdf: PDFDocument): boolean {
  return pdf.context.trailerInfo.Encrypt !== undefined;
}

/** An object stream of an encrypted file, kept aside at load time: its bytes are still encrypted. */
export interface EncryptedObjectStream {
  readonly ref: PDFRef;
  readonly stream: PDFRawStream;
}

type LoadOptions = Parameters<typeof PDFDocument.load>[1];
type ParserClass = {
  forBytesWithOptions(bytes: Uint8Array, ...rest: unknown[]): object;
  prototype: { parseIndirectObjectHeader(this: object): PDFRef };
};
type StreamParserClass = { forStream(stream: PDFRawStream, ...rest: unknown[]): { parseIntoContext(): Promise<unknown> } };

/** Bytes being loaded by loadEncrypted, and the object streams their parser kept aside. */
const pendingLoads = new WeakMap<Uint8Array, EncryptedObjectStream[]>();
const keptAside = new WeakMap<object, EncryptedObjectStream[]>();
let lastHeader: { parser: object; ref: PDFRef } | undefined;
let hooked = false;
const originalForStream = (PDFObjectStreamParser as unknown as StreamParserClass).forStream.bind(PDFObjectStreamParser);

/** Parses a (plain) object stream into its document's context with pdf-lib's own parser. */
async function parseObjectStream(stream: PDFRawStream): Promise<void> {
  await originalForStream(stream).parseIntoContext();
}

/** pdf-lib looks the catalog up when the document is made: again once the object streams are in. */
function refreshCatalog(pdf: PDFDocument): void {
  const catalog = pdf.context.lookup(pdf.context.trailerInfo.Root);
  if (catalog) (pdf as unknown as { catalog: unknown }).catalog = catalog;
}

/**
 * Hooks pdf-lib's parser once: a parser created for bytes that loadEncrypted is loading keeps its
 * object streams aside; every other parser (other documents loading at the same time) is left
 * alone. An object's header and its stream are parsed in one synchronous step, so the last header
 * read when an object stream is met is that stream's own, by the same parser.
 */
function hookParser(): void {
  if (hooked) return;
  hooked = true;
  const parser = PDFParser as unknown as ParserClass;
  const streamParser = PDFObjectStreamParser as unknown as StreamParserClass;
  const create = parser.forBytesWithOptions.bind(parser);
  const header = parser.prototype.parseIndirectObjectHeader;
  parser.forBytesWithOptions = (bytes: Uint8Array, ...rest: unknown[]) => {
    const instance = create(bytes, ...rest);
    const list = pendingLoads.get(bytes);
    if (list) keptAside.set(instance, list);
    return instance;
  };
  parser.prototype.parseIndirectObjectHeader = function (this: object) {
    const ref = header.call(this);
    lastHeader = { parser: this, ref };
    return ref;
  };
  streamParser.forStream = (stream: PDFRawStream, ...rest: unknown[]) => {
    const list = lastHeader && keptAside.get(lastHeader.parser);
    if (!list || !lastHeader) return originalForStream(stream, ...rest);
    list.push({ ref: lastHeader.ref, stream });
    return { parseIntoContext: async () => undefined };
  };
}

/**
 * Loads an encrypted PDF with pdf-lib, keeping its object streams aside instead of letting pdf-lib
 * parse them: pdf-lib would inflate their encrypted bytes, fail, and lose every object inside (the
 * catalog and pages of Word and Adobe PDF Library files). decryptInPlace parses them once decrypted.
 */
export async function loadEncrypted(bytes: Uint8Array, options: LoadOptions): Promise<{ pdf: PDFDocument; objectStreams: EncryptedObjectStream[] }> {
  hookParser();
  const own = new Uint8Array(bytes);
  const objectStreams: EncryptedObjectStream[] = [];
  pendingLoads.set(own, objectStreams);
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(own, options);
  } finally {
    pendingLoads.delete(own);
    lastHeader = undefined;
  }
  // "/Encrypt" in the bytes but no encryption dictionary in the trailer (none, or a reference to
  // an object that does not exist, which pdf.js, poppler and qpdf read as no encryption): the
  // streams are plain after all.
  const declared = pdf.context.trailerInfo.Encrypt as PDFObject | undefined;
  if (!(resolve(pdf.context, declared) instanceof PDFDict)) {
    pdf.context.trailerInfo.Encrypt = undefined;
    for (const { stream } of objectStreams) await parseObjectStream(stream);
    refreshCatalog(pdf);
    // Found only now, inside an object stream (where the format forbids it): what of the file is
    // encrypted and what is not cannot be told.
    if (resolve(pdf.context, declared) instanceof PDFDict) throw new UnsupportedEncryptionError('the encryption dictionary is inside an object stream');
    return { pdf, objectStreams: [] };
  }
  return { pdf, objectStreams };
}

/**
 * Decrypts every string and stream of a document that opens without a user password, and drops the
 * encryption. Object streams kept aside by loadEncrypted are decrypted as streams and then parsed:
 * the objects inside them are not encrypted a second time. Throws UserPasswordRequiredError when a
 * user password is needed.
 */
export async function decryptInPlace(pdf: PDFDocument, objectStreams: readonly EncryptedObjectStream[] = []): Promise<void> {
  const context = pdf.context;
  const encryptObj = context.trailerInfo.Encrypt;
  const encrypt = dictOf(context, encryptObj);
  if (!encrypt) throw new UnsupportedEncryptionError('the encryption dictionary cannot be read');
  const idArray = resolve(context, context.trailerInfo.ID) as PDFArray | undefined;
  const id0 = idArray instanceof PDFArray ? bytesOf(resolve(context, idArray.get(0))) : new Uint8Array(0);
  const h = fileKey(context, encrypt, id0);
  const encryptRef = encryptObj instanceof PDFRef ? encryptObj.toString() : '';
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.toString() === encryptRef) continue;
    const key = objectKey(h, ref);
    if (obj instanceof PDFRawStream) {
      const type = nameOf(context, obj.dict, 'Type');
      if (type === 'XRef') continue;
      if (type === 'ObjStm') throw new UnsupportedEncryptionError('an object stream was not kept aside at load');
      if (type === 'Metadata' && !h.encryptMetadata) continue;
      decryptValue(context, h, key, obj.dict);
      const plain = decryptBytes(h, key, obj.contents);
      obj.dict.set(PDFName.of('Length'), PDFNumber.of(plain.length));
      context.assign(ref, PDFRawStream.of(obj.dict, plain));
    } else {
      context.assign(ref, decryptValue(context, h, key, obj));
    }
  }
  for (const { ref, stream } of objectStreams) {
    const plain = PDFRawStream.of(stream.dict, decryptBytes(h, objectKey(h, ref), stream.contents));
    plain.dict.set(PDFName.of('Length'), PDFNumber.of(plain.contents.length));
    try {
      // The objects inside are plain once their stream is decrypted (not encrypted a second time).
      await parseObjectStream(plain);
    } catch (error) {
      throw new UnsupportedEncryptionError(`an encrypted object stream cannot be read (${(error as Error).message})`);
    }
  }
  refreshCatalog(pdf);
  context.trailerInfo.Encrypt = undefined;
}
