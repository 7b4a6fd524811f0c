import { useTranslation } from '@kds/i18n/react';
import { useCallback, useEffect, useRef, useState } from 'react';

export type Chime = 'new' | 'change' | 'ready';

// Distinct shapes a cook can tell apart across a loud kitchen: rising for a new ticket,
// two low notes for a change or a cancel; three bright rising notes for "ready" on the board.
const NOTES: Record<Chime, { freq: number; at: number }[]> = {
  new: [
    { freq: 880, at: 0 },
    { freq: 1320, at: 0.16 },
  ],
  change: [
    { freq: 440, at: 0 },
    { freq: 330, at: 0.2 },
  ],
  ready: [
    { freq: 660, at: 0 },
    { freq: 880, at: 0.14 },
    { freq: 1320, at: 0.28 },
  ],
};

/**
 * Chimes through Web Audio. Browsers start audio suspended until someone touches the page:
 * `blocked` is true until then, and the screen shows a "Tap to enable sound" overlay.
 */
export function useSound() {
  const context = useRef<AudioContext | null>(null);
  const [blocked, setBlocked] = useState(true);

  useEffect(() => {
    const ctx = new AudioContext();
    context.current = ctx;
    const update = () => setBlocked(ctx.state !== 'running');
    ctx.addEventListener('statechange', update);
    update();
    return () => {
      ctx.removeEventListener('statechange', update);
      void ctx.close();
    };
  }, []);

  const enable = useCallback(() => void context.current?.resume(), []);

  const play = useCallback((chime: Chime) => {
    const ctx = context.current;
    if (!ctx || ctx.state !== 'running') return;
    for (const note of NOTES[chime]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const start = ctx.currentTime + note.at;
      osc.frequency.value = note.freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.4);
    }
  }, []);

  return { blocked, enable, play };
}

/** Until someone touches the screen, the browser keeps it silent: say so, across the room. */
export function SoundOverlay({ sound }: { sound: { blocked: boolean; enable: () => void } }) {
  const { t } = useTranslation();
  if (!sound.blocked) return null;
  return (
    <button type="button" className="sound-overlay" onClick={sound.enable}>
      <span>
        <span aria-hidden="true">🔇 </span>
        {t('sound.enable')}
      </span>
      <small>{t('sound.why')}</small>
    </button>
  );
}
