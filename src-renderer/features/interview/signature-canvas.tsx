import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import SignaturePad from 'signature_pad';

export type SignatureCanvasHandle = {
  isEmpty(): boolean;
  /** The signature as PNG base64 (no data-URL prefix), transparent background. */
  toPngBase64(): string;
  clear(): void;
};

/**
 * signature_pad on a canvas sized to its box at the screen's pixel ratio, so strokes from a mouse,
 * a pen pad or a finger land where they are drawn.
 */
export const SignatureCanvas = forwardRef<SignatureCanvasHandle, { testId: string; label: string; onChange?: (empty: boolean) => void }>(
  function SignatureCanvas({ testId, label, onChange }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    const pad = useRef<SignaturePad | null>(null);
    // Held in a ref: a new callback from the parent must not rebuild the pad (that would forget the ink).
    const notify = useRef(onChange);
    useEffect(() => {
      notify.current = onChange;
    }, [onChange]);

    useEffect(() => {
      const element = canvas.current;
      if (!element) return undefined;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      element.width = element.offsetWidth * ratio;
      element.height = element.offsetHeight * ratio;
      element.getContext('2d')?.scale(ratio, ratio);
      const instance = new SignaturePad(element, { penColor: '#10213a', minWidth: 1, maxWidth: 3 });
      const changed = () => notify.current?.(instance.isEmpty());
      instance.addEventListener('endStroke', changed);
      pad.current = instance;
      return () => {
        instance.removeEventListener('endStroke', changed);
        instance.off();
        pad.current = null;
      };
    }, []);

    useImperativeHandle(ref, () => ({
      isEmpty: () => pad.current?.isEmpty() ?? true,
      toPngBase64: () => (pad.current?.toDataURL('image/png') ?? '').replace(/^data:image\/png;base64,/, ''),
      clear: () => {
        pad.current?.clear();
        notify.current?.(true);
      },
    }));

    return (
      <div className="signature-box">
        <canvas ref={canvas} aria-label={label} data-testid={testId} />
      </div>
    );
  },
);
