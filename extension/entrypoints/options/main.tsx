import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/extension-page.css';
import './options.css';
import { ConnectionForm } from './ConnectionForm';
import { HostSwitches } from './HostSwitches';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="options">
        <h1>Aligned Autonomy</h1>
        <ConnectionForm />
        <HostSwitches />
      </main>
    </StrictMode>,
  );
}
