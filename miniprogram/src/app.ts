import { type PropsWithChildren } from 'react';
import { startSyncLoop } from './offline/sync-engine';
import { registerServiceWorker } from './platform/service-worker';
import './app.css';

if (process.env.TARO_ENV === 'h5') {
  registerServiceWorker();
  startSyncLoop();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
