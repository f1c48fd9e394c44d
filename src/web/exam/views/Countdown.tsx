import { useEffect, useRef, useState } from 'react';
import { useText } from '../i18n';
import { formatCountdown, secondsLeft } from '../sync/clock';

interface Props {
  deadlineMs: number;
  offsetMs: number;
  paused: boolean;
  onExpire: () => void;
}

/**
 * Remaining time computed from the server deadline and the measured clock offset on every tick, so
 * a throttled background tab or a wrong PC clock never makes it drift. Screen readers hear it each
 * minute in the last ten and every 10 seconds in the last minute.
 */
export function Countdown({ deadlineMs, offsetMs, paused, onExpire }: Props) {
  const { t } = useText();
  const [left, setLeft] = useState(() => secondsLeft(deadlineMs, Date.now(), offsetMs));
  const expired = useRef(false);
  useEffect(() => {
    expired.current = false;
    const tick = () => {
      const s = secondsLeft(deadlineMs, Date.now(), offsetMs);
      setLeft(s);
      if (s === 0 && !paused && !expired.current) {
        expired.current = true;
        onExpire();
      }
    };
    tick();
    const id = setInterval(tick, 500);
    return () => clearInterval(id);
  }, [deadlineMs, offsetMs, paused, onExpire]);

  const announce =
    left <= 60 && left % 10 === 0 && left > 0
      ? t('secondsLeft', { n: left })
      : left <= 600 && left % 60 === 0 && left > 0
        ? t('minuteLeft', { n: left / 60 })
        : '';
  const urgency = left <= 60 ? 'timer critical' : left <= 300 ? 'timer low' : 'timer';
  return (
    <div className={urgency}>
      <span className="timer-label">{t('timeLeft')}</span>
      <span className="timer-value" data-testid="time-left">
        {formatCountdown(left)}
      </span>
      <span className="sr-only" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
