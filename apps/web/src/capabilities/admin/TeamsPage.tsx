import { Alert, Button, Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { updateTeamSettingsRequest } from '@nabij/contracts';
import { CheckboxField } from '../../components/CheckboxField';
import { useFormErrors } from '../../components/form-state';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { VersionConflict } from '../../components/VersionConflict';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { AdminNav } from './AdminNav';

interface TeamSettings {
  id: string;
  name: string;
  area: string | null;
  acceptsWebReferrals: boolean;
  acceptsSelfReferrals: boolean;
  analysisWeeks: number;
  outreachWeeks: number;
  evaluationWeeks: number;
  postalAddress: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  version: number;
}

/** One team's referral channels: on the public form or not, and whether residents may refer themselves. */
export function TeamForm({ team, onSaved }: { team: TeamSettings; onSaved: (team: TeamSettings) => void }) {
  const [web, setWeb] = useState(team.acceptsWebReferrals);
  const [self, setSelf] = useState(team.acceptsSelfReferrals);
  const [analysisWeeks, setAnalysisWeeks] = useState(String(team.analysisWeeks));
  const [outreachWeeks, setOutreachWeeks] = useState(String(team.outreachWeeks));
  const [evaluationWeeks, setEvaluationWeeks] = useState(String(team.evaluationWeeks));
  const [postalAddress, setPostalAddress] = useState(team.postalAddress ?? '');
  const [contactPhone, setContactPhone] = useState(team.contactPhone ?? '');
  const [contactEmail, setContactEmail] = useState(team.contactEmail ?? '');
  const errors = useFormErrors(`team-${team.id}`, [
    'analysisWeeks',
    'outreachWeeks',
    'evaluationWeeks',
    'postalAddress',
    'contactPhone',
    'contactEmail',
  ] as const);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(team.version);
  /** The newest saved settings after a version conflict; the form keeps what the user chose. */
  const [conflict, setConflict] = useState<TeamSettings | undefined>(undefined);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = updateTeamSettingsRequest.safeParse({
      acceptsWebReferrals: web,
      acceptsSelfReferrals: self,
      analysisWeeks,
      outreachWeeks,
      evaluationWeeks,
      postalAddress,
      contactPhone,
      contactEmail,
      version,
    });
    if (!parsed.success) {
      setStatus(undefined);
      errors.showIssues(parsed.error.issues);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const saved = await api.put<TeamSettings>(`/api/admin/teams/${team.id}`, parsed.data);
      setVersion(saved.version);
      setConflict(undefined);
      onSaved(saved);
      setStatus({ ok: true, text: t('teams.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const newest = (await api.get<{ teams: TeamSettings[] }>('/api/admin/teams')).teams.find(
            (x) => x.id === team.id,
          );
          if (newest) {
            setConflict(newest);
            setVersion(newest.version);
          }
          setStatus({ ok: false, text: t('conflict.message') });
        } catch (reloadError) {
          setStatus({ ok: false, text: errorText(reloadError) });
        }
      } else {
        setStatus({ ok: false, text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="nabij-section"
      aria-labelledby={`team-${team.id}-heading`}
    >
      <Heading2 id={`team-${team.id}-heading`}>{team.name}</Heading2>
      <Fieldset>
        <FieldsetLegend>{t('teams.channelsLegend', { team: team.name })}</FieldsetLegend>
        <CheckboxField
          id={`team-${team.id}-web`}
          label={t('teams.acceptsWeb')}
          description={t('teams.acceptsWebDescription')}
          checked={web}
          onCheckedChange={setWeb}
        />
        <CheckboxField
          id={`team-${team.id}-self`}
          label={t('teams.acceptsSelf')}
          description={t('teams.acceptsSelfDescription')}
          checked={self}
          onCheckedChange={setSelf}
        />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('teams.termsLegend')}</FieldsetLegend>
        <TextField
          id={`team-${team.id}-analysisWeeks`}
          label={t('teams.analysisWeeks')}
          description={t('teams.analysisWeeksDescription')}
          value={analysisWeeks}
          onValueChange={setAnalysisWeeks}
          error={errors.errorFor('analysisWeeks')}
          inputMode="numeric"
        />
        <TextField
          id={`team-${team.id}-outreachWeeks`}
          label={t('teams.outreachWeeks')}
          description={t('teams.outreachWeeksDescription')}
          value={outreachWeeks}
          onValueChange={setOutreachWeeks}
          error={errors.errorFor('outreachWeeks')}
          inputMode="numeric"
        />
        <TextField
          id={`team-${team.id}-evaluationWeeks`}
          label={t('teams.evaluationWeeks')}
          description={t('teams.evaluationWeeksDescription')}
          value={evaluationWeeks}
          onValueChange={setEvaluationWeeks}
          error={errors.errorFor('evaluationWeeks')}
          inputMode="numeric"
        />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('teams.letterheadLegend')}</FieldsetLegend>
        <TextAreaField
          id={`team-${team.id}-postalAddress`}
          label={t('teams.postalAddress')}
          description={t('teams.postalAddressDescription')}
          value={postalAddress}
          onValueChange={setPostalAddress}
          error={errors.errorFor('postalAddress')}
          rows={3}
          optional
          autoComplete="off"
        />
        <TextField
          id={`team-${team.id}-contactPhone`}
          label={t('teams.contactPhone')}
          value={contactPhone}
          onValueChange={setContactPhone}
          error={errors.errorFor('contactPhone')}
          type="tel"
          optional
          autoComplete="off"
        />
        <TextField
          id={`team-${team.id}-contactEmail`}
          label={t('teams.contactEmail')}
          value={contactEmail}
          onValueChange={setContactEmail}
          error={errors.errorFor('contactEmail')}
          type="email"
          optional
          autoComplete="off"
        />
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {conflict ? t('conflict.saveMine') : t('teams.save')}
      </Button>
      <div role="status">{status?.ok ? <Paragraph>{status.text}</Paragraph> : null}</div>
      {status && !status.ok ? (
        <Alert type="error">
          <Paragraph>{status.text}</Paragraph>
        </Alert>
      ) : null}
      {conflict ? (
        <VersionConflict
          fields={[
            { key: 'web', label: t('teams.acceptsWeb'), mine: yesNo(web), saved: yesNo(conflict.acceptsWebReferrals) },
            {
              key: 'self',
              label: t('teams.acceptsSelf'),
              mine: yesNo(self),
              saved: yesNo(conflict.acceptsSelfReferrals),
            },
            {
              key: 'analysisWeeks',
              label: t('teams.analysisWeeks'),
              mine: analysisWeeks,
              saved: String(conflict.analysisWeeks),
            },
            {
              key: 'outreachWeeks',
              label: t('teams.outreachWeeks'),
              mine: outreachWeeks,
              saved: String(conflict.outreachWeeks),
            },
            {
              key: 'evaluationWeeks',
              label: t('teams.evaluationWeeks'),
              mine: evaluationWeeks,
              saved: String(conflict.evaluationWeeks),
            },
            {
              key: 'postalAddress',
              label: t('teams.postalAddress'),
              mine: postalAddress,
              saved: conflict.postalAddress ?? '',
            },
            {
              key: 'contactPhone',
              label: t('teams.contactPhone'),
              mine: contactPhone,
              saved: conflict.contactPhone ?? '',
            },
            {
              key: 'contactEmail',
              label: t('teams.contactEmail'),
              mine: contactEmail,
              saved: conflict.contactEmail ?? '',
            },
          ]}
          onTakeSaved={() => {
            setWeb(conflict.acceptsWebReferrals);
            setSelf(conflict.acceptsSelfReferrals);
            setAnalysisWeeks(String(conflict.analysisWeeks));
            setOutreachWeeks(String(conflict.outreachWeeks));
            setEvaluationWeeks(String(conflict.evaluationWeeks));
            setPostalAddress(conflict.postalAddress ?? '');
            setContactPhone(conflict.contactPhone ?? '');
            setContactEmail(conflict.contactEmail ?? '');
            setConflict(undefined);
            setStatus(undefined);
          }}
        />
      ) : null}
    </form>
  );
}

/** `/beheer/teams`: which referral channels each team accepts. */
export function TeamsPage() {
  usePageTitle(t('teams.title'));
  const teams = useResource<{ teams: TeamSettings[] }>('/api/admin/teams');
  return (
    <>
      <PageHeading>{t('teams.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('teams.intro')}</Paragraph>
      {teams.status === 'loading' ? <Loading /> : null}
      {teams.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(teams.error)}</Paragraph>
        </Alert>
      ) : null}
      {teams.status === 'ready'
        ? teams.data.teams.map((team) => (
            <TeamForm
              key={team.id}
              team={team}
              onSaved={(saved) =>
                teams.setData({ teams: teams.data.teams.map((x) => (x.id === saved.id ? saved : x)) })
              }
            />
          ))
        : null}
    </>
  );
}
