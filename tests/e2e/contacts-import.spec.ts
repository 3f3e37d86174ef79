import { expect, test, type Page } from '@playwright/test';
import { type HeraldProcess, startHerald } from './harness';

let herald: HeraldProcess;
test.beforeAll(async () => {
  herald = await startHerald();
});
test.afterAll(async () => {
  await herald?.stop();
});

/** Preview → columns → check, leaving the wizard on the summary step. */
async function toSummary(page: Page, country?: string) {
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  if (country) {
    await page.getByTestId('import-country').click();
    await page.getByTestId('import-country').fill(country);
    await page.getByRole('option', { name: new RegExp(country) }).click();
  }
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-check')).toBeVisible();
}

test('an Outlook export in Windows-1252 imports with its accents intact', async ({ page }) => {
  await page.goto(herald.url);
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/outlook-export.csv');
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-encoding')).toHaveValue(/Windows-1252/);
  await expect(page.getByTestId('import-preview-table')).toContainText('Jörg');
  await expect(page.getByTestId('import-preview-table')).toContainText('Müller & Söhne GmbH');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('mapping-select-0')).toHaveValue('First name');
  await expect(page.getByTestId('mapping-select-2')).toHaveValue('Email');
  await expect(page.getByTestId('mapping-select-3')).toHaveValue(/^Phone/);
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-stat-valid-contacts')).toContainText('3');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('3 imported');
  const table = page.getByTestId('contacts-table');
  await expect(table).toContainText('Jörg Müller');
  await expect(table).toContainText('François Lefèvre');
  await expect(table).toContainText('+4915123456789');
});

test('a semicolon UTF-8-BOM German Excel file imports into a new list', async ({ page }) => {
  await page.goto(herald.url);
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/german-excel.csv');
  await expect(page.getByTestId('import-delimiter')).toHaveValue(/Semicolon/);
  await expect(page.getByTestId('import-encoding')).toHaveValue(/UTF-8/);
  await expect(page.getByTestId('import-preview-table')).toContainText('Jürgen');
  await expect(page.getByTestId('import-preview-table')).toContainText('Weiß; Partner');
  await toSummary(page, 'Germany');
  await expect(page.getByTestId('import-stat-invalid-emails')).toContainText('1');
  await expect(page.getByTestId('import-stat-valid-contacts')).toContainText('3');
  await page.getByTestId('import-list').fill('Messe 2025');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText(/\d+ imported/);
  await expect(page.getByTestId('import-issues')).toContainText('klaus@@example');

  await page.getByTestId('nav-lists').click();
  await expect(page.getByTestId('lists-table')).toContainText('Messe 2025');
  await page.getByRole('button', { name: 'Show contacts' }).click();
  await expect(page.getByTestId('contacts-total')).toContainText('3 matching');
  await expect(page.getByTestId('contacts-table')).toContainText('Jürgen Weiß');
});

test('a file that is not a spreadsheet is answered with a message', async ({ page }) => {
  await page.goto(herald.url);
  await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/not-a-csv.bin');
  await expect(page.getByTestId('import-error')).toContainText('PNG image, not a CSV');
});
