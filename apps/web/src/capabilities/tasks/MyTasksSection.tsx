import { createTaskRequest, type TaskList, type TaskView } from '@nabij/contracts';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { municipalToday } from '../../app/dates';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { TextField } from '../../components/TextField';
import { DUE_GROUPS, groupTasksByDue, inAWeek } from './task-groups';
import { lineOf, TaskItems, useCompleteTask, useNotice } from './TaskList';

/** A task of one's own, without a case (e.g. "casuïstiekoverleg voorbereiden"). */
function OwnTaskForm({ onAdded }: { onAdded: (task: TaskView) => void }) {
  const errors = useFormErrors('own-task', ['title', 'dueOn']);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => inAWeek(municipalToday()));
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = createTaskRequest.omit({ assigneeId: true }).safeParse({ title, dueOn });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const task = await api.post<TaskView>('/api/tasks', parsed.data);
      errors.clear();
      setTitle('');
      onAdded(task);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="nabij-disclosure">
      <summary className="nabij-disclosure__summary">{t('tasks.addOwnHeading')}</summary>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label={t('tasks.addOwnHeading')}
        className="nabij-disclosure__content nabij-task-form"
      >
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('title')}
            label={t('tasks.title')}
            value={title}
            onValueChange={setTitle}
            error={errors.errorFor('title')}
            autoComplete="off"
          />
          <TextField
            id={errors.idFor('dueOn')}
            label={t('tasks.dueOn')}
            type="date"
            value={dueOn}
            onValueChange={setDueOn}
            error={errors.errorFor('dueOn')}
            className="nabij-field--short"
          />
        </div>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('tasks.add')}
        </Button>
      </form>
    </details>
  );
}

/**
 * The daily e-mail with one's tasks: on or off, saved at once. The confirmation is announced next to the checkbox;
 * focus stays on the checkbox (changing a setting does not move the user elsewhere).
 */
function DigestToggle() {
  const setting = useResource<{ taskDigest: boolean }>('/api/tasks/digest');
  // Shown at once when toggled (a checkbox must follow the click); put back when saving fails.
  const [checked, setChecked] = useState<boolean | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  if (setting.status !== 'ready') return null;
  const shown = checked ?? setting.data.taskDigest;
  const change = async (on: boolean) => {
    setChecked(on);
    setBusy(true);
    try {
      setting.setData(await api.put<{ taskDigest: boolean }>('/api/tasks/digest', { taskDigest: on }));
      setError(undefined);
      setStatus(t(on ? 'tasks.digestOn' : 'tasks.digestOff'));
    } catch (e) {
      setChecked(!on);
      setStatus('');
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <CheckboxField
        id="task-digest"
        label={t('tasks.digest')}
        description={t('tasks.digestDescription')}
        checked={shown}
        onCheckedChange={(on) => {
          if (!busy) void change(on);
        }}
        error={error}
      />
      <Paragraph role="status" className="nabij-muted">
        {status}
      </Paragraph>
    </>
  );
}

/** "Mijn taken" on Mijn werk: open tasks grouped "Te laat", "Vandaag", "Binnenkort", with links to the case and "Klaar". */
export function MyTasksSection() {
  const { can } = useSession();
  const mine = useResource<TaskList>('/api/tasks/mine');
  const notice = useNotice();
  const done = useCompleteTask(mine.reload, notice);
  const groups = mine.status === 'ready' ? groupTasksByDue(mine.data.tasks) : undefined;
  return (
    <section id="mijn-taken" aria-labelledby="home-tasks-heading" className="nabij-section">
      <Heading2 id="home-tasks-heading">{t('tasks.mineHeading')}</Heading2>
      {notice.element}
      {mine.status === 'loading' ? <Loading /> : null}
      {mine.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(mine.error)}</Paragraph>
        </Alert>
      ) : null}
      {mine.status === 'ready' && mine.data.tasks.length === 0 ? <Paragraph>{t('tasks.mineNone')}</Paragraph> : null}
      {groups && mine.status === 'ready' && mine.data.tasks.length > 0
        ? DUE_GROUPS.map((group) => {
            const headingId = `home-tasks-${group}`;
            return (
              <div key={group}>
                <Heading3 id={headingId}>
                  {t('tasks.groupCount', { label: t(`tasks.group.${group}`), count: groups[group].length })}
                </Heading3>
                {groups[group].length === 0 ? (
                  <Paragraph>{t(`tasks.groupEmpty.${group}`)}</Paragraph>
                ) : (
                  <TaskItems
                    tasks={groups[group].map(lineOf)}
                    showCase
                    labelledBy={headingId}
                    onDone={(task) => void done.complete(task)}
                    busyId={done.busyId}
                  />
                )}
              </div>
            );
          })
        : null}
      <OwnTaskForm
        onAdded={(task) => {
          notice.show(t('tasks.added', { title: task.title }));
          mine.reload();
        }}
      />
      <DigestToggle />
      {can('task:read_team') ? (
        <Paragraph>
          <AppLink to="/team/taken">{t('tasks.toTeam')}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
