/**
 * `npm run fake:smtp`: a local SMTP server on 127.0.0.1 for trying Herald by hand. It accepts every
 * message (no authentication, no TLS) and prints a line per message received.
 * Port FAKE_SMTP_PORT (default 2525). Stops on SIGINT/SIGTERM.
 */
import { startSmtpSink } from './smtp-sink';

const port = Number(process.env.FAKE_SMTP_PORT ?? 2525);
const sink = await startSmtpSink({ port });
console.log(`Local SMTP sink listening on 127.0.0.1:${sink.port}

Paste into Herald → Settings → Email (SMTP):
  Host      127.0.0.1
  Port      ${sink.port}
  Security  None (this computer only)
  User      (leave empty)

Press Ctrl+C to stop.`);

let seen = 0;
const timer = setInterval(() => {
  for (; seen < sink.messages.length; seen++) {
    const m = sink.messages[seen]!;
    console.log(`#${seen + 1} to ${m.envelopeTo.join(', ')}: ${m.subject}`);
  }
}, 250);

const stop = () => {
  clearInterval(timer);
  void sink.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
