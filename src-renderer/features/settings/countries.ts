/** Common ISO 3166-1 alpha-2 codes offered first; any other saved code is still shown. */
const COMMON = [
  'AE',
  'AR',
  'AT',
  'AU',
  'BE',
  'BG',
  'BR',
  'CA',
  'CH',
  'CL',
  'CN',
  'CO',
  'CZ',
  'DE',
  'DK',
  'EG',
  'ES',
  'FI',
  'FR',
  'GB',
  'GH',
  'GR',
  'HK',
  'HR',
  'HU',
  'ID',
  'IE',
  'IL',
  'IN',
  'IT',
  'JP',
  'KE',
  'KR',
  'MA',
  'MX',
  'MY',
  'NG',
  'NL',
  'NO',
  'NZ',
  'PE',
  'PH',
  'PK',
  'PL',
  'PT',
  'RO',
  'RS',
  'SA',
  'SE',
  'SG',
  'SK',
  'TH',
  'TR',
  'TW',
  'UA',
  'US',
  'VN',
  'ZA',
];

/** Country name for a code in English (Intl.DisplayNames, CLDR data); the code itself if unknown. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for the country select, sorted by name, including `current` when it is not common. */
export function countryOptions(current: string): { value: string; label: string }[] {
  const codes = new Set(COMMON);
  if (/^[A-Z]{2}$/.test(current)) codes.add(current);
  return [...codes]
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
