import { createContext, type ReactNode, useContext, useState } from 'react';
import { initialLanguage, rememberLanguage, type TextKey, translate } from './text';

type T = (key: TextKey, params?: Record<string, string | number>) => string;
interface LanguageState {
  lang: 'vi' | 'en';
  t: T;
  toggle: () => void;
}

const Ctx = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState(initialLanguage);
  const toggle = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    rememberLanguage(next);
    document.documentElement.lang = next;
    setLang(next);
  };
  const t: T = (key, params) => translate(lang, key, params);
  return <Ctx.Provider value={{ lang, t, toggle }}>{children}</Ctx.Provider>;
}

export function useText(): LanguageState {
  const value = useContext(Ctx);
  if (!value) throw new Error('LanguageProvider is missing');
  return value;
}
