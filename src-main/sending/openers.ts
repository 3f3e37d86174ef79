import type { AccessToken, OAuthTokens } from '../channels/email/oauth-tokens';
import { openEmailSender } from '../channels/email/sender';
import { openWhatsAppSender } from '../channels/whatsapp/sender';
import type { Channel } from '../contract';
import { dryRunSenders } from './dry-run';
import { tcpProbe, urlEndpoint } from './probe';
import type { RunConfig } from './protocol';
import type { PreparedCampaign } from './render';
import type { RunChannel } from './run';

/** The channels of one run and how to close them. */
export interface OpenedRunChannels {
  channels: Partial<Record<Channel, RunChannel>>;
  close(): void;
}

/**
 * Opens the providers a run needs, in the send worker, from the resolved RunConfig: the pooled SMTP
 * transport and the Cloud API client, or for a dry run senders that build every message and send none.
 * `accessToken` supplies email access tokens for modern sign-in (from the main thread).
 */
export function openRunChannels(
  config: RunConfig,
  prepared: PreparedCampaign,
  accessToken: (renew: boolean) => Promise<AccessToken>,
): OpenedRunChannels {
  const channels: Partial<Record<Channel, RunChannel>> = {};
  const closers: (() => void)[] = [];
  const { email, whatsapp } = config;
  if (config.dryRun) {
    const dry = dryRunSenders(
      prepared,
      email ? { name: email.smtp.fromName, address: email.smtp.fromAddress } : null,
    );
    if (email)
      channels.email = { send: dry.email, ratePerSec: Infinity, concurrency: 4, label: 'Email (dry run)' };
    if (whatsapp && prepared.whatsapp)
      channels.whatsapp = {
        send: dry.whatsapp,
        ratePerSec: Infinity,
        concurrency: 4,
        label: 'WhatsApp (dry run)',
      };
    return { channels, close: () => undefined };
  }
  try {
    if (email) {
      // Only `accessToken` of OAuthTokens is used by the sender; here it asks the main thread.
      const tokens = { accessToken } as unknown as OAuthTokens;
      const smtp = { ...email.smtp, oauth: email.oauthClient ? { client: email.oauthClient, tokens } : null };
      const o = openEmailSender(smtp, {
        allowSelfSigned: email.allowSelfSigned,
        ratePerSec: email.ratePerSec,
      });
      closers.push(() => o.close());
      const { host, port } = email.smtp;
      channels.email = {
        send: o.send,
        ratePerSec: email.ratePerSec,
        concurrency: o.concurrency,
        probe: () => tcpProbe(host, port),
        label: `The SMTP server ${host}:${port}`,
      };
    }
    if (whatsapp && prepared.whatsapp) {
      const o = openWhatsAppSender(whatsapp.config, prepared.whatsapp, {
        ratePerSec: whatsapp.ratePerSec,
        concurrency: whatsapp.concurrency,
      });
      closers.push(() => o.close());
      const { host, port } = urlEndpoint(whatsapp.config.baseUrl);
      channels.whatsapp = {
        send: o.send,
        ratePerSec: whatsapp.ratePerSec,
        concurrency: o.concurrency,
        probe: () => tcpProbe(host, port),
        label: `The WhatsApp Cloud API (${host})`,
      };
    }
  } catch (e) {
    closers.forEach((c) => c());
    throw e;
  }
  return { channels, close: () => closers.forEach((c) => c()) };
}
