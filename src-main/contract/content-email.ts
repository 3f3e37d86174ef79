import { z } from 'zod';

/**
 * A campaign's email: Liquid templates rendered per recipient (values HTML-escaped in the body).
 * Attachments are files on this computer: `attachments` for everyone (absolute paths), and with
 * `attachmentColumn` one more per contact, the file named in that contact attribute, looked up in
 * `attachmentFolder` (never outside it).
 */
export const EmailContent = z
  .object({
    subject: z.string().trim().min(1, 'Write a subject line.').max(998),
    html: z.string().min(1, 'Write the email body.').max(2_000_000),
    attachments: z.array(z.string().trim().min(1).max(4096)).max(20).default([]),
    attachmentFolder: z.string().trim().max(4096).default(''),
    attachmentColumn: z.string().trim().max(200).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.attachmentColumn !== '' && c.attachmentFolder === '')
      ctx.addIssue({
        code: 'custom',
        path: ['attachmentFolder'],
        message: 'Choose the folder that holds the files the column names.',
      });
  });
export type EmailContent = z.infer<typeof EmailContent>;
