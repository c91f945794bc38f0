import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { adaptToCsp } from './app/csp';
import './styles.css';

// Before anything renders: styles written at run time must pass the page's Content-Security-Policy.
adaptToCsp();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
