import type { ReactNode } from 'react';
import type { TExamMe } from '../../../contracts/exam';
import { useText } from '../i18n';

/** Who is sitting the exam, the language switch, and (during the exam) the timer and save state. */
export function TopBar({ me, children }: { me: TExamMe | null; children?: ReactNode }) {
  const { t, toggle } = useText();
  return (
    <header className="topbar">
      <div className="who">
        <strong className="who-title">{me ? me.contest.name : t('title')}</strong>
        {me && (
          <span className="who-line">
            {t('candidate')}: {me.candidate.fullName} · {t('number')}: {me.candidate.number}
          </span>
        )}
      </div>
      {children}
      <button type="button" className="lang" onClick={toggle}>
        {t('language')}
      </button>
    </header>
  );
}
