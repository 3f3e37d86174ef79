import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openStore } from '../../src-main/store/db';
import { runMigrations } from '../../src-main/store/migrate';
import { PNG } from '../support/fake-cloud-api/library-rig';
import type { FakeCloudApi } from '../support/fake-cloud-api/server';
import {
  type HeraldProcess,
  pickTemplate,
  startHerald,
  fillWhatsAppSettings,
  startTestCloudApi,
} from './harness';

const TOKEN = 'wa-e2e-token';
const CONTACTS = [
  { first: 'Ann', phone: '+447911123401', code: 'ANN10' },
  { first: 'Bo', phone: '+447911123402', code: 'BO20' },
  { first: 'Cy', phone: '+447911123403', code: 'CY30' },
];

let fake: FakeCloudApi;
let herald: HeraldProcess;
let dir: string;

test.beforeAll(async () => {
  fake = await startTestCloudApi(TOKEN);
  dir = mkdtempSync(join(tmpdir(), 'herald-wa-e2e-'));
  writeFileSync(join(dir, 'welcome.png'), PNG);
  mkdirSync(join(dir, 'data'));
  seedContacts(join(dir, 'data'));
  herald = await startHerald({ dataDir: join(dir, 'data') });
});
test.afterAll(async () => {
  await herald?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The CSV's rows as an import leaves them: built-in fields plus the `discount` column as an
 * attribute. Seeded into the data folder before Herald starts so this test does not depend on the
 * import wizard (tests/e2e/main-job.spec.ts covers that).
 */
function seedContacts(dataDir: string) {
  const store = openStore(join(dataDir, 'herald.db'));
  try {
    runMigrations(store, 'migrations');
    const insert = store.sqlite.prepare(
      'INSERT INTO contacts (first_name, phone, attributes) VALUES (?, ?, ?)',
    );
    for (const c of CONTACTS) insert.run(c.first, c.phone, JSON.stringify({ discount: c.code }));
  } finally {
    store.close();
  }
}

test('a NAMED template with an image header, mapped to CSV columns, previewed and sent', async ({ page }) => {
  await page.goto(herald.url);
  await fillWhatsAppSettings(page, TOKEN, fake.url);
  await page.getByTestId('wa-test').click();
  await expect(page.getByTestId('wa-test-result')).toContainText('Herald Test');
  await expect(page.getByTestId('wa-health')).toHaveText('AVAILABLE');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByTestId('campaign-name').fill('Welcome discount');
  await page.getByTestId('step-next').click(); // audience → channels
  await page.getByTestId('channel-mode').getByText('WhatsApp', { exact: true }).click();
  await page.getByTestId('step-next').click(); // channels → content
  await pickTemplate(page, 'welcome_discount_template', 'en_US');

  // Header image from a file; body parameters from the contact field and the CSV column.
  await page.getByTestId('wa-media-source').getByText('File').click();
  await page
    .locator('[data-testid="wa-media-input"] input[type="file"]')
    .setInputFiles(join(dir, 'welcome.png'));
  await expect(page.getByTestId('wa-media-chosen')).toHaveText('welcome.png');
  await page.getByTestId('map-body.first_name').selectOption('first_name');
  await page.getByTestId('default-body.first_name').fill('there');
  await page.getByTestId('map-body.discount_code').selectOption('discount');
  await expect(page.getByTestId('param-body.discount_code')).toHaveValue('{{ discount }}');
  // The quick reply's payload is an optional row, left empty: nothing blocks, Meta returns the text.
  const payloadRow = page.getByLabel('Quick reply “Stop promotions” — payload (optional)', { exact: true });
  await expect(payloadRow).toHaveValue('');
  await expect(payloadRow).toHaveAttribute('data-testid', 'param-button.0.payload');

  // The chat bubble for a recipient, and for the next one.
  const bubble = page.getByTestId('wa-recipient-bubble');
  await expect(bubble).toContainText('Hi Ann, use ANN10 for 25% off.');
  // The library image itself is shown (a data URL from the main process), named by its file name.
  const headerImage = bubble.locator('img[data-testid="chat-media"]');
  await expect(headerImage).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(headerImage).toHaveAttribute('alt', 'welcome.png');
  // Decoded, so the CSP (img-src data:) lets it through: the 1×1 PNG has a natural width of 1.
  await expect
    .poll(() => headerImage.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
    .toBe(1);
  await page.getByTestId('wa-preview-next').click();
  await expect(bubble).toContainText('Hi Bo, use BO20 for 25% off.');
  await expect(headerImage).toHaveAttribute('src', /^data:image\/png;base64,/);
  await page.getByTestId('step-next').click(); // content → review
  await expect(page.getByTestId('preview-recipient').first()).toBeVisible();

  await page.getByTestId('step-next').click(); // review → send
  await page.getByTestId('create-and-send').click();
  await expect(page.getByTestId('campaign-status')).toContainText('completed', { timeout: 60_000 });

  // What the fake Cloud API received: one upload, its id in every header, the CSV values by name.
  expect(fake.uploads).toHaveLength(1);
  expect(fake.uploads[0]).toMatchObject({ mimeType: 'image/png', fileName: 'welcome.png' });
  expect(fake.received).toHaveLength(CONTACTS.length);
  for (const c of CONTACTS) {
    const m = fake.received.find((r) => r.to === c.phone);
    expect(m, c.phone).toBeDefined();
    expect(m).toMatchObject({ templateName: 'welcome_discount_template', language: 'en_US' });
    expect(m?.callbackData).toMatch(/^\d+$/);
    expect(m?.components).toEqual([
      { type: 'header', parameters: [{ type: 'image', image: { id: fake.uploads[0]?.id } }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', parameter_name: 'first_name', text: c.first },
          { type: 'text', parameter_name: 'discount_code', text: c.code },
        ],
      },
    ]);
  }
});
