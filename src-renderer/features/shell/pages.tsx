import type { ReactNode } from 'react';
import { IconSend, IconUsers } from '../../components/icons';
import { CampaignsPage } from '../campaigns/CampaignsPage';
import { ContactsPage } from '../contacts/ContactsPage';
import { LibraryPage } from '../library/LibraryPage';

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
    icon: <IconSend />,
    testId: 'nav-library',
    render: () => <LibraryPage />,
  },
];
