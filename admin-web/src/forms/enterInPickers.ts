/**
 * Enter in a date or month picker confirms the date; it must not also submit the form around it (a
 * duplicate project was created that way). The browser submits a form on Enter in any of its inputs
 * unless the key event's default is prevented; this runs after the picker's own handler (bubbling, on
 * the window), so the picker still takes the typed date.
 */
export function keepEnterInPickers(target: Window = window): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.target instanceof Element)) return;
    if (e.target.closest('.ant-picker')) e.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
