// The worker thread's entry: it registers tsx in this thread (a worker does not inherit the parent's loader),
// then runs the TypeScript renderer.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
