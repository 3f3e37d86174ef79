import { z } from 'zod';

/** A campaign's email: Liquid templates rendered per recipient (values HTML-escaped in the body). */
export const EmailContent = z.object({
  subject: z.string().trim().min(1, 'Write a subject line.').max(998),
  html: z.string().min(1, 'Write the email body.').max(2_000_000),
});
export type EmailContent = z.infer<typeof EmailContent>;
