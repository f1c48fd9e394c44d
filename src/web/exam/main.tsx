import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExamApp } from './ExamApp';
import { LanguageProvider } from './i18n';
import './exam.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <ExamApp />
    </LanguageProvider>
  </StrictMode>,
);
