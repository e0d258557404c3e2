/** Twenty fictional households of "Gemeente Voorbeeld" in different situations. Any likeness to real people is chance. */
export interface DemoMember {
  first: string;
  infix?: string;
  last: string;
  dob: string;
  relation: 'parent' | 'child' | 'partner' | 'other';
  phone?: string;
  language?: string;
  interpreter?: boolean;
}
export interface DemoHousehold {
  name: string;
  street: string;
  postcode: string;
  number: string;
  team: 'Noord' | 'Zuid';
  situation: string;
  members: DemoMember[];
}

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    name: 'Huishouden De Vries',
    street: 'Lindelaan',
    postcode: '3511AB',
    number: '12',
    team: 'Noord',
    situation: 'single mother with rent arrears and two children',
    members: [
      { first: 'Petra', infix: 'de', last: 'Vries', dob: '1988-03-14', relation: 'parent', phone: '06-12345601' },
      { first: 'Daan', infix: 'de', last: 'Vries', dob: '2014-09-02', relation: 'child' },
      { first: 'Lotte', infix: 'de', last: 'Vries', dob: '2018-01-23', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden El Amrani',
    street: 'Kastanjestraat',
    postcode: '3512CD',
    number: '4',
    team: 'Noord',
    situation: 'family with debts, father out of work, language barrier',
    members: [
      {
        first: 'Youssef',
        last: 'El Amrani',
        dob: '1979-07-30',
        relation: 'parent',
        phone: '06-12345602',
        language: 'Arabisch',
        interpreter: true,
      },
      {
        first: 'Fatima',
        last: 'El Amrani',
        dob: '1983-11-11',
        relation: 'parent',
        language: 'Arabisch',
        interpreter: true,
      },
      { first: 'Amira', last: 'El Amrani', dob: '2009-05-19', relation: 'child' },
      { first: 'Bilal', last: 'El Amrani', dob: '2012-12-01', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Jansen',
    street: 'Molenweg',
    postcode: '3513EF',
    number: '88',
    team: 'Noord',
    situation: 'older man living alone, lonely, early dementia',
    members: [{ first: 'Hendrik', last: 'Jansen', dob: '1946-02-08', relation: 'other', phone: '030-1234503' }],
  },
  {
    name: 'Huishouden Bakker-Visser',
    street: 'Beukenhof',
    postcode: '3514GH',
    number: '23',
    team: 'Noord',
    situation: 'parenting problems with a teenager, school absence',
    members: [
      { first: 'Marco', last: 'Bakker', dob: '1975-06-21', relation: 'parent' },
      { first: 'Ingrid', last: 'Visser', dob: '1977-10-03', relation: 'partner', phone: '06-12345604' },
      { first: 'Sem', last: 'Bakker', dob: '2010-04-15', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Yilmaz',
    street: 'Tulpstraat',
    postcode: '3515JK',
    number: '7',
    team: 'Noord',
    situation: 'informal carer overburdened, mother with physical illness',
    members: [
      { first: 'Ayse', last: 'Yilmaz', dob: '1952-08-17', relation: 'parent', language: 'Turks', interpreter: true },
      { first: 'Emre', last: 'Yilmaz', dob: '1981-01-29', relation: 'child', phone: '06-12345605' },
    ],
  },
  {
    name: 'Huishouden Smit',
    street: 'Dorpsstraat',
    postcode: '3516LM',
    number: '145',
    team: 'Noord',
    situation: 'young man, addiction, threatened eviction',
    members: [{ first: 'Kevin', last: 'Smit', dob: '2001-12-09', relation: 'other', phone: '06-12345606' }],
  },
  {
    name: 'Huishouden Van den Berg',
    street: 'Wilgenlaan',
    postcode: '3517NP',
    number: '3',
    team: 'Noord',
    situation: 'domestic tension, Meldcode considerations',
    members: [
      { first: 'Rob', infix: 'van den', last: 'Berg', dob: '1984-05-05', relation: 'parent' },
      { first: 'Sandra', infix: 'van den', last: 'Berg', dob: '1986-09-14', relation: 'partner', phone: '06-12345607' },
      { first: 'Noah', infix: 'van den', last: 'Berg', dob: '2016-07-07', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Mohamed',
    street: 'Havenkade',
    postcode: '3518RS',
    number: '60',
    team: 'Noord',
    situation: 'status holder family, finding their way in paperwork and school',
    members: [
      {
        first: 'Abdi',
        last: 'Mohamed',
        dob: '1990-03-01',
        relation: 'parent',
        language: 'Somalisch',
        interpreter: true,
      },
      {
        first: 'Hodan',
        last: 'Mohamed',
        dob: '1993-06-12',
        relation: 'partner',
        language: 'Somalisch',
        interpreter: true,
      },
      { first: 'Idil', last: 'Mohamed', dob: '2019-11-30', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Meijer',
    street: 'Parkweg',
    postcode: '3519TV',
    number: '19',
    team: 'Noord',
    situation: 'woman with psychiatric problems and messy home',
    members: [{ first: 'Anja', last: 'Meijer', dob: '1968-12-24', relation: 'other', phone: '06-12345609' }],
  },
  {
    name: 'Huishouden De Jong',
    street: 'Schoolstraat',
    postcode: '3521AB',
    number: '2',
    team: 'Noord',
    situation: 'father with a disabled son, needs daytime activities',
    members: [
      { first: 'Willem', infix: 'de', last: 'Jong', dob: '1965-04-18', relation: 'parent', phone: '06-12345610' },
      { first: 'Thijs', infix: 'de', last: 'Jong', dob: '1998-08-08', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Hoekstra',
    street: 'Zonnebloemweg',
    postcode: '3581BC',
    number: '31',
    team: 'Zuid',
    situation: 'divorce, housing and money worries',
    members: [
      { first: 'Marieke', last: 'Hoekstra', dob: '1985-02-27', relation: 'parent', phone: '06-12345611' },
      { first: 'Jesse', last: 'Hoekstra', dob: '2013-03-03', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Pinas',
    street: 'Amazonestraat',
    postcode: '3582DE',
    number: '77',
    team: 'Zuid',
    situation: 'grandmother caring for grandchildren',
    members: [
      { first: 'Gerda', last: 'Pinas', dob: '1958-10-10', relation: 'parent', phone: '06-12345612' },
      { first: 'Shanice', last: 'Pinas', dob: '2011-01-15', relation: 'child' },
      { first: 'Jayden', last: 'Pinas', dob: '2015-06-25', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Kowalski',
    street: 'Industrieweg',
    postcode: '3583FG',
    number: '5',
    team: 'Zuid',
    situation: 'labour migrant, lost job and housing with it',
    members: [
      {
        first: 'Piotr',
        last: 'Kowalski',
        dob: '1987-09-09',
        relation: 'other',
        phone: '06-12345613',
        language: 'Pools',
        interpreter: true,
      },
    ],
  },
  {
    name: 'Huishouden Mulder',
    street: 'Eikenlaan',
    postcode: '3584HJ',
    number: '40',
    team: 'Zuid',
    situation: 'young mother, first child, no network',
    members: [
      { first: 'Sophie', last: 'Mulder', dob: '2004-04-04', relation: 'parent', phone: '06-12345614' },
      { first: 'Mila', last: 'Mulder', dob: '2025-02-14', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Van Dijk',
    street: 'Rozengracht',
    postcode: '3585KL',
    number: '12',
    team: 'Zuid',
    situation: 'couple, gambling debts',
    members: [
      { first: 'Erik', infix: 'van', last: 'Dijk', dob: '1972-11-20', relation: 'parent', phone: '06-12345615' },
      { first: 'Monique', infix: 'van', last: 'Dijk', dob: '1974-01-31', relation: 'partner' },
    ],
  },
  {
    name: 'Huishouden Rahimi',
    street: 'Vlierstraat',
    postcode: '3586MN',
    number: '9',
    team: 'Zuid',
    situation: 'teenage carer for a sick father',
    members: [
      { first: 'Reza', last: 'Rahimi', dob: '1970-05-28', relation: 'parent', language: 'Dari', interpreter: true },
      { first: 'Sara', last: 'Rahimi', dob: '2008-12-12', relation: 'child', phone: '06-12345616' },
    ],
  },
  {
    name: 'Huishouden Bos',
    street: 'Veldweg',
    postcode: '3587PR',
    number: '101',
    team: 'Zuid',
    situation: 'man after detention, needs housing and income',
    members: [{ first: 'Dennis', last: 'Bos', dob: '1992-07-17', relation: 'other', phone: '06-12345617' }],
  },
  {
    name: 'Huishouden Peters',
    street: 'Kerkplein',
    postcode: '3588ST',
    number: '6',
    team: 'Zuid',
    situation: 'large family, school problems and overcrowded home',
    members: [
      { first: 'Linda', last: 'Peters', dob: '1983-03-19', relation: 'parent', phone: '06-12345618' },
      { first: 'Tom', last: 'Peters', dob: '1981-08-02', relation: 'partner' },
      { first: 'Luuk', last: 'Peters', dob: '2009-10-10', relation: 'child' },
      { first: 'Fenna', last: 'Peters', dob: '2012-02-22', relation: 'child' },
      { first: 'Bram', last: 'Peters', dob: '2017-05-05', relation: 'child' },
    ],
  },
  {
    name: 'Huishouden Nguyen',
    street: 'Lotusplein',
    postcode: '3589VW',
    number: '14',
    team: 'Zuid',
    situation: 'entrepreneur in financial trouble, stress',
    members: [{ first: 'Thanh', last: 'Nguyen', dob: '1978-09-23', relation: 'other', phone: '06-12345619' }],
  },
  {
    name: 'Huishouden Veenstra',
    street: 'Heideweg',
    postcode: '3591XY',
    number: '55',
    team: 'Zuid',
    situation: 'older couple, wife with dementia, husband exhausted',
    members: [
      { first: 'Klaas', last: 'Veenstra', dob: '1944-06-06', relation: 'parent', phone: '030-1234520' },
      { first: 'Trijntje', last: 'Veenstra', dob: '1947-03-08', relation: 'partner' },
    ],
  },
];
