/**
 * Dutch texts of the dashboards and the quality mirror (merged by `app/i18n.ts`). The figures themselves — table
 * titles, definitions, row and column labels — come from the API, because the exports use exactly the same texts.
 */
export const managementInformationMessages = {
  'nav.managementInformation': 'Sturingsinformatie',
  'home.actionDashboard': 'Sturingsinformatie bekijken',
  'mi.navLabel': 'Sturingsinformatie',
  'mi.navDashboard': 'Dashboard',
  'mi.navMirror': 'Kwaliteitsspiegel',

  // ---- dashboard ----
  'mi.title': 'Sturingsinformatie',
  'mi.introTeam':
    'Wat het team leert van de eigen registratie: instroom, doorlooptijden, werkvoorraad, resultaten, continuïteit en normaliseren. Alle cijfers komen uit wat werkers al vastleggen; niemand registreert er iets extra voor.',
  'mi.introMunicipality':
    'De cijfers van alle wijkteams van de gemeente, alleen als totalen. U ziet geen personen en geen dossiers.',
  'mi.filtersHeading': 'Filters',
  'mi.from': 'Van',
  'mi.to': 'Tot en met',
  'mi.team': 'Team',
  'mi.allTeams': 'Alle teams',
  'mi.area': 'Gebied (wijk)',
  'mi.allAreas': 'Alle gebieden',
  'mi.apply': 'Cijfers tonen',
  'mi.periodInverted': 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.',
  'mi.dateInvalid': 'Vul een datum in als jjjj-mm-dd.',
  'mi.about': 'Cijfers van {teams}, van {from} tot en met {to}.',
  'mi.privacyTitle': 'Alleen totalen, kleine aantallen verborgen.',
  'mi.privacyText':
    'Een aantal van minder dan {threshold} dossiers (of aanmeldingen, acties, signalen) staat er als “<{threshold}”, ook in de downloads. Zou een verborgen cel uit een totaal terug te rekenen zijn, dan is ook een tweede cel verborgen: die staat er als “x”. Een gemiddelde of percentage over minder dan {threshold} dossiers staat er als “te weinig”. Elke weergave en download wordt vastgelegd in het toegangslogboek.',
  'mi.smallNumbersText':
    'Bij een klein team of een korte periode zijn daardoor veel cellen verborgen. Kies een langere periode of alle teams om meer te zien. “–” betekent: geen gegevens.',
  'mi.downloadsHeading': 'Downloaden',
  'mi.downloadCsv': 'Download CSV',
  'mi.downloadXlsx': 'Download Excel (XLSX)',
  'mi.downloadPdf': 'Rapport (PDF)',
  'mi.downloadsNote': 'Met dezelfde filters en dezelfde verborgen cellen als hierboven.',
  'mi.contents': 'Inhoud',
  'mi.snapshot': 'Stand van vandaag, los van de gekozen periode.',
  'mi.chartOf': 'Grafiek: {title}',
  'mi.chartAlt': '{kind} van “{column}”: {values}.',
  'mi.chartBar': 'Staafdiagram',
  'mi.chartLine': 'Lijndiagram',
  'mi.chartHint': 'De tabel hieronder bevat dezelfde cijfers.',
  'mi.rowHeader': 'Onderdeel',
  'mi.suppressed': 'minder dan {threshold}',
  'mi.markerComplementary': 'x',
  'mi.suppressedComplementary': 'verborgen om een klein aantal te beschermen',
  'mi.markerFewCases': 'te weinig',
  'mi.suppressedFewCases': 'te weinig: over minder dan {threshold} dossiers',
  'mi.legendSmall': '<{threshold}: een aantal van 1 tot en met {max}, verborgen zodat niemand herkenbaar is.',
  'mi.legendComplementary':
    'x: verborgen om een klein aantal elders in de tabel te beschermen; anders was dat uit het totaal terug te rekenen.',
  'mi.legendFewCases':
    'te weinig: een gemiddelde, mediaan of percentage over minder dan {threshold} dossiers wordt niet getoond.',
  'mi.legendLabel': 'Verborgen cijfers in deze tabel',
  'mi.chartAllHidden': 'Geen grafiek: alle waarden ervan zijn verborgen. De tabel hieronder zegt waarom.',
  'mi.chartNoData': 'Geen grafiek: er zijn geen gegevens in deze periode.',
  'mi.noData': 'geen gegevens',
  'mi.notMeasuredHeading': 'Nog niet gemeten',
  'mi.notMeasuredIntro': 'Deze onderdelen vraagt de gemeente wel, maar de registratie kan ze (nog) niet meten:',
  'mi.loadFailed': 'De cijfers konden niet worden geladen.',

  // ---- quality mirror ----
  'mirror.title': 'Kwaliteitsspiegel',
  'mirror.intro':
    'De 15 werkzame elementen van Movisie als spiegel voor het team. Per element ziet u wat de registratie erover zegt — met dezelfde cijfers en dezelfde verborgen cellen als het dashboard — en de zelfevaluatie van het team per kwartaal.',
  'mirror.filtersHeading': 'Team en periode van de cijfers',
  'mirror.team': 'Team',
  'mirror.apply': 'Tonen',
  'mirror.teamOf': 'Team: {team}. Cijfers van {from} tot en met {to}.',
  'mirror.elementsHeading': 'De 15 werkzame elementen',
  'mirror.indicator': 'Wat de registratie laat zien',
  'mirror.value': 'Waarde',
  'mirror.noIndicators': 'Geen cijfers uit de registratie.',
  'mirror.seeDashboard': 'Zie het dashboard',
  'mirror.assessHeading': 'Zelfevaluatie vastleggen',
  'mirror.assessIntro':
    'Geef per element een score van 1 (nog niet) tot 5 (helemaal) en schrijf op wat het team ziet en wil verbeteren. Vul in wat u wilt; een element zonder score en toelichting blijft leeg.',
  'mirror.assessPrivacy':
    'Schrijf over de werkwijze van het team, zonder namen of andere persoonsgegevens van inwoners.',
  'mirror.quarter': 'Kwartaal',
  'mirror.quarterLabel': '{n}e kwartaal {year}',
  'mirror.score': 'Score voor {element}',
  'mirror.scoreNone': 'Geen score',
  'mirror.notes': 'Toelichting bij {element}',
  'mirror.save': 'Zelfevaluatie opslaan',
  'mirror.saved': 'De zelfevaluatie van {quarter} is opgeslagen.',
  'mirror.conflict':
    'Iemand anders heeft de zelfevaluatie van dit kwartaal net gewijzigd. De nieuwste versie staat nu in het formulier; uw eigen invoer is vervangen. Vul uw wijziging opnieuw in.',
  'mirror.readOnly': 'Alleen de coördinator van het team legt de zelfevaluatie vast; u kunt hem lezen.',
  'mirror.compareHeading': 'Zelfevaluaties door de tijd',
  'mirror.compareCaption': 'Scores per werkzaam element en kwartaal (1 = nog niet, 5 = helemaal)',
  'mirror.element': 'Werkzaam element',
  'mirror.noAssessments': 'Het team heeft nog geen zelfevaluatie vastgelegd.',
  'mirror.notesHeading': 'Toelichtingen van {quarter}',
  'mirror.updatedBy': 'Laatst gewijzigd op {date} door {name}.',
  'mirror.noNotes': 'Geen toelichtingen.',
} as const;
