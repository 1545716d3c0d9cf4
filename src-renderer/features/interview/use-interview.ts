import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/contract';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import type { InterviewStep } from '../../../src-shared/domain/interview-steps';
import { call } from '../../app/api-client';

/** Typing pauses this long before the draft is saved; a step change saves at once. */
export const AUTOSAVE_DELAY_MS = 2_000;

export const interviewKey = (id: string) => ['interviews.get', id] as const;

export function useInterview(id: string) {
  return useQuery({ queryKey: interviewKey(id), queryFn: () => call('interviews.get', { id }), staleTime: 0 });
}

export function useOpenInterviews() {
  return useQuery({ queryKey: ['interviews.listOpen'], queryFn: () => call('interviews.listOpen', {}), staleTime: 0 });
}

export function useRequestTypes() {
  return useQuery({ queryKey: ['requests.types'], queryFn: () => call('requests.types', {}), staleTime: Infinity });
}

export function useClockSettings() {
  return useQuery({ queryKey: ['requests.clockSettings'], queryFn: () => call('requests.clockSettings', {}), staleTime: 60_000 });
}

type InterviewMethod = {
  [M in MethodName]: MethodOutput<M> extends InterviewView ? M : never;
}[MethodName];

/** A step action whose answer is the updated interview: put it in the cache so the wizard moves on. */
export function useInterviewAction<M extends InterviewMethod>(id: string, method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: (view) => {
      client.setQueryData(interviewKey(id), view);
      void client.invalidateQueries({ queryKey: ['interviews.listOpen'] });
    },
  });
}

export type DraftData = Record<string, string | number | boolean | null | string[]>;
export type AutosaveState = { savedAt: string | null; saving: boolean };

/**
 * Saves the step's form as the interview's draft a moment after typing stops, and at once when the
 * step unmounts (the wizard moved to another step), so a crash or a power cut loses nothing.
 */
export function useDraftAutosave(interviewId: string, step: InterviewStep, data: DraftData, enabled: boolean): AutosaveState {
  const [state, setState] = useState<AutosaveState>({ savedAt: null, saving: false });
  const latest = useRef<{ json: string; saved: string }>({ json: JSON.stringify(data), saved: JSON.stringify(data) });
  latest.current.json = JSON.stringify(data);

  const flush = useCallback(async () => {
    const json = latest.current.json;
    if (json === latest.current.saved) return;
    latest.current.saved = json;
    setState((s) => ({ ...s, saving: true }));
    try {
      const result = await call('interviews.saveDraft', { id: interviewId, step, data: JSON.parse(json) as DraftData });
      setState({ savedAt: result.savedAt, saving: false });
    } catch {
      latest.current.saved = '';
      setState((s) => ({ ...s, saving: false }));
    }
  }, [interviewId, step]);

  const json = JSON.stringify(data);
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [json, enabled, flush]);

  useEffect(() => () => void (enabled ? flush() : undefined), [enabled, flush]);
  return state;
}

/** The draft's value for a field of this step, when the saved draft belongs to it. */
export function draftValue<T>(view: InterviewView, step: InterviewStep, key: string, fallback: T): T {
  if (view.draft?.step !== step) return fallback;
  const value = view.draft.data[key];
  return value === undefined ? fallback : (value as T);
}
