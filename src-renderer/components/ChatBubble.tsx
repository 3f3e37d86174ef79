import type { CSSProperties, ReactNode } from 'react';
import type { PreviewMedia, WhatsAppPreview, WhatsAppTemplate } from '../../src-main/contract';
import { IconFile, IconPhoto, IconPlay } from './icons';
import { useMediaThumbnail } from './useMediaThumbnail';

interface Props {
  header: string | null;
  body: string;
  footer: string | null;
  buttons: string[];
  /** Header media of a rendered message; `mediaKind` alone marks a template's media header. */
  media?: PreviewMedia | null;
  mediaKind?: 'image' | 'video' | 'document' | null;
  /** Mark `{{1}}` / `{{name}}` placeholders (template view); off for rendered messages. */
  markPlaceholders?: boolean;
  'data-testid'?: string;
}

function withPlaceholders(text: string, mark: boolean): ReactNode {
  if (!mark) return text;
  return text.split(/(\{\{\s*[\w.]+\s*\}\})/g).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="chat-placeholder">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

const MEDIA_STYLE: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 4,
  minHeight: 96,
  marginBottom: 6,
  padding: 8,
  borderRadius: 6,
  background: 'rgba(0, 0, 0, 0.08)',
  textAlign: 'center',
};

const IMAGE_STYLE: CSSProperties = {
  display: 'block',
  // Edge to edge inside the bubble's 3px frame, as WhatsApp shows a header image.
  width: 'calc(100% + 12px)',
  maxHeight: 240,
  margin: '-3px -6px 6px',
  objectFit: 'cover',
  borderRadius: '6px 6px 0 0',
};

const KIND_LABEL = { image: 'Image', video: 'Video', document: 'Document' } as const;
const KIND_ICON = { image: IconPhoto, video: IconPlay, document: IconFile } as const;

/**
 * The media header. A library image (JPEG/PNG up to 1 MiB) is shown as the picture itself, fetched
 * as a data URL from the main process; anything else is a labelled box (kind icon, file name or link
 * host). Remote links are not fetched: a preview must not contact third-party servers.
 */
function MediaHeader({ media, kind }: { media: PreviewMedia | null; kind: 'image' | 'video' | 'document' }) {
  const libraryImage = media?.source === 'file' && media.type === 'image' ? media.mediaId : null;
  const dataUrl = useMediaThumbnail(libraryImage);
  if (dataUrl && media) {
    const name = media.fileName ?? '';
    return (
      <img
        src={dataUrl}
        alt={name}
        title={name}
        style={IMAGE_STYLE}
        data-testid="chat-media"
        data-kind={kind}
      />
    );
  }
  const label = media
    ? media.source === 'file'
      ? media.fileName
      : `${media.fileName ?? 'file'} · ${hostOf(media.url)}`
    : 'Chosen when sending';
  const Icon = KIND_ICON[kind];
  return (
    <div style={MEDIA_STYLE} data-testid="chat-media" data-kind={kind}>
      <Icon size={28} />
      <strong>{KIND_LABEL[kind]}</strong>
      <span style={{ fontSize: 12, wordBreak: 'break-all' }}>{label}</span>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A WhatsApp-style message bubble: media or bold header, body, grey footer, and reply buttons below. */
export function ChatBubble({
  header,
  body,
  footer,
  buttons,
  media = null,
  mediaKind = null,
  markPlaceholders = false,
  ...rest
}: Props) {
  const kind = media?.type ?? mediaKind;
  return (
    <div className="chat-surface" data-testid={rest['data-testid']}>
      <div className="chat-bubble">
        {kind && <MediaHeader media={media} kind={kind} />}
        {header && <div className="chat-header">{withPlaceholders(header, markPlaceholders)}</div>}
        <div className="chat-body">{withPlaceholders(body, markPlaceholders)}</div>
        {footer && <div className="chat-footer">{footer}</div>}
      </div>
      {buttons.length > 0 && (
        <div className="chat-buttons">
          {buttons.map((b, i) => (
            <div key={i}>{b}</div>
          ))}
        </div>
      )}
    </div>
  );
}

/** One recipient's rendered WhatsApp message (values filled in, header media resolved). */
export function PreviewBubble({
  preview,
  ...rest
}: {
  preview: Pick<WhatsAppPreview, 'header' | 'headerMedia' | 'body' | 'footer' | 'buttons'>;
  'data-testid'?: string;
}) {
  return (
    <ChatBubble
      header={preview.header}
      body={preview.body}
      footer={preview.footer}
      buttons={preview.buttons}
      media={preview.headerMedia}
      {...rest}
    />
  );
}

/** A template as Meta stores it (placeholders marked, not filled), e.g. in the template library. */
export function TemplateBubble({
  template,
  ...rest
}: {
  template: WhatsAppTemplate;
  'data-testid'?: string;
}) {
  return (
    <ChatBubble
      header={template.header}
      body={template.body}
      footer={template.footer}
      buttons={template.buttons.map((b) => b.text)}
      mediaKind={template.placeholders.find((p) => p.media)?.media ?? null}
      markPlaceholders
      {...rest}
    />
  );
}
