import { readFile } from 'node:fs/promises';
import type { ResolvedMedia } from '../../templates/wa-render';
import type { CloudApiClient } from './client';
import { CloudApiError, classifyNetworkError } from './errors';
import { assessAccount } from './health';
import type { HeaderMedia } from './template-payload';
import type { ClassifiedError } from './types';

/**
 * What a campaign run does once before (and while) sending, each behind a single shared promise so
 * concurrent first sends wait for one request: the account pre-flight, and one upload per header file.
 */
export class SendPreparation {
  private preflight: Promise<ClassifiedError | null> | null = null;
  private readonly uploads = new Map<number, Promise<string | ClassifiedError>>();

  constructor(
    private readonly client: CloudApiClient,
    /** false: the same header file for every recipient, so a failed upload stops the campaign. */
    private readonly perContactMedia: boolean,
  ) {}

  /**
   * Reads the phone number and `health_status` once (whatsapp-cloud-api.md: "the right pre-flight
   * check before a campaign"). Resolves to a PAUSE classification when health is BLOCKED or the read
   * failed with a PAUSE-class error (token, permissions); otherwise null and sending goes ahead
   * (a network error here is left to the sends themselves).
   */
  checkAccount(): Promise<ClassifiedError | null> {
    this.preflight ??= this.client.getPhoneNumber().then(
      (info) => {
        const verdict = assessAccount(info);
        if (verdict.canSend) return null;
        return {
          action: 'PAUSE' as const,
          code: 0,
          metaMessage: `health_status.can_send_message = ${info.healthStatus?.canSendMessage ?? 'BLOCKED'}`,
          userMessage: `WhatsApp blocks sending from this number: ${verdict.problems.join(' ')}`,
        };
      },
      (e: unknown) => {
        if (e instanceof CloudApiError && e.classified.action === 'PAUSE') return e.classified;
        this.preflight = null; // try again with the next send
        return null;
      },
    );
    return this.preflight;
  }

  /**
   * The Cloud API header media for `media`: a link as is; a library file uploaded once per run
   * (`POST /{phone-number-id}/media`) and its id reused. A failed upload is RETRY (network/5xx: the
   * next send uploads again), else TEMPLATE when every recipient has this file, FAIL when it is per
   * contact (whatsapp-cloud-api.md, 131053).
   */
  async headerMedia(media: ResolvedMedia): Promise<HeaderMedia | ClassifiedError> {
    const filename = media.type === 'document' && media.fileName ? { filename: media.fileName } : {};
    if (media.source === 'link') return { type: media.type, link: media.url, ...filename };
    let upload = this.uploads.get(media.mediaId);
    if (!upload) {
      upload = this.upload(media);
      this.uploads.set(media.mediaId, upload);
    }
    const id = await upload;
    if (typeof id === 'string') return { type: media.type, id, ...filename };
    if (id.action === 'RETRY' && this.uploads.get(media.mediaId) === upload)
      this.uploads.delete(media.mediaId);
    return id;
  }

  private async upload(media: Extract<ResolvedMedia, { source: 'file' }>): Promise<string | ClassifiedError> {
    let data: Buffer;
    try {
      data = await readFile(media.path);
    } catch (e) {
      return {
        action: this.perContactMedia ? 'FAIL' : 'TEMPLATE',
        code: -3,
        metaMessage: e instanceof Error ? e.message : String(e),
        userMessage: `The header file ${media.fileName} cannot be read from the data folder: add it again.`,
      };
    }
    try {
      return (await this.client.uploadMedia(data, media.mimeType, media.fileName)).id;
    } catch (e) {
      if (!(e instanceof CloudApiError)) {
        return { ...classifyNetworkError(e, 0), hints: { retryScope: 'message' } };
      }
      const c = e.classified;
      if (c.action !== 'FAIL' && c.action !== 'TEMPLATE') return c;
      return {
        ...c,
        action: this.perContactMedia ? 'FAIL' : 'TEMPLATE',
        userMessage: `WhatsApp refused the header file ${media.fileName}: ${c.userMessage}`,
      };
    }
  }
}
