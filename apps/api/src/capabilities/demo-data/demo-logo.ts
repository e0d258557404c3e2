import { crc32, deflateSync } from 'node:zlib';

/**
 * The demo municipality's logo (ADR 0054): a small PNG drawn here, so the demo shows a logo without shipping an image
 * file — a green tile with a white house, 48 × 48 pixels. The colours are the demo house style's.
 */
export function demoLogoPng(): Buffer {
  const size = 48;
  const green = [0x1d, 0x5b, 0x3a];
  const white = [0xff, 0xff, 0xff];
  const inHouse = (x: number, y: number) => {
    const roof = y >= 10 && y < 24 && Math.abs(x - 24) <= y - 10; // a triangle from (24,10) down to y 24
    const body = y >= 24 && y < 38 && x >= 14 && x < 34;
    const door = y >= 29 && y < 38 && x >= 21 && x < 27;
    return (roof || body) && !door;
  };
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) rows.push(...(inHouse(x, y) ? white : green));
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
