import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ContactFilter } from '../../../src-main/contract';
import { IconSearch } from '../../components/icons';
import { api } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { useAudience } from './audienceStore';
import { downloadText } from '../../lib/download';
import { useGroups } from './useGroups';

const CONSENT = [
  { value: 'granted', label: 'yes' },
  { value: 'denied', label: 'no' },
  { value: 'unknown', label: 'not recorded' },
];
const YES_NO = [
  { value: 'yes', label: 'yes' },
  { value: 'no', label: 'no' },
];
const bool = (v: string | null) => (v === null ? undefined : v === 'yes');
const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no');

/** Exports every contact matching `filter` as one CSV download, page by page. */
async function exportCsv(filter: ContactFilter): Promise<void> {
  const parts: string[] = [];
  let afterId: number | undefined;
  let columns: string[] | undefined;
  let rows = 0;
  for (;;) {
    const r = await api.invoke('contacts:export', {
      filter,
      limit: 5000,
      ...(afterId ? { afterId, columns } : {}),
    });
    if (!r.ok) return notifyError('Export failed', r.error);
    parts.push(r.value.csv);
    columns = r.value.columns;
    rows += r.value.rows;
    if (r.value.nextAfterId === null) break;
    afterId = r.value.nextAfterId;
  }
  downloadText(`herald-contacts-${new Date().toISOString().slice(0, 10)}.csv`, parts);
  notifySuccess('Export ready', `${formatCount(rows)} contacts`);
}

/** Search and filters of the contacts table (list, tag, consent per channel, has email/WhatsApp, suppressed) and export. */
export function AudienceToolbar() {
  const { filter, setFilter } = useAudience();
  const lists = useGroups('lists').groups;
  const tags = useGroups('tags').groups;
  const [query, setQuery] = useState(filter.search ?? '');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    if ((useAudience.getState().filter.search ?? '') !== debounced)
      setFilter({ search: debounced || undefined });
  }, [debounced, setFilter]);
  const num = (v: string | null) => (v ? Number(v) : undefined);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        aria-label="Search contacts"
        placeholder="Search name, email or phone"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={260}
        data-testid="contacts-search"
      />
      <Select
        placeholder="List"
        aria-label="Filter by list"
        data={lists.map((l) => ({ value: String(l.id), label: l.name }))}
        value={filter.listId ? String(filter.listId) : null}
        onChange={(v) => setFilter({ listId: num(v) })}
        clearable
        w={150}
        data-testid="filter-list"
      />
      <Select
        placeholder="Tag"
        aria-label="Filter by tag"
        data={tags.map((t) => ({ value: String(t.id), label: t.name }))}
        value={filter.tagId ? String(filter.tagId) : null}
        onChange={(v) => setFilter({ tagId: num(v) })}
        clearable
        w={130}
        data-testid="filter-tag"
      />
      <Select
        placeholder="Email consent"
        aria-label="Filter by email consent"
        data={CONSENT}
        value={filter.emailConsent ?? null}
        onChange={(v) => setFilter({ emailConsent: (v ?? undefined) as ContactFilter['emailConsent'] })}
        clearable
        w={140}
      />
      <Select
        placeholder="WhatsApp consent"
        aria-label="Filter by WhatsApp consent"
        data={CONSENT}
        value={filter.whatsappConsent ?? null}
        onChange={(v) => setFilter({ whatsappConsent: (v ?? undefined) as ContactFilter['whatsappConsent'] })}
        clearable
        w={160}
      />
      <Select
        placeholder="Has email"
        aria-label="Filter by has email"
        data={YES_NO}
        value={yesNo(filter.hasEmail)}
        onChange={(v) => setFilter({ hasEmail: bool(v) })}
        clearable
        w={120}
      />
      <Select
        placeholder="Has WhatsApp no."
        aria-label="Filter by has WhatsApp number"
        data={YES_NO}
        value={yesNo(filter.hasWhatsApp)}
        onChange={(v) => setFilter({ hasWhatsApp: bool(v) })}
        clearable
        w={150}
        data-testid="filter-whatsapp"
      />
      <Select
        placeholder="Suppressed"
        aria-label="Filter by suppressed"
        data={YES_NO}
        value={yesNo(filter.suppressed)}
        onChange={(v) => setFilter({ suppressed: bool(v) })}
        clearable
        w={120}
        data-testid="filter-suppressed"
      />
      <Button
        variant="default"
        loading={exporting}
        onClick={() => {
          setExporting(true);
          void exportCsv(filter).finally(() => setExporting(false));
        }}
        data-testid="contacts-export"
      >
        Export CSV
      </Button>
    </Group>
  );
}
