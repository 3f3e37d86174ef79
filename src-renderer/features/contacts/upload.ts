import { type AppErrorShape, UPLOAD_CHUNK_BYTES } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** Thrown when an upload request fails (the main process's error) or is cancelled. */
export class UploadError extends Error {
  constructor(
    readonly error: AppErrorShape,
    readonly cancelled = false,
  ) {
    super(error.message);
  }
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file to the main process in base64 chunks of UPLOAD_CHUNK_BYTES (the sandboxed page cannot
 * pass a path): contacts:uploadBegin, contacts:uploadChunk in order, contacts:uploadEnd. Only one
 * chunk is in memory at a time. `onProgress` gets the bytes sent so far. Resolves with the upload id;
 * rejects with UploadError, or when `signal` aborts (the upload is then discarded).
 */
export async function uploadFile(
  file: File,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const begin = await api.invoke('contacts:uploadBegin', { fileName: file.name, size: file.size });
  if (!begin.ok) throw new UploadError(begin.error);
  const { uploadId } = begin.value;
  try {
    for (let index = 0, offset = 0; offset < file.size; index++, offset += UPLOAD_CHUNK_BYTES) {
      if (signal?.aborted)
        throw new UploadError({ code: 'internal', message: 'The upload was cancelled.' }, true);
      const data = await base64Of(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
      const r = await api.invoke('contacts:uploadChunk', { uploadId, index, data });
      if (!r.ok) throw new UploadError(r.error);
      onProgress(r.value.received);
    }
    const end = await api.invoke('contacts:uploadEnd', { uploadId });
    if (!end.ok) throw new UploadError(end.error);
    return uploadId;
  } catch (e) {
    void api.invoke('contacts:uploadDiscard', { uploadId });
    throw e;
  }
}
