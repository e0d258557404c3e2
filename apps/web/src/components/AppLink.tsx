import { Link as RouterLink, type LinkProps } from 'react-router';

/** A client-side link styled as an NL Design System link. */
export function AppLink({ className, ...props }: LinkProps) {
  return (
    <RouterLink {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} />
  );
}

type ButtonLinkAppearance = 'primary-action-button' | 'secondary-action-button' | 'subtle-button';

const APPEARANCE_CLASS: Record<ButtonLinkAppearance, string> = {
  'primary-action-button': 'utrecht-button-link--primary-action',
  'secondary-action-button': 'utrecht-button-link--secondary-action',
  'subtle-button': 'utrecht-button-link--subtle',
};

/** A client-side link that looks like a button (for navigation actions such as "Persoon registreren"). */
export function AppButtonLink({
  className,
  appearance = 'secondary-action-button',
  ...props
}: LinkProps & { appearance?: ButtonLinkAppearance }) {
  return (
    <RouterLink
      {...props}
      className={['utrecht-button-link', 'utrecht-button-link--html-a', APPEARANCE_CLASS[appearance], className]
        .filter(Boolean)
        .join(' ')}
    />
  );
}
