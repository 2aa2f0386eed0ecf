import { DatasetError } from '../errors';

/** A regular file inside a tar archive. */
export interface TarEntry {
  /** Full member path (ustar prefix + name). */
  name: string;
  /** The member's bytes (a view into the archive). */
  data: Uint8Array;
}

function field(block: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && block[end] !== 0) end++;
  return new TextDecoder().decode(block.subarray(start, end));
}

/**
 * Lists the regular files of an uncompressed (ustar/GNU) tar archive: 512-byte headers with the
 * name at 0, the octal size at 124 and the type flag at 156, each body padded to 512 bytes.
 * Checks each header's checksum and that bodies fit in the archive.
 *
 * @throws DatasetError naming `file` when a header is corrupt or the archive is truncated.
 */
export function readTar(archive: Uint8Array, file: string): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + 512 <= archive.length) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    const stored = Number.parseInt(field(header, 148, 8).trim(), 8);
    if (sum !== stored) {
      throw new DatasetError(
        `${file}: corrupt tar header at byte ${at}; delete the archive and download it again`,
        {
          file,
        },
      );
    }
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const start = at + 512;
    if (start + size > archive.length) {
      throw new DatasetError(
        `${file}: truncated tar archive (member ${name}); delete it and download it again`,
        {
          file,
        },
      );
    }
    if (type === '0') entries.push({ name, data: archive.subarray(start, start + size) });
    at = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}
