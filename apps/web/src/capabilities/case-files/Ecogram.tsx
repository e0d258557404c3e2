import type { CaseOverview } from '@nabij/contracts';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { t } from '../../app/i18n';
import { ecogramVersion } from './case-format';

/**
 * The ecogram of the case: the image the API draws (with its legend of lines and shapes), or — while no network
 * person or professional is recorded — a sentence saying so instead of an empty map.
 */
export function Ecogram({
  overview,
}: {
  overview: Pick<CaseOverview, 'id' | 'household' | 'network' | 'professionals'>;
}) {
  const src = `/api/cases/${encodeURIComponent(overview.id)}/ecogram.svg?v=${ecogramVersion(overview)}`;
  const name = overview.household?.name ?? t('case.noHousehold');
  const empty = overview.network.length === 0 && overview.professionals.length === 0;
  return (
    <div className="nabij-ecogram">
      <Heading3 id="ecogram-heading">{t('case.ecogram')}</Heading3>
      {empty ? (
        <Paragraph className="nabij-ecogram__empty">{t('case.ecogramEmpty')}</Paragraph>
      ) : (
        <>
          <img
            src={src}
            className="nabij-ecogram__image"
            alt={t('case.ecogramAlt', {
              name,
              network: overview.network.length,
              professionals: overview.professionals.length,
            })}
          />
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => window.open(src, '_blank', 'noopener')}>
              {t('case.ecogramPrint')}
              <span className="nabij-visually-hidden">
                {' '}
                {t('case.ecogram')} {t('common.opensInNewTab')}
              </span>
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}
