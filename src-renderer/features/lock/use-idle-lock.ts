import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../../src-shared/contract/accounts';
import { call } from '../../app/api-client';
import { ME_QUERY_KEY } from '../../app/query-client';
import { useShortcuts } from '../../app/shortcuts';

export const IDLE_LOCK_QUERY_KEY = ['auth.idleLock'] as const;
/** Ctrl+Shift+L locks at once (Ctrl+L alone belongs to the browser's address bar). */
export const LOCK_CHORD = { code: 'KeyL', ctrl: true, shift: true } as const;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1_000;
/**
 * Full-screen displays that run unattended on purpose (the waiting-room board, the survey kiosk):
 * no one touches them, and they show no file. "Lock now" still locks them.
 */
const UNATTENDED_SCREENS = ['#/board', '#/survey/kiosk'];

function onUnattendedScreen(): boolean {
  return UNATTENDED_SCREENS.some((prefix) => window.location.hash.startsWith(prefix));
}

/** Marks the signed-in user locked or unlocked in the one place the app reads the session from. */
export function useSetLocked(): (locked: boolean) => void {
  const client = useQueryClient();
  return useCallback(
    (locked: boolean) =>
      client.setQueryData<{ user: SessionUser | null }>(ME_QUERY_KEY, (me) => (me?.user ? { user: { ...me.user, locked } } : me)),
    [client],
  );
}

/** Locks the session on the server, then the screen; the screen locks even if the server is unreachable. */
export function useLockNow(): (reason: 'idle' | 'manual') => void {
  const setLocked = useSetLocked();
  return useCallback(
    (reason) => {
      setLocked(true);
      void call('auth.lock', { reason }).catch(() => undefined);
    },
    [setLocked],
  );
}

/**
 * Watches for input; after the admin's idle-lock minutes without any, locks. Also binds the
 * "lock now" shortcut. Mounted only while the screen is unlocked.
 */
export function useIdleLock(): void {
  const lockNow = useLockNow();
  const setting = useQuery({ queryKey: IDLE_LOCK_QUERY_KEY, queryFn: () => call('auth.idleLock', {}), staleTime: 5 * 60_000 });
  const lastActivity = useRef(Date.now());
  const minutes = setting.data?.minutes ?? null;

  useShortcuts([{ chords: [LOCK_CHORD], run: () => lockNow('manual') }]);

  useEffect(() => {
    const touch = () => (lastActivity.current = Date.now());
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, []);

  useEffect(() => {
    if (minutes === null) return undefined;
    lastActivity.current = Date.now();
    const timer = window.setInterval(() => {
      if (onUnattendedScreen()) lastActivity.current = Date.now();
      else if (Date.now() - lastActivity.current >= minutes * 60_000) lockNow('idle');
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [minutes, lockNow]);
}
