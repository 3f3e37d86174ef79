import { GroupsPage } from '../lists/GroupsPage';

/** The Tags page (same screen as Lists, for tags). */
export function TagsPage() {
  return <GroupsPage kind="tags" />;
}
