import type { TaskView } from '@nabij/contracts';
import { Alert, Button, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { formatDate } from '../persons/person-format';
import { taskKindLabel } from './task-groups';
import './tasks.css';

/** What a task line needs; the case overview's open tasks and the task lists both fit. */
export interface TaskLine {
  id: string;
  kind: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  dueToday?: boolean;
  version: number;
  caseId?: string | null;
  householdName?: string | null;
  assigneeName?: string | null;
}

/** A task of the task lists as a task line. */
export function lineOf(task: TaskView): TaskLine {
  return { ...task, assigneeName: task.assignee?.name ?? null };
}

/** A button in a notice, e.g. "Ongedaan maken" after "Klaar"; it stays until the next notice (no time limit, WCAG 2.2.1). */
export interface NoticeAction {
  label: string;
  accessibleLabel: string;
  run: () => void;
}

/**
 * A status message that receives focus when it changes (after "Klaar" the task and its button disappear, so focus
 * must go somewhere meaningful) and is announced.
 */
export function useNotice() {
  const [notice, setNotice] = useState<
    { text: string; kind: 'ok' | 'warning'; n: number; action?: NoticeAction | undefined } | undefined
  >(undefined);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  const show = (text: string, kind: 'ok' | 'warning' = 'ok', action?: NoticeAction) =>
    setNotice((s) => ({ text, kind, n: (s?.n ?? 0) + 1, action }));
  const element = notice ? (
    <div ref={ref} tabIndex={-1} className="nabij-notice" key={notice.n}>
      <Alert type={notice.kind}>
        <Paragraph role="status">{notice.text}</Paragraph>
        {notice.action ? (
          <Button
            appearance="secondary-action-button"
            aria-label={notice.action.accessibleLabel}
            onClick={notice.action.run}
          >
            {notice.action.label}
          </Button>
        ) : null}
      </Alert>
    </div>
  ) : null;
  return { show, clear: () => setNotice(undefined), element };
}

/** Marks a task done with the version it was shown with; a stale one (409) reloads the list with an explanation. */
export function useCompleteTask(onChanged: () => void, notice: ReturnType<typeof useNotice>) {
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  // "Ongedaan maken": reopens the task on the server (logged as task.reopened) with the version "Klaar" returned.
  const reopen = async (task: TaskLine, version: number) => {
    try {
      await api.post(`/api/tasks/${encodeURIComponent(task.id)}/reopen`, { version });
      notice.show(t('tasks.reopened', { title: task.title }));
    } catch (error) {
      notice.show(
        error instanceof ApiError && error.status === 409 ? t('tasks.doneConflict') : errorText(error),
        'warning',
      );
    }
    onChanged();
  };
  const complete = async (task: TaskLine) => {
    if (busyId) return;
    setBusyId(task.id);
    try {
      const done = await api.post<TaskView>(`/api/tasks/${encodeURIComponent(task.id)}/done`, {
        version: task.version,
      });
      notice.show(t('tasks.doneSaved', { title: task.title }), 'ok', {
        label: t('tasks.undo'),
        accessibleLabel: t('tasks.undoFor', { title: task.title }),
        run: () => void reopen(task, done.version),
      });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        notice.show(t('tasks.doneConflict'), 'warning');
        onChanged();
      } else {
        notice.show(errorText(error), 'warning');
      }
    } finally {
      setBusyId(undefined);
    }
  };
  return { busyId, complete };
}

interface TaskItemsProps {
  tasks: readonly TaskLine[];
  /** Shows the household with a link to the case (Mijn werk, the team's tasks). */
  showCase?: boolean;
  showAssignee?: boolean;
  /** Without it no "Klaar" button is shown. */
  onDone?: ((task: TaskLine) => void) | undefined;
  busyId?: string | undefined;
  labelledBy?: string;
}

/** Open tasks as a list: title, kind, due date (overdue and today marked), household and "Klaar". */
export function TaskItems({ tasks, showCase, showAssignee, onDone, busyId, labelledBy }: TaskItemsProps) {
  return (
    <ul className="nabij-task-list" aria-labelledby={labelledBy}>
      {tasks.map((task) => (
        <li key={task.id} className={task.overdue ? 'nabij-task nabij-task--overdue' : 'nabij-task'}>
          <div className="nabij-task__body">
            <span className="nabij-task__title">{task.title}</span>
            {task.kind !== 'manual' ? <span className="nabij-task__kind"> · {taskKindLabel(task.kind)}</span> : null}
            <div className="nabij-task__facts">
              <span>{t('tasks.due', { date: formatDate(task.dueOn) })}</span>
              {task.overdue ? (
                <StatusBadge status="danger" className="nabij-badge">
                  {t('tasks.overdueBadge')}
                </StatusBadge>
              ) : task.dueToday ? (
                <StatusBadge status="warning" className="nabij-badge">
                  {t('tasks.todayBadge')}
                </StatusBadge>
              ) : null}
              {showCase ? (
                task.caseId ? (
                  <AppLink to={`/dossiers/${encodeURIComponent(task.caseId)}`}>
                    {task.householdName ?? t('case.noHousehold')}
                  </AppLink>
                ) : (
                  <span>{t('tasks.ownTask')}</span>
                )
              ) : null}
              {showAssignee ? (
                <span>
                  {task.assigneeName ? t('tasks.assignee', { name: task.assigneeName }) : t('tasks.unassigned')}
                </span>
              ) : null}
            </div>
          </div>
          {onDone ? (
            <Button
              type="button"
              appearance="secondary-action-button"
              className="nabij-task__done"
              aria-label={t('tasks.doneFor', { title: task.title })}
              busy={busyId === task.id}
              disabled={busyId !== undefined}
              onClick={() => onDone(task)}
            >
              {t('tasks.done')}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
