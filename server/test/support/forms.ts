/** A multipart form holding one file under `field`, as a browser or the mini program uploads it. */
export function fileForm(buf: Buffer, name: string, field = 'file') {
  const f = new FormData();
  f.append(field, new Blob([new Uint8Array(buf)]), name);
  return f;
}
