import { createUserRequest, ROLES, type UserView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { VersionConflict } from '../../components/VersionConflict';
import { AdminNav } from './AdminNav';

interface Team {
  id: string;
  name: string;
  area: string | null;
}

interface UsersResponse {
  users: UserView[];
  teams: Team[];
}

interface IssuedPassword {
  username: string;
  displayName: string;
  password: string;
  reason: 'created' | 'reset';
}

const FIELDS = ['username', 'displayName', 'email', 'roles', 'teamIds'] as const;

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** Shown once after creating or resetting a user. */
function TemporaryPassword({ issued, onDismiss }: { issued: IssuedPassword; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [issued]);
  return (
    <div ref={ref} tabIndex={-1} className="nabij-issued-password">
      <Alert type="ok">
        <Heading2>{issued.reason === 'created' ? t('admin.createdHeading') : t('admin.resetHeading')}</Heading2>
        <Paragraph>{t('admin.passwordFor', { name: issued.displayName, username: issued.username })}</Paragraph>
        <p className="nabij-secret">
          <code data-testid="temporary-password">{issued.password}</code>
        </p>
        <Paragraph>{t('admin.passwordOnce')}</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={onDismiss}>
            {t('admin.passwordNoted')}
          </Button>
        </ButtonGroup>
      </Alert>
    </div>
  );
}

function CreateUserForm({ teams, onCreated }: { teams: readonly Team[]; onCreated: (issued: IssuedPassword) => void }) {
  const errors = useFormErrors('user', FIELDS);
  const [values, setValues] = useState({ username: '', displayName: '', email: '' });
  const [roles, setRoles] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createUserRequest.safeParse({ ...values, roles, teamIds });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<{ user: UserView; temporaryPassword: string }>('/api/admin/users', parsed.data);
      errors.clear();
      setValues({ username: '', displayName: '', email: '' });
      setRoles([]);
      setTeamIds([]);
      onCreated({
        username: result.user.username,
        displayName: result.user.displayName,
        password: result.temporaryPassword,
        reason: 'created',
      });
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const rolesError = errors.errorFor('roles');
  const teamsError = errors.errorFor('teamIds');

  return (
    <section aria-labelledby="admin-create-heading" className="nabij-section">
      <Heading2 id="admin-create-heading">{t('admin.createHeading')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-create-heading">
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('username')}
            label={t('admin.username')}
            description={t('admin.usernameDescription')}
            value={values.username}
            onValueChange={(username) => setValues((v) => ({ ...v, username }))}
            error={errors.errorFor('username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            id={errors.idFor('displayName')}
            label={t('admin.displayName')}
            value={values.displayName}
            onValueChange={(displayName) => setValues((v) => ({ ...v, displayName }))}
            error={errors.errorFor('displayName')}
            autoComplete="off"
            required
          />
          <TextField
            id={errors.idFor('email')}
            label={t('admin.email')}
            type="email"
            value={values.email}
            onValueChange={(email) => setValues((v) => ({ ...v, email }))}
            error={errors.errorFor('email')}
            autoComplete="off"
            optional
          />
        </div>
        <Fieldset invalid={Boolean(rolesError)} aria-describedby={rolesError ? 'user-roles-error' : undefined}>
          <FieldsetLegend>{t('admin.roles')}</FieldsetLegend>
          {rolesError ? <FormFieldErrorMessage id="user-roles-error">{rolesError}</FormFieldErrorMessage> : null}
          <div className="nabij-checkbox-columns">
            {ROLES.map((role, index) => (
              <CheckboxField
                key={role}
                id={index === 0 ? errors.idFor('roles') : `${errors.idFor('roles')}-${role}`}
                label={t(`role.${role}`)}
                checked={roles.includes(role)}
                onCheckedChange={(on) => setRoles((list) => toggle(list, role, on))}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset invalid={Boolean(teamsError)} aria-describedby={teamsError ? 'user-teams-error' : undefined}>
          <FieldsetLegend>
            {t('admin.teams')} <span className="nabij-optional">{t('form.optional')}</span>
          </FieldsetLegend>
          {teamsError ? <FormFieldErrorMessage id="user-teams-error">{teamsError}</FormFieldErrorMessage> : null}
          {teams.length === 0 ? <Paragraph>{t('admin.noTeams')}</Paragraph> : null}
          <div className="nabij-checkbox-columns">
            {teams.map((team, index) => (
              <CheckboxField
                key={team.id}
                id={index === 0 ? errors.idFor('teamIds') : `${errors.idFor('teamIds')}-${team.id}`}
                label={team.area ? `${team.name} (${team.area})` : team.name}
                checked={teamIds.includes(team.id)}
                onCheckedChange={(on) => setTeamIds((list) => toggle(list, team.id, on))}
              />
            ))}
          </div>
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('admin.createSubmit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** A worker's expertise (comma-separated), shown at the assignment meeting. */
function ExpertiseEditor({
  user,
  onUpdated,
  onProblem,
}: {
  user: UserView;
  onUpdated: (user: UserView) => void;
  onProblem: (message: string | undefined) => void;
}) {
  const [value, setValue] = useState(user.expertise.join(', '));
  const [saved, setSaved] = useState(false);
  /** The newest saved expertise after a version conflict; the field keeps what the user typed. */
  const [conflict, setConflict] = useState<UserView | undefined>(undefined);
  const id = `expertise-${user.id}`;
  const save = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const expertise = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      onUpdated(
        await api.put<UserView>(`/api/admin/users/${user.id}/expertise`, {
          expertise,
          version: conflict?.version ?? user.version,
        }),
      );
      setConflict(undefined);
      onProblem(undefined);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const newest = (await api.get<{ users: UserView[] }>('/api/admin/users')).users.find((u) => u.id === user.id);
          setConflict(newest);
          onProblem(t('conflict.message'));
        } catch (reloadError) {
          onProblem(errorText(reloadError));
        }
      } else {
        onProblem(errorText(error));
      }
    }
  };
  return (
    <>
      <form onSubmit={(event) => void save(event)} className="nabij-inline-form">
        <label htmlFor={id} className="nabij-visually-hidden">
          {t('admin.expertiseFor', { name: user.displayName })}
        </label>
        <input
          id={id}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
          }}
        />
        <Button type="submit" appearance="subtle-button">
          {conflict ? t('conflict.saveMine') : t('admin.expertiseSave')}
          <span className="nabij-visually-hidden"> {t('admin.forUser', { name: user.displayName })}</span>
        </Button>
        <span role="status">{saved ? t('admin.expertiseSaved') : ''}</span>
      </form>
      {conflict ? (
        <VersionConflict
          fields={[
            { key: 'expertise', label: t('admin.expertise'), mine: value, saved: conflict.expertise.join(', ') },
          ]}
          onTakeSaved={() => {
            setValue(conflict.expertise.join(', '));
            onUpdated(conflict);
            setConflict(undefined);
            onProblem(undefined);
          }}
        />
      ) : null}
    </>
  );
}

function UserActions({
  user,
  isSelf,
  onUpdated,
  onIssued,
  onProblem,
}: {
  user: UserView;
  isSelf: boolean;
  onUpdated: (user: UserView) => void;
  onIssued: (issued: IssuedPassword) => void;
  onProblem: (message: string | undefined) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const who = <span className="nabij-visually-hidden"> {t('admin.forUser', { name: user.displayName })}</span>;

  useEffect(() => {
    if (confirmReset) confirmButton.current?.focus();
  }, [confirmReset]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      onProblem(undefined);
    } catch (error) {
      // Deactivating a worker with open cases: the server's message names how many and who moves them (issue #17 item 6).
      onProblem(
        error instanceof ApiError && error.code === 'user_has_open_cases' && error.body.message
          ? error.body.message
          : errorText(error),
      );
    } finally {
      setBusy(false);
    }
  };

  const base = `/api/admin/users/${encodeURIComponent(user.id)}`;

  return (
    <ButtonGroup className="nabij-row-actions">
      {!isSelf ? (
        <Button
          appearance="secondary-action-button"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              onUpdated(await api.post<UserView>(`${base}/${user.active ? 'deactivate' : 'activate'}`, {})),
            )
          }
        >
          {user.active ? t('admin.deactivate') : t('admin.activate')}
          {who}
        </Button>
      ) : null}
      {confirmReset ? (
        <>
          <Button
            ref={confirmButton}
            appearance="primary-action-button"
            hint="danger"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const result = await api.post<{ user: UserView; temporaryPassword: string }>(`${base}/reset`, {});
                setConfirmReset(false);
                onUpdated(result.user);
                onIssued({
                  username: result.user.username,
                  displayName: result.user.displayName,
                  password: result.temporaryPassword,
                  reason: 'reset',
                });
              })
            }
          >
            {t('admin.confirmReset')}
            {who}
          </Button>
          <Button appearance="subtle-button" disabled={busy} onClick={() => setConfirmReset(false)}>
            {t('common.cancel')}
          </Button>
        </>
      ) : (
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => setConfirmReset(true)}>
          {t('admin.reset')}
          {who}
        </Button>
      )}
    </ButtonGroup>
  );
}

/** The functional administrator's user management: list, create, deactivate/activate, reset. */
export function UsersPage() {
  usePageTitle(t('admin.title'));
  const { user: me } = useSession();
  const data = useResource<UsersResponse>('/api/admin/users');
  const [issued, setIssued] = useState<IssuedPassword | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const replaceUser = (updated: UserView) => {
    if (data.status !== 'ready') return;
    const exists = data.data.users.some((u) => u.id === updated.id);
    data.setData({
      ...data.data,
      users: exists ? data.data.users.map((u) => (u.id === updated.id ? updated : u)) : [...data.data.users, updated],
    });
  };

  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('admin.intro')}</Paragraph>
      {issued ? <TemporaryPassword issued={issued} onDismiss={() => setIssued(undefined)} /> : null}
      {problem ? (
        <Alert type="error">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(data.error)}</Paragraph>
        </Alert>
      ) : null}
      {data.status === 'ready' ? (
        <>
          <section aria-labelledby="admin-users-heading" className="nabij-section">
            <Heading2 id="admin-users-heading">{t('admin.usersHeading')}</Heading2>
            {data.data.users.length === 0 ? <Paragraph>{t('admin.noUsers')}</Paragraph> : null}
            {data.data.users.length > 0 ? (
              <div className="nabij-table-scroll">
                <Table className="nabij-responsive-table">
                  <TableCaption className="nabij-visually-hidden">{t('admin.usersHeading')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('admin.displayName')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.username')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.roles')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.teams')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.twoFactor')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('admin.expertise')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.data.users.map((u) => (
                      <TableRow key={u.id}>
                        <TableCell data-label={t('admin.displayName')}>{u.displayName}</TableCell>
                        <TableCell data-label={t('admin.username')}>{u.username}</TableCell>
                        <TableCell data-label={t('admin.roles')}>
                          {joinList(u.roles.map((r) => t(`role.${r}`)))}
                        </TableCell>
                        <TableCell data-label={t('admin.teams')}>
                          {u.teams.length > 0 ? joinList(u.teams.map((team) => team.name)) : t('admin.noTeam')}
                        </TableCell>
                        <TableCell data-label={t('admin.status')}>
                          {u.active ? t('admin.active') : t('admin.inactive')}
                        </TableCell>
                        <TableCell data-label={t('admin.twoFactor')}>
                          {u.totpEnabled ? t('admin.totpOn') : t('admin.totpOff')}
                        </TableCell>
                        <TableCell data-label={t('admin.expertise')}>
                          <ExpertiseEditor user={u} onUpdated={replaceUser} onProblem={setProblem} />
                        </TableCell>
                        <TableCell data-label={t('common.actions')}>
                          <UserActions
                            user={u}
                            isSelf={u.id === me?.id}
                            onUpdated={replaceUser}
                            onIssued={setIssued}
                            onProblem={setProblem}
                          />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
          </section>
          <CreateUserForm
            teams={data.data.teams}
            onCreated={(created) => {
              setIssued(created);
              data.reload();
            }}
          />
        </>
      ) : null}
    </>
  );
}
