import { z } from 'zod';

/**
 * The public pages every footer links to (issue #21 item 1): the accessibility statement, the privacy statement and
 * contact. They are about one municipality: the one named by `gemeente` (its slug), or — without it — the only
 * municipality of the installation.
 */
export const publicOrganisationQuery = z.object({
  gemeente: z
    .string()
    .regex(/^[a-z0-9-]{2,50}$/, { error: 'Deze gemeente kennen wij niet.' })
    .optional(),
});

export const publicTeamContact = z.object({
  name: z.string(),
  area: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type PublicTeamContact = z.infer<typeof publicTeamContact>;

export const publicOrganisationInfo = z.object({
  tenantName: z.string(),
  tenantSlug: z.string(),
  teams: z.array(publicTeamContact),
});
export type PublicOrganisationInfo = z.infer<typeof publicOrganisationInfo>;
