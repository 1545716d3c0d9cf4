import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from './i18n/init';
import { createQueryClient } from './app/query-client';
import { LanguageProvider } from './app/language';
import { AppGate } from './app/app-gate';
import './app/global.css';

initI18n();
const queryClient = createQueryClient();
const container = document.getElementById('root');
if (container === null) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <AppGate />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
