import { GroupsPage } from './GroupsPage';

/** The Lists page. */
export function ListsPage() {
  return <GroupsPage kind="lists" />;
}
