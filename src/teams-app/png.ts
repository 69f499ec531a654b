// The icons are committed assets (appPackage/); the package build only checks their header before zipping them.
// zlib.crc32 is in every Node that package.json's engines admit (from 20.15 and 22.2).
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Read the IHDR of a PNG, checking the signature and the IHDR CRC so a truncated file fails loudly. */
export function readPngHeader(png: Uint8Array): PngHeader {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  if (buf.toString('latin1', 12, 16) !== 'IHDR' || buf.readUInt32BE(8) !== 13) throw new Error('PNG does not start with an IHDR chunk');
  if (crc32(buf.subarray(12, 29)) !== buf.readUInt32BE(29)) throw new Error('PNG IHDR chunk has a bad CRC');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24]!, colorType: buf[25]! };
}
