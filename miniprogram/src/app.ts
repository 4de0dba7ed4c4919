import { type PropsWithChildren } from 'react';
import { startSyncLoop } from './offline/sync-engine';
import { registerServiceWorker } from './platform/service-worker';
import '@nutui/nutui-react-taro/dist/style.css';
import './app.css';

if (process.env.TARO_ENV === 'h5') {
  registerServiceWorker();
  startSyncLoop();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
