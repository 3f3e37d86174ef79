import type { ReactNode } from 'react';

interface Props {
  header: string | null;
  body: string;
  footer: string | null;
  buttons: string[];
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

/** A WhatsApp-style message bubble: bold header, body, grey footer, and reply buttons below. */
export function ChatBubble({ header, body, footer, buttons, markPlaceholders = false, ...rest }: Props) {
  return (
    <div className="chat-surface" data-testid={rest['data-testid']}>
      <div className="chat-bubble">
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
