import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * An .xlsx-looking ZIP whose sheet inflates to `inflated` bytes of zeros (about 1 MB per GiB compressed).
 * With `understate`, the directory declares the sheet as tiny, as a bomb hiding from a directory check would.
 */
export async function zipBomb(inflated: number, opts: { understate?: boolean } = {}): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const add = (name: string, data: Buffer, size: number, crc: number) => {
    const nameBuf = Buffer.from(name);
    const declared = opts.understate && size > 1000 ? 1000 : size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, nameBuf, data);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  };
  const deflate = async (chunks: () => Generator<Buffer>) => {
    const z = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    const done = new Promise((r) => z.on('end', r));
    for (const c of chunks()) if (!z.write(c)) await new Promise((r) => z.once('drain', r));
    z.end();
    await done;
    return Buffer.concat(out);
  };
  const small = async (name: string, text: string) => {
    const data = Buffer.from(text);
    add(
      name,
      await deflate(function* () {
        yield data;
      }),
      data.length,
      crc32(data),
    );
  };
  await small('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  await small('xl/workbook.xml', '<?xml version="1.0"?><workbook/>');
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  const count = Math.ceil(inflated / chunk.length);
  for (let i = 0; i < count; i++) crc = crc32(chunk, crc);
  const sheet = await deflate(function* () {
    for (let i = 0; i < count; i++) yield chunk;
  });
  add('xl/worksheets/sheet1.xml', sheet, count * chunk.length, crc);
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(3, 8);
  eocd.writeUInt16LE(3, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}
