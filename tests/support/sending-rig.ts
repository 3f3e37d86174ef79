import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HeraldApp, createApp } from '../../src-main/app';
import type { RemoteTemplate } from '../../src-main/channels/whatsapp/types';
import type {
  CampaignProgress,
  ChannelMode,
  RequestChannel,
  RequestInput,
  RequestOutput,
} from '../../src-main/contract';
import { MemoryCredentialStore } from '../../src-main/credentials/memory-store';
import type { SenderOptions } from '../../src-main/sending/senders';
import { openStore } from '../../src-main/store/db';
import { type FakeCloudApi, type FakeCloudApiOptions, startFakeCloudApi } from './fake-cloud-api/server';
import { DEFAULT_TEMPLATES } from './fake-cloud-api/templates';
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from './smtp-sink';

export const TOKEN = 'rig-token';
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';

/** A contact to seed; `null` leaves the field empty. */
export interface SeedContact {
  firstName?: string | null;
  email?: string | null;
  phone?: string | null;
  emailConsent?: 'granted' | 'denied' | null;
  whatsappConsent?: 'granted' | 'denied' | null;
}

/** `n` contacts with both channels: `user<i>@example.com` and `+44770<7 digits>`. */
export function manyContacts(n: number): SeedContact[] {
  return Array.from({ length: n }, (_, i) => ({
    firstName: `Name${i + 1}`,
    email: `user${i + 1}@example.com`,
    phone: `+44770${String(i + 1).padStart(7, '0')}`,
  }));
}

/** Inserts contacts straight into the database file (one transaction). */
export function seedContacts(dbFile: string, contacts: SeedContact[]): void {
  const store = openStore(dbFile);
  const insert = store.sqlite.prepare(
    'INSERT INTO contacts (first_name, email, phone, email_consent, whatsapp_consent, attributes) VALUES (?, ?, ?, ?, ?, ?)',
  );
  store.sqlite.transaction(() => {
    for (const c of contacts)
      insert.run(
        c.firstName ?? null,
        c.email ?? null,
        c.phone ?? null,
        c.emailConsent ?? null,
        c.whatsappConsent ?? null,
        '{}',
      );
  })();
  store.close();
}

/** Options of a rig. */
export interface RigOptions {
  contacts?: SeedContact[];
  fake?: Partial<FakeCloudApiOptions>;
  sink?: SmtpSinkOptions;
  senderOptions?: SenderOptions;
  /** SMTP settings over the rig's defaults (e.g. `dailyCap`, `ratePerSec`). */
  smtp?: { dailyCap?: number | null; ratePerSec?: number; poolSize?: number };
}

/**
 * A Herald app on a temporary data folder with the fake Cloud API and the SMTP sink configured,
 * contacts seeded and templates synced. Helpers wait for progress conditions (never for time).
 */
export class SendingRig {
  app!: HeraldApp;
  templateId = 0;
  /** Where WhatsApp settings point (a fault proxy in front of the fake, or the fake). */
  waBaseUrl: string;
  readonly dir = mkdtempSync(join(tmpdir(), 'herald-send-'));

  private constructor(
    readonly fake: FakeCloudApi,
    public sink: SmtpSink,
    private readonly opts: RigOptions,
    /** The fake's templates: change a status to see how sends react. */
    readonly templates: RemoteTemplate[],
  ) {
    this.waBaseUrl = fake.url;
  }

  static async start(opts: RigOptions = {}): Promise<SendingRig> {
    const templates = structuredClone(DEFAULT_TEMPLATES);
    const fake = await startFakeCloudApi({
      accessToken: TOKEN,
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      templates,
      throughputPerSec: 100_000,
      // No pair-rate limit unless a test asks for one (an option of newer fakes; ignored by older ones).
      ...({ pairRate: false } as Partial<FakeCloudApiOptions>),
      ...opts.fake,
    });
    const rig = new SendingRig(fake, await startSmtpSink(opts.sink), opts, templates);
    await rig.boot();
    seedContacts(join(rig.dir, 'herald.db'), opts.contacts ?? manyContacts(20));
    await rig.saveSettings(TOKEN);
    await rig.call('templates:sync', {});
    const t = (await rig.call('templates:list', {})).find(
      (x) => x.name === 'order_confirmation' && x.language === 'en_US',
    );
    if (!t) throw new Error('template order_confirmation not synced');
    rig.templateId = t.id;
    return rig;
  }

  /** (Re)creates the app on the rig's folder. */
  async boot(senderOptions?: SenderOptions): Promise<void> {
    this.app = await createApp({
      dataDir: this.dir,
      migrationsDir: 'migrations',
      credentials: this.credentials,
      mode: 'browser',
      version: 'test',
      senderOptions: senderOptions ??
        this.opts.senderOptions ?? { whatsappRatePerSec: Infinity, emailRatePerSec: Infinity },
      log: () => undefined,
    });
  }

  private readonly credentials = new MemoryCredentialStore();

  async saveSettings(token: string): Promise<void> {
    await this.call('settings:saveWhatsApp', {
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      graphVersion: 'v24.0',
      baseUrl: this.waBaseUrl,
      accessToken: token,
    });
    await this.call('settings:saveSmtp', {
      host: '127.0.0.1',
      port: this.sink.port,
      security: 'none',
      user: '',
      fromName: 'Herald Test',
      fromAddress: 'news@example.com',
      ...this.opts.smtp,
    });
  }

  async call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
    const r = await this.app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as RequestOutput<C>;
  }

  /** A draft for `mode` using the synced template and a personalised email. */
  draft(mode: ChannelMode, name = `Campaign ${mode}`) {
    return {
      name,
      channelMode: mode,
      audience: {},
      email: { subject: 'Hello {{ first_name | default: "there" }}', html: '<p>Dear {{ first_name }}.</p>' },
      whatsapp: {
        templateId: this.templateId,
        parameters: {
          'body.1': '{{ first_name | default: "there" }}',
          'body.2': 'SKB-1',
          'button.0.1': 'SB-1',
        },
      },
    };
  }

  /** Creates and starts a campaign; returns its id. */
  async launch(mode: ChannelMode): Promise<number> {
    const c = await this.call('campaigns:create', this.draft(mode));
    await this.call('campaigns:start', { campaignId: c.id });
    return c.id;
  }

  /**
   * Resolves with the first progress of `campaignId` that satisfies `pred` (current state included).
   * Rejects after `timeoutMs` so a broken engine fails the test instead of hanging it.
   */
  until(
    campaignId: number,
    pred: (p: CampaignProgress) => boolean,
    timeoutMs = 15_000,
  ): Promise<CampaignProgress> {
    return new Promise((resolve, reject) => {
      let last: CampaignProgress | null = null;
      const timer = setTimeout(() => {
        off();
        reject(
          new Error(
            `condition not met within ${timeoutMs} ms; last progress: ${JSON.stringify(last && { ...last, throughput: undefined })}`,
          ),
        );
      }, timeoutMs);
      const check = (p: CampaignProgress) => {
        last = p;
        if (p.campaignId !== campaignId || !pred(p)) return;
        clearTimeout(timer);
        off();
        resolve(p);
      };
      const off = this.app.events.subscribe((event, payload) => {
        if (event === 'campaign:progress') check(payload as CampaignProgress);
      });
      void this.call('campaigns:progress', { campaignId }).then(check, () => undefined);
    });
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.fake.close();
    await this.sink.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
