import type { PublicOrganisationInfo } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Deps } from '../../platform/deps';

/**
 * The municipality and its teams' contact channels for the public pages (accessibility and privacy statements,
 * contact; issue #21 item 1). Only what a municipality publishes anyway: its name and each team's name, area, phone
 * and e-mail as set by the functional administrator — never a person, a user or the team's intake address. Without a
 * slug the installation's only municipality is meant; with several (or none) the answer is 404 and the page shows
 * its general text.
 */
export async function publicOrganisation(deps: Deps, slug: string | undefined): Promise<PublicOrganisationInfo> {
  return deps.db.inSystem(async (tx) => {
    const query = tx.selectFrom('tenant').select(['id', 'slug', 'name']).orderBy('slug').limit(2);
    const tenants = await (slug ? query.where('slug', '=', slug) : query).execute();
    const tenant = tenants.length === 1 ? tenants[0] : undefined;
    if (!tenant) throw new AppError('not_found');
    const teams = await tx
      .selectFrom('team')
      .select(['name', 'area', 'contact_phone', 'contact_email'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('name')
      .execute();
    return {
      tenantName: tenant.name,
      tenantSlug: tenant.slug,
      teams: teams.map((t) => ({ name: t.name, area: t.area, phone: t.contact_phone, email: t.contact_email })),
    };
  });
}
