import { type PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/style.css';
import './app.css';

// The offline engine (IndexedDB), the service worker and the shell's hooks exist only in the H5 build: the
// imports sit behind the TARO_ENV constant, so webpack drops them from the weapp bundle.
if (process.env.TARO_ENV === 'h5') {
  void import('./platform/h5-start').then((m) => m.startH5());
}
if (process.env.TARO_ENV === 'weapp') {
  void import('./platform/privacy').then((m) => m.listenForPrivacyAuthorization());
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
