import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from '../registry/use-registry';

export function useKnowledgeList(includeRetired: boolean) {
  return useQuery({ queryKey: ['knowledge.list', includeRetired], queryFn: () => call('knowledge.list', { includeRetired }), staleTime: 30_000 });
}

export function useKnowledgeDocument(id: string | null) {
  return useQuery({
    queryKey: ['knowledge.get', id],
    queryFn: () => call('knowledge.get', { id: id ?? '' }),
    enabled: id !== null,
    staleTime: 30_000,
  });
}

/** Search as you type; earlier hits stay on screen while the next answer comes. */
export function useKnowledgeSearch(text: string) {
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  return useQuery({
    queryKey: ['knowledge.search', query],
    queryFn: () => call('knowledge.search', { query, limit: 20 }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });
}

function useInvalidateKnowledge() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['knowledge.list'] }),
      client.invalidateQueries({ queryKey: ['knowledge.get'] }),
      client.invalidateQueries({ queryKey: ['knowledge.search'] }),
    ]);
}

export function useSaveKnowledge() {
  const invalidate = useInvalidateKnowledge();
  return useMutation({ mutationFn: (input: MethodInput<'knowledge.save'>) => call('knowledge.save', input), onSuccess: invalidate });
}

export function useSetRetired() {
  const invalidate = useInvalidateKnowledge();
  return useMutation({ mutationFn: (input: { id: string; retired: boolean }) => call('knowledge.setRetired', input), onSuccess: invalidate });
}

/** Opens a stored PDF through a temporary blob link: the browser's own viewer or a download. */
export async function downloadKnowledgePdf(id: string): Promise<void> {
  const file = await call('knowledge.pdf', { id });
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
