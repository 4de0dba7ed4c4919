import { http } from '../../api/client';

/** Files need the access token, so they are fetched and opened as a blob in a new tab. */
export async function openApiFile(url: string) {
  const blob = await http.blob(url.replace(/^\/api/, ''));
  const href = URL.createObjectURL(blob);
  window.open(href, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
