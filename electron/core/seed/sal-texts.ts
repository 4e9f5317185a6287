/** Host companies, tasks and path notes for the synthetic SAL register (plausible for the Narnese-Amerino). */

/** A sector: its ATECO code, how its companies are named, what a tirocinante does there. */
export interface SeedSector {
  ateco: string;
  descrizione: string;
  nomi: readonly string[];
  forma: readonly string[];
  mansioni: readonly string[];
}

export const SECTORS: readonly SeedSector[] = [
  {
    ateco: '81.21',
    descrizione: 'Pulizia generale di edifici',
    nomi: ['Cooperativa sociale Il Ponte', 'Pulizie', 'Cooperativa sociale La Rocca', 'Servizi integrati'],
    forma: ['soc. coop. sociale', 'srl', 'snc'],
    mansioni: ['Addetto alle pulizie di uffici', 'Addetta alla sanificazione degli ambienti'],
  },
  {
    ateco: '56.10',
    descrizione: 'Ristoranti e attività di ristorazione mobile',
    nomi: ['Trattoria', 'Ristorante La Loggia', 'Osteria del Borgo', 'Pizzeria'],
    forma: ['snc', 'sas', 'srl'],
    mansioni: ['Aiuto cuoco', 'Addetto al lavaggio stoviglie e alla sala'],
  },
  {
    ateco: '47.11',
    descrizione: 'Commercio al dettaglio in esercizi non specializzati (supermercati)',
    nomi: ['Market', 'Supermercato', 'Alimentari'],
    forma: ['srl', 'snc'],
    mansioni: ['Addetto al rifornimento degli scaffali', 'Addetta alla cassa e al banco'],
  },
  {
    ateco: '01.30',
    descrizione: 'Riproduzione delle piante (florovivaismo)',
    nomi: ['Vivai', 'Azienda agricola', 'Serre'],
    forma: ['società agricola', 'ss'],
    mansioni: ['Addetto alla cura delle piante in serra', 'Operaio agricolo'],
  },
  {
    ateco: '88.10',
    descrizione: 'Assistenza sociale non residenziale per anziani e disabili',
    nomi: ['Cooperativa sociale Arcobaleno', 'Cooperativa sociale Il Girasole', 'Centro diurno'],
    forma: ['soc. coop. sociale'],
    mansioni: ['Aiuto nelle attività del centro diurno', 'Accompagnamento e animazione'],
  },
  {
    ateco: '52.10',
    descrizione: 'Magazzinaggio e custodia',
    nomi: ['Logistica', 'Magazzini', 'Depositi'],
    forma: ['srl', 'spa'],
    mansioni: ['Magazziniere', 'Addetto allo smistamento merci'],
  },
  {
    ateco: '10.71',
    descrizione: 'Produzione di pane e prodotti di pasticceria freschi',
    nomi: ['Forno', 'Panificio', 'Pasticceria'],
    forma: ['snc', 'sas'],
    mansioni: ['Aiuto panettiere', 'Addetta al confezionamento e alla vendita'],
  },
  {
    ateco: '45.20',
    descrizione: 'Manutenzione e riparazione di autoveicoli',
    nomi: ['Autofficina', 'Carrozzeria', 'Gommista'],
    forma: ['snc', 'srl'],
    mansioni: ['Aiuto meccanico', 'Addetto al cambio gomme e al lavaggio'],
  },
  {
    ateco: '55.10',
    descrizione: 'Alberghi e strutture simili',
    nomi: ['Hotel', 'Albergo', 'Agriturismo'],
    forma: ['srl', 'sas'],
    mansioni: ['Addetta ai piani', 'Addetto al ricevimento e alla colazione'],
  },
  {
    ateco: '81.30',
    descrizione: 'Cura e manutenzione del paesaggio',
    nomi: ['Cooperativa sociale Il Sentiero', 'Giardini', 'Verde pubblico'],
    forma: ['soc. coop. sociale', 'srl'],
    mansioni: ['Giardiniere', 'Addetto alla manutenzione del verde'],
  },
  {
    ateco: '84.11',
    descrizione: 'Attività generali di amministrazione pubblica',
    nomi: ['Comune'],
    forma: [''],
    mansioni: ['Supporto alla biblioteca comunale', 'Aiuto agli uffici e all’archivio'],
  },
];

export const INVIANTI = [
  'Servizio sociale professionale',
  'Servizio sociale professionale',
  'Centro di salute mentale',
  'Servizio per le dipendenze (SerD)',
  'Centro per l’impiego di Terni',
  'Servizio di integrazione lavorativa',
];

export const COMPETENZE = [
  'Uso del muletto',
  'Pulizie professionali',
  'Lavori agricoli',
  'Cucina di base',
  'Uso del computer e della posta elettronica',
  'Assistenza agli anziani',
  'Piccola manutenzione',
];

export const ASPETTATIVE = [
  'Lavoro part-time vicino a casa',
  'Un impiego stabile nel settore',
  'Riprendere un ritmo di lavoro dopo un periodo difficile',
  'Acquisire esperienza da mettere nel curriculum',
];

export const OBIETTIVI = [
  'Acquisire autonomia nelle mansioni assegnate e rispettare gli orari',
  'Sviluppare competenze tecniche spendibili nel settore',
  'Rafforzare le capacità relazionali nel gruppo di lavoro',
];

export const CONTRATTI = ['Tempo determinato 12 mesi, part-time', 'Tempo indeterminato, part-time', 'Apprendistato professionalizzante', 'Tempo determinato 6 mesi, full-time'];

export const MOTIVI_CESSAZIONE = [
  'Il tirocinante ha trovato un altro lavoro',
  'Problemi di salute incompatibili con la mansione',
  'Trasferimento della famiglia in un’altra regione',
  'Assenze ripetute non giustificate',
];

export const MOTIVI_PROROGA = ['Consolidare le competenze acquisite', 'Completare il percorso dopo la sospensione', 'Richiesta dell’azienda in vista di un’assunzione'];

export const ASSENZE = ['malattia', 'permesso', 'visita medica', 'ferie concordate'];
