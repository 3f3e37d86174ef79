import { z } from 'zod';
import { Id } from './common';

/**
 * A campaign's WhatsApp message: an approved template and a Liquid template per placeholder.
 * The `header.media` placeholder (IMAGE/VIDEO/DOCUMENT headers) renders to an `https://` link (a
 * fixed link, or a per-contact column such as `{{ image_url }}`) or to `media:<id>`, a file of
 * Herald's media library (templates:uploadMedia), uploaded to Meta once per campaign run.
 */
export const WhatsAppContent = z.object({
  templateId: Id,
  /** Placeholder key (`body.1`, `header.1`, `body.first_name`, `button.0.1`, `header.media`) → Liquid. */
  parameters: z.record(z.string(), z.string().max(4096)),
  /**
   * Send each contact the APPROVED translation of the template in the contact's language
   * (contacts.language); contacts without one, or without a matching translation, get the chosen
   * template's language (the fallback).
   */
  languageFromContact: z.boolean().optional(),
});
export type WhatsAppContent = z.infer<typeof WhatsAppContent>;

/** Prefix of a header media value that names a file of the media library: `media:12`. */
export const MEDIA_REF_PREFIX = 'media:';

/** A file of the media library (header images, videos, documents kept in the data folder). */
export interface MediaFile {
  id: number;
  fileName: string;
  mimeType: string;
  kind: 'image' | 'video' | 'document';
  /** Size in bytes. */
  bytes: number;
  createdAt: number;
}

/** The header media of one rendered message: a link, or a library file (uploaded when sent). */
export type PreviewMedia =
  | { type: 'image' | 'video' | 'document'; source: 'link'; url: string; fileName: string | null }
  | { type: 'image' | 'video' | 'document'; source: 'file'; mediaId: number; fileName: string };

/** One recipient's WhatsApp message as it will be sent (chat-bubble preview). */
export interface WhatsAppPreview {
  contactId: number;
  name: string;
  /** E.164, or null when the contact has no phone (nothing is sent). */
  to: string | null;
  templateName: string;
  /** The language sent to this contact (per-contact choice or the fallback). */
  language: string;
  header: string | null;
  headerMedia: PreviewMedia | null;
  body: string;
  footer: string | null;
  buttons: string[];
  /** Why this recipient would not be sent (bad parameter value, missing media, …). */
  problems: string[];
}
