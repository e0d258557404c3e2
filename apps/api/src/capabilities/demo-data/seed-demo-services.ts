import type { Tx } from '../../platform/database/database';

/** A small service catalogue (sociale kaart) for "Gemeente Voorbeeld": general and group offers before tailored services. */
export const DEMO_SERVICES = [
  {
    organisation: 'Vrijwilligerscentrale Voorbeeld',
    name: 'Vrijwillige Thuisadministratie',
    type: 'general',
    domains: ['finances', 'instrumental_adl'],
    area: 'Heel Voorbeeld',
    phone: '030-2001000',
    email: 'thuisadministratie@vrijwilligers.example',
    description:
      'Een getrainde vrijwilliger helpt thuis of in een groep om de post en de administratie op orde te krijgen en te houden.',
  },
  {
    organisation: 'Buurthuis De Schakel',
    name: 'Taalcafé buurthuis De Schakel',
    type: 'group',
    domains: ['community_participation', 'social_network', 'instrumental_adl'],
    area: 'Noord',
    phone: '030-2002000',
    email: 'taalcafe@deschakel.example',
    description: 'Elke dinsdagochtend samen Nederlands oefenen, ook met brieven lezen. Gratis, zonder aanmelding.',
  },
  {
    organisation: 'Bibliotheek Voorbeeld',
    name: 'Budgetcursus "Grip op je geld"',
    type: 'group',
    domains: ['finances'],
    area: 'Heel Voorbeeld',
    phone: '030-2003000',
    email: 'cursus@bibliotheek.example',
    description: 'Cursus van vier avonden over een huishoudboekje, post ordenen en rekeningen betalen.',
  },
  {
    organisation: 'Gemeente Voorbeeld',
    name: 'Schuldhulpverlening gemeente',
    type: 'tailored',
    domains: ['finances'],
    area: 'Heel Voorbeeld',
    phone: '14 030',
    email: 'schuldhulp@voorbeeld.example',
    description: 'Hulp bij problematische schulden: stabiliseren, schuldregeling of budgetbeheer.',
  },
  {
    organisation: 'Welzijn Voorbeeld',
    name: 'Maatjesproject "Samen op pad"',
    type: 'general',
    domains: ['social_network', 'community_participation'],
    area: 'Noord',
    phone: '030-2004000',
    email: 'maatjes@welzijn.example',
    description: 'Een vrijwillige maatje om samen activiteiten te ondernemen en nieuwe mensen te leren kennen.',
  },
  {
    organisation: 'Zorgaanbieder Thuis',
    name: 'Individuele begeleiding Wmo',
    type: 'tailored',
    domains: ['instrumental_adl', 'mental_health'],
    area: 'Heel Voorbeeld',
    phone: '030-2005000',
    email: 'aanmelden@zorgthuis.example',
    description: 'Maatwerkvoorziening na een beschikking van de gemeente.',
  },
] as const;

export async function seedDemoServices(tx: Tx, tenantId: string): Promise<void> {
  await tx
    .insertInto('service')
    .values(
      DEMO_SERVICES.map((s) => ({
        tenant_id: tenantId,
        organisation: s.organisation,
        name: s.name,
        description: s.description,
        domains: [...s.domains],
        type: s.type,
        area: s.area,
        phone: s.phone,
        email: s.email,
        website: null,
      })),
    )
    .execute();
}
