import { useEffect, useRef } from 'react';

/** A key chord, matched on `code` so it works whatever the keyboard layout (Arabic or Latin). */
export type Chord = { code: string; ctrl?: boolean; alt?: boolean; shift?: boolean };

function matches(event: KeyboardEvent, chord: Chord): boolean {
  return (
    event.code === chord.code &&
    event.ctrlKey === (chord.ctrl ?? false) &&
    event.altKey === (chord.alt ?? false) &&
    event.shiftKey === (chord.shift ?? false)
  );
}

/** Window-wide shortcuts for as long as the calling screen is mounted. */
export function useShortcuts(bindings: ReadonlyArray<{ chords: readonly Chord[]; run: () => void }>): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const binding of latest.current) {
        if (binding.chords.some((chord) => matches(event, chord))) {
          event.preventDefault();
          binding.run();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
