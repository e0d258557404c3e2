/**
 * Dutch (nl-NL) texts shared by API and web: role and relation labels and the messages for error codes.
 * Other languages follow by adding a file with the same keys.
 */
export const nl = {
  'role.volunteer_host': 'Gastvrouw/gastheer',
  'role.intake_desk': 'Bureaudienst',
  'role.case_worker': 'Wijkteamwerker',
  'role.behavioural_scientist': 'Gedragswetenschapper',
  'role.team_coordinator': 'Teamcoördinator',
  'role.municipal_consultant': 'Gemeentelijk consulent (Wmo/Jeugd)',
  'role.privacy_officer': 'Privacyfunctionaris',
  'role.functional_admin': 'Functioneel beheerder',

  'relation.parent': 'Ouder',
  'relation.child': 'Kind',
  'relation.partner': 'Partner',
  'relation.other': 'Overig',

  'error.validation_failed': 'Niet alle velden zijn goed ingevuld. Controleer de gemarkeerde velden.',
  'error.invalid_credentials': 'De gebruikersnaam of het wachtwoord klopt niet.',
  'error.too_many_attempts': 'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
  'error.invalid_totp': 'De code klopt niet of is verlopen. Probeer het opnieuw.',
  'error.invalid_recovery_code': 'Deze herstelcode klopt niet of is al gebruikt.',
  'error.mfa_required': 'Bevestig eerst uw inlog met de code uit uw authenticator-app.',
  'error.not_authenticated': 'U bent niet (meer) ingelogd. Log opnieuw in.',
  'error.session_expired': 'Uw sessie is verlopen. Log opnieuw in.',
  'error.csrf_failed': 'De aanvraag kon niet worden gecontroleerd. Vernieuw de pagina en probeer het opnieuw.',
  'error.forbidden': 'U heeft geen toegang tot deze gegevens.',
  'error.not_found': 'Deze pagina of dit gegeven bestaat niet (meer).',
  'error.person_not_found': 'Deze persoon is niet gevonden.',
  'error.household_not_found': 'Dit huishouden is niet gevonden.',
  'error.user_not_found': 'Deze gebruiker is niet gevonden.',
  'error.team_not_found': 'Een van de gekozen teams bestaat niet.',
  'error.username_taken': 'Deze gebruikersnaam is al in gebruik.',
  'error.possible_duplicate': 'Er zijn personen gevonden die mogelijk dezelfde zijn. Controleer dit voordat u een nieuwe persoon aanmaakt.',
  'error.version_conflict': 'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en voer uw wijziging opnieuw in.',
  'error.already_member': 'Deze persoon is al lid van dit huishouden.',
  'error.last_member': 'Een huishouden heeft minstens één lid.',
  'error.wrong_password': 'Uw huidige wachtwoord klopt niet.',
  'error.password_reused': 'Kies een ander wachtwoord dan uw huidige.',
  'error.totp_already_enabled': 'Tweestapsverificatie staat al aan.',
  'error.oidc_not_configured': 'Inloggen via uw organisatie is niet ingesteld.',
  'error.oidc_failed': 'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.',
  'error.oidc_no_role': 'Uw account bij uw organisatie heeft geen rol in Nabij. Neem contact op met de functioneel beheerder.',
  'error.account_inactive': 'De gebruikersnaam of het wachtwoord klopt niet.',
  'error.cannot_deactivate_self': 'U kunt uw eigen account niet uitzetten.',
  'error.payload_too_large': 'Het verzoek is te groot.',
  'error.unsupported_media_type': 'Dit soort verzoek wordt niet ondersteund.',
  'error.rate_limited': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'error.database_unavailable': 'Nabij kan de database nu niet bereiken. Probeer het over een minuut opnieuw.',
  'error.invalid_status_change': 'Deze aanmelding kan niet naar die status. Vernieuw de pagina om de huidige status te zien.',
  'error.referral_incomplete': 'De aanmelding is nog niet compleet. Vul eerst de ontbrekende punten van de checklist aan en doe de regiecheck.',
  'error.already_decided': 'Over deze aanmelding is al een kernbesluit genomen. Een besluit wordt niet overschreven.',
  'error.not_decided': 'Over deze aanmelding is nog geen kernbesluit genomen.',
  'error.not_on_agenda': 'Deze aanmelding staat niet op de agenda van dit overleg.',
  'error.already_assigned': 'Deze aanmelding heeft al een dossier met een werker.',
  'error.worker_not_available': 'Kies een werker van dit team.',
  'error.plan_exists': 'Dit dossier heeft al een plan. Open het bestaande plan.',
  'error.plan_not_found': 'Dit dossier heeft nog geen plan.',
  'error.plan_frozen': 'Deze versie van het plan is akkoord gegeven door het huishouden en kan niet meer worden gewijzigd. Maak een nieuwe versie met de reden van de wijziging.',
  'error.plan_not_agreed': 'Het plan is nog niet akkoord gegeven. U kunt de conceptversie gewoon aanpassen.',
  'error.plan_without_goals': 'Een plan zonder doelen kan niet akkoord worden gegeven. Voeg eerst ten minste één doel toe.',
  'error.child_safety_required': 'In dit huishouden wonen minderjarigen. Leg eerst de risico- en veiligheidstaxatie voor de kinderen vast; daarna kan het plan akkoord worden gegeven.',
  'error.internal': 'Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de functioneel beheerder.',
} as const;

export type MessageKey = keyof typeof nl;

/** Looks up a text; `{name}` placeholders are filled from `vars`. Unknown keys return the key so gaps are visible. */
export function translate(key: string, vars?: Record<string, string | number>): string {
  const text = (nl as Record<string, string>)[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}
