/** Texts of the shared conflict handling (version conflicts on edit forms), merged in app/i18n.ts. */
export const reliabilityMessages = {
  'conflict.message':
    'Iemand anders heeft dit opgeslagen terwijl u aan het bewerken was. Hieronder ziet u uw invoer naast de nieuwste opgeslagen versie. Uw invoer staat nog in het formulier: controleer die en sla opnieuw op, of neem de opgeslagen versie over.',
  'conflict.heading': 'Uw invoer en de nieuwste versie',
  'conflict.saveMine': 'Mijn invoer toch opslaan',
  'conflict.takeSaved': 'Opgeslagen versie overnemen',
} as const;
