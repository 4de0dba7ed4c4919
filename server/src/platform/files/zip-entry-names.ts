const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const MAX_ENTRIES = 20_000;

/**
 * Entry names of a ZIP archive. Reads the central directory when the archive is complete; falls back to
 * walking local file headers, so a truncated or ZIP64 archive still reveals what it contains.
 */
export function zipEntryNames(buf: Buffer): string[] {
  return namesFromCentralDirectory(buf) ?? namesFromLocalHeaders(buf);
}

function namesFromCentralDirectory(buf: Buffer): string[] | null {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return null;
  const entryCount = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || offset >= buf.length) return null;
  const names: string[] = [];
  for (let i = 0; i < entryCount && i < MAX_ENTRIES; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_HEADER) return null;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buf.length) return null;
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it sits near the end.
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

function namesFromLocalHeaders(buf: Buffer): string[] {
  const names: string[] = [];
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  let offset = buf.indexOf(signature);
  while (offset >= 0 && offset + 30 <= buf.length && names.length < MAX_ENTRIES) {
    if (buf.readUInt32LE(offset) === LOCAL_HEADER) {
      const nameLength = buf.readUInt16LE(offset + 26);
      if (offset + 30 + nameLength <= buf.length) {
        names.push(buf.toString('utf8', offset + 30, offset + 30 + nameLength));
      }
    }
    // Sizes in the local header may be zero (data descriptor follows), so search for the next signature instead.
    offset = buf.indexOf(signature, offset + 4);
  }
  return names;
}
