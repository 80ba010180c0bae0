// Copies a link or an embed code: to the clipboard, else selects it for Ctrl+C, and says which.
import { useState } from 'react';
import { useUiLocale } from '../StoreContext.tsx';

async function copyText(text: string, fallbackField: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission (e.g. inside an iframe), select the text for Ctrl+C.
    fallbackField?.select();
    return false;
  }
}

export function CopyButton({ text, field, label }: { text: string; field: React.RefObject<HTMLInputElement | HTMLTextAreaElement | null>; label: string }) {
  const { t } = useUiLocale();
  const [said, setSaid] = useState('');
  return (
    <>
      <button type="button" onClick={async () => setSaid((await copyText(text, field.current)) ? t.copied : t.selectedPressCopy)}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}
