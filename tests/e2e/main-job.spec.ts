import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { FakeCloudApi } from '../support/fake-cloud-api/server';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import {
  type HeraldProcess,
  pickTemplate,
  startHerald,
  fillWhatsAppSettings,
  startTestCloudApi,
} from './harness';

const TOKEN = 'e2e-token';

let fake: FakeCloudApi;
let sink: SmtpSink;
let herald: HeraldProcess;

test.beforeAll(async () => {
  fake = await startTestCloudApi(TOKEN);
  sink = await startSmtpSink();
  herald = await startHerald();
});
test.afterAll(async () => {
  await herald?.stop();
  await fake?.close();
  await sink?.close();
});

/** Contacts of tests/fixtures/contacts.csv that have an email, and that have a phone (header skipped). */
function fixtureContacts() {
  const lines = readFileSync('tests/fixtures/contacts.csv', 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
  return lines.slice(1);
}

test('import → compose → send on both channels → every recipient final', async ({ page }) => {
  expect(fixtureContacts().length).toBeGreaterThan(0);
  await page.goto(herald.url);
  await expect(page).toHaveTitle(/Herald/);

  // Settings: WhatsApp credentials (token to the real keychain) and SMTP.
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
  await page.getByTestId('smtp-test').click();
  await expect(page.getByTestId('smtp-test-result')).toBeVisible();
  await page.keyboard.press('Escape');

  // Import the fixture contacts.
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/contacts.csv');
  await page.getByTestId('import-next').click(); // preview → columns
  await page.getByTestId('import-next').click(); // columns → check
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText(/\d+ imported/);
  const table = page.getByTestId('contacts-table');
  await expect(table.locator('tbody tr')).not.toHaveCount(0);

  // Compose a campaign on both channels.
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByTestId('campaign-name').fill('Spring launch');
  await page.getByTestId('step-next').click(); // audience → channels
  await page.getByTestId('channel-mode').getByText('Both', { exact: true }).click();
  await page.getByTestId('step-next').click(); // channels → content
  await page.getByTestId('email-subject').fill('Hello {{ first_name | default: "there" }}');
  await page.getByTestId('email-mode-html').click();
  await page.getByTestId('email-body').fill('<p>Dear {{ full_name }}, our spring range is here.</p>');
  await pickTemplate(page, 'order_confirmation', 'en_US');
  await page.getByTestId('param-body.1').fill('{{ first_name | default: "there" }}');
  await page.getByTestId('param-body.2').fill('SKB-1001');
  const button = page.getByTestId('param-button.0.1');
  if (await button.count()) await button.fill('SKB-1001');
  await page.getByTestId('step-next').click(); // content → review
  await expect(page.getByTestId('preview-recipient').first()).toBeVisible();

  await page.getByTestId('step-next').click(); // review → send
  await page.getByTestId('create-and-send').click();
  await expect(page.getByTestId('campaign-status')).toContainText('completed', { timeout: 60_000 });
  const done = await page.getByTestId('progress-done').innerText();
  const [finished, total] = done.split('/').map((s) => Number(s.replace(/\D/g, '')));
  expect(finished).toBe(total);

  // What the providers received.
  await expect.poll(() => sink.messages.length).toBeGreaterThan(0);
  for (const mail of sink.messages) {
    expect(mail.subject).toMatch(/^Hello \S+/);
    expect(mail.subject).not.toContain('{{');
    expect(mail.html).toContain('our spring range is here');
  }
  expect(fake.received.length).toBeGreaterThan(0);
  for (const m of fake.received) expect(m.templateName).toBe('order_confirmation');
  const rows = page.getByTestId('recipients-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(
    page.getByTestId('recipients-table').locator('tr[data-state="queued"], tr[data-state="sending"]'),
  ).toHaveCount(0);
  await page.screenshot({ path: 'resources/screenshot-campaign.png', fullPage: false });
});

test('bad input is answered, not crashed', async ({ page }) => {
  await page.goto(herald.url);
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/not-a-csv.bin');
  await expect(page.getByTestId('import-error')).toContainText(/CSV/);
});
