import { statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { AppError, type EmailContent } from '../contract';

/** One file attached to one recipient's email. `bytes`: its size on disk. */
export interface EmailAttachment {
  path: string;
  filename: string;
  bytes: number;
}

/**
 * Most a recipient's attachments may weigh together, in bytes. Providers cap the encoded message
 * (Gmail 25 MB, support.google.com/mail/answer/6584) and base64 adds a third (RFC 2045 §6.8).
 */
export const MAX_ATTACHMENT_BYTES = 18 * 1024 * 1024;

/** The attachment settings of a campaign, checked once by `prepareAttachments`. */
export interface PreparedAttachments {
  shared: string[];
  folder: string;
  column: string;
}

/** A regular file's size, or null when there is none at `path`. */
function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/**
 * Checks the campaign-wide files exist now (so a campaign missing one cannot start). Throws
 * AppError('invalid_input') naming the file.
 */
export function prepareAttachments(
  content: Pick<EmailContent, 'attachments' | 'attachmentFolder' | 'attachmentColumn'>,
): PreparedAttachments {
  for (const [i, path] of (content.attachments ?? []).entries()) {
    const where = `email.attachments.${i}`;
    if (!isAbsolute(path))
      throw new AppError('invalid_input', `${where}: give the full path of ${path}.`, [
        { path: where, message: 'Give the full path of the file.' },
      ]);
    if (fileSize(path) === null)
      throw new AppError('invalid_input', `${where}: the attachment ${path} was not found.`, [
        { path: where, message: `${basename(path)} was not found.` },
      ]);
  }
  const folder = content.attachmentFolder ?? '';
  if (folder !== '' && !isAbsolute(folder))
    throw new AppError('invalid_input', 'email.attachmentFolder: give the full path of the folder.', [
      { path: 'email.attachmentFolder', message: 'Give the full path of the folder.' },
    ]);
  return { shared: content.attachments ?? [], folder, column: content.attachmentColumn ?? '' };
}

/**
 * One recipient's attachments: the campaign-wide files, then the file named in the contact's
 * `column` attribute, looked up in the folder. The name must be a plain file name: a CSV cell
 * cannot reach outside the folder (`../`, absolute paths, separators are refused).
 * Every missing or refused file and an oversize total become `problems` (the row is not sent).
 */
export function resolveAttachments(
  p: PreparedAttachments,
  vars: Record<string, string>,
  problems: string[],
): EmailAttachment[] {
  const out: EmailAttachment[] = [];
  for (const path of p.shared) {
    const bytes = fileSize(path);
    if (bytes === null) problems.push(`The attachment ${path} was not found.`);
    else out.push({ path, filename: basename(path), bytes });
  }
  if (p.column !== '') {
    const name = (vars[p.column] ?? '').trim();
    if (name === '') problems.push(`No attachment: the column ${p.column} is empty for this contact.`);
    else if (/[/\\]/.test(name) || name === '.' || name === '..' || name.includes('\0'))
      problems.push(`The attachment name "${name}" (column ${p.column}) must be a file name, not a path.`);
    else {
      const path = join(p.folder, name);
      const bytes = fileSize(path);
      if (bytes === null)
        problems.push(`The attachment ${name} (column ${p.column}) was not found in ${p.folder}.`);
      else out.push({ path, filename: name, bytes });
    }
  }
  const total = out.reduce((n, a) => n + a.bytes, 0);
  if (total > MAX_ATTACHMENT_BYTES)
    problems.push(
      `The attachments weigh ${(total / 1048576).toFixed(1)} MB; most mail servers refuse more than ${MAX_ATTACHMENT_BYTES / 1048576} MB.`,
    );
  return out;
}
