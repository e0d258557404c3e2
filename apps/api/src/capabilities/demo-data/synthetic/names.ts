/**
 * Word lists for the synthetic municipality, written for Nabij (not copied from a name register). The mix
 * follows a Dutch city: mostly Dutch names, and Moroccan-, Turkish-, Surinamese-, Antillean-, Polish-,
 * Syrian- and Eritrean-Dutch names. Municipalities, districts and organisations are fictional; street
 * names are common ones that exist in many towns. Any likeness to a real person is chance.
 */

export const FEMALE_FIRST_NAMES = [
  'Emma', 'Julia', 'Sophie', 'Anna', 'Lotte', 'Sanne', 'Lisa', 'Eva', 'Fleur', 'Noor', 'Tess', 'Mila', 'Saar', 'Zoë', 'Lieke',
  'Iris', 'Femke', 'Marloes', 'Ingrid', 'Petra', 'Monique', 'Sandra', 'Linda', 'Marieke', 'Annemarie', 'Wilma', 'Gerda',
  'Truus', 'Joke', 'Ria', 'Corrie', 'Henny', 'Willemijn', 'Esther', 'Mariska', 'Natasja', 'Kim', 'Anouk', 'Manon', 'Daphne',
  'Evelien', 'Hanneke', 'Jolanda', 'Karin', 'Miranda', 'Nicole', 'Yvonne', 'Astrid', 'Bianca', 'Carla', 'Diana', 'Elske',
  'Geertje', 'Hilde', 'Jacqueline', 'Margreet', 'Roos', 'Sara', 'Nina', 'Isa', 'Liv', 'Yara', 'Fenna', 'Jet', 'Maud',
  'Naima', 'Fatima', 'Khadija', 'Salma', 'Yasmina', 'Samira', 'Hafsa', 'Malika', 'Ikram', 'Soumaya', 'Aicha', 'Latifa',
  'Aylin', 'Elif', 'Zeynep', 'Büşra', 'Merve', 'Esra', 'Hatice', 'Emine', 'Ayşe', 'Derya',
  'Shanti', 'Rachna', 'Priya', 'Shirley', 'Chantal', 'Jennifer', 'Sharon', 'Melissa', 'Quisha', 'Jaïra', 'Gisela',
  'Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Amal', 'Rahel', 'Hiba', 'Nour', 'Lina', 'Rima', 'Selam', 'Helen', 'Senait',
];

export const MALE_FIRST_NAMES = [
  'Daan', 'Sem', 'Lucas', 'Finn', 'Levi', 'Noah', 'Luuk', 'Bram', 'Jesse', 'Thijs', 'Ruben', 'Tim', 'Joost', 'Mark', 'Peter',
  'Jan', 'Kees', 'Henk', 'Gerrit', 'Willem', 'Hendrik', 'Johan', 'Piet', 'Cor', 'Bert', 'Ton', 'Sjaak', 'Frank', 'Erik',
  'Marco', 'Dennis', 'Rob', 'Jeroen', 'Martijn', 'Bas', 'Wouter', 'Arjan', 'Bart', 'Coen', 'Dirk', 'Edwin', 'Gijs', 'Hans',
  'Jasper', 'Kevin', 'Laurens', 'Michiel', 'Niels', 'Patrick', 'Remco', 'Sander', 'Stefan', 'Teun', 'Vincent', 'Wim',
  'Jurre', 'Milan', 'Stijn', 'Olivier', 'Max', 'Mees', 'Siem', 'Gerard', 'Klaas', 'Ruud', 'Theo', 'Fred', 'Harm',
  'Mohamed', 'Youssef', 'Ahmed', 'Bilal', 'Omar', 'Hamza', 'Mustafa', 'Karim', 'Rachid', 'Said', 'Anouar', 'Soufiane',
  'Emre', 'Mehmet', 'Murat', 'Burak', 'Kerem', 'Hakan', 'Yusuf', 'Ömer', 'Serkan', 'Cem',
  'Anil', 'Ravi', 'Romano', 'Ricardo', 'Dwayne', 'Glenn', 'Orlando', 'Jurgen', 'Sharif', 'Rajesh',
  'Piotr', 'Tomasz', 'Krzysztof', 'Marek', 'Yonas', 'Tesfay', 'Samir', 'Khaled', 'Ibrahim', 'Tareq', 'Dawit', 'Filmon',
];

/** [infix, last name, weight]: common names weigh more, so a search on a common prefix finds many people. */
export const LAST_NAMES: ReadonlyArray<readonly [string | null, string, number]> = [
  ['de', 'Jong', 40], [null, 'Jansen', 38], ['de', 'Vries', 36], ['van den', 'Berg', 30], ['van', 'Dijk', 30], [null, 'Bakker', 29],
  [null, 'Janssen', 28], [null, 'Visser', 27], [null, 'Smit', 26], [null, 'Meijer', 25], ['de', 'Boer', 24], [null, 'Mulder', 23],
  ['de', 'Groot', 22], [null, 'Bos', 22], [null, 'Vos', 21], [null, 'Peters', 21], [null, 'Hendriks', 20], ['van', 'Leeuwen', 20],
  [null, 'Dekker', 19], [null, 'Brouwer', 19], ['de', 'Wit', 18], [null, 'Dijkstra', 18], [null, 'Smits', 17], ['de', 'Graaf', 17],
  [null, 'Kok', 16], ['van der', 'Meer', 16], ['van der', 'Linden', 15], [null, 'Jacobs', 15], ['de', 'Haan', 15], [null, 'Vermeulen', 14],
  ['van den', 'Heuvel', 14], ['van der', 'Veen', 14], ['van den', 'Broek', 13], ['de', 'Bruijn', 13], ['de', 'Bruin', 13], ['van der', 'Heijden', 13],
  [null, 'Schouten', 12], ['van', 'Beek', 12], [null, 'Willems', 12], ['van', 'Vliet', 12], ['van de', 'Ven', 11], [null, 'Hoekstra', 11],
  [null, 'Maas', 11], [null, 'Verhoeven', 11], [null, 'Koster', 10], ['van', 'Dam', 10], ['van der', 'Wal', 10], [null, 'Prins', 10],
  [null, 'Blom', 10], [null, 'Huisman', 10], ['de', 'Jonge', 9], [null, 'Kuipers', 9], ['van', 'Veen', 9], [null, 'Post', 9],
  [null, 'Kuiper', 9], [null, 'Veenstra', 9], [null, 'Kramer', 9], ['van den', 'Brink', 8], [null, 'Scholten', 8], ['van', 'Wijk', 8],
  [null, 'Postma', 8], [null, 'Martens', 8], [null, 'Vink', 8], ['de', 'Ruiter', 8], [null, 'Timmermans', 7], [null, 'Groen', 7],
  [null, 'Gerritsen', 7], [null, 'Jonker', 7], ['van', 'Loon', 7], [null, 'Boer', 7], ['van der', 'Velde', 7], [null, 'Willemsen', 7],
  [null, 'Smeets', 6], [null, 'Lammers', 6], ['de', 'Lange', 6], ['van der', 'Laan', 6], [null, 'Verbeek', 6], [null, 'Koopman', 6],
  [null, 'Wouters', 6], [null, 'Hermans', 6], [null, 'Evers', 5], ['van', 'Rijn', 5], [null, 'Zwart', 5], ['ter', 'Horst', 5],
  [null, 'Bosman', 5], [null, 'Mol', 5], ['van', 'Ginkel', 4], [null, 'Hofman', 4], [null, 'Kaptein', 4], ['van', 'Es', 4],
  [null, 'Wolters', 4], ['ten', 'Brink', 4], [null, 'Haverkamp', 3], [null, 'Boersma', 3], ['van', 'Hattem', 3], [null, 'Nijland', 3],
  [null, 'Oosterhuis', 3], ['van', 'Oort', 3], [null, 'Sluiter', 3], [null, 'Rademaker', 3], ["'t", 'Hart', 3], ['op de', 'Beek', 2],
  [null, 'El Amrani', 9], [null, 'Bouzid', 8], [null, 'Benali', 8], [null, 'El Idrissi', 7], [null, 'Ouali', 6], [null, 'Haddou', 6],
  [null, 'Azzouz', 5], [null, 'El Khattabi', 5], [null, 'Boukhari', 5], [null, 'Ait Ben Ali', 4], [null, 'Chaoui', 4], [null, 'El Hamdaoui', 4],
  [null, 'Amrani', 4], [null, 'Ziani', 4], [null, 'Tahiri', 3], [null, 'Ouahabi', 3],
  [null, 'Yılmaz', 9], [null, 'Kaya', 8], [null, 'Demir', 8], [null, 'Çelik', 7], [null, 'Şahin', 7], [null, 'Yıldız', 6],
  [null, 'Öztürk', 6], [null, 'Aydın', 6], [null, 'Arslan', 5], [null, 'Doğan', 5], [null, 'Koç', 4], [null, 'Kılıç', 4], [null, 'Polat', 3],
  [null, 'Sitaldin', 4], [null, 'Ramdin', 4], [null, 'Martina', 4], [null, 'Pinas', 4], [null, 'Kromodimedjo', 3], [null, 'Tjon', 3],
  [null, 'Lie', 3], [null, 'Wijngaarde', 3], [null, 'Biharie', 3], [null, 'Djoe', 2], [null, 'Statia', 2], [null, 'Rosario', 3],
  [null, 'Kowalski', 4], [null, 'Nowak', 4], [null, 'Wiśniewski', 3], [null, 'Kowalczyk', 2], [null, 'Mazur', 2],
  [null, 'Al-Hassan', 3], [null, 'Haddad', 3], [null, 'Khalil', 3], [null, 'Al-Ahmad', 2],
  [null, 'Tesfay', 3], [null, 'Gebremedhin', 2], [null, 'Haile', 2], [null, 'Kidane', 2],
];

export const STREETS = [
  'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Schoolstraat', 'Stationsweg', 'Beatrixstraat', 'Julianastraat', 'Wilhelminastraat',
  'Lindenlaan', 'Eikenlaan', 'Beukenlaan', 'Kastanjelaan', 'Populierenstraat', 'Berkenhof', 'Rozenstraat', 'Tulpstraat',
  'Narcisstraat', 'Lelieweg', 'Vlierstraat', 'Irisstraat', 'Merelstraat', 'Lijsterbeslaan', 'Zwaluwstraat', 'Koekoekweg',
  'Meeuwenlaan', 'Spoorstraat', 'Havenstraat', 'Marktstraat', 'Nieuwstraat', 'Hoofdstraat', 'Van Goghstraat', 'Rembrandtlaan',
  'Vermeerstraat', 'Mondriaanplein', 'Pieter de Hoochstraat', 'Jan Steenstraat', 'Frans Halsstraat', 'Erasmusweg',
  'Spinozastraat', 'Thorbeckelaan', 'Troelstralaan', 'Kanaalweg', 'Dijkstraat', 'Polderweg', 'Sluisweg', 'Weidelaan',
  'Akkerweg', 'Smidsstraat', 'Bakkerstraat', 'Prins Bernhardlaan', 'Oranjestraat', 'Nassaulaan', 'Parkweg', 'Vondellaan',
  'Bilderdijkstraat', 'Da Costastraat', 'Multatulistraat', 'Busken Huetstraat', 'Schubertlaan', 'Mozartstraat', 'Chopinlaan',
  'Vivaldistraat', 'Dotterbloemstraat', 'Klaverweide', 'Zonnebloemstraat', 'Sterrenlaan', 'Planetenbaan', 'Maanstraat',
  'Zeeheldenplein', 'De Ruyterstraat', 'Trompstraat', 'Piet Heinstraat', 'Evertsenstraat', 'Koningsweg', 'Burgemeester de Withstraat',
  'Esdoornlaan', 'Wilgenhof', 'Elzenstraat', 'Hazelaarweg', 'Kamperfoeliestraat', 'Jasmijnstraat', 'Seringenlaan',
];

/** Fictional municipalities. The first five make the `large` layout; `xl` uses all twenty-five. */
export const MUNICIPALITIES = [
  'Waterstad', 'Heuvelrode', 'Polderwijk', 'Bosweide', 'Duinhaven', 'Rivierdal', 'Zandvoort aan de Vliet', 'Lindeveen', 'Oosterkamp',
  'Hogeloo', 'Westerbroek', 'Molendijk', 'Veenhuizen aan de Aa', 'Brugwaard', 'Kanaalstad', 'Eikenrode', 'Zuidermeer', 'Noorderhaven',
  'Beekdal', 'Hofwijk', 'Leemveld', 'Sluiskerk', 'Weidebroek', 'Dijkhoven', 'Ravenstede',
];

export const DISTRICTS = [
  'Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Havenkwartier', 'Molenbuurt', 'Parkwijk', 'Rivierenbuurt', 'Bloemenwijk', 'Vogelwijk',
  'Schildersbuurt', 'Stationskwartier', 'Oude Stad', 'Nieuwland', 'Dijkzicht', 'Kanaalzone', 'Bomenwijk', 'Sterrenwijk',
  'Componistenbuurt', 'Zeeheldenbuurt', 'Dichtersbuurt', 'Waterwijk', 'Hoogkamp', 'Lage Weide', 'Kerkewijk', 'Sportparkbuurt',
  'Oranjebuurt', 'Tuinstad', 'Zuidrand', 'Noordrand', 'Het Veld', 'De Hoven', 'Buitenhof', 'Oud-Oost', 'Nieuw-West', 'De Kade',
  'Polderrand', 'Singelbuurt', 'Wilgenhoek', 'Eikenhorst', 'Het Laantje', 'Marktkwartier', 'Slotwijk', 'De Akkers', 'Weverswijk',
  'Spoorzone', 'Beekzijde', 'Heidepark', 'Kloosterbuurt',
];

export const REFERRER_ORGANISATIONS: ReadonlyArray<readonly [string, string]> = [
  ['Huisartsenpraktijk De Linde', 'huisarts'],
  ['Huisartsenpraktijk Centrum', 'praktijkondersteuner'],
  ['Basisschool De Regenboog', 'intern begeleider'],
  ['Basisschool Het Kompas', 'intern begeleider'],
  ['Woningcorporatie Thuisbaas', 'woonconsulent'],
  ['Woningstichting De Sleutel', 'wijkbeheerder'],
  ['Veilig Thuis regio', 'medewerker'],
  ['Wijkagent politie', 'wijkagent'],
  ['Jeugdgezondheidszorg', 'jeugdverpleegkundige'],
  ['Schuldhulpverlening gemeente', 'schuldhulpverlener'],
  ['Thuiszorg Samen', 'wijkverpleegkundige'],
  ['GGZ-team regio', 'sociaal psychiatrisch verpleegkundige'],
  ['Voortgezet onderwijs Het Lyceum', 'zorgcoördinator'],
  ['Leerplicht gemeente', 'leerplichtambtenaar'],
];

export const CONTACT_NOTES = [
  'Huisbezoek afgelegd. Post samen doorgenomen; twee aanmaningen van de zorgverzekeraar gevonden. Afgesproken dat mevrouw zelf belt.',
  'Telefonisch contact. Het gaat wat beter sinds de afspraak met de schuldhulpverlening; de betalingsregeling loopt.',
  'Samen naar het spreekuur van de woningcorporatie geweest. Er is een betalingsregeling voor de huurachterstand afgesproken.',
  'Gesprek op kantoor. Meneer vertelt dat hij slecht slaapt en weinig de deur uit komt. Gevraagd naar contact met de huisarts.',
  'Netwerkbijeenkomst met zus, buurvrouw en de jeugdverpleegkundige. Wie doet wat is vastgelegd in het plan.',
  'Videobelafspraak. Voortgang van de doelen besproken; het taalcafé bevalt goed, de budgetcursus start volgende maand.',
  'Niet thuis getroffen bij huisbezoek. Kaartje achtergelaten met het verzoek om terug te bellen.',
  'Telefonisch overleg met de intern begeleider van school: het verzuim is de laatste weken afgenomen.',
  'Huisbezoek. De kinderen waren thuis; sfeer rustig. Moeder geeft aan dat de opvoedondersteuning helpt.',
  'Mevrouw belde zelf: de uitkering is stopgezet door een ontbrekend formulier. Samen het formulier ingevuld en opgestuurd.',
  'Gesprek over het stoppen van de hulp. Het huishouden redt zich weer; afgesproken om over drie maanden nog eens te bellen.',
  'Overleg met de GGZ-consulent over de warme overdracht. Kennismakingsgesprek staat gepland.',
  'Begeleid naar de voedselbank voor de intake. Aanvraag is rond; eerste pakket volgende week.',
  'Kort telefonisch contact, geen bijzonderheden. Volgende afspraak bevestigd.',
  'Huisbezoek met de vrijwilliger van de thuisadministratie. Vaste dag per week afgesproken om de post te doen.',
  'Gesprek met meneer en zijn dochter over mantelzorg. Dochter neemt het boodschappen doen op zich.',
];

/** The help question in the household's own words, per ZRM 2017 domain. */
export const QUESTIONS: Record<string, string> = {
  finances: 'Ik heb schulden en de rekeningen stapelen zich op. Ik weet niet meer waar ik moet beginnen.',
  work_education: 'Ik ben mijn werk kwijtgeraakt en wil graag weer aan de slag, maar weet niet hoe.',
  time_use: 'Ik zit de hele dag thuis en heb geen ritme meer.',
  housing: 'We dreigen uit huis gezet te worden door de huurachterstand.',
  domestic_relations: 'Er is veel ruzie thuis en de kinderen hebben daar last van.',
  mental_health: 'Ik voel me al maanden somber en kom nergens meer toe.',
  physical_health: 'Door mijn rugklachten kan ik het huishouden niet meer aan.',
  substance_use: 'Mijn partner drinkt te veel en dat geeft problemen.',
  basic_adl: 'Mijn moeder kan zichzelf niet meer goed verzorgen.',
  instrumental_adl: 'Ik kan de brieven niet goed lezen en de administratie loopt achter.',
  social_network: 'Ik ken hier niemand en voel me eenzaam.',
  community_participation: 'Ik wil graag vrijwilligerswerk doen maar durf niet goed.',
  justice: 'Ik heb een boete gekregen die ik niet kan betalen en er loopt een zaak.',
};

export const GOALS: Record<string, readonly [string, string]> = {
  finances: ['Ik kan mijn post niet bijhouden en heb schulden.', 'Ik doe zelf mijn administratie en betaal mijn rekeningen op tijd.'],
  work_education: ['Ik heb geen werk en geen dagritme.', 'Ik volg een traject naar werk en heb een vaste dagbesteding.'],
  time_use: ['Mijn dagen hebben geen structuur.', 'Ik heb drie dagen per week een vaste bezigheid.'],
  housing: ['Er is een huurachterstand en een dreigende ontruiming.', 'We wonen zeker in ons huis en de huur wordt betaald.'],
  domestic_relations: ['Er zijn veel spanningen tussen ons als ouders.', 'We maken afspraken zonder ruzie waar de kinderen bij zijn.'],
  mental_health: ['Ik voel me somber en zit vast.', 'Ik heb hulp bij mijn klachten en weet wat ik kan doen als het slechter gaat.'],
  physical_health: ['Door mijn klachten lukt het huishouden niet.', 'Ik krijg hulp bij het huishouden en heb een behandelplan.'],
  substance_use: ['Het drinken geeft problemen thuis.', 'Er is hulp voor het drinken en thuis is het rustiger.'],
  basic_adl: ['Zelfverzorging lukt niet meer goed.', 'Er is dagelijks hulp bij de verzorging.'],
  instrumental_adl: ['Ik kan de Nederlandse brieven niet goed lezen.', 'Ik begrijp mijn post en weet wie ik kan vragen.'],
  social_network: ['Ik voel me eenzaam en ken weinig mensen.', 'Ik heb elke week contact met mensen buiten mijn huis.'],
  community_participation: ['Ik doe niet mee in de buurt.', 'Ik doe één dagdeel per week vrijwilligerswerk.'],
  justice: ['Er loopt een boete en een zaak.', 'De boete is geregeld en ik houd me aan de afspraken met de reclassering.'],
};

export const ACTIONS: Record<string, readonly string[]> = {
  finances: ['Post elke week samen openen met de vrijwilliger', 'Aanmelden bij schuldhulpverlening', 'Budgetcursus volgen'],
  work_education: ['Gesprek met de werkconsulent', 'Proefplaatsing bij de kringloopwinkel'],
  time_use: ['Dagritme opschrijven', 'Wekelijks naar de inloop van het buurthuis'],
  housing: ['Betalingsregeling met de woningcorporatie', 'Huurtoeslag aanvragen'],
  domestic_relations: ['Opvoedondersteuning in de wijk', 'Gesprek met beide ouders samen'],
  mental_health: ['Afspraak bij de huisarts', 'Aanmelden bij de praktijkondersteuner GGZ'],
  physical_health: ['Huishoudelijke hulp aanvragen', 'Afspraak fysiotherapeut'],
  substance_use: ['Gesprek met de verslavingszorg', 'Partner aanmelden voor lotgenotengroep'],
  basic_adl: ['Thuiszorg inschakelen', 'Dochter helpt in het weekend'],
  instrumental_adl: ['Taalcafé op dinsdag', 'Vrijwillige thuisadministratie'],
  social_network: ['Maatjesproject aanmelden', 'Samen naar de buurtmaaltijd'],
  community_participation: ['Kennismaken bij de vrijwilligerscentrale', 'Meehelpen in de buurttuin'],
  justice: ['Contact met het CJIB over een regeling', 'Afspraak reclassering nakomen'],
};

export const NETWORK_NAMES = ['zus', 'broer', 'moeder', 'vader', 'buurvrouw', 'buurman', 'vriendin', 'vriend', 'tante', 'oom', 'collega', 'vrijwilliger van de kerk'];

export const PROFESSIONALS: ReadonlyArray<readonly [string, string]> = [
  ['Huisartsenpraktijk De Linde', 'huisarts'],
  ['Schuldhulpverlening gemeente', 'schuldhulpverlener'],
  ['GGZ-team regio', 'behandelaar'],
  ['Jeugdgezondheidszorg', 'jeugdverpleegkundige'],
  ['Woningcorporatie Thuisbaas', 'woonconsulent'],
  ['Thuiszorg Samen', 'wijkverpleegkundige'],
  ['Reclassering', 'reclasseringswerker'],
];

export const HOST_CATEGORIES = ['formulier invullen', 'vraag over toeslagen', 'doorverwijzing', 'informatie activiteiten', 'vraag over afval of buurt'];
