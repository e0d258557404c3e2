import { createTaskRequest, type CaseOverview, type TaskView } from '@nabij/contracts';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { municipalToday } from '../../app/dates';
import { useSession } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDisclosure } from '../../components/FormDisclosure';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { assigneeChoices, inAWeek, mayWorkOnCase } from './task-groups';
import { TaskItems, useCompleteTask, useNotice } from './TaskList';

const TASK_FIELDS = ['title', 'dueOn', 'assigneeId'] as const;

/** Adds a manual task to the case: what, by when, for whom (the case manager unless chosen otherwise). */
export function AddTaskForm({
  overview,
  me,
  onAdded,
}: {
  overview: CaseOverview;
  me: { id: string; displayName: string };
  onAdded: (task: TaskView) => void;
}) {
  const errors = useFormErrors('case-task', TASK_FIELDS);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => inAWeek(municipalToday()));
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = createTaskRequest.safeParse({
      title,
      dueOn,
      assigneeId: assigneeId === '' ? undefined : assigneeId,
    });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const task = await api.post<TaskView>(`/api/cases/${encodeURIComponent(overview.id)}/tasks`, parsed.data);
      errors.clear();
      setTitle('');
      onAdded(task);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  const choices = assigneeChoices(overview, me);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-task-heading" className="nabij-task-form">
      <Heading3 id="case-task-heading">{t('tasks.addHeading')}</Heading3>
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
        {choices.length > 1 ? (
          <SelectField
            id={errors.idFor('assigneeId')}
            label={t('tasks.assigneeField')}
            value={assigneeId}
            choices={choices}
            onValueChange={setAssigneeId}
            error={errors.errorFor('assigneeId')}
          />
        ) : null}
      </div>
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t('tasks.add')}
      </Button>
    </form>
  );
}

/**
 * "Open taken" on the case page: the case's open tasks and reminders (overdue marked) with "Klaar", and a small form
 * to add one. The tasks come with the case overview; `onChanged` reloads it.
 */
export function CaseTasksSection({ overview, onChanged }: { overview: CaseOverview; onChanged: () => void }) {
  const { user } = useSession();
  const notice = useNotice();
  const done = useCompleteTask(onChanged, notice);
  const canWork = user ? mayWorkOnCase(user, overview) : false;
  const tasks = overview.openTasks;
  return (
    <section id="taken" aria-labelledby="taken-heading" className="nabij-section">
      <Heading2 id="taken-heading">{t('tasks.caseHeading')}</Heading2>
      {notice.element}
      {tasks.length === 0 ? <Paragraph>{t('tasks.caseNone')}</Paragraph> : null}
      {tasks.length > 0 ? (
        <TaskItems
          tasks={tasks}
          showAssignee
          labelledBy="taken-heading"
          onDone={canWork ? (task) => void done.complete(task) : undefined}
          busyId={done.busyId}
        />
      ) : null}
      {canWork && user ? (
        <FormDisclosure label={t('tasks.addHeading')}>
          <AddTaskForm
            overview={overview}
            me={user}
            onAdded={(task) => {
              notice.show(t('tasks.added', { title: task.title }));
              onChanged();
            }}
          />
        </FormDisclosure>
      ) : null}
    </section>
  );
}
