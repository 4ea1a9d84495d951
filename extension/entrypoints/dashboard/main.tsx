import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/extension-page.css';
import '../../components/components.css';
import './dashboard.css';
import { Dashboard } from './Dashboard';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Dashboard />
    </StrictMode>,
  );
}
