/**
 * Downloads: a document's bytes with the media type of `Content-Type` and the file name of
 * `Content-Disposition`.
 */

/**
 * A downloaded file.
 *
 * @example
 * const { blob, mediaType, fileName } = await portal.documents.download('DOC-000123');
 */
export interface DownloadedFile {
  /** The content, typed with the media type. */
  blob: Blob;
  /** The same content as bytes. */
  bytes: Uint8Array;
  /** The media type (`application/pdf`, `text/csv`, `image/png`, …), without parameters. */
  mediaType: string;
  /** The file name the portal suggests, when it gives one. */
  fileName: string | undefined;
  /** The size in bytes. */
  size: number;
}

/**
 * The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename=`).
 *
 * @example
 * fileNameFromContentDisposition('attachment; filename="claims-2026-09-01-2026-11-23.csv"'); // 'claims-2026-09-01-2026-11-23.csv'
 * fileNameFromContentDisposition("attachment; filename*=UTF-8''EOP%202026.pdf"); // 'EOP 2026.pdf'
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2] !== undefined) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed encoding: fall back to the plain parameter.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;]+)/i.exec(header);
  return bare?.[1]?.trim() || undefined;
}

/**
 * Builds a {@link DownloadedFile} from an answer and its body.
 *
 * @example
 * const file = toDownloadedFile(response, await response.arrayBuffer());
 */
export function toDownloadedFile(response: Response, body: ArrayBuffer): DownloadedFile {
  const mediaType =
    (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
  const bytes = new Uint8Array(body);
  return {
    blob: new Blob([bytes], { type: mediaType }),
    bytes,
    mediaType,
    fileName: fileNameFromContentDisposition(response.headers.get('content-disposition')),
    size: bytes.byteLength,
  };
}
