/**
 * The municipality's house style in the browser (issue #21 item 5, ADR 0054): its stylesheet laid over the default
 * Nabij theme as a <link> (no inline style, so the strict CSP stays), and its name and logo in the header.
 */
import type { PublicHouseStyle } from '@nabij/contracts';
import { useEffect, useState } from 'react';
import { api } from '../app/api';

const LINK_ID = 'nabij-house-style';
const known = new Map<string, PublicHouseStyle>();
const listeners = new Set<(slug: string, style: PublicHouseStyle) => void>();

/** Puts the municipality's stylesheet after the app's own (or removes it: back to the default theme). */
export function applyThemeHref(href: string | undefined): void {
  if (typeof document === 'undefined') return;
  const existing = document.getElementById(LINK_ID) as HTMLLinkElement | null;
  if (!href) {
    existing?.remove();
    return;
  }
  if (existing?.getAttribute('href') === href) return;
  const link = existing ?? document.createElement('link');
  link.id = LINK_ID;
  link.rel = 'stylesheet';
  link.href = href;
  if (!existing) document.head.appendChild(link);
}

/** After the administrator saved: every header and the stylesheet show the new style at once. */
export function houseStyleChanged(slug: string, style: PublicHouseStyle): void {
  known.set(slug, style);
  applyThemeHref(style.themeHref);
  for (const listener of listeners) listener(slug, style);
}

/**
 * The house style of a municipality by its slug (undefined while unknown, or without a municipality: the default
 * theme). Loads it once per page load and applies its stylesheet.
 */
export function useHouseStyle(slug: string | undefined): PublicHouseStyle | undefined {
  const [style, setStyle] = useState<PublicHouseStyle | undefined>(slug ? known.get(slug) : undefined);
  useEffect(() => {
    if (!slug) {
      setStyle(undefined);
      applyThemeHref(undefined);
      return;
    }
    let live = true;
    const listener = (changed: string, next: PublicHouseStyle) => {
      if (live && changed === slug) setStyle(next);
    };
    listeners.add(listener);
    const cached = known.get(slug);
    if (cached) {
      setStyle(cached);
      applyThemeHref(cached.themeHref);
    } else {
      api
        .get<PublicHouseStyle>(`/api/public/house-style/${encodeURIComponent(slug)}`, { reportSessionLost: false })
        .then((loaded) => {
          known.set(slug, loaded);
          if (!live) return;
          setStyle(loaded);
          applyThemeHref(loaded.themeHref);
        })
        .catch(() => {
          // Without its house style the page still works, in the default theme.
        });
    }
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, [slug]);
  return style;
}

/**
 * The municipality in the header: its logo (alt text = its name) and its name. With a logo the name is in the
 * image's alt text for screen readers, so the visible name beside it is hidden from them (read once, not twice).
 */
export function MunicipalityBrand({ name, logoHref }: { name: string; logoHref?: string | null | undefined }) {
  return (
    <span className="nabij-municipality">
      {logoHref ? <img className="nabij-municipality__logo" src={logoHref} alt={name} /> : null}
      <span className="nabij-municipality__name" aria-hidden={logoHref ? true : undefined}>
        {name}
      </span>
    </span>
  );
}

/**
 * The header's municipality for a slug: loads and applies its house style; shows its display name (or the given
 * fallback name until it is known). Without a slug it removes a previous municipality's stylesheet.
 */
export function TenantBrand({ slug, fallbackName }: { slug: string | undefined; fallbackName: string | undefined }) {
  const style = useHouseStyle(slug);
  const name = style?.displayName ?? fallbackName;
  if (!name) return null;
  return <MunicipalityBrand name={name} logoHref={style?.logoHref} />;
}
