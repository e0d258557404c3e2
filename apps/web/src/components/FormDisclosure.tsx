import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from '../app/i18n';

interface FormDisclosureProps {
  /** The button's text, e.g. "Netwerkcontact toevoegen" (usually the form's own heading). */
  label: string;
  children: ReactNode;
  /** Open when first shown (e.g. after "Contact vastleggen" on the overview). */
  initiallyOpen?: boolean;
  /** A value that changes each time the form is asked to open again (e.g. the location key of a shortcut). */
  openRequest?: string;
  /** Keyboard shortcut announced on the button (aria-keyshortcuts), e.g. "Alt+Shift+C". */
  keyShortcuts?: string;
  appearance?: 'primary-action-button' | 'secondary-action-button';
}

/**
 * An add-form that opens from its button (issue #19): closed, only the button shows; open, the form takes its place
 * (the button is gone, so the form's own submit button can carry the same words) with "Formulier sluiten" below it. Opening
 * moves focus to the form's first field; closing moves it back to the button.
 */
export function FormDisclosure({
  label,
  children,
  initiallyOpen = false,
  openRequest,
  keyShortcuts,
  appearance = 'secondary-action-button',
}: FormDisclosureProps) {
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  // 'field' after opening, 'button' after closing: where focus goes once the DOM has changed.
  const [focusTarget, setFocusTarget] = useState<'field' | 'button' | undefined>(initiallyOpen ? 'field' : undefined);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (openRequest === undefined) return;
    setOpen(true);
    setFocusTarget('field');
  }, [openRequest]);

  useEffect(() => {
    if (focusTarget === 'field')
      panel.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    if (focusTarget === 'button') button.current?.focus();
    if (focusTarget) setFocusTarget(undefined);
  }, [focusTarget, open]);

  if (!open) {
    return (
      <ButtonGroup className="nabij-form-disclosure">
        <Button
          ref={button}
          type="button"
          appearance={appearance}
          aria-expanded={false}
          aria-keyshortcuts={keyShortcuts}
          onClick={() => {
            setOpen(true);
            setFocusTarget('field');
          }}
        >
          {label}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <div id={id} ref={panel} className="nabij-form-disclosure nabij-form-disclosure--open">
      {children}
      <ButtonGroup>
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => {
            setOpen(false);
            setFocusTarget('button');
          }}
        >
          {t('caseFile.formClose')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
