import { z } from 'zod';
import { Audience } from './api-campaigns';
import { Empty, Id } from './common';
import { type MediaFile, WhatsAppContent, type WhatsAppPreview } from './content-whatsapp';
import type { WhatsAppTemplate } from './domain';

/** Largest header file (Meta's document limit, 100 MB) as base64 characters. */
const MAX_MEDIA_BASE64 = Math.ceil((100 * 1024 * 1024 * 4) / 3) + 4;

/**
 * Largest library image (bytes, 1 MiB) that templates:mediaThumbnail returns as a data URL: previews
 * travel over IPC/WebSocket once per file, so bigger images (WhatsApp takes up to 5 MB) keep the box.
 */
export const MEDIA_THUMBNAIL_MAX_BYTES = 1024 * 1024;

/** templates:* request schemas (WhatsApp message templates, their header media and previews). */
export const templatesRequests = {
  'templates:sync': Empty,
  'templates:list': Empty,
  /**
   * Adds a header file to the media library (stored in the data folder). The type and size are
   * checked against WhatsApp's limits (image JPEG/PNG ≤ 5 MB, video MP4/3GPP ≤ 16 MB, document ≤ 100 MB).
   */
  'templates:uploadMedia': z.object({
    fileName: z.string().trim().min(1).max(255),
    mimeType: z.string().max(200),
    /** The file's bytes, base64. */
    base64: z.string().min(1).max(MAX_MEDIA_BASE64),
  }),
  'templates:listMedia': Empty,
  /**
   * A library image as a `data:image/jpeg|png;base64,…` URL for the chat-bubble preview, or null
   * when the file is not a JPEG/PNG by its magic bytes, is over MEDIA_THUMBNAIL_MAX_BYTES, or is
   * gone from disk. Unknown id → `not_found`.
   */
  'templates:mediaThumbnail': z.object({ mediaId: Id }),
  /** The WhatsApp message of one recipient (the `offset`-th contact of the audience) as a chat bubble. */
  'templates:preview': z.object({
    content: WhatsAppContent,
    /** The campaign's audience; every contact when absent. */
    audience: Audience.optional(),
    offset: z.number().int().min(0).default(0),
  }),
} as const;

/** Outputs of {@link templatesRequests}. */
export interface TemplatesOutputs {
  'templates:sync': { synced: number; approved: number };
  'templates:list': WhatsAppTemplate[];
  'templates:uploadMedia': MediaFile;
  'templates:listMedia': MediaFile[];
  'templates:mediaThumbnail': { dataUrl: string | null };
  /** `recipient` is null when the audience is empty or `offset` is past its end. */
  'templates:preview': { total: number; recipient: WhatsAppPreview | null };
}
