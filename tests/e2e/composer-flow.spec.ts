import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { openStore } from '../../src-main/store/db';
import { runMigrations } from '../../src-main/store/migrate';
import type { FakeCloudApi } from '../support/fake-cloud-api/server';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import {
  type HeraldProcess,
  pickTemplate,
  startHerald,
  fillWhatsAppSettings,
  startTestCloudApi,
} from './harness';

const TOKEN = 'composer-e2e-token';
/** Ann and Bo get WhatsApp; the nameless contact breaks `{{ first_name }}`; Dee has no phone: email. */
const CONTACTS = [
  { first: 'Ann', email: 'ann@example.com', phone: '+447911123401' },
  { first: 'Bo', email: 'bo@example.com', phone: '+447911123402' },
  { first: null, email: 'nameless@example.com', phone: '+447911123403' },
  { first: 'Dee', email: 'dee@example.com', phone: null },
];
const MY_PHONE = '+447911123499';

let fake: FakeCloudApi;
let sink: SmtpSink;
let herald: HeraldProcess;
let dir: string;

test.beforeAll(async () => {
  fake = await startTestCloudApi(TOKEN);
  sink = await startSmtpSink();
  dir = mkdtempSync(join(tmpdir(), 'herald-composer-e2e-'));
  mkdirSync(join(dir, 'data'));
  const store = openStore(join(dir, 'data', 'herald.db'));
  try {
    runMigrations(store, 'migrations');
    const insert = store.sqlite.prepare(
      `INSERT INTO contacts (first_name, email, phone, email_consent, whatsapp_consent, attributes)
       VALUES (?, ?, ?, 'granted', 'granted', '{}')`,
    );
    for (const c of CONTACTS) insert.run(c.first, c.email, c.phone);
  } finally {
    store.close();
  }
  herald = await startHerald({ dataDir: join(dir, 'data') });
});
test.afterAll(async () => {
  await herald?.stop();
  await fake?.close();
  await sink?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Step keys work outside text fields (inside, Alt+arrows move by word): leave the field first. */
async function blur(page: Page) {
  // A string: this file is type-checked without the DOM library.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

async function configure(page: Page) {
  await fillWhatsAppSettings(page, TOKEN, fake.url);
  await page.getByTestId('wa-save').click();
  await page.getByTestId('wa-test').click();
  await expect(page.getByTestId('wa-test-result')).toContainText('Herald Test');
  await page.getByRole('tab', { name: /Email/ }).click();
  await page.getByTestId('smtp-host').fill('127.0.0.1');
  await page.getByTestId('smtp-port').fill(String(sink.port));
  await page.getByText('None (this computer only)').click();
  await page.getByTestId('smtp-from-name').fill('Herald Test');
  await page.getByTestId('smtp-from-address').fill('news@example.com');
  await page.getByTestId('smtp-save').click();
  await expect(page.getByText('Email settings saved')).toBeVisible();
  await page.keyboard.press('Escape');
}

test('WhatsApp first with email fallback: lint finds a blocking problem, fixed, test-sent, sent', async ({
  page,
}) => {
  await page.goto(herald.url);
  await configure(page);

  // 1. Audience: everyone, with the live count.
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByLabel('Campaign name').fill('Fallback launch');
  await expect(page.getByTestId('audience-count')).toHaveText(String(CONTACTS.length));
  await page.getByLabel('WhatsApp number', { exact: true }).selectOption('yes');
  await expect(page.getByTestId('audience-count')).toHaveText('3');
  await page.getByLabel('WhatsApp number', { exact: true }).selectOption('');
  await expect(page.getByTestId('audience-count')).toHaveText(String(CONTACTS.length));

  // 2. Channels: Alt+→ outside text fields; WhatsApp first, email as fallback; who each channel reaches.
  await blur(page);
  await page.keyboard.press('Alt+ArrowRight');
  await page.getByTestId('channel-mode').getByText('WhatsApp, then email', { exact: true }).click();
  await expect(page.getByTestId('channel-mode-help')).toContainText('WhatsApp first');
  await expect(page.getByTestId('qualify-whatsapp-count')).toHaveText('3');

  // 3. Content: a WhatsApp parameter and an email body that read first_name with no default.
  await page.getByTestId('step-next').click();
  await pickTemplate(page, 'order_confirmation', 'en_US');
  await page.getByTestId('param-body.1').fill('{{ first_name }}');
  await page.getByTestId('param-body.2').fill('SKB-1001');
  const button = page.getByTestId('param-button.0.1');
  if (await button.count()) await button.fill('SKB-1001');
  await page.getByTestId('email-subject').fill('Hello {{ first_name | default: "there" }}');
  await page.getByTestId('email-mode-html').click();
  await page.getByTestId('email-body').fill('<p>Dear {{ first_name }}, our range is here.</p>');
  // Inside a text field Alt+→ is the editor's (a word to the right), not a step change.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('email-body')).toBeVisible();

  // 4. Review: real recipients one at a time; the lint blocks on the nameless contact.
  await page.getByTestId('step-next').click();
  await expect(page.getByTestId('review-position')).toHaveText(`1 of ${CONTACTS.length}`);
  await expect(page.getByTestId('preview-whatsapp')).toContainText('Ann');
  await page.getByTestId('preview-recipient-name').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('review-position')).toHaveText(`2 of ${CONTACTS.length}`);
  await expect(page.getByTestId('preview-whatsapp')).toContainText('Bo');
  await page.getByTestId('review-search').fill('Dee');
  await expect(page.getByTestId('review-position')).toHaveText('1 of 1');
  await expect(page.getByTestId('preview-email-to')).toContainText('dee@example.com');
  await page.getByTestId('review-search').fill('');

  const blocking = page.getByTestId('lint-group-blocking');
  await expect(blocking).toBeVisible({ timeout: 20_000 });
  await blocking.getByTestId('lint-show').first().click();
  await expect(page.getByTestId('review-filter')).toBeVisible();
  await expect(page.getByTestId('review-position')).toHaveText('1 of 1');
  await expect(page.getByTestId('preview-whatsapp-to')).toContainText('+447911123403');

  await page.getByTestId('step-next').click();
  await expect(page.getByTestId('create-and-send')).toBeDisabled();
  await expect(page.getByTestId('draft-problems')).toContainText('blocking problem');

  // Excluding the affected recipient clears the block (and shows in the audience); include them again.
  await page.getByTestId('step-tab-3').click();
  await page.getByTestId('lint-group-blocking').getByTestId('lint-exclude').first().click();
  await expect(page.getByTestId('lint-summary')).toContainText('3 recipients checked', { timeout: 20_000 });
  await expect(page.getByTestId('lint-group-blocking')).toHaveCount(0);
  await page.getByTestId('step-tab-0').click();
  await expect(page.getByTestId('excluded-recipients')).toContainText('1 recipient left out');
  await expect(page.getByTestId('audience-count')).toHaveText('3');
  await page.getByRole('button', { name: 'Include them again' }).click();
  await expect(page.getByTestId('audience-count')).toHaveText(String(CONTACTS.length));

  // Fix: defaults for first_name in the WhatsApp parameter and the email body.
  await page.getByTestId('step-tab-2').click();
  await page.getByTestId('default-body.1').fill('there');
  await expect(page.getByTestId('param-body.1')).toHaveValue('{{ first_name | default: "there" }}');
  await page
    .getByTestId('email-body')
    .fill('<p>Dear {{ first_name | default: "friend" }}, our range is here.</p>');
  await blur(page);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('lint-summary')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('lint-group-blocking')).toHaveCount(0);
  await expect(page.getByTestId('lint-running')).toHaveCount(0);

  // Test send the shown recipient to me on both channels.
  await page.getByTestId('test-email-to').fill('me@example.com');
  await page.getByTestId('test-email-send').click();
  await expect(page.getByTestId('test-email-result')).toContainText('Sent');
  await expect.poll(() => sink.messages.length).toBe(1);
  expect(sink.messages[0]!.to).toContain('me@example.com');
  await page.getByTestId('test-whatsapp-to').fill(MY_PHONE);
  await page.getByTestId('test-whatsapp-send').click();
  await expect(page.getByTestId('test-whatsapp-result')).toContainText('Sent');
  expect(fake.received.filter((m) => m.to === MY_PHONE)).toHaveLength(1);

  // The plan: per channel recipients and the fallback emails.
  await expect(page.getByTestId('plan-whatsapp-recipients')).toHaveText('3');
  await expect(page.getByTestId('plan-fallback')).toBeVisible();

  // 5. Send now, and watch it complete.
  await blur(page);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('create-and-send')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('create-and-send').click();
  await expect(page.getByTestId('campaign-status')).toContainText('completed', { timeout: 60_000 });

  const campaign = fake.received.filter((m) => m.to !== MY_PHONE);
  expect(campaign.map((m) => m.to).sort()).toEqual(['+447911123401', '+447911123402', '+447911123403']);
  const nameless = campaign.find((m) => m.to === '+447911123403');
  expect(JSON.stringify(nameless?.components)).toContain('"text":"there"');
  await expect.poll(() => sink.messages.some((m) => m.to.includes('dee@example.com'))).toBe(true);
});

test('a contact added after the check is checked too when Send is pressed', async ({ page }) => {
  const db = () => openStore(join(dir, 'data', 'herald.db'));
  const before = db();
  try {
    before.sqlite.prepare(`UPDATE contacts SET attributes = '{"code":"A1"}'`).run();
  } finally {
    before.close();
  }
  await page.goto(herald.url);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByLabel('Campaign name').fill('Codes');
  await page.getByTestId('step-tab-2').click();
  await page.getByTestId('email-subject').fill('Your code');
  await page.getByTestId('email-mode-html').click();
  await page.getByTestId('email-body').fill('<p>Code {{ code }}</p>');
  await page.getByTestId('step-tab-4').click();
  await expect(page.getByTestId('create-and-send')).toBeEnabled({ timeout: 20_000 });

  // An import or an edit elsewhere adds a contact without a code after the check passed.
  const later = db();
  try {
    later.sqlite
      .prepare(
        `INSERT INTO contacts (first_name, email, attributes) VALUES ('Late', 'late@example.com', '{}')`,
      )
      .run();
  } finally {
    later.close();
  }
  const campaigns = sink.messages.length;
  await page.getByTestId('create-and-send').click();
  await expect(page.getByTestId('create-error')).toContainText('blocking problem found just now');
  await expect(page.getByTestId('create-and-send')).toBeDisabled();
  expect(sink.messages.length).toBe(campaigns);
});
