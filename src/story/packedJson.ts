// A large JSON block in a story's HTML file, deflated and written in base64: at 20,000 events the
// events' JSON is about 21 MB, too large to mail; deflated it is about a tenth of that. Base64 uses
// no character that could end a <script> block.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** The encoding named on the block (`data-encoding`), so that the viewer knows to inflate it. */
export const PACKED_JSON_ENCODING = 'deflate-base64';

/** Bytes to base64, a slice at a time (one call per byte would take seconds at megabytes). */
function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

export function packJson(json: string): string {
  return toBase64(deflateSync(strToU8(json), { level: 6 }));
}

/** The JSON text back; throws with a reason when the block was damaged. */
export function unpackJson(text: string): string {
  let binary: string;
  try {
    binary = atob(text.replace(/\s+/g, ''));
  } catch {
    throw new Error('it is not base64');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return strFromU8(inflateSync(bytes));
  } catch {
    throw new Error('it does not decompress');
  }
}
