import { useTranslation } from '@kds/i18n/react';
import { useEffect, useRef } from 'react';
import type { Tracked } from '../shared/types.ts';
import { notifyReady } from './ready-notification.ts';

/** A sound, a vibration and (if allowed) a notification the moment the order turns ready. */
export function useReadyAlert(status: Tracked['status'] | undefined, number: number | undefined) {
  const { t } = useTranslation('guest');
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status !== 'READY' || was === undefined || was === 'READY') return;
    navigator.vibrate?.([300, 150, 300]);
    try {
      const ctx = new AudioContext();
      const osc = ctx.createOscillator();
      osc.frequency.value = 880;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.4);
    } catch {
      // No audio here: the screen still says Ready.
    }
    if (number !== undefined) {
      void notifyReady(
        number,
        t('track.notificationTitle', { number }),
        t('track.notificationBody'),
      );
    }
  }, [status, number, t]);
}
