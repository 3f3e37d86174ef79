import { Group, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../src-main/contract';
import { api } from '../../../lib/api';

type Check = RequestOutput<'email:checkTemplate'>;

/** Subjects longer than this get cut off in most inbox lists (RFC 5322 §2.1.1 recommends 78 per line). */
const SUBJECT_SHOWN = 78;
/** Gmail shows "[Message clipped]" for HTML bodies above about 102 KB. */
const GMAIL_CLIP_BYTES = 102 * 1024;

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Live check of subject and body (email:checkTemplate, 300 ms after the last edit): Liquid syntax
 * errors with line and column, the subject's length and the body's size.
 */
export function EmailTemplateCheck({ subject, html }: { subject: string; html: string }) {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void api
        .invoke('email:checkTemplate', { subject, html })
        .then((r) => live && r.ok && setCheck(r.value));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [subject, html]);
  if (!check) return null;
  const warnings: string[] = [];
  if (check.subjectChars > SUBJECT_SHOWN)
    warnings.push(`Subjects over ${SUBJECT_SHOWN} characters are often cut off.`);
  if (check.htmlBytes > GMAIL_CLIP_BYTES)
    warnings.push('Gmail clips bodies above 102 KB: recipients must click to see the rest.');
  return (
    <div data-testid="email-check">
      {check.problems.length > 0 && (
        <List size="sm" c="red" spacing={2} mb={4} data-testid="email-template-errors">
          {check.problems.map((p) => (
            <List.Item key={`${p.field}:${p.line}:${p.column}`}>
              {p.field === 'subject' ? 'Subject' : 'Body'}: {p.message}
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="md">
        <Text
          size="xs"
          c={check.subjectChars > SUBJECT_SHOWN ? 'orange' : 'dimmed'}
          data-testid="email-subject-size"
        >
          Subject: {check.subjectChars} characters
        </Text>
        <Text
          size="xs"
          c={check.htmlBytes > GMAIL_CLIP_BYTES ? 'orange' : 'dimmed'}
          data-testid="email-body-size"
        >
          Body: {kb(check.htmlBytes)} of HTML
        </Text>
      </Group>
      {warnings.map((w) => (
        <Text key={w} size="xs" c="orange">
          {w}
        </Text>
      ))}
    </div>
  );
}
