import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../ui/extension-page.css';
import '../../components/components.css';
import './options.css';
import { AdminTokenForm } from './AdminTokenForm';
import { CaptureSettings } from './CaptureSettings';
import { ConnectionForm } from './ConnectionForm';
import { HostSwitches } from './HostSwitches';
import { NudgeSettings } from './NudgeSettings';
import { SelfHostedJira } from './SelfHostedJira';
import { WhatIsSent } from './WhatIsSent';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="options">
        <h1>Aligned Autonomy</h1>
        <ConnectionForm />
        <HostSwitches />
        <SelfHostedJira />
        <CaptureSettings />
        <NudgeSettings />
        <AdminTokenForm />
        <WhatIsSent />
      </main>
    </StrictMode>,
  );
}
