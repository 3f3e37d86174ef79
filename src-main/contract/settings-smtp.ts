import { z } from 'zod';

/** SMTP connection security: implicit TLS (465), STARTTLS (587), or none (localhost only). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** SMTP settings as saved; `password` follows the secret rule of WhatsAppSettingsInput. */
export const SmtpSettingsInput = z.object({
  host: z.string().trim().max(255),
  port: z.number().int().min(1).max(65535),
  security: SmtpSecurity,
  user: z.string().max(320),
  password: z.string().max(1024).optional(),
  fromName: z.string().max(200),
  fromAddress: z
    .email({ error: 'Enter the address messages are sent from, such as news@example.com.' })
    .or(z.literal('')),
  /** Connections in the pool. */
  poolSize: z.number().int().min(1).max(20).default(3),
  /** Pacing, messages/s. */
  ratePerSec: z.number().positive().max(1000).default(5),
  /** The provider's cap of recipients per rolling 24 h (quota manager); null = no cap known. */
  dailyCap: z.number().int().positive().nullable().default(null),
});
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;
