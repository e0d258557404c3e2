import { RELATIONS } from '@nabij/contracts';
import { t } from '../../app/i18n';
import type { SelectChoice } from '../../components/SelectField';

export function relationChoices(): SelectChoice[] {
  return RELATIONS.map((relation) => ({ value: relation, label: t(`relation.${relation}`) }));
}

export function isRelation(value: string): value is (typeof RELATIONS)[number] {
  return (RELATIONS as readonly string[]).includes(value);
}
