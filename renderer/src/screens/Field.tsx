import type { ReactNode } from 'react';

/** A labelled form row with the host's validation message for its settings path underneath. */
export function Field(props: { id: string; label: string; error: string | undefined; children: ReactNode }) {
  const { id, label, error, children } = props;
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error !== undefined && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid={`field-error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}
