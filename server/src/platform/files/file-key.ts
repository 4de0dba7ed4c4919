export class FileNotFoundError extends Error {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(readonly key: string) {
    super(`文件不存在或已被删除：${key}`);
    this.name = 'FileNotFoundError';
  }
}

export class InvalidFileKeyError extends Error {
  readonly code = 'invalid_key';
  readonly status = 400;
  constructor(
    readonly key: string,
    rule: string,
  ) {
    super(`文件路径不合法（${rule}）：${key}`);
    this.name = 'InvalidFileKeyError';
  }
}

const MAX_KEY_LENGTH = 512;

/**
 * Keys are relative paths made of `/`-separated segments. Both stores apply the same rule so a key that
 * works in development also works on OSS, and no key can climb out of the disk store's folder.
 */
export function assertValidFileKey(key: string): void {
  if (key.length === 0) throw new InvalidFileKeyError(key, '不能为空');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidFileKeyError(key, `长度不能超过${MAX_KEY_LENGTH}个字符`);
  if ([...key].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\\'))
    throw new InvalidFileKeyError(key, '不能包含控制字符或反斜杠');
  if (key.startsWith('/')) throw new InvalidFileKeyError(key, '不能以 / 开头');
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new InvalidFileKeyError(key, '不能包含空路径段、. 或 ..');
    }
  }
}
