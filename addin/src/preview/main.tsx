// Entry of the local Outlook preview page (a development tool, not part of the add-in).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './preview-app.tsx';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PreviewApp />
    </StrictMode>,
  );
}
