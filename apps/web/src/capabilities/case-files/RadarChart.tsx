import { t } from '../../app/i18n';
import { assessmentTitle, zrmDomainLabel, type ZrmAssessment } from './case-format';
import { radarGeometry } from './radar-chart';

const SERIES_STYLE = [
  // Theme tokens (apps/web/src/theme/nabij-theme.css), set through style so that var() applies.
  {
    stroke: 'var(--nabij-color-chart-earlier)',
    dash: '6 4',
    fill: 'var(--nabij-color-chart-fill-earlier)',
    marker: 'square',
  },
  { stroke: 'var(--nabij-color-chart-line)', dash: undefined, fill: 'var(--nabij-color-chart-fill)', marker: 'circle' },
] as const;

interface RadarChartProps {
  personName: string;
  /** One or two measurements, oldest first. */
  measurements: readonly ZrmAssessment[];
  /** The domains to draw, in order. */
  domains: readonly string[];
}

/** The text alternative: which measurements and, per domain, the scores. */
export function radarAlt(
  personName: string,
  measurements: readonly ZrmAssessment[],
  domains: readonly string[],
): string {
  const [first, second] = measurements;
  const titles = measurements.map(assessmentTitle);
  const series = second
    ? t('case.radarSeriesTwo', { first: titles[0] ?? '', second: titles[1] ?? '' })
    : t('case.radarSeriesOne', { first: titles[0] ?? '' });
  const score = (m: ZrmAssessment | undefined, domain: string) => {
    const s = m?.scores.find((x) => x.domain === domain)?.score;
    return s === undefined ? t('case.zrmNotScored') : String(s);
  };
  const parts = domains.map((domain) =>
    second
      ? t('case.radarDomainTwo', {
          domain: zrmDomainLabel(domain),
          from: score(first, domain),
          to: score(second, domain),
        })
      : t('case.radarDomainOne', { domain: zrmDomainLabel(domain), score: score(first, domain) }),
  );
  return t('case.radarAlt', { name: personName, series, domains: parts.join('; ') });
}

/**
 * A radar chart of one or two ZRM measurements, drawn from the data. It is an image (`role="img"`) with a
 * full text alternative; the history table next to it is the data equivalent. Measurements differ by line
 * style and marker shape as well as colour, and the legend names them.
 */
export function RadarChart({ personName, measurements, domains }: RadarChartProps) {
  const geometry = radarGeometry(
    domains,
    measurements.map((m) => domains.map((d) => m.scores.find((s) => s.domain === d)?.score ?? null)),
  );
  const styleFor = (index: number) => SERIES_STYLE[measurements.length === 1 ? 1 : index] ?? SERIES_STYLE[1];
  const label = radarAlt(personName, measurements, domains);
  return (
    <figure className="nabij-radar">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${geometry.size} ${geometry.size}`}
        className="nabij-radar__svg"
        data-testid="zrm-radar"
        data-series={measurements.length}
      >
        <title>{label}</title>
        <g aria-hidden="true">
          {geometry.rings.map((points, i) => (
            <polygon
              key={`ring-${i}`}
              points={points}
              fill="none"
              className="nabij-radar__grid"
              strokeWidth={i === geometry.rings.length - 1 ? 1.5 : 0.75}
            />
          ))}
          {geometry.axes.map((axis) => (
            <g key={axis.key}>
              <line
                x1={geometry.centre.x}
                y1={geometry.centre.y}
                x2={axis.end.x}
                y2={axis.end.y}
                className="nabij-radar__grid"
                strokeWidth={0.75}
              />
              <text
                x={axis.label.x}
                y={axis.label.y}
                textAnchor={axis.anchor}
                dominantBaseline="middle"
                fontSize="11"
                className="nabij-radar__label"
              >
                {zrmDomainLabel(axis.key)}
              </text>
            </g>
          ))}
          {geometry.series.map((series, index) => {
            const style = styleFor(index);
            return (
              <g key={`series-${index}`} data-series-index={index}>
                <polygon
                  points={series.points}
                  style={{ fill: style.fill, stroke: style.stroke }}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                />
                {series.dots.map((dot, i) =>
                  dot === null ? null : style.marker === 'circle' ? (
                    <circle key={i} cx={dot.x} cy={dot.y} r={3.5} style={{ fill: style.stroke }} />
                  ) : (
                    <rect key={i} x={dot.x - 3.5} y={dot.y - 3.5} width={7} height={7} style={{ fill: style.stroke }} />
                  ),
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <span className="nabij-visually-hidden">{t('case.radarLegend')}: </span>
        <ul className="nabij-radar__legend">
          {measurements.map((m, index) => {
            const style = styleFor(index);
            return (
              <li key={m.id}>
                <svg width="32" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="2"
                    y1="6"
                    x2="30"
                    y2="6"
                    style={{ stroke: style.stroke }}
                    strokeWidth={2}
                    strokeDasharray={style.dash}
                  />
                  {style.marker === 'circle' ? (
                    <circle cx="16" cy="6" r="3.5" style={{ fill: style.stroke }} />
                  ) : (
                    <rect x="12.5" y="2.5" width="7" height="7" style={{ fill: style.stroke }} />
                  )}
                </svg>{' '}
                {assessmentTitle(m)}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
