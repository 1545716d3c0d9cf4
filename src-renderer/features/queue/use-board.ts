import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../../src-shared/contract/queue';
import { call, isApiCallError } from '../../app/api-client';

const RETRY_MS = 2_000;

/**
 * Keeps the board current with a long poll: each answer carries the board's version, which is sent
 * back to wait for the next change. A failed request waits a little and tries again, so a restarted
 * host or a dropped connection heals by itself; a refusal (signed out, other branch) stops the loop.
 */
export function useLiveBoard(branchId: string): { board: Board | null; error: unknown; reconnecting: boolean } {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const version = useRef<string | null>(null);

  useEffect(() => {
    let stopped = false;
    version.current = null;
    const loop = async () => {
      while (!stopped) {
        try {
          const next = await call('queue.waitForBoardChange', { branchId, sinceVersion: version.current });
          if (stopped) return;
          setReconnecting(false);
          if (next.version !== version.current) {
            version.current = next.version;
            setBoard(next);
          }
        } catch (failure) {
          if (stopped) return;
          if (isApiCallError(failure) && failure.code !== 'INTERNAL') {
            setError(failure);
            return;
          }
          setReconnecting(true);
          await new Promise((resolve) => window.setTimeout(resolve, RETRY_MS));
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, [branchId]);

  return { board, error, reconnecting };
}

const SPEECH_KEY = 'mamen.queue.boardSpeech';

/** The spoken call-out switch, remembered on the display machine. */
export function useSpeechSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => window.localStorage.getItem(SPEECH_KEY) === '1');
  return [
    on,
    (value) => {
      window.localStorage.setItem(SPEECH_KEY, value ? '1' : '0');
      setOn(value);
    },
  ];
}

/** Says a call out loud with an Arabic voice where the system has one (Web Speech API). */
export function speak(text: string, lang: 'ar' | 'en'): void {
  if (typeof window.speechSynthesis === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  const prefix = lang === 'ar' ? 'ar' : 'en';
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(prefix));
  if (voice) utterance.voice = voice;
  utterance.lang = lang === 'ar' ? (voice?.lang ?? 'ar-SA') : 'en-GB';
  utterance.rate = 0.9;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}
