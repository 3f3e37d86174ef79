import type { ReactNode } from 'react';
import { IconBan, IconBook, IconChat, IconList, IconSend, IconTag, IconUsers } from '../../components/icons';
import { CampaignsPage } from '../campaigns/CampaignsPage';
import { ContactsPage } from '../contacts/ContactsPage';
import { LibraryPage } from '../library/LibraryPage';
import { ListsPage } from '../lists/ListsPage';
import { SuppressionPage } from '../suppression/SuppressionPage';
import { TagsPage } from '../tags/TagsPage';
import { TemplatesPage } from '../templates/TemplatesPage';

/** A top-level page of the navbar. Add a page by adding one entry here. */
export interface PageEntry {
  page: string;
  label: string;
  icon: ReactNode;
  testId: string;
  render: () => ReactNode;
}

export const PAGES: PageEntry[] = [
  {
    page: 'contacts',
    label: 'Contacts',
    icon: <IconUsers />,
    testId: 'nav-contacts',
    render: () => <ContactsPage />,
  },
  { page: 'lists', label: 'Lists', icon: <IconList />, testId: 'nav-lists', render: () => <ListsPage /> },
  { page: 'tags', label: 'Tags', icon: <IconTag />, testId: 'nav-tags', render: () => <TagsPage /> },
  {
    page: 'suppression',
    label: 'Suppression list',
    icon: <IconBan />,
    testId: 'nav-suppression',
    render: () => <SuppressionPage />,
  },
  {
    page: 'campaigns',
    label: 'Campaigns',
    icon: <IconSend />,
    testId: 'nav-campaigns',
    render: () => <CampaignsPage />,
  },
  {
    page: 'library',
    label: 'Template library',
    icon: <IconBook />,
    testId: 'nav-library',
    render: () => <LibraryPage />,
  },
  {
    page: 'wa-templates',
    label: 'WhatsApp templates',
    icon: <IconChat />,
    testId: 'nav-wa-templates',
    render: () => <TemplatesPage />,
  },
];
