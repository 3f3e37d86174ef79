/**
 * `npm run bench:email`: 5,000 personalised messages to an smtp-server on 127.0.0.1, first through
 * Herald's email channel (Liquid render, composition with plain-text part, Message-ID and
 * List-Unsubscribe, pooled transport), then through a bare nodemailer pool with the same connection
 * count sending the same messages (subject, HTML and plain-text part, personalised by string
 * replacement), in the same run (alternating rounds). The server drains each
 * message without parsing, so the figures measure the clients. Messages/s over wall time.
 *
 * Last line: `email: <mps> msg/s through Herald, <mps> msg/s bare nodemailer, ratio <r>` (target ≥ 0.9).
 * Env: BENCH_EMAIL_COUNT (default 5000), BENCH_EMAIL_POOL (connections, default 4).
 */
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { openEmailSender } from '../../src-main/channels/email/sender';
import type { RenderContact } from '../../src-main/sending/render';
import { SMTP_DEFAULTS } from '../../src-main/settings/smtp';
import { contactVariables } from '../../src-main/templates';
import { prepareEmail, renderEmail } from '../../src-main/templates/email-render';

const COUNT = Number(process.env['BENCH_EMAIL_COUNT'] ?? 5000);
const POOL = Number(process.env['BENCH_EMAIL_POOL'] ?? 4);
const WARMUP = 200;

const SUBJECT = 'Spring news for {{ first_name | default: "you" }}';
const HTML = `<h1>Hello {{ first_name | default: "there" }},</h1>
<p>Our spring range is in the shop in {{ city | default: "town" }}. As a member since {{ since }} you get 10% off.</p>
<p>Questions? Reply to this email.</p>
<p style="font-size:12px;color:#666"><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`;

function contact(i: number): RenderContact {
  return {
    id: i + 1,
    firstName: `Zoë${i}`,
    lastName: 'Müller',
    email: `person${i}@example.com`,
    phone: null,
    attributes: { city: i % 2 ? 'Köln' : 'Leeds', since: String(2000 + (i % 25)) },
  };
}

/** Runs tasks `from`…`to`-1 with `parallel` in flight; returns the seconds it took. */
async function timed(
  from: number,
  to: number,
  parallel: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  let next = from;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < to) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const server = new SMTPServer({
  logger: false,
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => callback());
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.server.address() as AddressInfo).port;

const herald = openEmailSender({
  ...SMTP_DEFAULTS,
  host: '127.0.0.1',
  port,
  security: 'none',
  fromName: 'Bäckerei Müller',
  fromAddress: 'news@example.com',
  poolSize: POOL,
  password: null,
  oauth: null,
});
const prepared = prepareEmail({
  subject: SUBJECT,
  html: HTML,
  attachments: [],
  attachmentFolder: '',
  attachmentColumn: '',
});
const viaHerald = async (i: number) => {
  const c = contact(i);
  const email = renderEmail(prepared, contactVariables(c));
  const out = await herald.send(
    { id: i + 1, channel: 'email', address: c.email!, attempts: 1, contact: c },
    { email, whatsapp: null },
  );
  if (!out.ok) throw new Error(`Herald send ${i} failed: ${out.message}`);
};

// The bare pool sends the same message Herald does (same personalised subject, HTML and plain-text
// part, so the same MIME structure), personalised with string replacement instead of Liquid.
const bare = nodemailer.createTransport({
  pool: true,
  maxConnections: POOL,
  host: '127.0.0.1',
  port,
  secure: false,
  ignoreTLS: true,
});
const fill = (template: string, c: RenderContact) =>
  template
    .replace(/\{\{ first_name[^}]*\}\}/g, c.firstName!)
    .replace(/\{\{ city[^}]*\}\}/g, c.attributes['city']!)
    .replace('{{ since }}', c.attributes['since']!)
    .replace('{{ unsubscribe_url }}', 'mailto:news@example.com?subject=unsubscribe');
const TEXT = prepared.text?.source ?? '';
const viaBare = async (i: number) => {
  const c = contact(i);
  await bare.sendMail({
    from: { name: 'Bäckerei Müller', address: 'news@example.com' },
    to: { name: `${c.firstName} ${c.lastName}`, address: c.email! },
    subject: `Spring news for ${c.firstName}`,
    html: fill(HTML, c),
    text: fill(TEXT, c),
  });
};

// Warm both paths (JIT, pool connections), then alternate rounds so that load from other processes
// on this machine falls on both paths alike.
await timed(0, WARMUP, POOL, viaHerald);
await timed(0, WARMUP, POOL, viaBare);
const ROUNDS = 10;
const per = Math.ceil(COUNT / ROUNDS);
let heraldSeconds = 0;
let bareSeconds = 0;
for (let r = 0; r < ROUNDS; r++) {
  const from = r * per;
  const to = Math.min(COUNT, from + per);
  if (r % 2 === 0) {
    heraldSeconds += await timed(from, to, POOL, viaHerald);
    bareSeconds += await timed(from, to, POOL, viaBare);
  } else {
    bareSeconds += await timed(from, to, POOL, viaBare);
    heraldSeconds += await timed(from, to, POOL, viaHerald);
  }
}
const heraldMps = COUNT / heraldSeconds;
const bareMps = COUNT / bareSeconds;
herald.close();
bare.close();
await new Promise<void>((resolve) => server.close(() => resolve()));

console.log(`${COUNT} messages, ${POOL} connections, 127.0.0.1 smtp-server`);
console.log(
  `email: ${heraldMps.toFixed(0)} msg/s through Herald, ${bareMps.toFixed(0)} msg/s bare nodemailer, ratio ${(heraldMps / bareMps).toFixed(2)}`,
);
process.exit(0);
