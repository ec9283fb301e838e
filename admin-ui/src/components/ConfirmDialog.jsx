import { useEffect, useRef } from 'react';
import { useT } from '../i18n.js';

/**
 * A modal confirmation: labelled by its message, focus starts on Cancel (the safe choice),
 * Escape cancels, Tab stays between the two buttons.
 */
export default function ConfirmDialog({ id, message, confirmLabel, onConfirm, onCancel, busy }) {
  const t = useT();
  const cancelRef = useRef(null);
  const confirmRef = useRef(null);

  useEffect(() => {
    const previous = document.activeElement;
    cancelRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab') {
      const target = document.activeElement === cancelRef.current ? confirmRef.current : cancelRef.current;
      e.preventDefault();
      target?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby={`${id}-message`} className="dialog card" onKeyDown={onKeyDown}>
        <p id={`${id}-message`}>{message}</p>
        <div className="row">
          <button type="button" ref={cancelRef} onClick={onCancel}>{t('cancel')}</button>
          <button type="button" ref={confirmRef} className="danger" onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
