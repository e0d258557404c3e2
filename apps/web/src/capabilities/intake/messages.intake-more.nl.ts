/**
 * Dutch texts of completing and correcting a referral, closing it without a case with a reason, the household's
 * language and interpreter, and consultations without a case ("even overleggen") — issue #17 items 4, 5, 10, 18.
 */
export const intakeMoreMessages = {
  // ---------- language and interpreter ----------
  'language.legend': 'Taal en tolk',
  'language.preferred': 'In welke taal voert het huishouden het gesprek het liefst?',
  'language.preferredDescription': 'Bijvoorbeeld Nederlands, Arabisch, Pools of Tigrinya.',
  'language.interpreterNeeded': 'Er is een tolk nodig bij gesprekken',
  'language.summary': 'Taal en tolk',
  'language.interpreter': 'Tolk nodig',
  'language.interpreterWith': 'Tolk nodig ({languages})',
  'language.noInterpreter': 'Geen tolk nodig',
  'language.noInterpreterWith': 'Geen tolk nodig; spreekt {languages}',
  'language.unknown': 'Niet bekend',
  'templates.placeholder.tolk':
    'een zin over de taal van het huishouden en of er een tolk nodig is (leeg als dat niet bekend is)',

  // ---------- the completeness checklist ----------
  'checklist.children_at_risk_for_meeting':
    'Veiligheid van kinderen: nog onbekend (“weet ik niet”) — een vraag voor het aanmeldoverleg',
  'meeting.questionForMeeting':
    'Vraag voor het overleg: zijn er kinderen van wie de veiligheid zorgen geeft? De verwijzer wist het niet.',

  // ---------- completing and correcting ----------
  'correct.heading': 'Aanvullen of corrigeren',
  'correct.intro':
    'Vul aan wat ontbrak of corrigeer wat niet klopt. Elke wijziging wordt met de reden bewaard en is hieronder terug te zien.',
  'correct.open': 'Gegevens aanvullen of corrigeren',
  'correct.personLegend': '{name}',
  'correct.linkedHint':
    'Deze persoon is gekoppeld. Wijzig de persoonsgegevens zelf op de persoonspagina; hier past u de aanmelding aan.',
  'correct.age': 'Leeftijd in jaren',
  'correct.ageDescription': 'Alleen als de geboortedatum niet bekend is.',
  'correct.reason': 'Reden van de wijziging',
  'correct.reasonDescription': 'Bijvoorbeeld: “Verwijzer teruggebeld” of “Adres stond verkeerd”.',
  'correct.save': 'Wijzigingen opslaan',
  'correct.saved': 'De aanmelding is aangevuld. De wijziging staat in de geschiedenis.',
  'correct.historyHeading': 'Geschiedenis van wijzigingen',
  'correct.historyNone': 'Er is nog niets gewijzigd sinds de aanmelding binnenkwam.',
  'correct.historyEntry': '{date} door {name}. Reden: {reason}',
  'correct.historyField': '{field}: {old} → {new}',
  'correct.historyFieldOf': '{field} van {person}: {old} → {new}',
  'correct.empty': '(leeg)',
  'correctionField.dateOfBirth': 'Geboortedatum',
  'correctionField.age': 'Leeftijd',
  'correctionField.street': 'Straat',
  'correctionField.houseNumber': 'Huisnummer',
  'correctionField.houseNumberAddition': 'Toevoeging',
  'correctionField.postcode': 'Postcode',
  'correctionField.city': 'Plaats',
  'correctionField.phone': 'Telefoonnummer',
  'correctionField.childrenAtRisk': 'Kinderen mogelijk niet veilig',
  'correctionField.residentAwareness': 'Weet de inwoner ervan',
  'correctionField.residentAwarenessNote': 'Toelichting',
  'correctionField.preferredLanguage': 'Taal',
  'correctionField.interpreterNeeded': 'Tolk nodig',

  // ---------- closing without a case ----------
  'close.reason': 'Reden van afsluiten',
  'close.note': 'Toelichting',
  'close.reasonRequired': 'Kies de reden van afsluiten.',
  'close.noteRequired': 'Licht toe waarom de aanmelding wordt afgesloten.',
  'close.noteDescription': 'Nodig bij “Andere reden”. Noem geen namen van anderen.',
  'close.textBefore':
    'Er is (nog) geen dossier. Sluit de aanmelding af als zij niet verder gaat, met de reden. Stuur daarna zo nodig een brief aan de verwijzer.',
  'close.closedHeading': 'Afgesloten zonder dossier',
  'close.closedBy': 'Afgesloten op {date} door {name}',
  'closeReason.decision': 'Volgens het kernbesluit',
  'closeReason.taken_up_elsewhere': 'Elders al opgepakt (regie elders)',
  'closeReason.no_consent': 'Geen toestemming van de inwoner',
  'closeReason.duplicate': 'Dubbele aanmelding',
  'closeReason.not_for_us': 'Niet voor het wijkteam',
  'closeReason.withdrawn': 'Ingetrokken door verwijzer of inwoner',
  'closeReason.other': 'Andere reden',

  // ---------- consultations without a case ("even overleggen") ----------
  'consult.title': 'Even overleggen',
  'consult.intro':
    'Een professional of inwoner vraagt het team om advies, zonder aanmelding. Leg vast waarover het ging, hoe de vraag binnenkwam, welk advies u gaf en hoeveel tijd het kostte — zonder namen of andere persoonsgegevens.',
  'consult.link': 'Even overleggen (advies zonder aanmelding)',
  'consult.formHeading': 'Overleg vastleggen',
  'consult.team': 'Team',
  'consult.asker': 'Wie vroeg om advies?',
  'consult.asker.professional': 'Een professional',
  'consult.asker.resident': 'Een inwoner',
  'consult.channel': 'Hoe kwam de vraag binnen?',
  'consult.channel.phone': 'Telefoon',
  'consult.channel.email': 'E-mail',
  'consult.channel.in_person': 'Persoonlijk',
  'consult.channel.other': 'Anders',
  'consult.topic': 'Onderwerp',
  'consult.topic.other': 'Iets anders',
  'consult.topicEmpty': 'Kies een onderwerp',
  'consult.advice': 'Welk advies gaf u?',
  'consult.adviceDescription': 'Zonder namen, adressen of andere gegevens waaraan iemand te herkennen is.',
  'consult.minutes': 'Bestede tijd in minuten',
  'consult.save': 'Overleg vastleggen',
  'consult.saved': 'Het overleg is vastgelegd.',
  'consult.listHeading': 'Overleg van de afgelopen drie maanden',
  'consult.listEmpty': 'Er is nog geen overleg vastgelegd.',
  'consult.caption': 'Overleg zonder aanmelding',
  'consult.when': 'Wanneer',
  'consult.what': 'Onderwerp en advies',
  'consult.time': 'Tijd',
  'consult.minutesShort': '{minutes} min.',
  'consult.referral': 'Aanmelding',
  'consult.toReferral': 'Omzetten in aanmelding',
  'consult.toReferralWhich': 'over {topic} van {date}',
  'consult.fromConsultation':
    'Deze aanmelding komt uit een overleg zonder aanmelding (“even overleggen”) en wordt daaraan gekoppeld. Vul nu de gegevens van de inwoner in.',
  'consult.questionPrefill': 'Na overleg met het team (even overleggen). Gegeven advies: {advice}',
} as const;
