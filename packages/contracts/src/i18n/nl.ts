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
  'role.policy_advisor': 'Beleidsadviseur gemeente (sturingsinformatie)',
  /** Not a staff role: the access log's role for an action in the resident portal (Mijn Nabij). */
  'role.resident': 'Inwoner (via Mijn Nabij)',

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
  'error.possible_duplicate':
    'Er zijn personen gevonden die mogelijk dezelfde zijn. Controleer dit voordat u een nieuwe persoon aanmaakt.',
  'error.version_conflict':
    'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en voer uw wijziging opnieuw in.',
  'error.already_member': 'Deze persoon is al lid van dit huishouden.',
  'error.last_member': 'Een huishouden heeft minstens één lid.',
  'error.wrong_password': 'Uw huidige wachtwoord klopt niet.',
  'error.password_reused': 'Kies een ander wachtwoord dan uw huidige.',
  'error.totp_already_enabled': 'Tweestapsverificatie staat al aan.',
  'error.oidc_not_configured': 'Inloggen via uw organisatie is niet ingesteld.',
  'error.oidc_failed': 'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.',
  'error.oidc_no_role':
    'Uw account bij uw organisatie heeft geen rol in Nabij. Neem contact op met de functioneel beheerder.',
  'error.account_inactive': 'De gebruikersnaam of het wachtwoord klopt niet.',
  'error.cannot_deactivate_self': 'U kunt uw eigen account niet uitzetten.',
  'error.payload_too_large': 'Het verzoek is te groot.',
  'error.request_header_too_large':
    'Het verzoek heeft te grote kopregels (bijvoorbeeld te veel cookies). Verwijder de cookies van deze website en probeer het opnieuw.',
  'error.request_timeout': 'Het verzoek duurde te lang. Probeer het opnieuw.',
  'error.bad_request': 'Het verzoek kon niet worden gelezen. Probeer het opnieuw.',
  'error.empty_file': 'Het bestand is leeg. Kies een bestand met inhoud.',
  'error.unsupported_media_type': 'Dit soort verzoek wordt niet ondersteund.',
  'error.rate_limited': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  'error.database_unavailable': 'Nabij kan de database nu niet bereiken. Probeer het over een minuut opnieuw.',
  'error.shutting_down': 'Nabij wordt opnieuw gestart. Probeer het over een paar seconden opnieuw.',
  'error.case_closed': 'Dit dossier is afgesloten. Heropen het eerst om hier iets aan toe te voegen.',
  'error.invalid_status_change':
    'Deze aanmelding kan niet naar die status. Vernieuw de pagina om de huidige status te zien.',
  'error.referral_incomplete':
    'De aanmelding is nog niet compleet. Vul eerst de ontbrekende punten van de checklist aan en doe de regiecheck.',
  'error.already_decided': 'Over deze aanmelding is al een kernbesluit genomen. Een besluit wordt niet overschreven.',
  'error.not_decided': 'Over deze aanmelding is nog geen kernbesluit genomen.',
  'error.not_on_agenda': 'Deze aanmelding staat niet op de agenda van dit overleg.',
  'error.already_assigned': 'Deze aanmelding heeft al een dossier met een werker.',
  'error.worker_not_available': 'Kies een werker van dit team.',
  'error.plan_exists': 'Dit dossier heeft al een plan. Open het bestaande plan.',
  'error.plan_not_found': 'Dit dossier heeft nog geen plan.',
  'error.plan_frozen':
    'Deze versie van het plan is akkoord gegeven door het huishouden en kan niet meer worden gewijzigd. Maak een nieuwe versie met de reden van de wijziging.',
  'error.plan_not_agreed': 'Het plan is nog niet akkoord gegeven. U kunt de conceptversie gewoon aanpassen.',
  'error.plan_without_goals':
    'Een plan zonder doelen kan niet akkoord worden gegeven. Voeg eerst ten minste één doel toe.',
  'error.evaluation_not_in_execution':
    'Een evaluatie kan alleen worden vastgelegd als het dossier in de uitvoeringsfase is, dus nadat het huishouden akkoord gaf op het plan. Er is niets opgeslagen.',
  'error.closure_not_possible':
    'Dit dossier kan nu niet zo worden afgesloten. Afsluiten kan vanuit de uitvoerings- of afsluitfase; in de analyse- of planfase alleen met een andere reden dan "doelen bereikt". Een dossier in de waakvlam sluit u af met "Waakvlam beëindigen". Er is niets opgeslagen.',
  'error.open_actions_undecided':
    'Er staan nog acties uit het plan open. Kies per open actie of die is afgerond, gestopt of overgedragen; daarna kunt u afsluiten. Er is niets opgeslagen.',
  'error.closure_needs_team_meeting':
    'U antwoordde dat er iets mis kan gaan als u eruit stapt. Dan wordt het dossier nog niet afgesloten: bespreek het eerst in het casuïstiekoverleg. Uw antwoord is vastgelegd in het dossier.',
  'error.closing_answer_needs_review':
    'Eerder is "ja" geantwoord op "Gaat er iets mis als ik eruit stap?". Dat antwoord verandert alleen door het besluit van het casuïstiekoverleg, of door de teamcoördinator met een reden. Er is niets opgeslagen.',
  'error.not_in_watch': 'Dit dossier staat niet (meer) in de waakvlam.',
  'error.cannot_reactivate':
    'Alleen een dossier in de waakvlam, of een dossier dat minder dan twee jaar geleden is afgesloten, kan opnieuw actief worden.',
  'error.sharing_basis_required':
    'Er is geen geldige toestemming van het huishouden om informatie te delen met deze ontvanger. Leg de wettelijke grondslag en de reden van het delen vast, of vraag eerst toestemming. Er is niets verstuurd.',
  'error.no_referrer':
    'Bij dit dossier is geen verwijzende organisatie of persoon bekend. Er is geen brief aan de verwijzer te versturen.',
  'error.not_closed_yet': 'Dit dossier is in deze periode nog niet afgesloten. Verstuur de brieven na het afsluiten.',
  'error.second_factor_required':
    'Het logboek is alleen te bekijken als u bent ingelogd met tweestapsverificatie (een code uit uw authenticator-app). Zet tweestapsverificatie aan via "Mijn werk" en probeer het opnieuw. Uw poging is vastgelegd.',
  'error.emergency_access_not_needed': 'U heeft al gewone toegang tot dit dossier. Noodtoegang is niet nodig.',
  'error.child_safety_required':
    'In dit huishouden wonen minderjarigen. Leg eerst de risico- en veiligheidstaxatie voor de kinderen vast; daarna kan het plan akkoord worden gegeven.',
  'error.erasure_exception_applies':
    'Er geldt een wettelijke uitzondering, dus de gegevens worden niet gewist. Wijs het verzoek (gedeeltelijk) af en leg de motivering vast.',
  'error.inspection_decisions_missing':
    'Leg eerst per categorie (interne notities, Meldcode, netwerk, andere gezinsleden) vast of u de gegevens opneemt, met de reden. Daarna kunt u de kopie maken.',
  'error.not_due_for_destruction': 'Dit dossier is nog niet aan de beurt om te vernietigen.',
  'error.request_closed': 'Dit verzoek is al afgehandeld en kan niet meer worden gewijzigd.',
  'error.wrong_request_kind': 'Dit kan niet bij dit soort verzoek.',
  'error.resident_code_invalid':
    'Deze code klopt niet. Kijk of u de code goed heeft overgenomen, of vraag een nieuwe code aan.',
  'error.resident_code_expired': 'Deze code is verlopen. Een code werkt 10 minuten. Vraag een nieuwe code aan.',
  'error.resident_code_blocked':
    'U heeft te vaak een verkeerde code ingevuld. Deze code werkt niet meer. Vraag een nieuwe code aan.',
  'error.resident_email_login_disabled': 'Inloggen met een code per e-mail kan hier niet. Log in met DigiD.',
  'error.resident_digid_not_configured': 'Inloggen met DigiD is nog niet ingesteld.',
  'error.resident_not_allowed':
    'U kunt dit niet doen voor deze persoon. Heeft u een vraag? Neem contact op met uw contactpersoon.',
  'error.resident_plan_adults_only':
    'Alleen volwassenen (18 jaar en ouder) kunnen het plan van het huishouden akkoord geven of acties afvinken.',
  'error.resident_no_case': 'Er is op dit moment geen lopend dossier bij het wijkteam.',
  'error.resident_nothing_to_agree': 'Er staat geen nieuwe versie van het plan voor u klaar om akkoord te geven.',
  'error.plan_version_outdated':
    'Het plan is intussen veranderd. Lees de nieuwste versie en geef dan opnieuw akkoord. Er is niets opgeslagen.',
  'error.resident_action_not_own': 'Deze actie doet iemand anders. U kunt alleen acties afvinken die u zelf doet.',
  'error.copy_request_open':
    'U heeft al een verzoek om een kopie dat nog loopt. U krijgt daarop binnen een maand antwoord.',
  'error.resident_email_in_use': 'Dit e-mailadres wordt al gebruikt voor Mijn Nabij. Kies een ander e-mailadres.',
  'error.resident_account_exists': 'Deze persoon heeft al een account voor Mijn Nabij.',
  'error.bsn_exists':
    'Er is al een persoon met dit BSN. Open die persoon in plaats van een nieuwe te registreren; er is niets opgeslagen.',
  'error.person_merged': 'Deze persoon is samengevoegd met een andere persoon.',
  'error.merge_same_person': 'Kies een andere persoon om mee samen te voegen.',
  'error.merge_bsn_differs':
    'Deze personen hebben elk een ander BSN: dat zijn twee verschillende mensen. Is een van beide BSN’s fout, corrigeer het dan eerst. Er is niets samengevoegd.',
  'error.merge_conflict':
    'Deze personen kunnen niet worden samengevoegd: beide hebben gegevens die maar één keer mogen bestaan (bijvoorbeeld een eigen account voor Mijn Nabij). Er is niets samengevoegd.',
  'error.merge_no_case_access':
    'U kunt deze personen niet samenvoegen: een van hen hoort bij een dossier waar u geen toegang toe heeft. Vraag de regisseur van dat dossier om samen te voegen.',
  'error.merge_not_found': 'Deze samenvoeging is niet gevonden.',
  'error.merge_already_undone': 'Deze samenvoeging is al ongedaan gemaakt.',
  'error.merge_cannot_undo':
    'Deze samenvoeging kan niet ongedaan worden gemaakt: de persoon die bleef bestaat niet meer of is daarna zelf samengevoegd. Maak eerst die latere samenvoeging ongedaan.',
  'error.open_case_exists':
    'Dit huishouden heeft al een lopend dossier. Voeg de aanmelding daaraan toe, of leg vast waarom er een tweede dossier nodig is.',
  'error.user_has_open_cases': 'Deze gebruiker heeft nog lopende dossiers. Draag ze eerst over aan een andere werker.',
  'error.internal':
    'Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de functioneel beheerder.',
} as const;

export type MessageKey = keyof typeof nl;

/** Looks up a text; `{name}` placeholders are filled from `vars`. Unknown keys return the key so gaps are visible. */
export function translate(key: string, vars?: Record<string, string | number>): string {
  const text = (nl as Record<string, string>)[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}
