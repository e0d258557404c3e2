/**
 * The warning before a login session ends (WCAG 2.2.1 Timing Adjustable): two minutes before the idle timeout a
 * modal dialog "Uw sessie verloopt over 2 minuten" with "Ingelogd blijven" (focused; Escape does the same) and
 * "Uitloggen"; the minutes left are announced through a live region. Typing anywhere keeps the session alive (at most
 * one keep-alive a minute). At the absolute limit (12 hours) nothing can extend it: the dialog says so and offers
 * "Begrepen". When the time has run out, one check with the server sends the user to the login page; typed text is
 * kept as a draft (useDraft) and comes back after logging in again.
 */
import type { SessionResponse, SessionTimeResponse } from '@nabij/contracts';
import { AlertDialog, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { api, reportSessionLost } from './api';
import { ApiError } from './errors';
import { t } from './i18n';
import { useSession } from './session';
import {
  currentSessionTime,
  keepAliveDue,
  minutesLeft,
  msUntilNextPhase,
  phaseAt,
  PROBE_AFTER_END_MS,
  subscribeSessionTime,
} from './session-timer';

/** Typing (any input in the page) restarts the idle timer, at most once a minute. */
function useKeepAliveWhileTyping(): void {
  useEffect(() => {
    let last = 0;
    let inFlight = false;
    const onInput = () => {
      const now = Date.now();
      if (inFlight || !keepAliveDue(currentSessionTime(), last, now)) return;
      last = now;
      inFlight = true;
      // A failure here is not shown: the warning (or the next save) tells the user.
      api
        .post<SessionTimeResponse>('/api/auth/keep-alive', {}, { reportSessionLost: false })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
        });
    };
    document.addEventListener('input', onInput, true);
    return () => document.removeEventListener('input', onInput, true);
  }, []);
}

export function SessionTimeoutWarning() {
  const { logout } = useSession();
  const time = useSyncExternalStore(subscribeSessionTime, currentSessionTime);
  const [, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  /** The absolute limit's warning was acknowledged ("Begrepen") for this end. */
  const [acknowledged, setAcknowledged] = useState<number | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  useKeepAliveWhileTyping();

  const now = Date.now();
  const phase = phaseAt(time, now);
  const open = phase === 'warning' && !(time?.absolute && acknowledged === time.endsAt);

  // Wake up when the phase changes, and every 15 seconds during the warning for the countdown.
  useEffect(() => {
    if (!time) return undefined;
    const wait = msUntilNextPhase(time, Date.now());
    const id = window.setTimeout(
      () => setTick((n) => n + 1),
      Math.max(250, phase === 'warning' ? Math.min(wait, 15_000) : wait),
    );
    return () => window.clearTimeout(id);
  });

  // The time ran out: ask the server once. Gone → the login page (with "Uw sessie is verlopen"); still there (another
  // tab kept it alive) → its headers give the new end.
  const probed = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!time || phase !== 'ended' || now < time.endsAt + PROBE_AFTER_END_MS || probed.current === time.endsAt) return;
    probed.current = time.endsAt;
    api
      .get<SessionResponse>('/api/auth/session', { reportSessionLost: false })
      .then((s) => {
        if (!s.authenticated) reportSessionLost();
      })
      .catch(() => undefined);
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setFailed(false);
      d.showModal();
      (stayButton.current ?? d.querySelector<HTMLButtonElement>('button'))?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const stay = async () => {
    if (time?.absolute) {
      setAcknowledged(time.endsAt);
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      // The response's headers move the end (and close this dialog, in every tab).
      await api.post<SessionTimeResponse>('/api/auth/keep-alive', {});
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const minutes = time ? Math.max(1, minutesLeft(time, now)) : 2;
  const absolute = time?.absolute === true;
  const title = absolute
    ? minutes === 1
      ? t('sessionTimeout.titleAbsoluteOne')
      : t('sessionTimeout.titleAbsolute', { minutes })
    : minutes === 1
      ? t('sessionTimeout.titleOne')
      : t('sessionTimeout.title', { minutes });

  return (
    <AlertDialog
      ref={dialog}
      type="warning"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="session-timeout-heading"
      aria-describedby="session-timeout-text"
      onCancel={(event) => {
        // Escape: the user is here, which is what the warning asks.
        event.preventDefault();
        void stay();
      }}
    >
      <Heading2 id="session-timeout-heading">{title}</Heading2>
      <Paragraph id="session-timeout-text">
        {absolute ? t('sessionTimeout.textAbsolute') : t('sessionTimeout.text')}
      </Paragraph>
      <Paragraph aria-live="polite" aria-atomic="true">
        {open ? (minutes === 1 ? t('sessionTimeout.leftOne') : t('sessionTimeout.left', { minutes })) : ''}
      </Paragraph>
      {failed ? <Paragraph role="alert">{t('sessionTimeout.failed')}</Paragraph> : null}
      <ButtonGroup>
        <Button
          ref={stayButton}
          type="button"
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() => void stay()}
        >
          {absolute ? t('sessionTimeout.understood') : t('sessionTimeout.stay')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => void logout()}>
          {t('sessionTimeout.logout')}
        </Button>
      </ButtonGroup>
    </AlertDialog>
  );
}
