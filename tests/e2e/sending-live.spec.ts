import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { FakeCloudApi } from '../support/fake-cloud-api/server';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import {
  type HeraldProcess,
  pickTemplate,
  startHerald,
  fillWhatsAppSettings,
  startTestCloudApi,
} from './harness';

const TOKEN = 'e2e-live-token';
const RECIPIENTS = 400;
let fake: FakeCloudApi;
let sink: SmtpSink;
let herald: HeraldProcess;

test.beforeAll(async () => {
  // 250 ms per answer at 16 in flight (and 80 msg/s pacing): several seconds of live sending to watch.
  fake = await startTestCloudApi(TOKEN, {
    latencyMs: 250,
    throughputPerSec: 100_000,
    account: { whatsapp_business_manager_messaging_limit: 'TIER_UNLIMITED' },
    ...({ pairRate: false } as object),
  });
  sink = await startSmtpSink();
  herald = await startHerald();
  const db = new Database(join(herald.dataDir, 'herald.db'));
  const ins = db.prepare("INSERT INTO contacts (first_name, phone, attributes) VALUES (?, ?, '{}')");
  db.transaction(() => {
    for (let i = 1; i <= RECIPIENTS; i++) ins.run(`Live${i}`, `+44770${String(i).padStart(7, '0')}`);
  })();
  db.close();
});
test.afterAll(async () => {
  await herald?.stop();
  await fake?.close();
  await sink?.close();
});

test('live progress: counts, chart, pause and resume, report and CSV export', async ({ page }) => {
  await page.goto(herald.url);
  await fillWhatsAppSettings(page, TOKEN, fake.url);
  await page.getByTestId('wa-save').click();
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByTestId('campaign-name').fill('Live');
  await page.getByTestId('step-next').click(); // audience → channels
  await page.getByTestId('channel-mode').getByText('WhatsApp', { exact: true }).click();
  await page.getByTestId('step-next').click(); // channels → content
  await pickTemplate(page, 'order_confirmation', 'en_US');
  await page.getByTestId('param-body.1').fill('{{ first_name }}');
  await page.getByTestId('param-body.2').fill('=1+1');
  const button = page.getByTestId('param-button.0.1');
  if (await button.count()) await button.fill('X');
  await page.getByTestId('step-tab-4').click(); // straight to send: it checks every recipient first
  await page.getByTestId('create-and-send').click();

  // Live: numbers move while sending; pause holds them; resume finishes.
  await expect(page.getByTestId('campaign-status')).toContainText('running');
  await expect(page.getByTestId('throughput-chart')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('campaign-pause').click();
  await expect(page.getByTestId('campaign-status')).toContainText('paused');
  const pausedAt = await page.getByTestId('progress-done').innerText();
  const received = fake.received.length;
  await expect(page.getByTestId('campaign-status-reason')).toContainText('Paused by you');
  expect(fake.received.length).toBe(received); // nothing goes out while paused
  expect(pausedAt).not.toBe(`${RECIPIENTS} / ${RECIPIENTS}`);
  await page.getByTestId('campaign-resume').click();
  await expect(page.getByTestId('campaign-status')).toContainText('completed', { timeout: 60_000 });
  await expect(page.getByTestId('progress-done')).toHaveText(`${RECIPIENTS} / ${RECIPIENTS}`);
  expect(new Set(fake.received.map((m) => m.to)).size).toBe(RECIPIENTS);

  await expect(
    page.getByTestId('recipients-table').locator('tbody tr[data-state="sent"]').first(),
  ).toBeVisible();
  await page.getByTestId('recipients-search').fill('Live7');
  await expect(page.getByTestId('recipients-table').locator('tbody tr').first()).toContainText('Live7');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
});
