import { useCallback, useEffect, useState } from 'react';
import type { GroupSummary } from '../../../src-main/contract';
import { api } from '../../lib/api';

/** The lists or tags (name and size), loaded on mount; `reload` fetches them again. */
export function useGroups(kind: 'lists' | 'tags'): { groups: GroupSummary[]; reload: () => void } {
  const [groups, setGroups] = useState<GroupSummary[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.invoke(kind === 'lists' ? 'lists:list' : 'tags:list', {}).then((r) => {
      if (live && r.ok) setGroups(r.value);
    });
    return () => {
      live = false;
    };
  }, [kind, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { groups, reload };
}
