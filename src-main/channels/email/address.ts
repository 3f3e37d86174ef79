import { domainToASCII } from 'node:url';

/**
 * Whether `address` can go into RCPT TO as it is: one `local@domain` mailbox (RFC 5321 §4.1.2),
 * at most 254 characters (RFC 5321 §4.5.3.1 path limit less the brackets), a local part of at most
 * 64, no spaces, controls, brackets, commas or quotes (which would let a CSV cell add recipients or
 * break the envelope), and a domain with at least two labels that converts to ASCII (IDNA).
 * Non-ASCII local parts are refused: they need SMTPUTF8 (RFC 6531), which Herald does not ask for.
 */
export function isSendableAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const ascii = domainToASCII(domain);
  if (ascii === '' || ascii.length > 253) return false;
  const labels = ascii.split('.');
  return (
    labels.length >= 2 &&
    labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1]!)
  );
}
