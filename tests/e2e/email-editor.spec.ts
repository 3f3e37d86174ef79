import { expect, test } from '@playwright/test';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { type HeraldProcess, startHerald } from './harness';

let sink: SmtpSink;
let herald: HeraldProcess;

test.beforeAll(async () => {
  sink = await startSmtpSink();
  herald = await startHerald();
});
test.afterAll(async () => {
  await herald?.stop();
  await sink?.close();
});

test('provider presets fill the server and limits; Microsoft 365 offers modern sign-in', async ({ page }) => {
  await page.goto(herald.url);
  await page.getByTestId('open-settings').click();
  await page.getByRole('tab', { name: /Email/ }).click();
  await page.getByTestId('smtp-provider').click();
  await page.getByRole('option', { name: 'Microsoft 365 (work or school)' }).click();
  await expect(page.getByTestId('smtp-host')).toHaveValue('smtp.office365.com');
  await expect(page.getByTestId('smtp-port')).toHaveValue('587');
  await expect(page.getByTestId('smtp-daily-cap')).toHaveValue('10000');
  await expect(page.getByTestId('smtp-provider-note')).toContainText('end of 2026');
  await expect(page.getByTestId('smtp-oauth-sign-in')).toHaveText('Sign in with Microsoft');
  // Without a client ID the sign-in says what to enter.
  await page.getByTestId('smtp-from-address').fill('office@contoso.example');
  await page.getByTestId('smtp-oauth-sign-in').click();
  await expect(page.getByText('Sign-in failed')).toBeVisible();
  await expect(
    page.getByText(/client ID of your organisation's Microsoft Entra app registration/),
  ).toBeVisible();
});

test('rich text body with variables, Liquid errors with line and column, and a test email', async ({
  page,
}) => {
  await page.goto(herald.url);
  await page.getByTestId('open-settings').click();
  await page.getByRole('tab', { name: /Email/ }).click();
  await page.getByTestId('smtp-provider').click();
  await page.getByRole('option', { name: 'Other SMTP server' }).click();
  await page.getByTestId('smtp-host').fill('127.0.0.1');
  await page.getByTestId('smtp-port').fill(String(sink.port));
  await page.getByText('None (this computer only)').click();
  await page.getByTestId('smtp-from-address').fill('me@example.com');
  await page.getByTestId('smtp-unsubscribe-url').fill('https://example.org/u?e={{ email }}');
  await page.getByTestId('smtp-save').click();
  await expect(page.getByText('Email settings saved')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByTestId('step-tab-2').click(); // the Content step
  await page.getByTestId('email-subject').fill('Hello {{ first_name }');
  await expect(page.getByTestId('email-template-errors')).toContainText('Subject: Line 1, column 7');
  await page.getByTestId('email-subject').fill('Hello {{ first_name }}');
  await expect(page.getByTestId('email-template-errors')).toHaveCount(0);
  await expect(page.getByTestId('email-subject-size')).toHaveText('Subject: 22 characters');

  const body = page.getByTestId('email-body-rich').locator('[contenteditable="true"]');
  await body.click();
  await page.keyboard.type('Dear ');
  await page.getByTestId('variable-default').fill('friend');
  await page.getByTestId('variable-first_name').click();
  await page.keyboard.type(', spring is here.');
  await page.getByTestId('email-add-unsubscribe').click();
  await page.getByTestId('email-mode-html').click();
  await expect(page.getByTestId('email-body')).toHaveValue(
    /<p>Dear \{\{ first_name \| default: "friend" \}\}, spring is here\.<\/p>.*href="\{\{ unsubscribe_url \}\}"/s,
  );
  await expect(page.getByTestId('email-body-size')).toContainText('bytes of HTML');

  await page.getByRole('button', { name: 'Send a test email' }).click();
  await page.getByTestId('email-test-send').click();
  await expect(page.getByTestId('email-test-result')).toContainText(
    'Sent “[Test] Hello Alex” to me@example.com',
  );
  await expect.poll(() => sink.messages.length).toBe(1);
  const mail = sink.messages[0]!;
  expect(mail.subject).toBe('[Test] Hello Alex');
  expect(mail.html).toContain('Dear Alex, spring is here.');
  expect(mail.html).toContain('href="https://example.org/u?e=me%40example.com"');
});
