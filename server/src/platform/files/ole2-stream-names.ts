const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const MAX_SECTORS_VISITED = 100_000;

export function isOle2(buf: Buffer): boolean {
  return buf.length >= 512 && buf.subarray(0, 8).equals(OLE2_SIGNATURE);
}

/**
 * Names of the entries in an OLE2 compound file's directory (MS-CFB): the directory is a sector chain
 * found through the FAT, whose sectors are listed by the DIFAT in the header and its extension sectors.
 * Returns what could be read; a damaged file yields fewer names rather than an exception.
 */
export function ole2StreamNames(buf: Buffer): string[] {
  if (!isOle2(buf)) return [];
  const sectorShift = buf.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return [];
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sid: number) => (sid + 1) * sectorSize;
  const sectorExists = (sid: number) => sid < FREE_SECTOR - 5 && sectorOffset(sid) + sectorSize <= buf.length;

  const fatSectors = readDifat(buf, sectorSize, sectorOffset, sectorExists);
  const fat: number[] = [];
  for (const sid of fatSectors) {
    if (!sectorExists(sid)) continue;
    const start = sectorOffset(sid);
    for (let i = 0; i < sectorSize; i += 4) fat.push(buf.readUInt32LE(start + i));
  }

  const names: string[] = [];
  const visited = new Set<number>();
  let sid = buf.readUInt32LE(0x30);
  while (
    sid !== END_OF_CHAIN &&
    sectorExists(sid) &&
    !visited.has(sid) &&
    visited.size < MAX_SECTORS_VISITED
  ) {
    visited.add(sid);
    const start = sectorOffset(sid);
    for (let entry = start; entry < start + sectorSize; entry += DIRECTORY_ENTRY_SIZE) {
      const nameBytes = buf.readUInt16LE(entry + 0x40);
      const type = buf[entry + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(buf.toString('utf16le', entry, entry + nameBytes - 2));
    }
    sid = fat[sid] ?? END_OF_CHAIN;
  }
  return names;
}

function readDifat(
  buf: Buffer,
  sectorSize: number,
  sectorOffset: (sid: number) => number,
  sectorExists: (sid: number) => boolean,
): number[] {
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sid = buf.readUInt32LE(0x4c + i * 4);
    if (sid < FREE_SECTOR - 5) fatSectors.push(sid);
  }
  const visited = new Set<number>();
  let difatSid = buf.readUInt32LE(0x44);
  while (sectorExists(difatSid) && !visited.has(difatSid)) {
    visited.add(difatSid);
    const start = sectorOffset(difatSid);
    const last = start + sectorSize - 4;
    for (let p = start; p < last; p += 4) {
      const sid = buf.readUInt32LE(p);
      if (sid < FREE_SECTOR - 5) fatSectors.push(sid);
    }
    difatSid = buf.readUInt32LE(last);
  }
  return fatSectors;
}
